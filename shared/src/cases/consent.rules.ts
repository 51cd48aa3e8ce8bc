import { addDays } from '../calendar/calendar';
import type { CaseViewField } from './case.schemas';
import type { ConsentCategory } from './consent.schemas';

/**
 * Which fields of the case view each consent category covers. The housing profile (household,
 * dwelling needs, wishes about place and type) names no one and is what the table needs to do its
 * task under the regional agreement, so it is shared without consent; name and contact, support
 * needs and sensitive information go to another organisation only with the resident's consent.
 */
export const fieldsByConsentCategory: Record<ConsentCategory, readonly CaseViewField[]> = {
  identityContact: ['identity', 'contact', 'addresses'],
  housingProfile: ['household', 'housingNeeds', 'wishes'],
  supportNeeds: ['supportNeeds'],
  sensitive: ['sensitive', 'exceptions', 'excluded'],
};
export const categoriesSharedWithoutConsent: readonly ConsentCategory[] = ['housingProfile'];

export interface ConsentRecordLike {
  organisationId: string;
  categories: readonly ConsentCategory[];
  givenOn: string;
  expiresOn: string | null;
  withdrawnAt: string | null;
}

export function isConsentActive(consent: ConsentRecordLike, today: string): boolean {
  return (
    !consent.withdrawnAt &&
    consent.givenOn <= today &&
    (!consent.expiresOn || consent.expiresOn >= today)
  );
}

/** The categories an organisation may receive today: the consent-free ones and those consented to. */
export function consentedCategories(
  consents: readonly ConsentRecordLike[],
  organisationId: string,
  today: string,
): Set<ConsentCategory> {
  const granted = new Set<ConsentCategory>(categoriesSharedWithoutConsent);
  for (const consent of consents) {
    if (consent.organisationId === organisationId && isConsentActive(consent, today))
      consent.categories.forEach((c) => granted.add(c));
  }
  return granted;
}

/** Fields an organisation may not receive for lack of consent. */
export function fieldsWithheldForConsent(
  granted: ReadonlySet<ConsentCategory>,
): Set<CaseViewField> {
  const withheld = new Set<CaseViewField>();
  for (const [category, fields] of Object.entries(fieldsByConsentCategory) as [
    ConsentCategory,
    readonly CaseViewField[],
  ][]) {
    if (!granted.has(category)) fields.forEach((f) => withheld.add(f));
  }
  return withheld;
}

export function isExpiringSoon(consent: ConsentRecordLike, today: string, days = 30): boolean {
  if (!consent.expiresOn || !isConsentActive(consent, today)) return false;
  const limit = addDays(today, days);
  return consent.expiresOn <= limit;
}
