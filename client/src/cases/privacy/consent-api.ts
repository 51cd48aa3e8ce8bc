import { z } from 'zod';
import {
  consentSchema,
  regionOrganisationSchema,
  type Consent,
  type RecordConsent,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { api } from '../../core/api';

/** The resident's consents on a case, as the owning case manager records and withdraws them. */

function consentsPath(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/consents`;
}

export function fetchConsents(caseId: string, signal?: AbortSignal): Promise<Consent[]> {
  return api('GET', consentsPath(caseId), { schema: z.array(consentSchema), signal });
}

export function recordConsent(caseId: string, body: RecordConsent): Promise<Consent> {
  return api('POST', consentsPath(caseId), { body, schema: consentSchema });
}

/** Takes effect at once: the organisation's next request no longer receives these categories. */
export function withdrawConsent(caseId: string, consentId: string): Promise<Consent> {
  return api('POST', `${consentsPath(caseId)}/${encodeURIComponent(consentId)}/withdraw`, {
    body: {},
    schema: consentSchema,
  });
}

/** The organisations of the signed-in user's region: the parties a resident can share with. */
export function fetchRegionOrganisations(signal?: AbortSignal): Promise<RegionOrganisation[]> {
  return api('GET', '/api/region/organisations', {
    schema: z.array(regionOrganisationSchema),
    signal,
  });
}
