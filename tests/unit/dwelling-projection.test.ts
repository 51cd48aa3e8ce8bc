import {
  dwellingSchema,
  fitCaseSchema,
  seats,
  type Dwelling,
  type FitCase,
  type Seat,
} from '@uitstroom/shared';
import {
  dwellingFieldsBySeat,
  fitCaseFieldsBySeat,
  toDwellingView,
  toFitCaseView,
} from '../../server/src/dwellings/dwellings.projection';
import { validDwelling } from '../../shared/src/dwellings/dwelling.test-support';

type Mark = 'R' | '-';
/** A dwelling is the corporation's; every other seat reads none of it through this module. */
const corporationOnly: Record<Seat, Mark> = {
  corporation: 'R',
  casemanager: '-',
  chair: '-',
  municipality: '-',
  provider: '-',
  regionAdmin: '-',
};

/**
 * Every seat × every field of the dwelling, written out by hand, so that a change to the projection
 * table shows up here as a decision, not by accident. R = the seat reads it.
 */
const expectedDwelling: Record<keyof Dwelling, Record<Seat, Mark>> = {
  id: corporationOnly,
  version: corporationOnly,
  status: corporationOnly,
  occupancy: corporationOnly,
  organisationId: corporationOnly,
  organisationName: corporationOnly,
  street: corporationOnly,
  houseNumber: corporationOnly,
  postcode: corporationOnly,
  municipalityCode: corporationOnly,
  neighbourhood: corporationOnly,
  kind: corporationOnly,
  rooms: corporationOnly,
  rent: corporationOnly,
  floor: corporationOnly,
  hasLift: corporationOnly,
  isWheelchairAccessible: corporationOnly,
  accessibilityNotes: corporationOnly,
  availableFrom: corporationOnly,
  tenancyForm: corporationOnly,
  conversionDate: corporationOnly,
  conversionConditions: corporationOnly,
  withdrawnAt: corporationOnly,
  withdrawalReason: corporationOnly,
  createdAt: corporationOnly,
  updatedAt: corporationOnly,
};

/** A case beside a dwelling: its housing profile as the case projection gave it, nothing else. */
const expectedFitCase: Record<keyof FitCase, Record<Seat, Mark>> = {
  id: corporationOnly,
  pseudonym: corporationOnly,
  state: corporationOnly,
  destination: corporationOnly,
  waitingDays: corporationOnly,
  household: corporationOnly,
  housingNeeds: corporationOnly,
};

const dwelling: Dwelling = {
  ...validDwelling,
  accessibilityNotes: 'Drempelvrij',
  id: '11111111-1111-4111-8111-111111111111',
  version: 2,
  status: 'available',
  occupancy: 'let',
  organisationId: '22222222-2222-4222-8222-222222222222',
  organisationName: 'Centrada',
  withdrawnAt: null,
  withdrawalReason: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const fitCase: FitCase = {
  id: '33333333-3333-4333-8333-333333333333',
  pseudonym: 'R-ABCDEFGH',
  state: 'searching',
  destination: 'GM0995',
  waitingDays: 40,
  household: { adults: 1, children: 2 },
  housingNeeds: { rooms: 3, maxRent: 700 },
};

function rowsOf<F extends string>(expected: Record<F, Record<Seat, Mark>>) {
  return seats.flatMap((seat) =>
    (Object.keys(expected) as F[]).map((field) => [seat, field, expected[field][seat]] as const),
  );
}

describe('the dwelling projection: every seat × every field', () => {
  it('covers every field of the dwelling and of a case beside it', () => {
    expect(Object.keys(expectedDwelling).sort()).toEqual(Object.keys(dwellingSchema.shape).sort());
    expect(Object.keys(expectedFitCase).sort()).toEqual(Object.keys(fitCaseSchema.shape).sort());
  });

  it.each(rowsOf(expectedDwelling))('%s reads dwelling.%s: %s', (seat, field, mark) => {
    expect((dwellingFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    if (mark === 'R') expect(toDwellingView(dwelling, seat)[field]).toEqual(dwelling[field]);
  });

  it.each(rowsOf(expectedFitCase))('%s reads fitCase.%s: %s', (seat, field, mark) => {
    expect((fitCaseFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    if (mark === 'R') expect(toFitCaseView(fitCase, seat)[field]).toEqual(fitCase[field]);
  });

  it.each(seats.filter((s) => s !== 'corporation'))(
    '%s reaches no dwelling and no case beside one: refused as outside its scope',
    (seat) => {
      expect(() => toDwellingView(dwelling, seat)).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
      expect(() => toFitCaseView(fitCase, seat)).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
    },
  );

  it('a field the corporation left blank stays absent; a withdrawal not yet made stays null', () => {
    const {
      accessibilityNotes: _a,
      conversionDate: _c,
      conversionConditions: _cc,
      ...bare
    } = dwelling;
    const view = toDwellingView(bare, 'corporation');
    expect(view).not.toHaveProperty('accessibilityNotes');
    expect(view).not.toHaveProperty('conversionDate');
    expect(view).not.toHaveProperty('conversionConditions');
    expect(view.withdrawnAt).toBeNull();
    expect(view.withdrawalReason).toBeNull();
  });

  it('a case whose projection left out the household and the needs (no consent) gets them not back', () => {
    const { household: _h, housingNeeds: _n, ...withheld } = fitCase;
    const view = toFitCaseView(withheld, 'corporation');
    expect(view).not.toHaveProperty('household');
    expect(view).not.toHaveProperty('housingNeeds');
    expect(view.pseudonym).toBe('R-ABCDEFGH');
  });

  it('nothing beyond the declared fields leaves, whatever the record carries', () => {
    const view = toFitCaseView(
      { ...fitCase, identity: { lastName: 'de Jong' } } as FitCase,
      'corporation',
    );
    expect(JSON.stringify(view)).not.toContain('de Jong');
  });
});
