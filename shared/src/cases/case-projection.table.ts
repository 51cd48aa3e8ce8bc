import type { OrganisationKind, Seat } from '../auth/seats';
import type { CaseViewField } from './case.schemas';
import { categoriesSharedWithoutConsent, fieldsByConsentCategory } from './consent.rules';
import type { ConsentCategory } from './consent.schemas';

/**
 * The case's projection table: which fields each seat reads, and when. The server's projection
 * (`cases.projection.ts`) cuts every case view with it; the consent form derives from it what an
 * organisation will see, so the form never promises what the server does not do.
 */

/** What every seat that reaches a case sees of it: where it stands, not who it is. */
const caseStatus = [
  'id',
  'pseudonym',
  'version',
  'state',
  'allowedTransitions',
  'correction',
  'readyAt',
  'waitingDays',
  'waitingUntil',
  'isStalled',
  'outcome',
  'closedAt',
  'createdAt',
  'updatedAt',
  'lastActivityAt',
] as const;

/**
 * Which fields each seat reads (domain.md §3 decision 5 and §5). A corporation reads the housing
 * profile only: never diagnoses, risks, exception motivations or the address history. The chair's
 * region-wide list leaves out the sensitive section. Fields not listed are absent, not null.
 */
export const readableFields = {
  casemanager: [
    ...caseStatus,
    'owner',
    'identity',
    'contact',
    'household',
    'stay',
    'addresses',
    'isOriginUntraceable',
    'origin',
    'wishes',
    'housingNeeds',
    'supportNeeds',
    'sensitive',
    'exceptions',
    'excluded',
    'proposal',
    'missingForReady',
    'consentWarnings',
  ],
  chair: [
    ...caseStatus,
    'owner',
    'identity',
    'household',
    'stay',
    'addresses',
    'isOriginUntraceable',
    'origin',
    'wishes',
    'housingNeeds',
    'supportNeeds',
    'exceptions',
    'excluded',
    'proposal',
  ],
  municipality: [
    ...caseStatus,
    'owner',
    'identity',
    'household',
    'stay',
    'addresses',
    'isOriginUntraceable',
    'origin',
    'wishes',
    'housingNeeds',
    'supportNeeds',
    'exceptions',
    'excluded',
    'proposal',
  ],
  corporation: [...caseStatus, 'household', 'housingNeeds'],
  provider: [
    ...caseStatus,
    'owner',
    'identity',
    'contact',
    'household',
    'stay',
    'wishes',
    'housingNeeds',
    'supportNeeds',
  ],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly CaseViewField[]>;

/**
 * What a seat reads besides, only while its own organisation houses the resident: its offer on
 * the case is open or accepted, or the resident moved into its dwelling (the offer is completed:
 * it drew up the lease). Before an offer, and after its offer was declined, withdrawn, refused or
 * lapsed, it reads its row of `readableFields` alone. Consent still applies on top: name and
 * contact reach the corporation only with the resident's consent for it.
 */
export const readableWhileHousing = {
  casemanager: [],
  chair: [],
  municipality: [],
  corporation: ['identity', 'contact'],
  provider: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly CaseViewField[]>;

/** What the projection knows of the reader's relation to one case, read with the case (SQL). */
export interface CaseRelation {
  /** Its organisation's offer on the case is open or accepted, or the resident moved into its dwelling. */
  housesResident: boolean;
}

/** The fields of a seat's rows that apply to this relation, before consent and target group cut them. */
export function fieldsOfSeat(seat: Seat, relation: CaseRelation): CaseViewField[] {
  return [
    ...(readableFields[seat] as readonly CaseViewField[]),
    ...(relation.housesResident ? (readableWhileHousing[seat] as readonly CaseViewField[]) : []),
  ];
}

/**
 * The seat through which an organisation of a kind reads another organisation's case. A care
 * provider's or the coordination's case managers reach only their own organisation's cases; as a
 * recipient of consent a provider reads as the follow-up provider, the coordination as the chair.
 */
export const readingSeatOfOrganisationKind: Record<OrganisationKind, Seat> = {
  municipality: 'municipality',
  corporation: 'corporation',
  provider: 'provider',
  coordination: 'chair',
};

/** When an organisation sees a field: whenever it reaches the case, or only while it houses the resident. */
export type DisclosureMoment = 'whenReached' | 'whileHousing';

export interface CategoryDisclosure {
  category: ConsentCategory;
  /** Shared without consent (the housing profile names no one). */
  isFreeOfConsent: boolean;
  /** The fields of the category the organisation sees, and when; empty: never, whatever the consent. */
  fields: { field: CaseViewField; moment: DisclosureMoment }[];
}

/**
 * Per consent category, what an organisation of this kind sees of a case it reaches once the
 * category is consented to (or is free of consent): the fields its seat reads, and when.
 */
export function disclosureForOrganisationKind(kind: OrganisationKind): CategoryDisclosure[] {
  const seat = readingSeatOfOrganisationKind[kind];
  const always = readableFields[seat] as readonly CaseViewField[];
  const whileHousing = readableWhileHousing[seat] as readonly CaseViewField[];
  return (Object.keys(fieldsByConsentCategory) as ConsentCategory[]).map((category) => ({
    category,
    isFreeOfConsent: categoriesSharedWithoutConsent.includes(category),
    fields: fieldsByConsentCategory[category].flatMap(
      (field): { field: CaseViewField; moment: DisclosureMoment }[] =>
        always.includes(field)
          ? [{ field, moment: 'whenReached' }]
          : whileHousing.includes(field)
            ? [{ field, moment: 'whileHousing' }]
            : [],
    ),
  }));
}

/** The fields of the case file in a reader's words, for what consent shares. */
export const caseFieldDescription: Partial<Record<CaseViewField, string>> = {
  identity: 'de persoonsgegevens (naam, geboortedatum, BSN)',
  contact: 'de contactgegevens (telefoon, e-mail, bereikbaarheid)',
  addresses: 'de adresgeschiedenis',
  household: 'het huishouden',
  housingNeeds:
    'de woonbehoeften (kamers, toegankelijkheid, huur, gewenste en te vermijden wijken)',
  wishes: 'de woonwensen (gemeenten, woningtype, in eigen woorden)',
  supportNeeds: 'de ondersteuningsbehoefte in de vier leefgebieden',
  sensitive: 'de gevoelige informatie (diagnoses, verslaving, risico’s, veiligheid)',
  exceptions: 'de uitzonderingen op de herkomstregel met hun motivering',
  excluded: 'de uitgesloten gemeenten',
};

/** "a", "a en b", "a, b en c" */
export function listInDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)!}`;
}

const whileHousingText =
  'alleen zolang haar eigen aanbod op deze casus openstaat of is aanvaard, en vanaf de verhuizing naar haar woning; niet vóór een aanbod en niet meer na een afgewezen of ingetrokken aanbod';

/**
 * In one sentence, what an organisation sees of one category once it is consented to (or free of
 * consent), and when: derived from the projection table, so the form says what the server does.
 */
export function describeDisclosure(
  disclosure: CategoryDisclosure,
  organisationName: string,
): string {
  const described = (moment: DisclosureMoment) =>
    disclosure.fields
      .filter((f) => f.moment === moment)
      .map((f) => caseFieldDescription[f.field] ?? f.field);
  const always = described('whenReached');
  const whileHousing = described('whileHousing');
  if (!always.length && !whileHousing.length)
    return `${organisationName} ziet dit nooit, ook niet met toestemming: haar rol heeft het niet nodig.`;
  const parts: string[] = [];
  if (always.length)
    parts.push(`${organisationName} ziet, zolang de casus haar aangaat, ${listInDutch(always)}`);
  if (whileHousing.length)
    parts.push(
      `${always.length ? 'en' : `${organisationName} ziet`} ${listInDutch(whileHousing)}: ${whileHousingText}`,
    );
  return `${parts.join(', ')}.`;
}
