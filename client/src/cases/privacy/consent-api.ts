import { z } from 'zod';
import { consentSchema, type Consent, type RecordConsent } from '@uitstroom/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient, request } from '../../core/api';
import { queryClient } from '../../core/query/query-client';
import { queryKeys } from '../../core/query/query-keys';

/** The resident's consents on a case, as the owning case manager records and withdraws them. */

export function fetchConsents(caseId: string, signal?: AbortSignal): Promise<Consent[]> {
  return request(
    apiClient.GET('/api/cases/{caseId}/consents', { params: { path: { caseId } }, signal }),
    { schema: z.array(consentSchema) },
  );
}

export function recordConsent(caseId: string, body: RecordConsent): Promise<Consent> {
  return request(
    apiClient.POST('/api/cases/{caseId}/consents', { params: { path: { caseId } }, body }),
    { schema: consentSchema },
  );
}

/** Takes effect at once: the organisation's next request no longer receives these categories. */
export function withdrawConsent(caseId: string, consentId: string): Promise<Consent> {
  return request(
    apiClient.POST('/api/cases/{caseId}/consents/{consentId}/withdraw', {
      params: { path: { caseId, consentId } },
      body: {},
    }),
    { schema: consentSchema },
  );
}

/**
 * Records or withdraws a consent (the call is the thunk given to `mutateAsync`): the changed consent
 * goes to the top of the case's list, and the case is read again, since what it still misses and
 * what other organisations see of it change with a consent.
 */
export function useConsentWrite(caseId: string) {
  return useMutation({
    mutationFn: (call: () => Promise<Consent>) => call(),
    onSuccess: (changed) => {
      queryClient.setQueryData<Consent[]>(queryKeys.caseConsents(caseId), (current) => [
        changed,
        ...(current ?? []).filter((c) => c.id !== changed.id),
      ]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId), exact: true });
    },
  });
}
