import { addDays, daysInMonth, formatDutchDate } from '../calendar/calendar';
import { formatDutchInteger } from '../origin-rule/dutch-format';
import {
  targetGroupLabel,
  type Agreement,
  type BindingTestSetting,
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
 * One difference between two versions, for a table of "geldend" beside "concept": `before` is
 * null for what is added, `after` null for what is removed.
 */
export interface RuleSetDifference {
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** A difference as one line of the history: `Inwoners Almere: 226.500 → 228.000`. */
export function formatRuleSetDifference(difference: RuleSetDifference): string {
  const { label, before, after } = difference;
  return before !== null && after !== null
    ? `${label}: ${before}${arrow}${after}`
    : `${label}: ${before ?? after ?? ''}`;
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
  const differences = compareRuleSets(previous, next);
  return differences.length > 0
    ? differences.map(formatRuleSetDifference)
    : ['Geen inhoudelijke wijzigingen.'];
}

/** Every difference between two versions, in the order of the settings page. */
export function compareRuleSets(previous: RuleSetConfig, next: RuleSetConfig): RuleSetDifference[] {
  const changes: RuleSetDifference[] = [];
  const change = (label: string, before: string | null, after: string | null) =>
    changes.push({ label, before, after });

  const before = new Map<string, RuleSetMunicipality>(
    previous.municipalities.map((m) => [m.code, m]),
  );
  const after = new Set(next.municipalities.map((m) => m.code));
  for (const municipality of next.municipalities) {
    const old = before.get(municipality.code);
    if (!old) {
      change(
        'Gemeente toegevoegd',
        null,
        `${municipality.name} (${municipality.code}), ${plural(municipality.population, 'inwoner', 'inwoners')} (peiljaar ${municipality.populationYear})`,
      );
      continue;
    }
    if (old.name !== municipality.name)
      change(`Naam ${municipality.code}`, old.name, municipality.name);
    if (old.population !== municipality.population) {
      change(
        `Inwoners ${municipality.name}`,
        formatDutchInteger(old.population),
        formatDutchInteger(municipality.population),
      );
    }
    if (old.populationYear !== municipality.populationYear) {
      change(
        `Peiljaar inwoners ${municipality.name}`,
        String(old.populationYear),
        String(municipality.populationYear),
      );
    }
    if ((old.objectionProcedure ?? null) !== (municipality.objectionProcedure ?? null)) {
      const kindOf = (procedure: string | undefined) =>
        procedure ? 'eigen tekst' : 'standaardtekst';
      change(
        `Bezwaarprocedure ${municipality.name}`,
        kindOf(old.objectionProcedure),
        kindOf(municipality.objectionProcedure),
      );
    }
  }
  for (const municipality of previous.municipalities) {
    if (!after.has(municipality.code))
      change('Gemeente verwijderd', `${municipality.name} (${municipality.code})`, null);
  }

  for (const group of next.targetGroups) {
    if (!previous.targetGroups.includes(group))
      change('Doelgroep toegevoegd', null, targetGroupLabel[group]);
  }
  for (const group of previous.targetGroups) {
    if (!next.targetGroups.includes(group))
      change('Doelgroep vervallen', targetGroupLabel[group], null);
  }

  const band = (b: RuleSetConfig['youthAgeBand']) => `${b.from} tot ${b.until} jaar`;
  if (
    previous.youthAgeBand.from !== next.youthAgeBand.from ||
    previous.youthAgeBand.until !== next.youthAgeBand.until
  ) {
    change('Leeftijd jongeren', band(previous.youthAgeBand), band(next.youthAgeBand));
  }

  if (
    previous.agreement.firstPeriodStart !== next.agreement.firstPeriodStart ||
    previous.agreement.firstPeriodEnd !== next.agreement.firstPeriodEnd
  ) {
    change(
      'Eerste akkoordperiode',
      describePeriod(previous.agreement),
      describePeriod(next.agreement),
    );
  }
  if (previous.agreement.extensionYears !== next.agreement.extensionYears) {
    change(
      'Verlenging akkoord',
      `telkens ${plural(previous.agreement.extensionYears, 'jaar', 'jaar')}`,
      `telkens ${plural(next.agreement.extensionYears, 'jaar', 'jaar')}`,
    );
  }

  const days = (count: number) => plural(count, 'dag', 'dagen');
  if (previous.agendaPublicationDays !== next.agendaPublicationDays) {
    change(
      'Agenda delen',
      days(previous.agendaPublicationDays),
      `${days(next.agendaPublicationDays)} vóór de tafel`,
    );
  }
  if (previous.stalledCaseDays !== next.stalledCaseDays) {
    change(
      'Signaal stilstand',
      `na ${days(previous.stalledCaseDays)}`,
      `na ${days(next.stalledCaseDays)} zonder activiteit`,
    );
  }
  if (previous.waitingTargetDays !== next.waitingTargetDays) {
    change(
      'Streeftermijn wachttijd',
      days(previous.waitingTargetDays),
      `${days(next.waitingTargetDays)} na uitstroomgereed`,
    );
  }
  if (previous.offerAnswerDays !== next.offerAnswerDays) {
    change(
      'Termijn antwoord op woningaanbod',
      days(previous.offerAnswerDays),
      days(next.offerAnswerDays),
    );
  }
  if (previous.neighbourhoodLoadThreshold !== next.neighbourhoodLoadThreshold) {
    const placements = (count: number) => plural(count, 'plaatsing', 'plaatsingen');
    change(
      'Drempel wijkbelasting',
      placements(previous.neighbourhoodLoadThreshold),
      `${placements(next.neighbourhoodLoadThreshold)} per wijk per jaar`,
    );
  }
  if (previous.retentionYears !== next.retentionYears) {
    change(
      'Bewaartermijn afgesloten casussen',
      plural(previous.retentionYears, 'jaar', 'jaar'),
      plural(next.retentionYears, 'jaar', 'jaar'),
    );
  }
  if (previous.twoFactorRequired !== next.twoFactorRequired) {
    const label = (required: boolean) => (required ? 'verplicht' : 'niet verplicht');
    change(
      'Tweestapsverificatie',
      label(previous.twoFactorRequired),
      label(next.twoFactorRequired),
    );
  }

  const binding = compareBindingTests(previous.bindingTest, next.bindingTest);
  if (binding !== null) changes.push(binding);
  return changes;
}

/** `2 van de laatste 5 jaar vóór de opname` */
export function describeBindingYears(
  test: Pick<BindingTestSetting, 'minYears' | 'withinYears'>,
): string {
  return `${test.minYears} van de laatste ${test.withinYears} jaar vóór de opname`;
}

/** The minimum-binding test as the settings show it: `aan, 2 van de laatste 5 jaar vóór de opname`, or `uit`. */
export function describeBindingTest(test: BindingTestSetting): string {
  return test.isEnabled ? `aan, ${describeBindingYears(test)}` : 'uit';
}

/**
 * The change of the minimum-binding test; null when nothing changed. Figures changed while the
 * test stays off change no proposal, but they are a change of the version all the same.
 */
function compareBindingTests(
  previous: BindingTestSetting,
  next: BindingTestSetting,
): RuleSetDifference | null {
  const sameYears =
    previous.minYears === next.minYears && previous.withinYears === next.withinYears;
  if (previous.isEnabled === next.isEnabled && sameYears) return null;
  if (previous.isEnabled !== next.isEnabled || next.isEnabled)
    return {
      label: 'Minimale binding',
      before: describeBindingTest(previous),
      after: describeBindingTest(next),
    };
  return {
    label: 'Minimale binding (staat uit)',
    before: describeBindingYears(previous),
    after: describeBindingYears(next),
  };
}
