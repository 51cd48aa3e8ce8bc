import { validateAndPropose } from './origin-rule.rules';

/**
 * Builders for the tests of the origin rule: the demo region Flevoland of the contract, and a
 * case that differs from the contract's example only where a test says so.
 */

export const ALMERE = 'GM0034';
export const DRONTEN = 'GM0303';
export const LELYSTAD = 'GM0995';
export const NOORDOOSTPOLDER = 'GM0171';
export const URK = 'GM0184';
export const ZEEWOLDE = 'GM0050';
/** Outside Flevoland: Amsterdam and Deventer. */
export const AMSTERDAM = 'GM0363';
export const DEVENTER = 'GM0150';

export const flevoland = [
  { code: ALMERE, name: 'Almere', population: 226500 },
  { code: DRONTEN, name: 'Dronten', population: 43200 },
  { code: LELYSTAD, name: 'Lelystad', population: 81800 },
  { code: NOORDOOSTPOLDER, name: 'Noordoostpolder', population: 49300 },
  { code: URK, name: 'Urk', population: 22400 },
  { code: ZEEWOLDE, name: 'Zeewolde', population: 24100 },
];

export type RawAddress = { municipality: string; kind: string; from: string; to?: string };

export const woonadres = (municipality: string, from: string, to?: string): RawAddress =>
  to === undefined
    ? { municipality, kind: 'woonadres', from }
    : { municipality, kind: 'woonadres', from, to };
export const instelling = (municipality: string, from: string, to?: string): RawAddress =>
  to === undefined
    ? { municipality, kind: 'instelling', from }
    : { municipality, kind: 'instelling', from, to };
export const briefadres = (municipality: string, from: string, to?: string): RawAddress =>
  to === undefined
    ? { municipality, kind: 'briefadres', from }
    : { municipality, kind: 'briefadres', from, to };

export const motivation = 'Toelichting van de casemanager, lang genoeg.';
export const exceptionA = () => ({ kind: 'A', motivation });
export const exceptionB = (
  municipality: string,
  canTravelFromOrigin: boolean,
  ground = 'daginvulling',
) => ({
  kind: 'B',
  municipality,
  ground,
  canTravelFromOrigin,
  motivation,
});
export const exceptionD = (municipality: string) => ({ kind: 'D', municipality, motivation });

/** The history of the contract's example: Almere, then Lelystad, then an institution in Almere. */
export const exampleAddresses = (): RawAddress[] => [
  woonadres(ALMERE, '2004-05-01', '2013-08-01'),
  woonadres(LELYSTAD, '2013-08-01', '2021-11-15'),
  instelling(ALMERE, '2021-11-15', '2022-03-01'),
];

export interface CaseOptions {
  municipalities?: unknown[];
  admissionDate?: string;
  addresses?: unknown[];
  wish?: string;
  excluded?: string[];
  exceptions?: unknown[];
  placements?: Record<string, unknown>;
  /** The region's minimum-binding test; absent: none. */
  bindingTest?: unknown;
}

/** A raw case (as JSON would give it): the example's history, no wish, no exceptions. */
export function buildCase(options: CaseOptions = {}): Record<string, unknown> {
  const resident: Record<string, unknown> = {
    admissionDate: options.admissionDate ?? '2022-03-01',
    addresses: options.addresses ?? exampleAddresses(),
  };
  if (options.wish !== undefined) resident['wish'] = options.wish;
  if (options.excluded !== undefined) resident['excluded'] = options.excluded;
  const input: Record<string, unknown> = {
    referenceDate: '2026-11-25',
    region: { municipalities: options.municipalities ?? flevoland.map((m) => ({ ...m })) },
    resident,
  };
  if (options.bindingTest !== undefined)
    (input['region'] as Record<string, unknown>)['bindingTest'] = options.bindingTest;
  if (options.exceptions !== undefined) input['exceptions'] = options.exceptions;
  if (options.placements !== undefined) input['distribution'] = { placements: options.placements };
  return input;
}

/** The contract's example input, verbatim. */
export function contractExample(): Record<string, unknown> {
  return buildCase({
    wish: ZEEWOLDE,
    excluded: [],
    exceptions: [
      {
        kind: 'B',
        municipality: DRONTEN,
        ground: 'daginvulling',
        canTravelFromOrigin: true,
        motivation: 'Vast werk bij een bedrijf in Dronten.',
      },
    ],
    placements: { [ALMERE]: 4, [LELYSTAD]: 1 },
  });
}

/** Sets a value at a dotted path of a plain JSON value (test input surgery). */
export function setAt(root: unknown, dottedPath: string, value: unknown): void {
  const keys = dottedPath.split('.');
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The proposal for a raw case that a test knows to be valid (an invalid one fails the test). */
export function proposeValid(raw: unknown) {
  const result = validateAndPropose(raw);
  if (!result.ok) throw new Error(`invalid test input: ${JSON.stringify(result.error)}`);
  return result.proposal;
}
