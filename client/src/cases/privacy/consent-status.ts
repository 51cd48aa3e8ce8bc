import { consentCategoryLabel, listInDutch, type Consent } from '@uitstroom/shared';

export type ConsentStatus = 'active' | 'expired' | 'withdrawn' | 'notYetInForce';
export const consentStatusLabel: Record<ConsentStatus, string> = {
  active: 'Actief',
  expired: 'Verlopen',
  withdrawn: 'Ingetrokken',
  notYetInForce: 'Nog niet ingegaan',
};

/** Where a consent stands on `today` (a Dutch calendar day). */
export function consentStatusOf(consent: Consent, today: string): ConsentStatus {
  if (consent.withdrawnAt) return 'withdrawn';
  if (consent.isActive) return 'active';
  return consent.expiresOn && consent.expiresOn < today ? 'expired' : 'notYetInForce';
}

/** The categories of a consent in a Dutch sentence: "woonprofiel en ondersteuning". */
export function describeCategories(consent: Pick<Consent, 'categories'>): string {
  return listInDutch(consent.categories.map((c) => consentCategoryLabel[c].toLowerCase()));
}

const statusRank: Record<ConsentStatus, number> = {
  active: 0,
  notYetInForce: 1,
  expired: 2,
  withdrawn: 3,
};

/** Per organisation, then what holds now before what no longer does, newest first. */
export function orderConsents(consents: readonly Consent[], today: string): Consent[] {
  return [...consents].sort(
    (a, b) =>
      a.organisation.name.localeCompare(b.organisation.name, 'nl') ||
      statusRank[consentStatusOf(a, today)] - statusRank[consentStatusOf(b, today)] ||
      b.givenOn.localeCompare(a.givenOn),
  );
}
