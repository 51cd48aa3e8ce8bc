import {
  consentCategoryLabel,
  describeDisclosure,
  disclosureForOrganisationKind,
  type ConsentCategory,
  type OrganisationKind,
} from '@uitstroom/shared';

/** What any organisation may see of a category at most, before one is chosen. */
export const categoryExplanation: Record<ConsentCategory, string> = {
  identityContact: 'Naam, geboortedatum, telefoon en e-mail, en de adressen van vroeger.',
  housingProfile: 'Huishouden, woonwensen en wat de woning nodig heeft.',
  supportNeeds: 'Welke begeleiding, zorg en hulp bij geld de bewoner nodig heeft.',
  sensitive: 'Diagnoses, verslaving, risico’s en veiligheid, en waarom een uitzondering geldt.',
};

/**
 * Per category, what this organisation will see and when: the server's projection table (in
 * shared) decides, so the form promises exactly what the case page then shows it.
 */
export function disclosureSentences(
  kind: OrganisationKind,
  organisationName: string,
): Record<ConsentCategory, string> {
  return Object.fromEntries(
    disclosureForOrganisationKind(kind).map((d) => [
      d.category,
      describeDisclosure(d, organisationName),
    ]),
  ) as Record<ConsentCategory, string>;
}

/** The notice after a consent was recorded: per consented category, what the organisation now sees and when. */
export function recordedNotice(
  organisationName: string,
  kind: OrganisationKind | undefined,
  categories: readonly ConsentCategory[],
): string {
  if (!categories.length)
    return `De weigering is vastgelegd: de bewoner deelt niets met ${organisationName}.`;
  if (!kind)
    return `De toestemming is vastgelegd voor ${organisationName}: ${categories.map((c) => consentCategoryLabel[c].toLowerCase()).join(', ')}.`;
  const sentences = disclosureSentences(kind, organisationName);
  return `De toestemming is vastgelegd. ${categories.map((c) => `${consentCategoryLabel[c]}: ${sentences[c]}`).join(' ')}`;
}
