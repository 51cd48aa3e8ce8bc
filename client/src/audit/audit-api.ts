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
import { apiClient, ApiError, apiUrl, queryOf, request } from '../core/api';

/** The access log, the resident's export and the privacy officer's search, as the client calls them. */
export function exportUrl(caseId: string): string {
  return apiUrl('/api/cases/{caseId}/export', { caseId });
}

export function fetchCaseExport(caseId: string, signal?: AbortSignal): Promise<CaseExport> {
  return request(
    apiClient.GET('/api/cases/{caseId}/export', { params: { path: { caseId } }, signal }),
    { schema: caseExportSchema },
  );
}

export function fetchCaseAccessLog(caseId: string, signal?: AbortSignal): Promise<CaseAccessLog> {
  return request(
    apiClient.GET('/api/cases/{caseId}/access-log', { params: { path: { caseId } }, signal }),
    { schema: caseAccessLogSchema },
  );
}

export function searchAuditLog(
  query: URLSearchParams,
  signal?: AbortSignal,
): Promise<AuditSearchResult> {
  return request(apiClient.GET('/api/audit', { params: { query: queryOf(query) }, signal }), {
    schema: auditSearchResultSchema,
  });
}

/** The workbook of every row the search finds (its filters, without the page). */
export function auditSearchWorkbookUrl(query: URLSearchParams): string {
  return apiUrl('/api/audit.xlsx', {}, query);
}

export function caseAccessLogWorkbookUrl(caseId: string): string {
  return apiUrl('/api/cases/{caseId}/access-log.xlsx', { caseId });
}

export function fetchRegionUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  return request(apiClient.GET('/api/admin/users', { signal }), {
    schema: z.array(userSummarySchema),
  });
}

export function fetchRegionOrganisations(signal?: AbortSignal): Promise<OrganisationSummary[]> {
  return request(apiClient.GET('/api/admin/organisations', { signal }), {
    schema: z.array(organisationSchema),
  });
}

/** A Dutch message for a failed call; a case out of reach reads the same as one that does not exist. */
export function messageOf(error: unknown, fallback: string): string {
  if (error instanceof ApiError)
    return error.status === 404
      ? 'Deze casus bestaat niet of valt buiten uw bereik.'
      : error.message;
  return fallback;
}
