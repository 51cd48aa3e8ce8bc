import fc from 'fast-check';
import {
  caseNeedsOf,
  compareFits,
  fitDwelling,
  formatDutchEuro,
  rankByFit,
  type CaseNeeds,
  type FitDwelling,
} from './dwelling-fit.rules';
import type { FitCriterion, FitVerdict } from './dwelling.schemas';

const today = '2026-02-01';
const lelystad = 'GM0995',
  almere = 'GM0034';
const names: Record<string, string> = { [lelystad]: 'Lelystad', [almere]: 'Almere' };
const nameOf = (code: string) => names[code] ?? code;

const dwelling: FitDwelling = {
  municipalityCode: lelystad,
  neighbourhood: 'Atolwijk',
  rooms: 2,
  rent: 612.5,
  floor: 0,
  hasLift: false,
  isWheelchairAccessible: false,
  availableFrom: '2026-01-15',
};
const needs: CaseNeeds = {
  destination: lelystad,
  rooms: 2,
  groundFloorOrLift: true,
  maxRent: 650,
  wishedMoveDate: '2026-03-01',
};

const reasonOf = (criterion: FitCriterion, d: Partial<FitDwelling>, n: Partial<CaseNeeds>) =>
  fitDwelling({ ...dwelling, ...d }, { ...needs, ...n }, today, nameOf).reasons.find(
    (r) => r.criterion === criterion,
  )!;

describe('fitDwelling, criterion by criterion', () => {
  it.each<[string, FitCriterion, Partial<FitDwelling>, Partial<CaseNeeds>, FitVerdict, RegExp]>([
    [
      'in the destination',
      'destination',
      {},
      {},
      'fits',
      /^Ligt in Lelystad, de gemeente van bestemming\.$/,
    ],
    [
      'elsewhere',
      'destination',
      { municipalityCode: almere },
      {},
      'doesNotFit',
      /Ligt in Almere; de tafel besloot tot Lelystad/,
    ],
    [
      'no destination decided',
      'destination',
      {},
      { destination: null },
      'unknown',
      /nog niet besloten/,
    ],
    ['enough rooms', 'rooms', { rooms: 3 }, { rooms: 2 }, 'fits', /^3 kamers; nodig: 2 kamers\.$/],
    [
      'exactly the rooms needed',
      'rooms',
      { rooms: 2 },
      { rooms: 2 },
      'fits',
      /2 kamers; nodig: 2 kamers/,
    ],
    [
      'too few rooms',
      'rooms',
      { rooms: 1 },
      { rooms: 2 },
      'doesNotFit',
      /^1 kamer; nodig: 2 kamers\.$/,
    ],
    [
      'a studio when one room is needed',
      'rooms',
      { rooms: 0 },
      { rooms: 1 },
      'doesNotFit',
      /^Geen aparte kamers \(een studio\); nodig: 1 kamer\.$/,
    ],
    ['rooms needed not recorded', 'rooms', {}, { rooms: undefined }, 'unknown', /niet vastgelegd/],
    // The wijk (issue 26): the resident's avoided and wished wijken, as lists in the housing needs.
    [
      'an avoided wijk',
      'neighbourhood',
      { neighbourhood: 'Zuiderzeewijk' },
      { avoidedNeighbourhoods: ['Zuiderzeewijk'] },
      'doesNotFit',
      /^De bewoner wil niet naar de Zuiderzeewijk\.$/,
    ],
    [
      'an avoided wijk, typed otherwise by the corporation',
      'neighbourhood',
      { neighbourhood: ' zuiderzeewijk' },
      { avoidedNeighbourhoods: ['Zuiderzeewijk'], wishedNeighbourhoods: ['Zuiderzeewijk'] },
      'doesNotFit',
      /^De bewoner wil niet naar de zuiderzeewijk\.$/,
    ],
    [
      'an avoided wijk without "wijk" in its name',
      'neighbourhood',
      { neighbourhood: 'Bolder' },
      { avoidedNeighbourhoods: ['Bolder'] },
      'doesNotFit',
      /^De bewoner wil niet naar Bolder\.$/,
    ],
    [
      'a wished wijk',
      'neighbourhood',
      { neighbourhood: 'Boswijk' },
      { wishedNeighbourhoods: ['Bolder', 'Boswijk'] },
      'fits',
      /^Ligt in de Boswijk, een wijk die de bewoner wenst\.$/,
    ],
    [
      'another wijk than the wished ones of this municipality',
      'neighbourhood',
      { neighbourhood: 'Atolwijk' },
      { wishedNeighbourhoods: ['Bolder', 'Boswijk', 'Kruidenwijk'] },
      'doesNotFit',
      /^Ligt in de Atolwijk; de bewoner wenst Bolder of de Boswijk\.$/,
    ],
    [
      'wished wijken only in another municipality',
      'neighbourhood',
      { neighbourhood: 'Atolwijk' },
      { wishedNeighbourhoods: ['Kruidenwijk'], avoidedNeighbourhoods: ['Danswijk'] },
      'fits',
      /^Ligt in de Atolwijk; de bewoner noemde hier geen wijk/,
    ],
    [
      'no wijken named',
      'neighbourhood',
      {},
      {},
      'fits',
      /^Ligt in de Atolwijk; de bewoner noemde hier geen wijk om te wensen of te vermijden\.$/,
    ],
    [
      'ground floor needed, ground floor',
      'accessibility',
      { floor: 0 },
      {},
      'fits',
      /begane grond/i,
    ],
    [
      'ground floor needed, a souterrain',
      'accessibility',
      { floor: -1 },
      {},
      'fits',
      /begane grond/i,
    ],
    [
      'ground floor needed, third floor with a lift',
      'accessibility',
      { floor: 3, hasLift: true },
      {},
      'fits',
      /^3e verdieping met lift/,
    ],
    [
      'ground floor needed, third floor without a lift',
      'accessibility',
      { floor: 3, hasLift: false },
      {},
      'doesNotFit',
      /^3e verdieping zonder lift/,
    ],
    [
      'a wheelchair, accessible',
      'accessibility',
      { isWheelchairAccessible: true },
      { usesWheelchair: true },
      'fits',
      /rolstoeltoegankelijk/,
    ],
    [
      'a wheelchair, not accessible',
      'accessibility',
      { isWheelchairAccessible: false },
      { usesWheelchair: true },
      'doesNotFit',
      /Niet rolstoeltoegankelijk/,
    ],
    [
      'both needs, one missing: says which',
      'accessibility',
      { floor: 2, hasLift: false, isWheelchairAccessible: true },
      { usesWheelchair: true },
      'doesNotFit',
      /^2e verdieping zonder lift[^;]*\.$/,
    ],
    [
      'no needs (a recorded no)',
      'accessibility',
      { floor: 4 },
      { groundFloorOrLift: false },
      'fits',
      /^Geen eisen/,
    ],
    [
      'needs not recorded',
      'accessibility',
      {},
      { groundFloorOrLift: undefined },
      'unknown',
      /niet vastgelegd/,
    ],
    [
      'rent within the budget',
      'rent',
      { rent: 612.5 },
      { maxRent: 650 },
      'fits',
      /^€ 612,50 per maand; binnen het budget van € 650\.$/,
    ],
    [
      'rent exactly the budget',
      'rent',
      { rent: 650 },
      { maxRent: 650 },
      'fits',
      /binnen het budget/,
    ],
    [
      'rent over the budget',
      'rent',
      { rent: 712 },
      { maxRent: 650 },
      'doesNotFit',
      /^€ 712 per maand: € 62 boven het budget van € 650\.$/,
    ],
    [
      'no budget recorded',
      'rent',
      {},
      { maxRent: undefined },
      'unknown',
      /budget van de bewoner is niet vastgelegd/,
    ],
    [
      'free before the wished date',
      'availability',
      { availableFrom: '2026-02-15' },
      { wishedMoveDate: '2026-03-01' },
      'fits',
      /op tijd voor de gewenste verhuisdatum 1 maart 2026/,
    ],
    [
      'free on the wished date',
      'availability',
      { availableFrom: '2026-03-01' },
      { wishedMoveDate: '2026-03-01' },
      'fits',
      /op tijd/,
    ],
    [
      'free after the wished date',
      'availability',
      { availableFrom: '2026-03-11' },
      { wishedMoveDate: '2026-03-01' },
      'doesNotFit',
      /10 dagen na de gewenste verhuisdatum 1 maart 2026/,
    ],
    [
      'a wished date in the past counts as now',
      'availability',
      { availableFrom: '2026-01-20' },
      { wishedMoveDate: '2025-12-01' },
      'fits',
      /Nu beschikbaar/,
    ],
    [
      'later than now when the wish is past',
      'availability',
      { availableFrom: '2026-02-02' },
      { wishedMoveDate: '2025-12-01' },
      'doesNotFit',
      /over 1 dag, terwijl de bewoner nu kan verhuizen/,
    ],
    [
      'free now, no wished date',
      'availability',
      { availableFrom: '2026-01-01' },
      { wishedMoveDate: undefined },
      'fits',
      /Nu beschikbaar \(vrij vanaf 1 januari 2026\)/,
    ],
    [
      'free later, no wished date',
      'availability',
      { availableFrom: '2026-03-03' },
      { wishedMoveDate: undefined },
      'unknown',
      /over 30 dagen; een gewenste verhuisdatum is niet vastgelegd/,
    ],
  ])('%s', (_label, criterion, d, n, verdict, text) => {
    const reason = reasonOf(criterion, d, n);
    expect(reason.verdict).toBe(verdict);
    expect(reason.text).toMatch(text);
  });
});

describe('fitDwelling as a whole', () => {
  it.each<[string, Partial<FitDwelling>, Partial<CaseNeeds>, { score: number; isFit: boolean }]>([
    ['everything fits', {}, {}, { score: 100, isFit: true }],
    [
      'nothing recorded about the case: half of every weight',
      {},
      {
        rooms: undefined,
        groundFloorOrLift: undefined,
        maxRent: undefined,
        wishedMoveDate: undefined,
      },
      { score: 60, isFit: true },
    ],
    ['rent too high: loses its 25', { rent: 700 }, {}, { score: 75, isFit: false }],
    [
      'not accessible for a wheelchair: loses its 30',
      { isWheelchairAccessible: false },
      { usesWheelchair: true },
      { score: 70, isFit: false },
    ],
    ['too few rooms: loses its 25', { rooms: 1 }, {}, { score: 75, isFit: false }],
    [
      'another municipality: 0, whatever else fits',
      { municipalityCode: almere },
      {},
      { score: 0, isFit: false },
    ],
    [
      'no destination yet: scored, never a fit',
      {},
      { destination: null },
      { score: 100, isFit: false },
    ],
    [
      'no wijken named: the wijk does not weigh',
      { neighbourhood: 'Zuiderzeewijk' },
      { maxRent: undefined },
      { score: 88, isFit: true },
    ],
    [
      'an avoided wijk: loses its 20 of 120, no fit',
      { neighbourhood: 'Zuiderzeewijk' },
      { avoidedNeighbourhoods: ['Zuiderzeewijk'] },
      { score: 83, isFit: false },
    ],
    [
      'a wished wijk: weighs, and fits',
      { neighbourhood: 'Bolder' },
      { wishedNeighbourhoods: ['Bolder'], maxRent: undefined },
      { score: 90, isFit: true },
    ],
  ])('%s', (_label, d, n, expected) => {
    const fit = fitDwelling({ ...dwelling, ...d }, { ...needs, ...n }, today, nameOf);
    expect({ score: fit.score, isFit: fit.isFit }).toEqual(expected);
    expect(fit.reasons.map((r) => r.criterion)).toEqual([
      'destination',
      'neighbourhood',
      'rooms',
      'accessibility',
      'rent',
      'availability',
    ]);
  });

  it('the score stays within 0–100 and a fit never has a misfit (property)', () => {
    const arbitraryDwelling = fc.record({
      municipalityCode: fc.constantFrom(lelystad, almere),
      neighbourhood: fc.constantFrom('Zuiderzeewijk', 'Bolder', 'Kruidenwijk', 'Nergenshuizen'),
      rooms: fc.integer({ min: 0, max: 10 }),
      rent: fc.integer({ min: 0, max: 2000 }),
      floor: fc.integer({ min: -1, max: 20 }),
      hasLift: fc.boolean(),
      isWheelchairAccessible: fc.boolean(),
      availableFrom: fc.constantFrom('2025-06-01', '2026-02-01', '2026-05-01'),
    });
    const arbitraryNeeds = fc.record({
      destination: fc.constantFrom(lelystad, almere, null),
      rooms: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      groundFloorOrLift: fc.option(fc.boolean(), { nil: undefined }),
      usesWheelchair: fc.option(fc.boolean(), { nil: undefined }),
      maxRent: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
      wishedMoveDate: fc.option(fc.constantFrom('2025-01-01', '2026-04-01'), { nil: undefined }),
      wishedNeighbourhoods: fc.option(fc.subarray(['Bolder', 'Kruidenwijk', 'Atolwijk']), {
        nil: undefined,
      }),
      avoidedNeighbourhoods: fc.option(fc.subarray(['Zuiderzeewijk', 'Danswijk']), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(arbitraryDwelling, arbitraryNeeds, (d, n) => {
        const fit = fitDwelling(d, n, today);
        expect(fit.score).toBeGreaterThanOrEqual(0);
        expect(fit.score).toBeLessThanOrEqual(100);
        if (fit.isFit) expect(fit.reasons.some((r) => r.verdict === 'doesNotFit')).toBe(false);
        if (d.municipalityCode !== n.destination) expect(fit.isFit).toBe(false);
      }),
    );
  });
});

describe('ranking', () => {
  const candidates = [
    { id: 'too-expensive', d: { rent: 700 } },
    { id: 'elsewhere', d: { municipalityCode: almere } },
    { id: 'perfect-late-id', d: {} },
    { id: 'perfect', d: {} },
    { id: 'unknown-budget', d: {}, n: { maxRent: undefined } },
    { id: 'two-misfits', d: { rent: 700, rooms: 1 } },
  ];
  it('puts whole fits first, then fewer misfits, then the score, then the tie-break', () => {
    const fits = new Map(
      candidates.map((c) => [
        c.id,
        fitDwelling({ ...dwelling, ...c.d }, { ...needs, ...(c.n ?? {}) }, today),
      ]),
    );
    const ranked = rankByFit(
      candidates,
      (c) => fits.get(c.id)!,
      (a, b) => a.id.localeCompare(b.id),
    ).map((c) => c.id);
    expect(ranked).toEqual([
      'perfect',
      'perfect-late-id',
      'unknown-budget',
      'too-expensive',
      'elsewhere',
      'two-misfits',
    ]);
  });

  it('compareFits is 0 only for equal standing', () => {
    const a = fitDwelling(dwelling, needs, today);
    expect(compareFits(a, a)).toBe(0);
  });
});

describe('caseNeedsOf and formatDutchEuro', () => {
  it('reads only the housing needs the fit weighs', () => {
    expect(
      caseNeedsOf('GM0995', {
        rooms: 2,
        pets: 'Een kat',
        accessibility: 'prikkelarm',
        maxRent: 600,
        usesWheelchair: true,
      }),
    ).toEqual({ destination: 'GM0995', rooms: 2, maxRent: 600, usesWheelchair: true });
    expect(caseNeedsOf(null, undefined)).toEqual({ destination: null });
  });

  it.each([
    [650, '€ 650'],
    [612.5, '€ 612,50'],
    [1050.05, '€ 1.050,05'],
    [0, '€ 0'],
    [-62, '−€ 62'],
  ])('%s → %s', (amount, text) => {
    expect(formatDutchEuro(amount)).toBe(text);
  });
});
