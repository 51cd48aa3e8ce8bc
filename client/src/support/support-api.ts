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
import { api } from '../core/api';

/** The seat's projection of the support log: a part the seat may not see is absent, not empty. */
export type ProjectedSupport = Partial<SupportView>;
export type EscalationTable = z.infer<typeof escalationTableSchema>;

const projectedSupportSchema = supportViewSchema.partial();
const path = (caseId: string, rest = '') =>
  `/api/cases/${encodeURIComponent(caseId)}/support${rest}`;
const write = (caseId: string, rest: string, body: unknown) =>
  api('POST', path(caseId, rest), { body, schema: projectedSupportSchema });

export function fetchSupport(caseId: string, signal?: AbortSignal): Promise<ProjectedSupport> {
  return api('GET', path(caseId), { schema: projectedSupportSchema, signal });
}
export const startSupport = (caseId: string, body: StartSupport) => write(caseId, '/start', body);
export const addSupportEntry = (caseId: string, body: SupportEntry) =>
  write(caseId, '/entries', body);
export const raiseSignal = (caseId: string, body: RaiseSignal) => write(caseId, '/signals', body);
export const saveRelapsePlan = (caseId: string, body: RelapsePlanInput) =>
  write(caseId, '/plan', body);
export const agreeRelapsePlan = (caseId: string, version: number) =>
  write(caseId, '/plan/agree', { version });
export const answerCheck = (
  caseId: string,
  checkId: string,
  body: { stillLivesThere: boolean; tenancyConverted: boolean },
) => write(caseId, `/checks/${encodeURIComponent(checkId)}`, body);
export const closeSupport = (caseId: string, body: CloseSupport) => write(caseId, '/close', body);

/** Upcoming tables of the region (title and date only), to escalate a signal to. */
export function fetchEscalationTables(signal?: AbortSignal): Promise<EscalationTable[]> {
  return api('GET', '/api/support/escalation-tables', {
    schema: z.array(escalationTableSchema),
    signal,
  });
}

// ---- erasure and retention (the region's administrator) ----

export function fetchErasureCandidates(signal?: AbortSignal): Promise<ErasureCandidate[]> {
  return api('GET', '/api/retention/candidates', {
    schema: z.array(erasureCandidateSchema),
    signal,
  });
}
export function eraseCase(caseId: string, body: EraseCase) {
  return api('POST', `/api/retention/cases/${encodeURIComponent(caseId)}/erase`, {
    body,
    schema: erasureResultSchema,
  });
}
