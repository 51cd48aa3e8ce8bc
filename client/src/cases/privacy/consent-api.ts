import { z } from 'zod';
import {
  consentSchema,
  regionOrganisationSchema,
  type Consent,
  type RecordConsent,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { apiClient, request } from '../../core/api';

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

/** The organisations of the signed-in user's region: the parties a resident can share with. */
export function fetchRegionOrganisations(signal?: AbortSignal): Promise<RegionOrganisation[]> {
  return request(apiClient.GET('/api/region/organisations', { signal }), {
    schema: z.array(regionOrganisationSchema),
  });
}
