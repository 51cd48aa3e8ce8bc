import type { ErrorBody } from '../errors';
import { validationError } from '../validation';
import {
  formatDutchDate,
  formatDutchDecimal,
  formatDutchInteger,
  formatDutchPercentage,
  formatDutchPeriod,
  joinDutchList,
} from './dutch-format';
import {
  proposalInputSchema,
  type Address,
  type ExceptionA,
  type ExceptionB,
  type ExceptionD,
  type Proposal,
  type ProposalInput,
  type RegionMunicipality,
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
  const regionCodes = new Set<string>();
  for (const municipality of region) {
    regionPopulation += municipality.population;
    totalPlacements += placedIn(placements, municipality.code);
    regionCodes.add(municipality.code);
  }
  const ignoredCodes = Object.keys(placements)
    .filter((code) => !regionCodes.has(code) && (placements[code] ?? 0) > 0)
    .sort();

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
  candidates.sort((a, b) => compareText(a.code, b.code));

  const chosen = pickLargestDeficit(candidates);
  const runnerUp = chosen ? pickLargestDeficit(candidates.filter((c) => c !== chosen)) : null;
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

function placedIn(placements: Readonly<Record<string, number>>, code: string): number {
  return Object.hasOwn(placements, code) ? (placements[code] ?? 0) : 0;
}

/**
 * First the group within the tolerance of the largest deficit, then the tie-breaks inside it.
 * (A pairwise "equal within 1e-9" comparator is not transitive, so a sort could depend on order.)
 */
function pickLargestDeficit(figures: readonly DistributionFigure[]): DistributionFigure | null {
  let largest = -Infinity;
  for (const figure of figures) largest = Math.max(largest, figure.deficit);
  let best: DistributionFigure | null = null;
  for (const figure of figures) {
    if (figure.deficit < largest - deficitTolerance) continue;
    if (best === null || compareWithinTie(figure, best) < 0) best = figure;
  }
  return best;
}

function compareWithinTie(a: DistributionFigure, b: DistributionFigure): number {
  if (a.population !== b.population) return b.population - a.population;
  return compareNames(a.name, b.name) || compareText(a.code, b.code);
}

function tieBreakBetween(chosen: DistributionFigure, runnerUp: DistributionFigure): DistributionTieBreak {
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
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------

interface Context {
  readonly input: ProposalInput;
  readonly regionByCode: ReadonlyMap<string, RegionMunicipality>;
  readonly excluded: ReadonlySet<string>;
  readonly reasons: string[];
}

export function proposeDestination(input: ProposalInput): Proposal {
  const regionByCode = new Map(input.region.municipalities.map((m) => [m.code, m] as const));
  const context: Context = { input, regionByCode, excluded: new Set(input.resident.excluded ?? []), reasons: [] };
  const { reasons } = context;
  const name = (code: string) => regionByCode.get(code)?.name ?? code;

  const origin = findOrigin(context);
  const exceptions = input.exceptions ?? [];
  const exceptionD = exceptions.find((e): e is ExceptionD => e.kind === 'D');
  const exceptionB = exceptions.find((e): e is ExceptionB => e.kind === 'B');
  const exceptionA = exceptions.find((e): e is ExceptionA => e.kind === 'A');
  const originName = origin === null ? null : name(origin);
  if (exceptions.length === 0) reasons.push('Er is geen uitzondering A, B of D ingevoerd.');

  // 2. D: the catch-all of the Akkoord, only with a written motivation (the schema demands it).
  if (exceptionD) {
    const destination = exceptionD.municipality;
    reasons.push(
      `Uitzondering D geldt: terugkeer naar de herkomst is om een andere reden echt niet passend (met schriftelijke motivering); de bestemming is ${name(destination)}.`,
    );
    if (destination === origin) reasons.push(`Let op: ${name(destination)} is ook de herkomst.`);
    if (exceptionB) reasons.push('Uitzondering B wordt niet beoordeeld: uitzondering D gaat voor.');
    if (exceptionA) reasons.push('Uitzondering A wordt niet beoordeeld: uitzondering D gaat voor.');
    pushWishForChosenException(context, 'D', destination);
    return { outcome: 'D', origin, destination, reasons };
  }

  // 3. B: better elsewhere, but only what the resident cannot reach from the origin.
  if (exceptionB) {
    const elsewhere = name(exceptionB.municipality);
    if (exceptionB.municipality === origin) {
      reasons.push(`Uitzondering B geldt niet: ${elsewhere} is de herkomst zelf.`);
    } else if (exceptionB.canTravelFromOrigin) {
      reasons.push(
        originName === null
          ? `Uitzondering B geldt niet: volgens de invoer is ${elsewhere} vanuit de herkomst te bereizen.`
          : `Uitzondering B geldt niet: ${elsewhere} is vanuit ${originName} te bereizen.`,
      );
    } else {
      const ground = exceptionB.ground === 'netwerk' ? `het steunende netwerk in ${elsewhere}` : `de vaste daginvulling in ${elsewhere}`;
      reasons.push(
        `Uitzondering B geldt: ${ground} draagt beter bij aan het herstel en is niet vanuit ${originName ?? 'de herkomst'} te bereizen; de bestemming is ${elsewhere}.`,
      );
      if (exceptionA) reasons.push('Uitzondering A wordt niet beoordeeld: uitzondering B gaat voor.');
      pushWishForChosenException(context, 'B', exceptionB.municipality);
      return { outcome: 'B', origin, destination: exceptionB.municipality, reasons };
    }
  }

  // 4. A: obstacles at the origin; the wish if it is eligible, otherwise the distribution.
  if (exceptionA) {
    reasons.push(
      originName === null
        ? 'Uitzondering A geldt: belemmeringen in de herkomst staan het herstel in de weg.'
        : `Uitzondering A geldt: belemmeringen in ${originName} staan het herstel in de weg, dus ${originName} is niet de bestemming.`,
    );
    const wish = input.resident.wish;
    const distributionFollows = 'daarom volgt de bestemming uit de verdeling naar inwoneraantal.';
    if (wish === undefined) {
      reasons.push(`De bewoner heeft geen woonwens opgegeven; ${distributionFollows}`);
    } else if (!regionByCode.has(wish)) {
      reasons.push(`De bewoner wil graag naar ${name(wish)}, maar die gemeente ligt buiten de regio; ${distributionFollows}`);
    } else if (wish === origin) {
      reasons.push(`De bewoner wil graag naar ${name(wish)}, maar dat is de herkomst; ${distributionFollows}`);
    } else if (context.excluded.has(wish)) {
      reasons.push(`De bewoner wil graag naar ${name(wish)}, maar die gemeente is voor deze bewoner uitgesloten; ${distributionFollows}`);
    } else {
      reasons.push(
        `De bewoner wil graag naar ${name(wish)}: die gemeente ligt in de regio, is niet de herkomst en is niet uitgesloten, dus ${name(wish)} is de bestemming.`,
      );
      return { outcome: 'A', origin, destination: wish, reasons };
    }
    const destination = distribute(context, origin);
    return { outcome: 'A', origin, destination, reasons };
  }

  // 5. C: the origin cannot be traced, so the population decides.
  if (origin === null) {
    reasons.push('Uitzondering C geldt: omdat de herkomst niet te achterhalen is, volgt de bestemming uit de verdeling naar inwoneraantal.');
    const wish = input.resident.wish;
    reasons.push(
      wish === undefined
        ? 'De bewoner heeft geen woonwens opgegeven.'
        : `De bewoner wil graag naar ${name(wish)}; bij uitzondering C volgt de bestemming uit de verdeling naar inwoneraantal, niet uit de woonwens.`,
    );
    const destination = distribute(context, null);
    return { outcome: 'C', origin, destination, reasons };
  }

  const wish = input.resident.wish;
  // 6. An origin outside the region: the case goes back to the origin region.
  if (!regionByCode.has(origin)) {
    if (wish !== undefined) {
      reasons.push(
        wish === origin
          ? `De bewoner wil graag terug naar ${name(wish)}, de herkomst.`
          : `De bewoner wil graag naar ${name(wish)}; zonder uitzondering A, B of D wordt de casus toch verwezen naar de herkomstregio.`,
      );
    } else {
      reasons.push('De bewoner heeft geen woonwens opgegeven.');
    }
    reasons.push(`${name(origin)} ligt buiten de regio: de casus wordt verwezen naar de herkomstregio, en deze regio wijst geen bestemming toe.`);
    return { outcome: 'buiten_regio', origin, destination: null, reasons };
  }

  // 7. The rule itself: back to the municipality of origin.
  const originLabel = name(origin);
  if (context.excluded.has(origin)) {
    reasons.push(`Let op: ${originLabel} staat bij de uitgesloten gemeenten, maar zonder uitzondering A blijft de herkomst de bestemming.`);
  }
  if (wish === undefined) {
    reasons.push(`De bewoner heeft geen woonwens opgegeven; ${originLabel} blijft de bestemming.`);
  } else if (wish === origin) {
    reasons.push(`De bewoner wil graag in ${originLabel} blijven, en dat is ook de bestemming.`);
  } else {
    reasons.push(`De bewoner wil graag naar ${name(wish)}; zonder uitzondering A of B blijft ${originLabel} de bestemming.`);
  }
  return { outcome: 'herkomst', origin, destination: origin, reasons };
}

/**
 * Step 1: of the woonadressen that start before the admission, the one that starts last.
 * Pushes the sentence about it and one about each address that does not count.
 */
function findOrigin(context: Context): string | null {
  const { input, reasons } = context;
  const admission = input.resident.admissionDate;
  const name = (code: string) => context.regionByCode.get(code)?.name ?? code;
  // Sorted, so that the reasons do not depend on the order in which addresses were entered.
  const addresses = [...input.resident.addresses].sort(compareAddresses);

  let used: Address | undefined;
  for (const address of addresses) {
    // ISO dates compare as text. A woonadres starting on the admission day itself is not "before".
    if (address.kind === 'woonadres' && address.from < admission) used = address;
  }
  reasons.push(
    used
      ? `Het laatste woonadres vóór de opname op ${formatDutchDate(admission)} lag in ${name(used.municipality)} (${formatDutchPeriod(used.from, used.to)}).`
      : `Er is geen woonadres van vóór de opname op ${formatDutchDate(admission)}: de herkomst is niet te achterhalen.`,
  );

  const notCounted = new Set<string>();
  for (const address of addresses) {
    const place = name(address.municipality);
    if (address.kind === 'instelling') {
      notCounted.add(`Het verblijf in een instelling in ${place} telt niet mee voor de herkomst.`);
    } else if (address.kind === 'briefadres') {
      notCounted.add(`Het briefadres in ${place} telt niet mee voor de herkomst.`);
    } else if (address.from >= admission) {
      notCounted.add(
        `Het woonadres in ${place} (${formatDutchPeriod(address.from, address.to)}) telt niet mee voor de herkomst: het begint niet vóór de opname.`,
      );
    }
    // Earlier woonadressen are superseded by the last one; the first sentence already says "laatste".
  }
  reasons.push(...notCounted);
  return used ? used.municipality : null;
}

function compareAddresses(a: Address, b: Address): number {
  return (
    compareText(a.from, b.from) ||
    compareText(a.kind, b.kind) ||
    compareText(a.municipality, b.municipality) ||
    compareText(a.to ?? '', b.to ?? '')
  );
}

function pushWishForChosenException(context: Context, kind: 'B' | 'D', destination: string): void {
  const wish = context.input.resident.wish;
  const name = (code: string) => context.regionByCode.get(code)?.name ?? code;
  if (wish === undefined) {
    context.reasons.push('De bewoner heeft geen woonwens opgegeven.');
  } else if (wish === destination) {
    context.reasons.push(`De bewoner wil graag naar ${name(wish)}, en dat is ook de bestemming.`);
  } else {
    context.reasons.push(`De bewoner wil graag naar ${name(wish)}; bij uitzondering ${kind} is ${name(destination)} de bestemming.`);
  }
}

/** The distribution over the region without the excluded (and, for A, without the origin). */
function distribute(context: Context, originToSkip: string | null): string | null {
  const { input, reasons, excluded, regionByCode } = context;
  const municipalities = input.region.municipalities;
  const candidateCodes = municipalities.map((m) => m.code).filter((code) => code !== originToSkip && !excluded.has(code));
  const result = allocateByDistribution(municipalities, input.distribution?.placements ?? {}, candidateCodes);

  const skippedOrigin = originToSkip !== null && regionByCode.has(originToSkip) ? regionByCode.get(originToSkip) : undefined;
  const skippedExcluded = municipalities
    .filter((m) => excluded.has(m.code) && m.code !== originToSkip)
    .map((m) => m.name)
    .sort(compareNames);
  const without: string[] = [];
  if (skippedOrigin) without.push(`zonder ${skippedOrigin.name} (de herkomst)`);
  if (skippedExcluded.length > 0) without.push(`zonder ${joinDutchList(skippedExcluded)} (uitgesloten)`);
  const scope = without.length === 0 ? 'de hele regio' : `de regio ${without.join(' en ')}`;
  const n = result.totalPlacements;
  reasons.push(
    `De verdeling naar inwoneraantal gaat over ${scope}; in de regio zijn tot nu toe N = ${n} ${n === 1 ? 'plaatsing' : 'plaatsingen'} door verdeling gedaan.`,
  );
  if (result.ignoredCodes.length > 0) {
    reasons.push(`Plaatsingen bij gemeenten buiten de regio (${joinDutchList([...result.ignoredCodes])}) tellen niet mee.`);
  }

  const { chosen, runnerUp, decidedBy } = result;
  if (!chosen) {
    reasons.push('Er blijft geen gemeente over voor de verdeling: de tafel moet de bestemming kiezen.');
    return null;
  }
  const decimals = deficitDecimals(chosen, runnerUp, decidedBy);
  const figures = (figure: DistributionFigure) =>
    `aandeel ${formatDutchPercentage(figure.share)} van de inwoners × (N + 1 = ${n + 1}) − ${figure.placed} ${
      figure.placed === 1 ? 'eerdere plaatsing' : 'eerdere plaatsingen'
    } = ${formatDutchDecimal(figure.deficit, decimals)}`;

  if (!runnerUp) {
    reasons.push(`${chosen.name} is de enige gemeente die overblijft; het tekort is ${figures(chosen)}.`);
  } else {
    reasons.push(`${chosen.name} heeft het grootste tekort: ${figures(chosen)}.`);
    if (decidedBy === 'deficit') {
      reasons.push(`Daarna komt ${runnerUp.name}: ${figures(runnerUp)}.`);
    } else {
      const why =
        decidedBy === 'population'
          ? `omdat het meer inwoners heeft (${formatDutchInteger(chosen.population)} tegen ${formatDutchInteger(runnerUp.population)})`
          : decidedBy === 'name'
            ? 'omdat de naam in het alfabet eerder komt'
            : 'omdat de CBS-code lager is';
      reasons.push(`${runnerUp.name} heeft hetzelfde tekort (${figures(runnerUp)}); ${chosen.name} gaat voor ${why}.`);
    }
  }
  reasons.push(`${chosen.name} is de bestemming.`);
  return chosen.code;
}

/** Two decimals, or as many more as it takes for a real difference to show in print. */
function deficitDecimals(chosen: DistributionFigure, runnerUp: DistributionFigure | null, decidedBy: DistributionTieBreak | null): number {
  if (!runnerUp || decidedBy !== 'deficit') return 2;
  let decimals = 2;
  while (decimals < 9 && formatDutchDecimal(chosen.deficit, decimals) === formatDutchDecimal(runnerUp.deficit, decimals)) decimals += 1;
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

export type ProposalResult = { readonly ok: true; readonly proposal: Proposal } | { readonly ok: false; readonly error: ErrorBody };

/** Validate raw input (e.g. parsed JSON) and propose; invalid input gives the API's error body. */
export function validateAndPropose(raw: unknown): ProposalResult {
  const parsed = proposalInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error).toBody() };
  return { ok: true, proposal: proposeDestination(parsed.data) };
}

