import fc from 'fast-check';
import { amsterdamDate } from '../calendar/calendar';
import { proposalInputSchema } from './origin-rule.schemas';
import { allocateByDistribution, validateAndPropose } from './origin-rule.rules';
import { isCertainlyValidProposalInput } from './origin-rule.fast-parse';

/**
 * Laws of the rule, over random cases. The seed is printed and is part of each test's name;
 * replay a failure with `FC_SEED=<seed> npx jest --selectProjects unit origin-rule.properties`.
 */
const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2_147_483_647);
console.log(`fast-check seed for the origin rule: ${seed} (replay with FC_SEED=${seed})`);
const runs = { seed, numRuns: 300 };

const codePool = Array.from({ length: 60 }, (_, i) => `GM${String(100 + i * 37).padStart(4, '0')}`);
const dateArbitrary = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => amsterdamDate(d));

/** A municipality mostly of the region (by position), sometimes any code of the pool. */
const placeArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.nat().map((index) => ({ index })) },
  { weight: 1, arbitrary: fc.constantFrom(...codePool).map((code) => ({ code })) },
);
type Place = { index: number } | { code: string };

/** A valid raw case; every outcome occurs, with addresses and wishes in and out of the region. */
const caseArbitrary = fc
  .record({
    regionCodes: fc.uniqueArray(fc.constantFrom(...codePool), { minLength: 1, maxLength: 12 }),
    populations: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 12, maxLength: 12 }),
    names: fc.array(
      fc.constantFrom(
        'Almere',
        'Dronten',
        'Lelystad',
        'Urk',
        'Zeewolde',
        'Ede',
        'Bergen',
        'Aalten',
      ),
      { minLength: 12, maxLength: 12 },
    ),
    admissionDate: dateArbitrary,
    addresses: fc.array(
      fc.record({
        place: placeArbitrary,
        kind: fc.constantFrom('woonadres', 'woonadres', 'instelling', 'briefadres'),
        from: dateArbitrary,
        to: fc.option(dateArbitrary, { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
    wish: fc.option(placeArbitrary, { nil: undefined }),
    excludedPicks: fc.array(fc.nat(), { maxLength: 4 }),
    exceptionKinds: fc.oneof(
      { weight: 2, arbitrary: fc.constant<('A' | 'B' | 'D')[]>([]) },
      { weight: 3, arbitrary: fc.subarray(['A', 'B', 'D'] as const) },
    ),
    exceptionPicks: fc.tuple(
      fc.nat(),
      fc.nat(),
      fc.boolean(),
      fc.constantFrom('netwerk', 'daginvulling'),
    ),
    placements: fc.dictionary(fc.constantFrom(...codePool), fc.nat({ max: 50 }), { maxKeys: 10 }),
    hasDistribution: fc.boolean(),
  })
  .map((c) => {
    const codeOf = (place: Place) =>
      'code' in place ? place.code : (c.regionCodes[place.index % c.regionCodes.length] as string);
    const municipalities = c.regionCodes.map((code, i) => ({
      code,
      name: c.names[i] ?? 'Naam',
      population: c.populations[i] ?? 1,
    }));
    const excluded = [
      ...new Set(c.excludedPicks.map((p) => c.regionCodes[p % c.regionCodes.length] as string)),
    ];
    const allowed = c.regionCodes.filter((code) => !excluded.includes(code));
    const seenStarts = new Set<string>();
    const addresses = c.addresses
      .filter(
        (a) =>
          a.kind !== 'woonadres' || (!seenStarts.has(a.from) && Boolean(seenStarts.add(a.from))),
      )
      .map((a) => {
        const address = { municipality: codeOf(a.place), kind: a.kind, from: a.from };
        return a.to === undefined ? address : { ...address, to: a.to };
      });
    const [pickB, pickD, canTravelFromOrigin, ground] = c.exceptionPicks;
    const motivation = 'Een motivering van voldoende lengte.';
    const exceptions = c.exceptionKinds.flatMap((kind): Record<string, unknown>[] => {
      if (kind === 'A') return [{ kind, motivation }];
      if (allowed.length === 0) return [];
      const municipality = allowed[(kind === 'B' ? pickB : pickD) % allowed.length] as string;
      return kind === 'B'
        ? [{ kind, municipality, ground, canTravelFromOrigin, motivation }]
        : [{ kind, municipality, motivation }];
    });
    const resident: Record<string, unknown> = {
      admissionDate: c.admissionDate,
      addresses,
      excluded,
    };
    if (c.wish !== undefined) resident['wish'] = codeOf(c.wish);
    const input: Record<string, unknown> = {
      referenceDate: '2026-11-25',
      region: { municipalities },
      resident,
      exceptions,
    };
    if (c.hasDistribution) input['distribution'] = { placements: c.placements };
    return input;
  });

function proposalOf(raw: unknown) {
  const result = validateAndPropose(raw);
  if (!result.ok) throw new Error(`generated an invalid case: ${JSON.stringify(result.error)}`);
  return result.proposal;
}

type RawCase = {
  region: { municipalities: { code: string }[] };
  resident: { addresses: unknown[]; excluded: string[] };
  exceptions: unknown[];
};

describe(`origin rule properties (seed ${seed})`, () => {
  it('proposes a destination in the region, or none', () => {
    fc.assert(
      fc.property(caseArbitrary, (raw) => {
        const proposal = proposalOf(raw);
        const codes = (raw as RawCase).region.municipalities.map((m) => m.code);
        expect(proposal.destination === null || codes.includes(proposal.destination)).toBe(true);
        expect(proposal.reasons.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('never proposes the origin under A, nor an excluded municipality under A or C', () => {
    fc.assert(
      fc.property(caseArbitrary, (raw) => {
        const proposal = proposalOf(raw);
        const excluded = (raw as RawCase).resident.excluded;
        if (proposal.outcome === 'A')
          expect(proposal.destination === null || proposal.destination !== proposal.origin).toBe(
            true,
          );
        if (proposal.outcome === 'A' || proposal.outcome === 'C') {
          expect(proposal.destination === null || !excluded.includes(proposal.destination)).toBe(
            true,
          );
        }
      }),
      runs,
    );
  });

  it('gives the same proposal, reasons included, whatever the order of addresses, municipalities and exceptions', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.infiniteStream(fc.nat()), (raw, randoms) => {
        const shuffled = structuredClone(raw) as RawCase;
        const shuffle = <T>(items: T[]) => {
          for (let i = items.length - 1; i > 0; i -= 1) {
            const j = (randoms.next().value as number) % (i + 1);
            [items[i], items[j]] = [items[j] as T, items[i] as T];
          }
        };
        shuffle(shuffled.resident.addresses);
        shuffle(shuffled.region.municipalities);
        shuffle(shuffled.exceptions);
        expect(proposalOf(shuffled)).toEqual(proposalOf(raw));
      }),
      runs,
    );
  });

  it('keeps every municipality below one allocation ahead of its share (a_m − p_m × N < 1), over up to 1,000 allocations', () => {
    const regionArbitrary = fc
      .uniqueArray(fc.constantFrom(...codePool), { minLength: 1, maxLength: 30 })
      .chain((codes) =>
        fc.tuple(
          fc.constant(codes),
          fc.array(fc.integer({ min: 1, max: 1_000_000 }), {
            minLength: codes.length,
            maxLength: codes.length,
          }),
        ),
      )
      .map(([codes, populations]) =>
        codes.map((code, i) => ({ code, name: `Gemeente ${i}`, population: populations[i] ?? 1 })),
      );
    fc.assert(
      fc.property(regionArbitrary, fc.integer({ min: 1, max: 1000 }), (region, steps) => {
        const total = region.reduce((sum, m) => sum + m.population, 0);
        const placements: Record<string, number> = {};
        for (let n = 1; n <= steps; n += 1) {
          const chosen = allocateByDistribution(region, placements).chosen;
          if (!chosen) throw new Error('no municipality chosen over a whole region');
          placements[chosen.code] = (placements[chosen.code] ?? 0) + 1;
          for (const m of region) {
            const lead = (placements[m.code] ?? 0) - (m.population / total) * n;
            if (!(lead < 1))
              throw new Error(`after ${n} allocations ${m.code} leads its share by ${lead}`);
          }
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it('fast path and zod agree: the fast path accepts every generated case, and only what zod accepts unchanged', () => {
    const weird = fc.constantFrom<unknown>(
      undefined,
      null,
      '',
      ' ',
      'GM12345',
      'gm0100',
      'GM0100',
      '2023-02-30',
      '2024-02-29',
      '2022-3-1',
      -1,
      0,
      1.5,
      -0,
      2 ** 53,
      {},
      [],
      'A',
      'B',
      'C',
      'D',
      'woonadres',
      'netwerk',
      true,
      false,
      'kort',
      '   123456789   ',
      '1234567890',
      NaN,
    );
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.nat(),
        weird,
        fc.constantFrom('replace', 'delete', 'add'),
        (raw, pick, value, action) => {
          expect(isCertainlyValidProposalInput(raw)).toBe(true);
          const mutated = structuredClone(raw);
          mutate(mutated, pick, value, action);
          const parsed = proposalInputSchema.safeParse(mutated);
          if (isCertainlyValidProposalInput(mutated)) {
            expect(parsed.success).toBe(true);
            expect(parsed.data).toStrictEqual(mutated);
          }
          expect(validateAndPropose(mutated).ok).toBe(parsed.success);
        },
      ),
      { seed, numRuns: 2000 },
    );
  });
});

/** Changes one node of a JSON tree: replaces or deletes a value, or adds a key to an object. */
function mutate(
  root: unknown,
  pick: number,
  value: unknown,
  action: 'replace' | 'delete' | 'add',
): void {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const objects: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push({ parent: node, key: i });
        walk(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      objects.push(node as Record<string, unknown>);
      for (const [key, child] of Object.entries(node)) {
        slots.push({ parent: node as Record<string, unknown>, key });
        walk(child);
      }
    }
  };
  walk(root);
  if (action === 'add') {
    const target = objects[pick % objects.length];
    if (target) target[pick % 2 === 0 ? 'extra' : 'to'] = value;
    return;
  }
  const slot = slots[pick % Math.max(slots.length, 1)];
  if (!slot) return;
  if (action === 'delete' && !Array.isArray(slot.parent)) delete slot.parent[slot.key as string];
  else (slot.parent as Record<string | number, unknown>)[slot.key] = value;
}
