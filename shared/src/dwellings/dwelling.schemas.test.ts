import { toErrorIssues } from '../validation';
import {
  createContingentSchema,
  contingentListQuerySchema,
  updateContingentSchema,
} from './contingent.schemas';
import {
  dwellingInputSchema,
  dwellingListQuerySchema,
  withdrawDwellingSchema,
} from './dwelling.schemas';
import { validDwelling } from './dwelling.test-support';

const firstIssue = (input: unknown) => {
  const result = dwellingInputSchema.safeParse(input);
  return result.success ? null : toErrorIssues(result.error)[0];
};

describe('dwellingInputSchema', () => {
  it('takes a complete dwelling, and writes the postcode one way', () => {
    expect(dwellingInputSchema.parse({ ...validDwelling, postcode: '8224jx' }).postcode).toBe(
      '8224 JX',
    );
  });

  it('takes a studio of 0 rooms (living room and bedrooms together), as the intake counts them', () => {
    expect(
      dwellingInputSchema.safeParse({ ...validDwelling, kind: 'studio', rooms: 0 }).success,
    ).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no street', { street: '' }, 'street', /straat/],
    ['a house number of letters', { houseNumber: 'A' }, 'houseNumber', /huisnummer/i],
    ['house number 0', { houseNumber: '0' }, 'houseNumber', /huisnummer/i],
    ['a postcode starting with 0', { postcode: '0123 AB' }, 'postcode', /postcode/],
    ['a postcode without letters', { postcode: '1234' }, 'postcode', /postcode/],
    ['an unknown municipality code', { municipalityCode: 'Almere' }, 'municipalityCode', /./],
    ['no neighbourhood', { neighbourhood: '  ' }, 'neighbourhood', /wijk/],
    ['an unknown kind', { kind: 'villa' }, 'kind', /type/],
    ['negative rooms', { rooms: -1 }, 'rooms', /0 kamers/],
    ['rooms as a fraction', { rooms: 1.5 }, 'rooms', /geheel getal/],
    [
      'a studio of one room',
      { kind: 'studio', rooms: 1 },
      'rooms',
      /Een studio is één ruimte: vul 0 kamers in/,
    ],
    ['a negative rent', { rent: -5 }, 'rent', /negatief/],
    ['a rent with three decimals', { rent: 612.505 }, 'rent', /twee cijfers/],
    ['a rent over 5000', { rent: 5000.01 }, 'rent', /5\.000/],
    ['rent as text', { rent: '612' }, 'rent', /euro/],
    ['a floor of -2', { floor: -2 }, 'floor', /-1/],
    ['lift as text', { hasLift: 'ja' }, 'hasLift', /ja of nee/],
    ['no available-from date', { availableFrom: undefined }, 'availableFrom', /verplicht|datum/],
    ['an impossible date', { availableFrom: '2026-02-30' }, 'availableFrom', /datum/],
    ['an unknown tenancy form', { tenancyForm: 'koop' }, 'tenancyForm', /huurvorm/],
    [
      'a conversion for a regular tenancy',
      { tenancyForm: 'regular', conversionConditions: undefined },
      'conversionDate',
      /reguliere huur/,
    ],
    [
      'conversion conditions for a regular tenancy',
      { tenancyForm: 'regular', conversionDate: undefined },
      'conversionConditions',
      /reguliere huur/,
    ],
    [
      'a conversion before the dwelling is free',
      { conversionDate: '2026-01-01' },
      'conversionDate',
      /vóór/,
    ],
    ['an unknown field', { garden: true }, 'garden', /onbekend/],
  ])('refuses %s at %s', (_label, change, path, message) => {
    const issue = firstIssue({ ...validDwelling, ...change });
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it.each([
    [
      'a regular tenancy without conversion',
      { tenancyForm: 'regular', conversionDate: undefined, conversionConditions: undefined },
    ],
    [
      'Housing First without a conversion date',
      { tenancyForm: 'housingFirst', conversionDate: undefined },
    ],
    ['a studio of 0 rooms on a basement floor', { kind: 'studio', rooms: 0, floor: -1 }],
    ['a rent of 0 (paid by the municipality)', { rent: 0 }],
    ['a house number with an addition', { houseNumber: '12-2' }],
  ])('takes %s', (_label, change) => {
    expect(dwellingInputSchema.safeParse({ ...validDwelling, ...change }).success).toBe(true);
  });
});

describe('the other dwelling requests', () => {
  it.each([
    [{ version: 1, reason: 'Verkocht aan een belegger.' }, true],
    [{ version: 1, reason: 'Kort' }, false],
    [{ version: 0, reason: 'Verkocht aan een belegger.' }, false],
    [{ reason: 'Verkocht aan een belegger.' }, false],
  ])('withdraw %j → %s', (input, ok) => {
    expect(withdrawDwellingSchema.safeParse(input).success).toBe(ok);
  });

  it.each([
    [{}, { status: 'available' }],
    [
      { status: 'all', municipality: 'GM0034', q: 'Agora' },
      { status: 'all', municipality: 'GM0034', q: 'Agora' },
    ],
  ])('list query %j', (input, expected) => {
    expect(dwellingListQuerySchema.parse(input)).toEqual(expected);
  });

  it('refuses an unknown status in the list query', () => {
    expect(dwellingListQuerySchema.safeParse({ status: 'sold' }).success).toBe(false);
  });
});

describe('contingent requests', () => {
  it.each<[string, unknown, boolean]>([
    ['a number promised', { municipalityCode: 'GM0034', year: 2026, promised: 12 }, true],
    [
      'no number yet (empty promise)',
      { municipalityCode: 'GM0034', year: 2026, promised: null },
      true,
    ],
    [
      'for a corporation by id',
      {
        organisationId: '6f1c1b8e-3c1d-4c55-9a41-4f7a2d8f0a11',
        municipalityCode: 'GM0034',
        year: 2026,
        promised: 3,
      },
      true,
    ],
    ['a negative number', { municipalityCode: 'GM0034', year: 2026, promised: -1 }, false],
    ['a fraction', { municipalityCode: 'GM0034', year: 2026, promised: 1.5 }, false],
    ['a year before 2020', { municipalityCode: 'GM0034', year: 2019, promised: 1 }, false],
    ['no promised key at all', { municipalityCode: 'GM0034', year: 2026 }, false],
    ['a stray field', { municipalityCode: 'GM0034', year: 2026, promised: 1, offered: 3 }, false],
  ])('create: %s', (_label, input, ok) => {
    expect(createContingentSchema.safeParse(input).success).toBe(ok);
  });

  it.each<[unknown, boolean]>([
    [{ version: 1, promised: 4 }, true],
    [{ version: 1, promised: null }, true],
    [{ version: 1 }, false],
    [{ promised: 4 }, false],
  ])('update %j → %s', (input, ok) => {
    expect(updateContingentSchema.safeParse(input).success).toBe(ok);
  });

  it('reads the year of the list from the query string', () => {
    expect(contingentListQuerySchema.parse({ year: '2026' })).toEqual({ year: 2026 });
    expect(contingentListQuerySchema.safeParse({ year: 'volgend jaar' }).success).toBe(false);
  });
});
