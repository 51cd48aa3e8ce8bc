import {
  addressSourceLabel,
  dutchToday,
  dwellingTypeLabel,
  formatDutchDate,
  formatDutchDays,
  formatDutchTime,
  formatShortDutchDate,
  formatDutchInteger,
  formatDutchPeriod,
  lifeDomainLabel,
  lifeDomains,
  targetGroupLabel,
  type CaseSectionName,
  type CaseSections,
  type CaseView,
  type ProposalOutcome,
  roomsLabel,
} from '@uitstroom/shared';

/** A case as a seat may see it: a field the seat may not see is absent. */
type ProjectedCase = Partial<CaseView>;

/** The name where the seat sees it, else the pseudonym (never an empty heading). */
export function caseTitle(view: Pick<ProjectedCase, 'identity' | 'pseudonym'>): string {
  const name = [view.identity?.firstName, view.identity?.lastName].filter(Boolean).join(' ').trim();
  return name || view.pseudonym || 'Casus';
}

/** The engine's outcomes in plain Dutch (the same wording as "Zo werkt de herkomstregel"). */
export const outcomeLabel: Record<ProposalOutcome, string> = {
  herkomst: 'Terug naar de gemeente van herkomst',
  A: 'Uitzondering A: belemmeringen in de herkomstgemeente',
  B: 'Uitzondering B: betere kansen elders',
  C: 'Uitzondering C: herkomst onvindbaar, verdeling naar inwoneraantal',
  D: 'Uitzondering D: anders echt niet passend',
  buiten_regio: 'Herkomst buiten de regio: verwijzen',
};

export const addressKindLabel = {
  woonadres: 'Woonadres',
  instelling: 'Instelling',
  briefadres: 'Briefadres',
} as const;

/** `650` → `€ 650`, `650.5` → `€ 650,50`. */
export function formatEuro(amount: number): string {
  return `€ ${Number.isInteger(amount) ? formatDutchInteger(amount) : `${formatDutchInteger(Math.trunc(amount))},${amount.toFixed(2).slice(-2)}`}`;
}

// Dates and times come from the one Dutch calendar (shared/src/calendar): the Dutch day and
// clock, whatever the browser's time zone, so every seat reads the same day as the server.

/** `1` → `1 dag`, `12` → `12 dagen`. */
export const formatDays = formatDutchDays;

/** `2025-06-03T12:32:00Z` → `14:32`, Dutch time. */
export function formatTime(date: Date): string {
  return formatDutchTime(date);
}

/** A timestamp as its Dutch date: `3 juni 2025`. */
export function formatDutchTimestamp(iso: string): string {
  return formatDutchDate(iso);
}

/** A timestamp or a date as a short Dutch date for tables: `03-06-2025`. */
export function formatShortDate(iso: string): string {
  return formatShortDutchDate(iso);
}

/** Today in the Netherlands, `2026-12-07`. */
export function todayIsoDate(): string {
  return dutchToday();
}

/** The headings of the sections of the file. */
export const sectionTitle: Record<CaseSectionName, string> = {
  identity: 'Persoonsgegevens',
  contact: 'Contactgegevens',
  household: 'Huishouden',
  stay: 'Verblijf',
  addresses: 'Adresgeschiedenis',
  isOriginUntraceable: 'Herkomst niet te achterhalen',
  wishes: 'Wensen van de bewoner',
  housingNeeds: 'Woonbehoeften',
  supportNeeds: 'Ondersteuning in de vier leefgebieden',
  sensitive: 'Gevoelige informatie',
  exceptions: 'Uitzonderingen',
  excluded: 'Uitgesloten gemeenten',
};

export interface Fact {
  label: string;
  value: string;
}

const yesNo = (value: boolean) => (value ? 'Ja' : 'Nee');
const present = <T>(value: T | undefined | null): value is T =>
  value !== undefined && value !== null && value !== '';

/** A label and a value that may be missing: missing ones are left out of the facts. */
type MaybeFact = readonly [label: string, value: string | number | undefined | null];

/** How one section reads as facts; input still being typed may lack any part. */
type SectionDescriber<K extends CaseSectionName> = (
  value: Partial<CaseSections[K]>,
  nameOf: (code: string) => string,
) => MaybeFact[];

/** An address in one line; also for one still being typed (a conflict shows it). */
function describeAddress(
  address: Partial<CaseSections['addresses'][number]>,
  nameOf: (code: string) => string,
): string {
  const street = address.street ? `, ${address.street}` : '';
  const kind = (address.kind && addressKindLabel[address.kind]) ?? 'Adres';
  const where = address.municipality
    ? nameOf(address.municipality)
    : 'een nog niet gekozen gemeente';
  const period = address.from
    ? formatDutchPeriod(address.from, address.to)
    : 'periode nog niet ingevuld';
  const source = address.source ? addressSourceLabel[address.source] : 'bron nog niet gekozen';
  return `${kind} in ${where}${street}, ${period} (${source})`;
}

const describeHousingNeeds: SectionDescriber<'housingNeeds'> = (v) => [
  ['Kamers', v.rooms === undefined ? undefined : roomsLabel(v.rooms)],
  [
    'Begane grond of lift nodig',
    v.groundFloorOrLift === undefined ? undefined : yesNo(v.groundFloorOrLift),
  ],
  ['Gebruikt een rolstoel', v.usesWheelchair === undefined ? undefined : yesNo(v.usesWheelchair)],
  ['Toegankelijkheid', v.accessibility],
  ['Huisdieren', v.pets],
  ['Maximale huur per maand', v.maxRent === undefined ? undefined : formatEuro(v.maxRent)],
  ['Gewenste verhuisdatum', v.wishedMoveDate && formatDutchDate(v.wishedMoveDate)],
  ['Gewenste wijken', v.wishedNeighbourhoods?.join(', ')],
  ['Wijken om te vermijden', v.avoidedNeighbourhoods?.join(', ')],
];

/** Each section of the file as facts, in the order the page shows them. */
const sectionDescribers: { [K in CaseSectionName]: SectionDescriber<K> } = {
  identity: (v) => [
    ['Voornaam', v.firstName],
    ['Achternaam', v.lastName],
    ['Geboortedatum', v.birthDate && formatDutchDate(v.birthDate)],
    ['BSN', v.bsn],
  ],
  contact: (v) => [
    ['Telefoon', v.phone],
    ['E-mailadres', v.email],
    ['Toelichting', v.note],
  ],
  household: (v) => [
    ['Volwassenen', v.adults],
    ['Kinderen', v.children],
    ['Toelichting', v.description],
  ],
  stay: (v) => [
    ['Doelgroep', v.targetGroup && targetGroupLabel[v.targetGroup]],
    ['Voorziening', v.facility],
    ['Opnamedatum', v.admissionDate && formatDutchDate(v.admissionDate)],
  ],
  addresses: (addresses, nameOf) =>
    Array.from(addresses as CaseSections['addresses'], (address, index) => [
      `Adres ${index + 1}`,
      describeAddress(address, nameOf),
    ]),
  isOriginUntraceable: (value) => [['Herkomst niet te achterhalen', yesNo(value as boolean)]],
  wishes: (v, nameOf) => [
    [
      'Gemeenten (in volgorde van voorkeur)',
      v.municipalities?.length
        ? v.municipalities.map((code, i) => `${i + 1}. ${nameOf(code)}`).join(', ')
        : undefined,
    ],
    ['Toelichting bij de wijken', v.neighbourhoodNote],
    ['Woningtype', v.dwellingType && dwellingTypeLabel[v.dwellingType]],
    ['In eigen woorden', v.ownWords],
  ],
  housingNeeds: describeHousingNeeds,
  supportNeeds: (v) => lifeDomains.map((domain) => [lifeDomainLabel[domain], v[domain]]),
  sensitive: (v) => [
    ['Diagnoses', v.diagnoses],
    ['Verslaving', v.addiction],
    ['Risico’s', v.risks],
    ['Veiligheid en huiselijk geweld', v.safety],
  ],
  exceptions: (exceptions, nameOf) =>
    Array.from(exceptions as CaseSections['exceptions'], (exception) => {
      const where = 'municipality' in exception ? ` (${nameOf(exception.municipality)})` : '';
      return [`Uitzondering ${exception.kind}${where}`, exception.motivation];
    }),
  excluded: (codes, nameOf) => [
    ['Uitgesloten gemeenten', (codes as string[]).map(nameOf).join(', ')],
  ],
};

/**
 * A section as label–value pairs for reading: only what is filled in. Used on the case page and
 * to show "their" version beside the typed input after a conflict.
 */
export function describeSection<K extends CaseSectionName>(
  name: K,
  value: Partial<CaseSections>[K] | undefined,
  nameOf: (code: string) => string,
): Fact[] {
  if (value === undefined) return [];
  const describe = sectionDescribers[name] as SectionDescriber<K>;
  return describe(value as Partial<CaseSections[K]>, nameOf).flatMap(([label, v]) =>
    present(v) ? [{ label, value: String(v) }] : [],
  );
}
