import { z } from 'zod';
import {
  caseListSchema,
  caseViewSchema,
  colleagueSchema,
  type CaseList,
  type CaseSections,
  type CaseTransitionRequest,
  type CorrectStep,
  type CaseView,
  type CreateCase,
} from '@uitstroom/shared';
import { apiClient, ApiError, apiUrl, queryOf, request } from '../core/api';

/**
 * The cases API as the client uses it. Every answer is the seat's projection of the case: a field
 * the seat may not see is absent, so the pages render nothing for it.
 */
export const projectedCaseSchema = caseViewSchema.partial();
export type ProjectedCase = Partial<CaseView>;
export type Colleague = z.infer<typeof colleagueSchema>;

export function fetchCases(query: URLSearchParams, signal?: AbortSignal): Promise<CaseList> {
  return request(apiClient.GET('/api/cases', { params: { query: queryOf(query) }, signal }), {
    schema: caseListSchema,
  });
}

/** The workbook of every case the list's filters find (the query without its page), in the list's order. */
export function caseListWorkbookUrl(query: URLSearchParams): string {
  return apiUrl('/api/cases.xlsx', {}, query);
}

export function fetchCase(caseId: string, signal?: AbortSignal): Promise<ProjectedCase> {
  return request(apiClient.GET('/api/cases/{caseId}', { params: { path: { caseId } }, signal }), {
    schema: projectedCaseSchema,
  });
}

export function createCase(body: CreateCase): Promise<ProjectedCase> {
  return request(apiClient.POST('/api/cases', { body }), { schema: projectedCaseSchema });
}

export function updateCase(
  caseId: string,
  version: number,
  changes: Partial<CaseSections>,
): Promise<ProjectedCase> {
  return request(
    apiClient.PATCH('/api/cases/{caseId}', {
      params: { path: { caseId } },
      body: { version, changes },
    }),
    { schema: projectedCaseSchema },
  );
}

export function transitionCase(
  caseId: string,
  body: CaseTransitionRequest,
): Promise<ProjectedCase> {
  return request(
    apiClient.POST('/api/cases/{caseId}/transitions', { params: { path: { caseId } }, body }),
    { schema: projectedCaseSchema },
  );
}

/** Herstel of the case's last step (issue 27.2); the chair gives a reason. */
export function correctStep(caseId: string, body: CorrectStep): Promise<ProjectedCase> {
  return request(
    apiClient.POST('/api/cases/{caseId}/correction', { params: { path: { caseId } }, body }),
    { schema: projectedCaseSchema },
  );
}

export function handOverCase(
  caseId: string,
  version: number,
  toUserId: string,
): Promise<ProjectedCase> {
  return request(
    apiClient.POST('/api/cases/{caseId}/handover', {
      params: { path: { caseId } },
      body: { version, toUserId },
    }),
    { schema: projectedCaseSchema },
  );
}

export function fetchColleagues(): Promise<Colleague[]> {
  return request(apiClient.GET('/api/cases-colleagues'), { schema: z.array(colleagueSchema) });
}

/** A stale write: the server's current file and its version, from the 409's `details`. */
export interface VersionConflict {
  currentVersion: number;
  current: ProjectedCase;
}

export function asVersionConflict(error: unknown): VersionConflict | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const details = z
    .object({ currentVersion: z.int(), current: projectedCaseSchema })
    .safeParse(error.details);
  return details.success ? details.data : null;
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/** The wording of the missing item `consents` (no consent or refusal recorded yet), linked to the consent panel. */
export const consentMissingMessage =
  'De toestemming van de bewoner is nog niet vastgelegd: wat de bewoner wil delen, en met wie (ook een weigering telt).';
