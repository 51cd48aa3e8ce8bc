/**
 * Proposals per second of the origin-municipality rule, input validation included
 * (`validateAndPropose` on the raw object, as the server and the command line call it),
 * on one core. Target: 50,000 per second (issue 5).
 *
 * The same cases run once more with the region's minimum-binding test on (2 of the last 5 years,
 * issue 32), in rounds that alternate with the rounds without it, so that both see the same
 * machine; the engine with the test must stay within 10% of the engine without.
 *
 *   npm run bench:rules            # BENCH_CASES, BENCH_ROUNDS and BENCH_SEED override the defaults
 */
import { performance } from 'node:perf_hooks';
import {
  proposalInputSchema,
  proposeDestination,
  validateAndPropose,
  type ProposalOutcome,
} from '@uitstroom/shared';

const target = 50_000;
/** The engine with the binding test may be at most this much slower than without it. */
const bindingTolerance = 0.1;
const bindingTest = { minYears: 2, withinYears: 5 };
const caseCount = Number(process.env.BENCH_CASES ?? 10_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const seed = Number(process.env.BENCH_SEED ?? 20261125);

/** mulberry32: small, fast and deterministic, so every run measures the same cases. */
function createRandom(initial: number): () => number {
  let state = initial >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(seed);
const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (p: number) => random() < p;
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
function sample<T>(items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

const syllables = [
  'al',
  'dro',
  'ten',
  'ly',
  'stad',
  'urk',
  'zee',
  'wol',
  'de',
  'ven',
  'ter',
  'lo',
  'chem',
  'raal',
  'zut',
  'phen',
  'olst',
  'wijhe',
];
const nationalCodes = Array.from(
  { length: 340 },
  (_, i) => `GM${String(10 + i * 29).padStart(4, '0')}`,
);
const nameOf = new Map(
  nationalCodes.map((code, i) => [
    code,
    `${pick(syllables)}${pick(syllables)}${i}`.replace(/^./, (c) => c.toUpperCase()),
  ]),
);

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function generateCase(): unknown {
  const regionCodes = sample(nationalCodes, integer(5, 30));
  const outside = nationalCodes.filter((code) => !regionCodes.includes(code));
  const municipalities = regionCodes.map((code) => ({
    code,
    name: nameOf.get(code),
    population: integer(5_000, 900_000),
  }));
  const admissionYear = integer(2015, 2025);
  const admissionDate = isoDate(admissionYear, integer(1, 12), integer(1, 28));

  // Addresses: a residential history, mostly inside the region, with institutions and mail addresses.
  const addressCount = integer(1, 6);
  const untraceable = chance(0.12);
  const addresses = [];
  let year = admissionYear - integer(addressCount, addressCount * 4);
  for (let i = 0; i < addressCount; i += 1) {
    const from = isoDate(year, integer(1, 12), integer(1, 28));
    year += integer(1, 4);
    const kind = untraceable
      ? pick(['instelling', 'briefadres'] as const)
      : i === 0
        ? 'woonadres'
        : pick(['woonadres', 'woonadres', 'instelling', 'briefadres'] as const);
    const municipality = chance(0.1) ? pick(outside) : pick(regionCodes);
    addresses.push(
      chance(0.15) && i === addressCount - 1
        ? { municipality, kind, from }
        : { municipality, kind, from, to: isoDate(year, integer(1, 12), integer(1, 28)) },
    );
  }
  // A woonadres after the admission, which never counts.
  if (chance(0.1))
    addresses.push({
      municipality: pick(regionCodes),
      kind: 'woonadres',
      from: isoDate(admissionYear + 1, 6, 1),
    });

  const excluded = chance(0.3) ? sample(regionCodes, integer(1, 3)) : [];
  const allowed = regionCodes.filter((code) => !excluded.includes(code));
  const exceptions: unknown[] = [];
  const motivation = 'Toelichting van de casemanager bij deze uitzondering.';
  const roll = random();
  if (roll < 0.15 && allowed.length > 0)
    exceptions.push({ kind: 'D', municipality: pick(allowed), motivation });
  if (roll >= 0.15 && roll < 0.45 && allowed.length > 0) {
    exceptions.push({
      kind: 'B',
      municipality: pick(allowed),
      ground: pick(['netwerk', 'daginvulling']),
      canTravelFromOrigin: chance(0.5),
      motivation,
    });
  }
  if ((roll >= 0.35 && roll < 0.65) || chance(0.05)) exceptions.push({ kind: 'A', motivation });

  const placements: Record<string, number> = {};
  for (const code of sample(regionCodes, integer(0, regionCodes.length)))
    placements[code] = integer(0, 40);
  if (chance(0.1)) placements[pick(outside)] = integer(1, 5);

  const resident: Record<string, unknown> = { admissionDate, addresses };
  if (chance(0.6)) resident['wish'] = chance(0.85) ? pick(regionCodes) : pick(outside);
  if (excluded.length > 0 || chance(0.3)) resident['excluded'] = excluded;
  const input: Record<string, unknown> = {
    referenceDate: '2026-11-25',
    region: { municipalities },
    resident,
  };
  if (exceptions.length > 0 || chance(0.3)) input['exceptions'] = exceptions;
  if (chance(0.8)) input['distribution'] = { placements };
  return input;
}

// JSON round trip: the cases are what a request body or a file would give.
const cases = JSON.parse(
  JSON.stringify(Array.from({ length: caseCount }, generateCase)),
) as unknown[];

/** The same cases in a region that has the minimum-binding test. */
const casesWithBinding = cases.map((raw) => {
  const input = raw as { region: Record<string, unknown> };
  return { ...input, region: { ...input.region, bindingTest: { ...bindingTest } } };
});

function countOutcomes(
  inputs: readonly unknown[],
): Map<ProposalOutcome | 'ongeldig' | 'binding gehaald', number> {
  const counts = new Map<ProposalOutcome | 'ongeldig' | 'binding gehaald', number>();
  const add = (key: ProposalOutcome | 'ongeldig' | 'binding gehaald') =>
    counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const raw of inputs) {
    const result = validateAndPropose(raw);
    add(result.ok ? result.proposal.outcome : 'ongeldig');
    if (result.ok && result.proposal.binding?.holds) add('binding gehaald');
  }
  if (counts.has('ongeldig')) {
    console.error(
      `De generator maakte ${counts.get('ongeldig')} ongeldige gevallen; de bench meet alleen geldige.`,
    );
    process.exit(1);
  }
  return counts;
}
const outcomes = countOutcomes(cases);
const outcomesWithBinding = countOutcomes(casesWithBinding);

/** For comparison only: validation by the zod schema alone, without the precompiled check. */
function proposeWithZodOnly(raw: unknown): ReturnType<typeof validateAndPropose> {
  const parsed = proposalInputSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, proposal: proposeDestination(parsed.data) }
    : { ok: false, error: { error: { code: 'VALIDATION_FAILED', message: '', issues: [] } } };
}

function runRound(
  propose: (raw: unknown) => ReturnType<typeof validateAndPropose> = validateAndPropose,
  inputs: readonly unknown[] = cases,
): number {
  let checksum = 0;
  const start = performance.now();
  for (const raw of inputs) {
    const result = propose(raw);
    if (result.ok) checksum += result.proposal.reasons.length;
  }
  const seconds = (performance.now() - start) / 1000;
  if (checksum === 0) throw new Error('no proposals');
  return inputs.length / seconds;
}

const medianOf = (values: number[]) =>
  values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// Warm-up: let the JIT compile the schema and the rule, with and without the test.
for (let i = 0; i < 3; i += 1) {
  runRound();
  runRound(validateAndPropose, casesWithBinding);
}
const rates = Array.from({ length: rounds }, () => runRound()).sort((a, b) => a - b);
const median = medianOf(rates);

/**
 * One round of both engines, in alternating slices of the same cases (without the test, then
 * with it), so that a busy moment of a shared machine falls on both alike. Gives both rates.
 */
function runPairedRound(sliceSize = 250): { without: number; with: number } {
  let secondsWithout = 0;
  let secondsWith = 0;
  let checksum = 0;
  for (let first = 0; first < cases.length; first += sliceSize) {
    const last = Math.min(first + sliceSize, cases.length);
    let start = performance.now();
    for (let i = first; i < last; i += 1) {
      const result = validateAndPropose(cases[i]);
      if (result.ok) checksum += result.proposal.reasons.length;
    }
    secondsWithout += performance.now() - start;
    start = performance.now();
    for (let i = first; i < last; i += 1) {
      const result = validateAndPropose(casesWithBinding[i]);
      if (result.ok) checksum += result.proposal.reasons.length;
    }
    secondsWith += performance.now() - start;
  }
  if (checksum === 0) throw new Error('no proposals');
  return {
    without: (cases.length * 1000) / secondsWithout,
    with: (cases.length * 1000) / secondsWith,
  };
}

const paired = Array.from({ length: rounds }, () => runPairedRound());
const medianWithout = medianOf(paired.map((round) => round.without));
const medianWithBinding = medianOf(paired.map((round) => round.with));
const ratio = medianOf(paired.map((round) => round.with / round.without));
for (let i = 0; i < 2; i += 1) runRound(proposeWithZodOnly);
const zodOnly =
  [runRound(proposeWithZodOnly), runRound(proposeWithZodOnly), runRound(proposeWithZodOnly)].sort(
    (a, b) => a - b,
  )[1] ?? 0;

const format = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `cases: ${format(cases.length)} (seed ${seed}); outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`,
);
console.log(`rounds: ${rates.map(format).join(' / ')} proposals/s`);
console.log(
  `median: ${format(median)} proposals/s, validation included, one thread; ${(median / target).toFixed(2)}x the target of ${format(target)}/s`,
);
console.log(
  `for comparison, zod schema alone (no precompiled check): ${format(zodOnly)} proposals/s`,
);
console.log(
  `with the minimum-binding test (${bindingTest.minYears} of the last ${bindingTest.withinYears} years): outcomes ${[...outcomesWithBinding].map(([k, v]) => `${k} ${v}`).join(', ')}`,
);
console.log(
  `paired rounds, without / with the test: ${paired.map((round) => `${format(round.without)} / ${format(round.with)}`).join(', ')} proposals/s`,
);
console.log(
  `median without the test ${format(medianWithout)}, with the test ${format(medianWithBinding)} proposals/s; ratio with/without ${ratio.toFixed(3)} (median of the paired rounds; at least ${(1 - bindingTolerance).toFixed(2)} required)`,
);
let failed = false;
if (median < target) {
  console.error(`BELOW TARGET: ${format(median)} < ${format(target)} proposals/s`);
  failed = true;
}
if (ratio < 1 - bindingTolerance) {
  console.error(
    `THE BINDING TEST COSTS TOO MUCH: ${ratio.toFixed(3)} of the speed without it, below ${(1 - bindingTolerance).toFixed(2)}`,
  );
  failed = true;
}
if (failed) process.exit(1);
