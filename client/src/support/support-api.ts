import { z } from 'zod';
import {
  erasureCandidateSchema,
  erasureResultSchema,
  escalationTableSchema,
  supportViewSchema,
  type CloseSupport,
  type EraseCase,
  type ErasureCandidate,
  type RaiseSignal,
  type RelapsePlanInput,
  type StartSupport,
  type SupportEntry,
  type SupportView,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { useWrite } from '../core/query/use-write';

/** The seat's projection of the support log: a part the seat may not see is absent, not empty. */
export type ProjectedSupport = Partial<SupportView>;
export type EscalationTable = z.infer<typeof escalationTableSchema>;

const projectedSupportSchema = supportViewSchema.partial();
const onCase = (caseId: string) => ({ params: { path: { caseId } } });
const asSupport = (call: Promise<{ data?: unknown; response: Response }>) =>
  request(call, { schema: projectedSupportSchema });

export function fetchSupport(caseId: string, signal?: AbortSignal): Promise<ProjectedSupport> {
  return asSupport(apiClient.GET('/api/cases/{caseId}/support', { ...onCase(caseId), signal }));
}
export const startSupport = (caseId: string, body: StartSupport) =>
  asSupport(apiClient.POST('/api/cases/{caseId}/support/start', { ...onCase(caseId), body }));
export const addSupportEntry = (caseId: string, body: SupportEntry) =>
  asSupport(apiClient.POST('/api/cases/{caseId}/support/entries', { ...onCase(caseId), body }));
export const raiseSignal = (caseId: string, body: RaiseSignal) =>
  asSupport(apiClient.POST('/api/cases/{caseId}/support/signals', { ...onCase(caseId), body }));
export const saveRelapsePlan = (caseId: string, body: RelapsePlanInput) =>
  asSupport(apiClient.POST('/api/cases/{caseId}/support/plan', { ...onCase(caseId), body }));
export const agreeRelapsePlan = (caseId: string, version: number) =>
  asSupport(
    apiClient.POST('/api/cases/{caseId}/support/plan/agree', {
      ...onCase(caseId),
      body: { version },
    }),
  );
export const answerCheck = (
  caseId: string,
  checkId: string,
  body: { stillLivesThere: boolean; tenancyConverted: boolean },
) =>
  asSupport(
    apiClient.POST('/api/cases/{caseId}/support/checks/{checkId}', {
      params: { path: { caseId, checkId } },
      body,
    }),
  );
export const closeSupport = (caseId: string, body: CloseSupport) =>
  asSupport(apiClient.POST('/api/cases/{caseId}/support/close', { ...onCase(caseId), body }));

/** Upcoming tables of the region (title and date only), to escalate a signal to. */
export function fetchEscalationTables(signal?: AbortSignal): Promise<EscalationTable[]> {
  return request(apiClient.GET('/api/support/escalation-tables', { signal }), {
    schema: z.array(escalationTableSchema),
  });
}

// ---- erasure and retention (the region's administrator) ----

export function fetchErasureCandidates(signal?: AbortSignal): Promise<ErasureCandidate[]> {
  return request(apiClient.GET('/api/retention/candidates', { signal }), {
    schema: z.array(erasureCandidateSchema),
  });
}
export function eraseCase(caseId: string, body: EraseCase) {
  return request(
    apiClient.POST('/api/retention/cases/{caseId}/erase', { params: { path: { caseId } }, body }),
    { schema: erasureResultSchema },
  );
}

/**
 * A write on a case's follow-up support: its answer is the support log's new state, which replaces
 * the cached one. The call is the thunk given to `mutateAsync`.
 */
export function useSupportWrite(caseId: string) {
  return useWrite({
    write: (call: () => Promise<ProjectedSupport>) => call(),
    sets: () => queryKeys.caseSupport(caseId),
  });
}

/** Erases a closed case: the list of candidates, the case and the lists of cases change. */
export function useEraseCase() {
  return useWrite({
    write: ({ caseId, body }: { caseId: string; body: EraseCase }) => eraseCase(caseId, body),
    invalidates: (_result, { caseId }) => [
      queryKeys.erasureCandidates,
      queryKeys.case(caseId),
      queryKeys.cases,
    ],
  });
}
