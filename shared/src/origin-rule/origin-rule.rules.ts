import type { ErrorBody } from '../errors';
import { validationError } from '../validation';
import {
  dayNumberOf,
  dayNumberOfIsoDate,
  formatDutchDate,
  formatDutchPeriod,
} from '../calendar/calendar';
import {
  formatDutchDecimal,
  formatDutchInteger,
  formatDutchPercentage,
  joinDutchList,
} from './dutch-format';
import { parseProposalInput } from './origin-rule.fast-parse';
import type {
  Address,
  BindingTest,
  ExceptionA,
  ExceptionB,
  ExceptionD,
  Proposal,
  ProposalBinding,
  ProposalInput,
  RegionMunicipality,
  Resident,
} from './origin-rule.schemas';

/**
 * The Weer Thuis origin-municipality rule (`rule-engine-contract.md`). Pure: no I/O, no clock,
 * no randomness, and the same answer whatever the order of addresses, municipalities or
 * exceptions in the input.
 */

/** Deficits closer than this are a tie (floating point must not decide a placement). */
export const deficitTolerance = 1e-9;

export interface DistributionFigure {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  /** p_m: the population divided by the population of the whole region. */
  readonly share: number;
  /** a_m: the allocations by distribution so far. */
  readonly placed: number;
  /** p_m × (N + 1) − a_m. */
  readonly deficit: number;
}

/** What separated the chosen municipality from the runner-up. */
export type DistributionTieBreak = 'deficit' | 'population' | 'name' | 'code';

export interface DistributionResult {
  /** The population of the whole region (the denominator of every share). */
  readonly regionPopulation: number;
  /** N: the allocations so far over the region's municipalities. */
  readonly totalPlacements: number;
  /** Codes outside the region with a count, which the distribution ignores; sorted. */
  readonly ignoredCodes: readonly string[];
  /** The figures of every candidate, sorted by code. */
  readonly candidates: readonly DistributionFigure[];
  readonly chosen: DistributionFigure | null;
  readonly runnerUp: DistributionFigure | null;
  /** Null when there is no runner-up. */
  readonly decidedBy: DistributionTieBreak | null;
}

/**
 * Distribution by population: of the candidates, the largest deficit p_m × (N + 1) − a_m;
 * a tie (within 1e-9) goes to the larger population, then the name in alphabetical order,
 * then (for a region that names two municipalities alike) the lower code.
 * The server runs this against its ledger, under a lock, and adds 1 to the chosen count.
 *
 * @param candidateCodes the municipalities that may receive the resident; codes outside the
 *   region are ignored. Absent: the whole region.
 */
export function allocateByDistribution(
  region: readonly RegionMunicipality[],
  placements: Readonly<Record<string, number>>,
  candidateCodes?: Iterable<string>,
): DistributionResult {
  let regionPopulation = 0;
  let totalPlacements = 0;
  for (const municipality of region) {
    regionPopulation += municipality.population;
    totalPlacements += placedIn(placements, municipality.code);
  }
  const ignoredCodes: string[] = [];
  for (const code of Object.keys(placements)) {
    if ((placements[code] ?? 0) > 0 && !includesCode(region, code)) ignoredCodes.push(code);
  }
  ignoredCodes.sort(compareText);

  const wanted = candidateCodes === undefined ? undefined : new Set(candidateCodes);
  const candidates: DistributionFigure[] = [];
  for (const municipality of region) {
    if (wanted && !wanted.has(municipality.code)) continue;
    const share = municipality.population / regionPopulation;
    const placed = placedIn(placements, municipality.code);
    candidates.push({
      code: municipality.code,
      name: municipality.name,
      population: municipality.population,
      share,
      placed,
      deficit: share * (totalPlacements + 1) - placed,
    });
  }
  candidates.sort(compareByCode);

  const chosen = pickLargestDeficit(candidates, null);
  const runnerUp = chosen ? pickLargestDeficit(candidates, chosen) : null;
  return {
    regionPopulation,
    totalPlacements,
    ignoredCodes,
    candidates,
    chosen,
    runnerUp,
    decidedBy: chosen && runnerUp ? tieBreakBetween(chosen, runnerUp) : null,
  };
}

function includesCode(region: readonly RegionMunicipality[], code: string): boolean {
  for (const municipality of region) if (municipality.code === code) return true;
  return false;
}

function placedIn(placements: Readonly<Record<string, number>>, code: string): number {
  return Object.hasOwn(placements, code) ? (placements[code] ?? 0) : 0;
}

/**
 * First the group within the tolerance of the largest deficit, then the tie-breaks inside it.
 * (A pairwise "equal within 1e-9" comparator is not transitive, so a sort could depend on order.)
 */
function pickLargestDeficit(
  figures: readonly DistributionFigure[],
  skip: DistributionFigure | null,
): DistributionFigure | null {
  let largest = -Infinity;
  for (const figure of figures)
    if (figure !== skip && figure.deficit > largest) largest = figure.deficit;
  let best: DistributionFigure | null = null;
  for (const figure of figures) {
    if (figure === skip || figure.deficit < largest - deficitTolerance) continue;
    if (best === null || compareWithinTie(figure, best) < 0) best = figure;
  }
  return best;
}

function compareWithinTie(a: DistributionFigure, b: DistributionFigure): number {
  if (a.population !== b.population) return b.population - a.population;
  return compareNames(a.name, b.name) || compareText(a.code, b.code);
}

function tieBreakBetween(
  chosen: DistributionFigure,
  runnerUp: DistributionFigure,
): DistributionTieBreak {
  if (Math.abs(chosen.deficit - runnerUp.deficit) > deficitTolerance) return 'deficit';
  if (chosen.population !== runnerUp.population) return 'population';
  return compareNames(chosen.name, runnerUp.name) !== 0 ? 'name' : 'code';
}

/**
 * Alphabetical order without locale data (the browser, the server and the command line must
 * agree): case and accents are ignored first, then the exact text decides.
 */
export function compareNames(a: string, b: string): number {
  return compareText(foldName(a), foldName(b)) || compareText(a, b);
}

function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareByCode(a: { readonly code: string }, b: { readonly code: string }): number {
  return compareText(a.code, b.code);
}

// ---------------------------------------------------------------------------------------------

interface Context {
  readonly input: ProposalInput;
  readonly regionByCode: ReadonlyMap<string, RegionMunicipality>;
  readonly excluded: ReadonlySet<string>;
  readonly reasons: string[];
}

/** A municipality by its name; outside the region, where the input gives no name, by its code. */
function nameOf(context: Context, code: string): string {
  return context.regionByCode.get(code)?.name ?? code;
}

/** The rule: a proposal with its outcome, origin, destination and reasons in plain Dutch. */
export function proposeDestination(input: ProposalInput): Proposal {
  const regionByCode = new Map<string, RegionMunicipality>();
  for (const municipality of input.region.municipalities)
    regionByCode.set(municipality.code, municipality);
  const reasons: string[] = [];
  const context: Context = {
    input,
    regionByCode,
    excluded: new Set(input.resident.excluded),
    reasons,
  };

  // Step 1 finds the last woonadres; a region's binding test may then leave the origin unknown.
  // Under A the municipality found stays excluded all the same: the obstacles lie there.
  const found = findOrigin(context);
  const bindingTest = input.region.bindingTest;
  const binding =
    bindingTest === undefined ? undefined : measureBinding(input.resident, bindingTest, found);
  if (bindingTest !== undefined && binding !== undefined)
    reasons.push(describeBinding(context, bindingTest, binding));
  const origin = binding === undefined || binding.holds ? found : null;
  const originName = origin === null ? null : nameOf(context, origin);
  const foundName = found === null ? null : nameOf(context, found);
  const propose = (outcome: Proposal['outcome'], destination: string | null): Proposal =>
    binding === undefined
      ? { outcome, origin, destination, reasons }
      : { outcome, origin, destination, binding, reasons };
  let exceptionA: ExceptionA | undefined;
  let exceptionB: ExceptionB | undefined;
  let exceptionD: ExceptionD | undefined;
  for (const exception of input.exceptions ?? []) {
    if (exception.kind === 'A') exceptionA = exception;
    else if (exception.kind === 'B') exceptionB = exception;
    else exceptionD = exception;
  }
  if (!exceptionA && !exceptionB && !exceptionD)
    reasons.push('Er is geen uitzondering A, B of D ingevoerd.');

  // 2. D: the catch-all of the Akkoord, only with a written motivation (the schema demands it).
  if (exceptionD) {
    const destination = exceptionD.municipality;
    const destinationName = nameOf(context, destination);
    reasons.push(
      `Uitzondering D geldt: terugkeer naar de herkomst is om een andere reden echt niet passend (met schriftelijke motivering); de bestemming is ${destinationName}.`,
    );
    if (destination === origin) reasons.push(`Let op: ${destinationName} is ook de herkomst.`);
    if (exceptionB) reasons.push('Uitzondering B wordt niet beoordeeld: uitzondering D gaat voor.');
    if (exceptionA) reasons.push('Uitzondering A wordt niet beoordeeld: uitzondering D gaat voor.');
    pushWishBesideException(context, 'D', destination);
    return propose('D', destination);
  }

  // 3. B: better elsewhere, but only what the resident cannot reach from the origin.
  if (exceptionB) {
    const elsewhere = nameOf(context, exceptionB.municipality);
    if (exceptionB.municipality === origin) {
      reasons.push(`Uitzondering B geldt niet: ${elsewhere} is de herkomst zelf.`);
    } else if (exceptionB.canTravelFromOrigin) {
      reasons.push(
        originName === null
          ? `Uitzondering B geldt niet: volgens de invoer is ${elsewhere} vanuit de herkomst te bereizen.`
          : `Uitzondering B geldt niet: ${elsewhere} is vanuit ${originName} te bereizen.`,
      );
    } else {
      const ground =
        exceptionB.ground === 'netwerk'
          ? `het steunende netwerk in ${elsewhere}`
          : `de vaste daginvulling in ${elsewhere}`;
      reasons.push(
        `Uitzondering B geldt: ${ground} draagt beter bij aan het herstel en is niet vanuit ${originName ?? 'de herkomst'} te bereizen; de bestemming is ${elsewhere}.`,
      );
      if (exceptionA)
        reasons.push('Uitzondering A wordt niet beoordeeld: uitzondering B gaat voor.');
      pushWishBesideException(context, 'B', exceptionB.municipality);
      return propose('B', exceptionB.municipality);
    }
  }

  const wish = input.resident.wish;
  // 4. A: obstacles at the origin; the wish if it is eligible, otherwise the distribution.
  if (exceptionA) {
    reasons.push(
      foundName === null
        ? 'Uitzondering A geldt: belemmeringen in de herkomst staan het herstel in de weg.'
        : originName === null
          ? `Uitzondering A geldt: belemmeringen in ${foundName} staan het herstel in de weg, dus ${foundName} is niet de bestemming, ook al staat de herkomst niet vast.`
          : `Uitzondering A geldt: belemmeringen in ${originName} staan het herstel in de weg, dus ${originName} is niet de bestemming.`,
    );
    const distributionFollows = 'daarom volgt de bestemming uit de verdeling naar inwoneraantal.';
    if (wish === undefined) {
      reasons.push(`De bewoner heeft geen woonwens opgegeven; ${distributionFollows}`);
    } else if (!regionByCode.has(wish)) {
      reasons.push(
        `De bewoner wil graag naar ${wish}, maar die gemeente ligt buiten de regio; ${distributionFollows}`,
      );
    } else if (wish === found) {
      reasons.push(
        origin === null
          ? `De bewoner wil graag naar ${nameOf(context, wish)}, maar daar liggen de belemmeringen; ${distributionFollows}`
          : `De bewoner wil graag naar ${nameOf(context, wish)}, maar dat is de herkomst; ${distributionFollows}`,
      );
    } else if (context.excluded.has(wish)) {
      reasons.push(
        `De bewoner wil graag naar ${nameOf(context, wish)}, maar die gemeente is voor deze bewoner uitgesloten; ${distributionFollows}`,
      );
    } else {
      const wishName = nameOf(context, wish);
      reasons.push(
        origin === null && found !== null
          ? `De bewoner wil graag naar ${wishName}: die gemeente ligt in de regio, is niet waar de belemmeringen liggen en is niet uitgesloten, dus ${wishName} is de bestemming.`
          : `De bewoner wil graag naar ${wishName}: die gemeente ligt in de regio, is niet de herkomst en is niet uitgesloten, dus ${wishName} is de bestemming.`,
      );
      return propose('A', wish);
    }
    return propose('A', distribute(context, found, origin === null ? 'obstacles' : 'origin'));
  }

  // 5. C: the origin cannot be traced, so the population decides (not the wish).
  if (origin === null) {
    reasons.push(
      foundName === null
        ? 'Uitzondering C geldt: omdat de herkomst niet te achterhalen is, volgt de bestemming uit de verdeling naar inwoneraantal.'
        : `Uitzondering C geldt: omdat de binding met ${foundName} te kort is, staat de herkomst niet vast en volgt de bestemming uit de verdeling naar inwoneraantal.`,
    );
    reasons.push(
      wish === undefined
        ? 'De bewoner heeft geen woonwens opgegeven.'
        : `De bewoner wil graag naar ${nameOf(context, wish)}; bij uitzondering C volgt de bestemming uit de verdeling naar inwoneraantal, niet uit de woonwens.`,
    );
    return propose('C', distribute(context, null, 'origin'));
  }

  // originName is set from here on: the origin is known.
  const originLabel = originName ?? origin;
  // 6. An origin outside the region: the case goes back to the origin region.
  if (!regionByCode.has(origin)) {
    if (wish === undefined) {
      reasons.push('De bewoner heeft geen woonwens opgegeven.');
    } else if (wish === origin) {
      reasons.push(`De bewoner wil graag terug naar ${originLabel}, de herkomst.`);
    } else {
      reasons.push(
        `De bewoner wil graag naar ${nameOf(context, wish)}; zonder uitzondering A, B of D wordt de casus toch verwezen naar de herkomstregio.`,
      );
    }
    reasons.push(
      `${originLabel} ligt buiten de regio: de casus wordt verwezen naar de herkomstregio, en deze regio wijst geen bestemming toe.`,
    );
    return propose('buiten_regio', null);
  }

  // 7. The rule itself: back to the municipality of origin. Excluding a municipality only steers
  // the distribution; without A the origin stands, but the table should see the conflict.
  if (context.excluded.has(origin)) {
    reasons.push(
      `Let op: ${originLabel} staat bij de uitgesloten gemeenten, maar zonder uitzondering A blijft de herkomst de bestemming.`,
    );
  }
  if (wish === undefined) {
    reasons.push(`De bewoner heeft geen woonwens opgegeven; ${originLabel} blijft de bestemming.`);
  } else if (wish === origin) {
    reasons.push(`De bewoner wil graag in ${originLabel} blijven, en dat is ook de bestemming.`);
  } else {
    reasons.push(
      `De bewoner wil graag naar ${nameOf(context, wish)}; zonder uitzondering A of B blijft ${originLabel} de bestemming.`,
    );
  }
  return propose('herkomst', origin);
}

/**
 * Step 1: of the woonadressen that start before the admission, the one that starts last.
 * Pushes the sentence about it and one about each address that does not count.
 */
function findOrigin(context: Context): string | null {
  const { input, reasons } = context;
  const admission = input.resident.admissionDate;
  // Sorted, so that the reasons do not depend on the order in which addresses were entered.
  const addresses = input.resident.addresses.slice().sort(compareAddresses);

  let used: Address | undefined;
  for (const address of addresses) {
    // ISO dates compare as text. A woonadres that starts on the admission day is not "before" it.
    if (address.kind === 'woonadres' && address.from < admission) used = address;
  }
  reasons.push(
    used
      ? `Het laatste woonadres vóór de opname op ${formatDutchDate(admission)} lag in ${nameOf(context, used.municipality)} (${formatDutchPeriod(used.from, used.to)}).`
      : `Er is geen woonadres van vóór de opname op ${formatDutchDate(admission)}: de herkomst is niet te achterhalen.`,
  );

  // Earlier woonadressen are superseded by the last one ("het laatste woonadres" says so); the
  // contract's example names none of them. Equal sentences (two stays in one institution) once.
  for (const address of addresses) {
    let sentence: string | undefined;
    if (address.kind === 'instelling') {
      sentence = `Het verblijf in een instelling in ${nameOf(context, address.municipality)} telt niet mee voor de herkomst.`;
    } else if (address.kind === 'briefadres') {
      sentence = `Het briefadres in ${nameOf(context, address.municipality)} telt niet mee voor de herkomst.`;
    } else if (address.from >= admission) {
      sentence = `Het woonadres in ${nameOf(context, address.municipality)} (${formatDutchPeriod(address.from, address.to)}) telt niet mee voor de herkomst: het begint niet vóór de opname.`;
    }
    if (sentence !== undefined && !reasons.includes(sentence)) reasons.push(sentence);
  }
  return used ? used.municipality : null;
}

/**
 * The region's minimum-binding test (rule-engine-contract.md, "Minimum binding"): the calendar
 * days of the W years before the admission (from the same day and month W years earlier, 29
 * February read as 28 February, up to the admission day, not included) covered by at least one
 * woonadres in `municipality` that starts before the admission; held against M × 365.
 */
export function measureBinding(
  resident: Pick<Resident, 'admissionDate' | 'addresses'>,
  test: BindingTest,
  municipality: string | null,
): ProposalBinding {
  const daysRequired = test.minYears * daysPerBindingYear;
  if (municipality === null) return { municipality, daysBound: 0, daysRequired, holds: false };
  const admissionDate = resident.admissionDate;
  const admission = dayNumberOfIsoDate(admissionDate);
  const windowStart = bindingWindowStartDay(admissionDate, test.withinYears);

  // Each address as a half-open run of day numbers [start, end) clipped to the window.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const address of resident.addresses) {
    if (
      address.kind !== 'woonadres' ||
      address.municipality !== municipality ||
      !(address.from < admissionDate)
    )
      continue;
    const start = Math.max(dayNumberOfIsoDate(address.from), windowStart);
    const end =
      address.to === undefined || address.to > admissionDate
        ? admission
        : dayNumberOfIsoDate(address.to);
    // A `to` on or before the `from` (or a run that ends before the window) covers no day.
    if (end > start) {
      starts.push(start);
      ends.push(end);
    }
  }
  const daysBound = countCoveredDays(starts, ends);
  return { municipality, daysBound, daysRequired, holds: daysBound >= daysRequired };
}

/** Days required per year of M: the contract counts a year as 365 days, leap years alike. */
export const daysPerBindingYear = 365;

/** The parts of the window's first day: the admission's day and month, W years earlier. */
function bindingWindowStartParts(
  admissionDate: string,
  withinYears: number,
): [number, number, number] {
  const year = Number(admissionDate.slice(0, 4)) - withinYears;
  const month = Number(admissionDate.slice(5, 7));
  const day = Number(admissionDate.slice(8, 10));
  // 29 February becomes 28 February, in every year (the contract makes no exception for leap years).
  return [year, month, month === 2 && day === 29 ? 28 : day];
}

function bindingWindowStartDay(admissionDate: string, withinYears: number): number {
  return dayNumberOf(...bindingWindowStartParts(admissionDate, withinYears));
}

/** Days in the union of half-open runs [starts[i], ends[i]); overlapping days count once. */
function countCoveredDays(starts: number[], ends: number[]): number {
  if (starts.length === 1) return (ends[0] as number) - (starts[0] as number);
  const order = starts.map((_, index) => index).sort((a, b) => starts[a]! - starts[b]!);
  let total = 0;
  let runStart = -Infinity;
  let runEnd = -Infinity;
  for (const index of order) {
    const start = starts[index]!;
    const end = ends[index]!;
    if (start > runEnd) {
      if (runEnd > runStart) total += runEnd - runStart;
      runStart = start;
      runEnd = end;
    } else if (end > runEnd) {
      runEnd = end;
    }
  }
  if (runEnd > runStart) total += runEnd - runStart;
  return total;
}

/**
 * The binding sentence: which municipality, the days counted and the days required. No dates are
 * worded here: the admission date is in the sentence before, and wording a date is the costliest
 * step of a proposal (issue 32 keeps the test within 10% of the engine without it).
 */
function describeBinding(context: Context, test: BindingTest, binding: ProposalBinding): string {
  const { minYears, withinYears } = test;
  const required = `${formatDutchInteger(binding.daysRequired)} dagen (${minYears} × 365)`;
  const rule = `de regio vraagt dat de bewoner minstens ${minYears} van de laatste ${withinYears} jaar vóór de opname in de herkomstgemeente woonde`;
  if (binding.municipality === null)
    return `Minimale binding niet gehaald: ${rule}, en zonder woonadres vóór de opname zijn dat 0 van de vereiste ${required}.`;
  const days = `${formatDutchInteger(binding.daysBound)} ${binding.daysBound === 1 ? 'dag' : 'dagen'}`;
  const place = nameOf(context, binding.municipality);
  return binding.holds
    ? `Minimale binding gehaald: ${rule}; in die ${withinYears} jaar woonde de bewoner ${days} in ${place}, en vereist zijn ${required}, dus ${place} is de herkomst.`
    : `Minimale binding niet gehaald: ${rule}; in die ${withinYears} jaar woonde de bewoner ${days} in ${place}, en vereist zijn ${required}, dus de herkomst staat niet vast.`;
}

function compareAddresses(a: Address, b: Address): number {
  return (
    compareText(a.from, b.from) ||
    compareText(a.kind, b.kind) ||
    compareText(a.municipality, b.municipality) ||
    compareText(a.to ?? '', b.to ?? '')
  );
}

function pushWishBesideException(context: Context, kind: 'B' | 'D', destination: string): void {
  const wish = context.input.resident.wish;
  if (wish === undefined) {
    context.reasons.push('De bewoner heeft geen woonwens opgegeven.');
  } else if (wish === destination) {
    context.reasons.push(
      `De bewoner wil graag naar ${nameOf(context, wish)}, en dat is ook de bestemming.`,
    );
  } else {
    context.reasons.push(
      `De bewoner wil graag naar ${nameOf(context, wish)}; bij uitzondering ${kind} is ${nameOf(context, destination)} de bestemming.`,
    );
  }
}

/**
 * The distribution over the region without the excluded and, for A, without the municipality of
 * the obstacles: the origin, or the last woonadres when the binding test left the origin unknown.
 */
function distribute(
  context: Context,
  originToSkip: string | null,
  skippedAs: 'origin' | 'obstacles',
): string | null {
  const { input, reasons, excluded, regionByCode } = context;
  const municipalities = input.region.municipalities;
  const candidateCodes: string[] = [];
  const excludedNames: string[] = [];
  for (const municipality of municipalities) {
    if (municipality.code === originToSkip) continue;
    if (excluded.has(municipality.code)) excludedNames.push(municipality.name);
    else candidateCodes.push(municipality.code);
  }
  const result = allocateByDistribution(
    municipalities,
    input.distribution?.placements ?? {},
    candidateCodes,
  );

  const without: string[] = [];
  const skippedOrigin = originToSkip === null ? undefined : regionByCode.get(originToSkip);
  if (skippedOrigin)
    without.push(
      skippedAs === 'origin'
        ? `zonder ${skippedOrigin.name} (de herkomst)`
        : `zonder ${skippedOrigin.name} (waar de belemmeringen liggen)`,
    );
  if (excludedNames.length > 0)
    without.push(`zonder ${joinDutchList(excludedNames.sort(compareNames))} (uitgesloten)`);
  const scope = without.length === 0 ? 'de hele regio' : `de regio ${without.join(' en ')}`;
  const n = result.totalPlacements;
  reasons.push(
    `De verdeling naar inwoneraantal gaat over ${scope}; in de regio zijn tot nu toe N = ${n} ${n === 1 ? 'plaatsing' : 'plaatsingen'} door verdeling gedaan.`,
  );
  if (result.ignoredCodes.length > 0) {
    reasons.push(
      `Plaatsingen bij gemeenten buiten de regio (${joinDutchList(result.ignoredCodes)}) tellen niet mee.`,
    );
  }

  const { chosen, runnerUp, decidedBy } = result;
  if (!chosen) {
    reasons.push(
      'Er blijft geen gemeente over voor de verdeling: de tafel moet de bestemming kiezen.',
    );
    return null;
  }
  const decimals = deficitDecimals(chosen, runnerUp, decidedBy);
  if (!runnerUp) {
    reasons.push(
      `${chosen.name} is de enige gemeente die overblijft; het tekort is ${describeDeficit(chosen, n, decimals)}.`,
    );
  } else {
    reasons.push(
      `${chosen.name} heeft het grootste tekort: ${describeDeficit(chosen, n, decimals)}.`,
    );
    if (decidedBy === 'deficit') {
      reasons.push(`Daarna komt ${runnerUp.name}: ${describeDeficit(runnerUp, n, decimals)}.`);
    } else {
      const why =
        decidedBy === 'population'
          ? `omdat het meer inwoners heeft (${formatDutchInteger(chosen.population)} tegen ${formatDutchInteger(runnerUp.population)})`
          : decidedBy === 'name'
            ? 'omdat de naam in het alfabet eerder komt'
            : 'omdat de CBS-code lager is';
      reasons.push(
        `${runnerUp.name} heeft hetzelfde tekort (${describeDeficit(runnerUp, n, decimals)}); ${chosen.name} gaat voor ${why}.`,
      );
    }
  }
  reasons.push(`${chosen.name} is de bestemming.`);
  return chosen.code;
}

/** `aandeel 5,39% van de inwoners × (N + 1 = 6) − 0 eerdere plaatsingen = 0,32`. */
function describeDeficit(
  figure: DistributionFigure,
  totalPlacements: number,
  decimals: number,
): string {
  const earlier = figure.placed === 1 ? 'eerdere plaatsing' : 'eerdere plaatsingen';
  return `aandeel ${formatDutchPercentage(figure.share)} van de inwoners × (N + 1 = ${totalPlacements + 1}) − ${figure.placed} ${earlier} = ${formatDutchDecimal(figure.deficit, decimals)}`;
}

/** Two decimals, or as many more as it takes for a real difference to show in print. */
function deficitDecimals(
  chosen: DistributionFigure,
  runnerUp: DistributionFigure | null,
  decidedBy: DistributionTieBreak | null,
): number {
  if (!runnerUp || decidedBy !== 'deficit') return 2;
  let decimals = 2;
  while (
    decimals < 9 &&
    formatDutchDecimal(chosen.deficit, decimals) === formatDutchDecimal(runnerUp.deficit, decimals)
  )
    decimals += 1;
  return decimals;
}

/**
 * Whether the proposal allocates by distribution (C, or A without an eligible wish): exactly the
 * proposals the server counts in the region's ledger.
 */
export function isDistributionAllocation(input: ProposalInput, proposal: Proposal): boolean {
  if (proposal.destination === null) return false;
  if (proposal.outcome === 'C') return true;
  return proposal.outcome === 'A' && proposal.destination !== input.resident.wish;
}

export type ProposalResult =
  | { readonly ok: true; readonly proposal: Proposal }
  | { readonly ok: false; readonly error: ErrorBody };

/** Validate raw input (e.g. parsed JSON) and propose; invalid input gives the API's error body. */
export function validateAndPropose(raw: unknown): ProposalResult {
  const parsed = parseProposalInput(raw);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error).toBody() };
  return { ok: true, proposal: proposeDestination(parsed.data) };
}
