import { z } from 'zod';
import {
  auditSearchResultSchema,
  caseAccessLogSchema,
  caseExportSchema,
  organisationSchema,
  userSummarySchema,
  type AuditSearchResult,
  type CaseAccessLog,
  type CaseExport,
  type OrganisationSummary,
  type UserSummary,
} from '@uitstroom/shared';
import { api, ApiError } from '../core/api';

/** The access log, the resident's export and the privacy officer's search, as the client calls them. */
export function exportUrl(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/export`;
}

export function fetchCaseExport(caseId: string, signal?: AbortSignal): Promise<CaseExport> {
  return api('GET', exportUrl(caseId), { schema: caseExportSchema, signal });
}

export function fetchCaseAccessLog(caseId: string, signal?: AbortSignal): Promise<CaseAccessLog> {
  return api('GET', `/api/cases/${encodeURIComponent(caseId)}/access-log`, {
    schema: caseAccessLogSchema,
    signal,
  });
}

export function searchAuditLog(
  query: URLSearchParams,
  signal?: AbortSignal,
): Promise<AuditSearchResult> {
  return api('GET', `/api/audit?${query.toString()}`, { schema: auditSearchResultSchema, signal });
}

export function fetchRegionUsers(): Promise<UserSummary[]> {
  return api('GET', '/api/admin/users', { schema: z.array(userSummarySchema) });
}

export function fetchRegionOrganisations(): Promise<OrganisationSummary[]> {
  return api('GET', '/api/admin/organisations', { schema: z.array(organisationSchema) });
}

/** A Dutch message for a failed call; a case out of reach reads the same as one that does not exist. */
export function messageOf(error: unknown, fallback: string): string {
  if (error instanceof ApiError)
    return error.status === 404
      ? 'Deze casus bestaat niet of valt buiten uw bereik.'
      : error.message;
  return fallback;
}
