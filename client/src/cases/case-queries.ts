import { useMutation, useQuery } from '@tanstack/react-query';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { caseDecisionSchema, type CaseDecision } from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { fetchCase, type ProjectedCase } from './case-api';

/** The case as this seat may see it. */
export function useCaseQuery(caseId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.case(caseId ?? ''),
    queryFn: ({ signal }) => fetchCase(caseId!, signal),
    enabled: !!caseId,
  });
}

/**
 * A newer view of the case (the answer to a write, or a live event): it replaces the cached one,
 * never an older version over a newer one (the answer to one's own save may come after the event).
 * A consent change keeps the version, so an equal one is taken too.
 */
export function setCaseView(caseId: string, next: ProjectedCase): void {
  queryClient.setQueryData<ProjectedCase>(queryKeys.case(caseId), (current) =>
    current && (next.version ?? 0) < (current.version ?? 0) ? current : next,
  );
}

/** The case changed: what is read beside it (placement, support, documents, decision, fits) is read again. */
export function invalidateCaseParts(caseId: string): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: queryKeys.case(caseId),
    predicate: (query) => query.queryKey.length > 2,
  });
}

/** Read the case itself again (after a consent changes, what it misses comes from the server). */
export function invalidateCase(caseId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId), exact: true });
}

/**
 * A write on a case (a step, a hand-over, a saved section): its answer is the case's new view, set
 * at once (never over a newer one); the lists of cases and the tasks, which show the case's state,
 * are read again.
 */
export function useCaseWrite<B>(write: (body: B) => Promise<ProjectedCase>) {
  return useMutation({
    mutationFn: write,
    onSuccess: (next) => {
      if (next.id) setCaseView(next.id, next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tasks });
    },
  });
}

/** The case's decision; null while the table has not decided (the API's 404 for a case in reach). */
function fetchDecision(caseId: string, signal: AbortSignal): Promise<CaseDecision | null> {
  return request(
    apiClient.GET('/api/cases/{caseId}/decision', { params: { path: { caseId } }, signal }),
    { schema: caseDecisionSchema },
  ).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
}

/** The table's decision on the case and its preconditions; asked only where the case has one. */
export function useCaseDecisionQuery(caseId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.caseDecision(caseId),
    queryFn: ({ signal }) => fetchDecision(caseId, signal),
    enabled,
  });
}
