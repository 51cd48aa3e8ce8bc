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
  const facts: Fact[] = [];
  const add = (label: string, v: string | number | undefined | null) => {
    if (present(v)) facts.push({ label, value: String(v) });
  };
  switch (name) {
    case 'identity': {
      const v = value as Partial<CaseSections['identity']>;
      add('Voornaam', v.firstName);
      add('Achternaam', v.lastName);
      add('Geboortedatum', v.birthDate && formatDutchDate(v.birthDate));
      add('BSN', v.bsn);
      break;
    }
    case 'contact': {
      const v = value as CaseSections['contact'];
      add('Telefoon', v.phone);
      add('E-mailadres', v.email);
      add('Toelichting', v.note);
      break;
    }
    case 'household': {
      const v = value as CaseSections['household'];
      add('Volwassenen', v.adults);
      add('Kinderen', v.children);
      add('Toelichting', v.description);
      break;
    }
    case 'stay': {
      const v = value as Partial<CaseSections['stay']>;
      add('Doelgroep', v.targetGroup && targetGroupLabel[v.targetGroup]);
      add('Voorziening', v.facility);
      add('Opnamedatum', v.admissionDate && formatDutchDate(v.admissionDate));
      break;
    }
    case 'addresses': {
      const v = value as CaseSections['addresses'];
      // Also used for input still being typed (a conflict shows it): any part may be missing.
      v.forEach((address: Partial<CaseSections['addresses'][number]>, index) => {
        const street = address.street ? `, ${address.street}` : '';
        const kind = (address.kind && addressKindLabel[address.kind]) ?? 'Adres';
        const where = address.municipality
          ? nameOf(address.municipality)
          : 'een nog niet gekozen gemeente';
        const period = address.from
          ? formatDutchPeriod(address.from, address.to)
          : 'periode nog niet ingevuld';
        const source = address.source
          ? addressSourceLabel[address.source]
          : 'bron nog niet gekozen';
        add(`Adres ${index + 1}`, `${kind} in ${where}${street}, ${period} (${source})`);
      });
      break;
    }
    case 'isOriginUntraceable':
      add('Herkomst niet te achterhalen', yesNo(value as boolean));
      break;
    case 'wishes': {
      const v = value as CaseSections['wishes'];
      if (v.municipalities?.length)
        add(
          'Gemeenten (in volgorde van voorkeur)',
          v.municipalities.map((code, i) => `${i + 1}. ${nameOf(code)}`).join(', '),
        );
      add('Toelichting bij de wijken', v.neighbourhoodNote);
      add('Woningtype', v.dwellingType && dwellingTypeLabel[v.dwellingType]);
      add('In eigen woorden', v.ownWords);
      break;
    }
    case 'housingNeeds': {
      const v = value as CaseSections['housingNeeds'];
      add('Kamers', v.rooms === undefined ? undefined : roomsLabel(v.rooms));
      add(
        'Begane grond of lift nodig',
        v.groundFloorOrLift === undefined ? undefined : yesNo(v.groundFloorOrLift),
      );
      add(
        'Gebruikt een rolstoel',
        v.usesWheelchair === undefined ? undefined : yesNo(v.usesWheelchair),
      );
      add('Toegankelijkheid', v.accessibility);
      add('Huisdieren', v.pets);
      add('Maximale huur per maand', v.maxRent === undefined ? undefined : formatEuro(v.maxRent));
      add('Gewenste verhuisdatum', v.wishedMoveDate && formatDutchDate(v.wishedMoveDate));
      add('Gewenste wijken', v.wishedNeighbourhoods?.join(', '));
      add('Wijken om te vermijden', v.avoidedNeighbourhoods?.join(', '));
      break;
    }
    case 'supportNeeds': {
      const v = value as CaseSections['supportNeeds'];
      for (const domain of lifeDomains) add(lifeDomainLabel[domain], v[domain]);
      break;
    }
    case 'sensitive': {
      const v = value as CaseSections['sensitive'];
      add('Diagnoses', v.diagnoses);
      add('Verslaving', v.addiction);
      add('Risico’s', v.risks);
      add('Veiligheid en huiselijk geweld', v.safety);
      break;
    }
    case 'excluded':
      add('Uitgesloten gemeenten', (value as string[]).map(nameOf).join(', '));
      break;
    case 'exceptions':
      for (const exception of value as CaseSections['exceptions']) {
        const where = 'municipality' in exception ? ` (${nameOf(exception.municipality)})` : '';
        add(`Uitzondering ${exception.kind}${where}`, exception.motivation);
      }
      break;
  }
  return facts;
}
