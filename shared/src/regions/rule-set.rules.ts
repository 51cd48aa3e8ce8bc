import { addDays, daysInMonth, formatDutchDate } from '../calendar/calendar';
import { formatDutchInteger } from '../origin-rule/dutch-format';
import {
  targetGroupLabel,
  type Agreement,
  type RuleSetConfig,
  type RuleSetMunicipality,
} from './rule-set.schemas';

/**
 * Pure rules on a region's rule set: which agreement period a date falls in, and what changed
 * between two versions. No I/O, no clock: dates are arguments ('YYYY-MM-DD').
 */

export interface AgreementPeriod {
  /** First day of the period, inclusive. */
  readonly start: string;
  /** Last day of the period, inclusive. */
  readonly end: string;
  /** 0 for the first period, 1 for the first extension, and so on. */
  readonly index: number;
}

/**
 * The agreement period that contains `date`. The first period runs from `firstPeriodStart` to
 * `firstPeriodEnd`; each extension starts the day after the previous end and runs
 * `extensionYears` years (the Akkoord: "eindigt op 31 december 2022 … kan telkens met 2 jaar
 * verlengd worden"). Both boundaries are inclusive.
 *
 * A date before the first start belongs to the first period (index 0): the distribution ledger
 * must count every allocation somewhere, and a table that starts before its agreement is signed
 * works under the agreement it is about to sign. An end on the last day of a month stays on the
 * last day of its month in every extension (so a period ending 29 February ends on the 28th in
 * a common year, and on the 29th again in a leap year).
 *
 * @throws RangeError when `date` is not a real calendar date.
 */
export function agreementPeriodOn(
  config: { readonly agreement: Agreement },
  date: string,
): AgreementPeriod {
  assertIsoDate(date);
  const { firstPeriodStart, firstPeriodEnd, extensionYears } = config.agreement;
  if (date <= firstPeriodEnd) return { start: firstPeriodStart, end: firstPeriodEnd, index: 0 };
  const endOf = (index: number) => shiftYears(firstPeriodEnd, index * extensionYears);
  // A first guess from the years alone, then corrected by at most a step either way.
  let index = Math.max(1, Math.floor((yearOf(date) - yearOf(firstPeriodEnd)) / extensionYears));
  while (endOf(index) < date) index += 1;
  while (index > 1 && endOf(index - 1) >= date) index -= 1;
  return { start: nextDay(endOf(index - 1)), end: endOf(index), index };
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertIsoDate(date: string): void {
  const match = isoDatePattern.exec(date);
  const [year, month, day] = match
    ? [Number(match[1]), Number(match[2]), Number(match[3])]
    : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Geen geldige datum (jjjj-mm-dd): ${date}`);
  }
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shiftYears(date: string, years: number): string {
  const [year, month, day] = [
    yearOf(date) + years,
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
  ];
  const isMonthEnd = day === daysInMonth(yearOf(date), month);
  const last = daysInMonth(year, month);
  return formatDate(year, month, isMonthEnd ? last : Math.min(day, last));
}

function nextDay(date: string): string {
  return addDays(date, 1);
}

// ---------------------------------------------------------------------------------------------

const arrow = ' → ';

function plural(count: number, one: string, many: string): string {
  return `${formatDutchInteger(count)} ${count === 1 ? one : many}`;
}

function describePeriod(agreement: Agreement): string {
  return `${formatDutchDate(agreement.firstPeriodStart)} t/m ${formatDutchDate(agreement.firstPeriodEnd)}`;
}

/**
 * What changed from one version to the next, in plain Dutch lines for the history
 * (e.g. "Inwoners Almere: 226.500 → 228.000"). The order of municipalities and of target groups
 * is presentation, not content, and is not reported. Without a previous version: "Eerste versie".
 */
export function describeRuleSetChanges(
  previous: RuleSetConfig | null,
  next: RuleSetConfig,
): string[] {
  if (previous === null) return ['Eerste versie.'];
  const changes: string[] = [];

  const before = new Map<string, RuleSetMunicipality>(
    previous.municipalities.map((m) => [m.code, m]),
  );
  const after = new Set(next.municipalities.map((m) => m.code));
  for (const municipality of next.municipalities) {
    const old = before.get(municipality.code);
    if (!old) {
      changes.push(
        `Gemeente toegevoegd: ${municipality.name} (${municipality.code}), ${plural(municipality.population, 'inwoner', 'inwoners')} (peiljaar ${municipality.populationYear})`,
      );
      continue;
    }
    if (old.name !== municipality.name)
      changes.push(`Naam ${municipality.code}: ${old.name}${arrow}${municipality.name}`);
    if (old.population !== municipality.population) {
      changes.push(
        `Inwoners ${municipality.name}: ${formatDutchInteger(old.population)}${arrow}${formatDutchInteger(municipality.population)}`,
      );
    }
    if (old.populationYear !== municipality.populationYear) {
      changes.push(
        `Peiljaar inwoners ${municipality.name}: ${old.populationYear}${arrow}${municipality.populationYear}`,
      );
    }
    if ((old.objectionProcedure ?? null) !== (municipality.objectionProcedure ?? null))
      changes.push(
        municipality.objectionProcedure
          ? `Bezwaarprocedure ${municipality.name}: eigen tekst`
          : `Bezwaarprocedure ${municipality.name}: standaardtekst`,
      );
  }
  for (const municipality of previous.municipalities) {
    if (!after.has(municipality.code))
      changes.push(`Gemeente verwijderd: ${municipality.name} (${municipality.code})`);
  }

  for (const group of next.targetGroups) {
    if (!previous.targetGroups.includes(group))
      changes.push(`Doelgroep toegevoegd: ${targetGroupLabel[group]}`);
  }
  for (const group of previous.targetGroups) {
    if (!next.targetGroups.includes(group))
      changes.push(`Doelgroep vervallen: ${targetGroupLabel[group]}`);
  }

  const band = (b: RuleSetConfig['youthAgeBand']) => `${b.from} tot ${b.until} jaar`;
  if (
    previous.youthAgeBand.from !== next.youthAgeBand.from ||
    previous.youthAgeBand.until !== next.youthAgeBand.until
  ) {
    changes.push(
      `Leeftijd jongeren: ${band(previous.youthAgeBand)}${arrow}${band(next.youthAgeBand)}`,
    );
  }

  if (
    previous.agreement.firstPeriodStart !== next.agreement.firstPeriodStart ||
    previous.agreement.firstPeriodEnd !== next.agreement.firstPeriodEnd
  ) {
    changes.push(
      `Eerste akkoordperiode: ${describePeriod(previous.agreement)}${arrow}${describePeriod(next.agreement)}`,
    );
  }
  if (previous.agreement.extensionYears !== next.agreement.extensionYears) {
    changes.push(
      `Verlenging akkoord: telkens ${plural(previous.agreement.extensionYears, 'jaar', 'jaar')}${arrow}telkens ${plural(next.agreement.extensionYears, 'jaar', 'jaar')}`,
    );
  }

  if (previous.agendaPublicationDays !== next.agendaPublicationDays) {
    changes.push(
      `Agenda delen: ${plural(previous.agendaPublicationDays, 'dag', 'dagen')}${arrow}${plural(next.agendaPublicationDays, 'dag', 'dagen')} vóór de tafel`,
    );
  }
  if (previous.stalledCaseDays !== next.stalledCaseDays) {
    changes.push(
      `Signaal stilstand: na ${plural(previous.stalledCaseDays, 'dag', 'dagen')}${arrow}na ${plural(next.stalledCaseDays, 'dag', 'dagen')} zonder activiteit`,
    );
  }
  if (previous.waitingTargetDays !== next.waitingTargetDays) {
    changes.push(
      `Streeftermijn wachttijd: ${plural(previous.waitingTargetDays, 'dag', 'dagen')}${arrow}${plural(next.waitingTargetDays, 'dag', 'dagen')} na uitstroomgereed`,
    );
  }
  if (previous.offerAnswerDays !== next.offerAnswerDays) {
    changes.push(
      `Termijn antwoord op woningaanbod: ${plural(previous.offerAnswerDays, 'dag', 'dagen')}${arrow}${plural(next.offerAnswerDays, 'dag', 'dagen')}`,
    );
  }
  if (previous.neighbourhoodLoadThreshold !== next.neighbourhoodLoadThreshold) {
    changes.push(
      `Drempel wijkbelasting: ${plural(previous.neighbourhoodLoadThreshold, 'plaatsing', 'plaatsingen')}${arrow}${plural(next.neighbourhoodLoadThreshold, 'plaatsing', 'plaatsingen')} per wijk per jaar`,
    );
  }
  if (previous.retentionYears !== next.retentionYears) {
    changes.push(
      `Bewaartermijn afgesloten casussen: ${plural(previous.retentionYears, 'jaar', 'jaar')}${arrow}${plural(next.retentionYears, 'jaar', 'jaar')}`,
    );
  }
  if (previous.twoFactorRequired !== next.twoFactorRequired) {
    const label = (required: boolean) => (required ? 'verplicht' : 'niet verplicht');
    changes.push(
      `Tweestapsverificatie: ${label(previous.twoFactorRequired)}${arrow}${label(next.twoFactorRequired)}`,
    );
  }

  return changes.length > 0 ? changes : ['Geen inhoudelijke wijzigingen.'];
}
