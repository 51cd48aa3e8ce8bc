import {
  caseFieldDescription,
  consentCategoryLabel,
  fieldsByConsentCategory,
  listInDutch,
  describeDisclosure,
  disclosureForOrganisationKind,
  type ConsentCategory,
  type OrganisationKind,
} from '@uitstroom/shared';

/** What a category holds, before an organisation is chosen: what of it one sees depends on its role. */
export const categoryExplanation = Object.fromEntries(
  (Object.keys(fieldsByConsentCategory) as ConsentCategory[]).map((category) => {
    const text = listInDutch(
      fieldsByConsentCategory[category].map((field) => caseFieldDescription[field] ?? field),
    );
    return [
      category,
      `${text.charAt(0).toUpperCase()}${text.slice(1)}: wat een organisatie daarvan ziet, hangt af van haar rol.`,
    ];
  }),
) as Record<ConsentCategory, string>;

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
