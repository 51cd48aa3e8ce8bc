import type { Contingent } from '@uitstroom/shared';
import {
  addFieldOf,
  checkAddContingent,
  contingentBodyOf,
  contingentTotals,
  promisedOf,
  type AddContingentValues,
  type ContingentEditScope,
} from '../../client/src/dwellings/contingent-form';

// The contingents page (client/src/dwellings/contingent-form.ts): how a promised number is read, what
// the form to add one says at its fields before it is sent, the body it sends, and the totals.

const corporationId = '00000000-0000-4000-8000-0000000000c1';
const values = (overrides: Partial<AddContingentValues> = {}): AddContingentValues => ({
  organisationId: '',
  municipalityCode: 'GM0034',
  promised: '4',
  ...overrides,
});

describe('promisedOf', () => {
  it.each<[string, number | null | string]>([
    ['4', 4],
    [' 12 ', 12],
    ['0', 0],
    ['', null],
    ['  ', null],
    ['4,5', '4,5'],
    ['-1', '-1'],
    ['vier', 'vier'],
  ])('%j → %j', (text, expected) => {
    expect(promisedOf(text)).toBe(expected);
  });
});

describe('checkAddContingent', () => {
  it.each<[string, AddContingentValues, ContingentEditScope, [string, string][]]>([
    ['a corporation, complete', values(), 'own', []],
    ['a corporation, no number agreed yet', values({ promised: '' }), 'own', []],
    [
      'the regio-beheerder chooses a corporation',
      values(),
      'region',
      [['organisationId', 'Kies een woningcorporatie.']],
    ],
    ['the regio-beheerder, complete', values({ organisationId: corporationId }), 'region', []],
    [
      'no municipality chosen',
      values({ municipalityCode: '' }),
      'own',
      [['municipalityCode', 'Kies een gemeente.']],
    ],
    [
      'a number that is not whole',
      values({ promised: '4,5' }),
      'own',
      [['promised', 'Een geheel aantal woningen.']],
    ],
    [
      'too many',
      values({ promised: '10001' }),
      'own',
      [['promised', 'Hoogstens 10.000 woningen.']],
    ],
  ])('%s', (_, input, scope, expected) => {
    expect([...checkAddContingent(input, 2026, scope)]).toEqual(expected);
  });
});

describe('contingentBodyOf', () => {
  it.each<[AddContingentValues, object]>([
    [values(), { municipalityCode: 'GM0034', year: 2026, promised: 4 }],
    [values({ promised: '' }), { municipalityCode: 'GM0034', year: 2026, promised: null }],
    [
      values({ organisationId: corporationId }),
      { organisationId: corporationId, municipalityCode: 'GM0034', year: 2026, promised: 4 },
    ],
  ])('%j', (input, expected) => {
    expect(contingentBodyOf(input, 2026)).toEqual(expected);
  });
});

describe('addFieldOf', () => {
  it.each([
    ['organisationId', 'organisationId'],
    ['promised', 'promised'],
    ['municipalityCode', 'municipalityCode'],
    ['year', 'municipalityCode'],
    ['', 'municipalityCode'],
  ])('%j → %s', (path, expected) => {
    expect(addFieldOf(path)).toBe(expected);
  });
});

describe('contingentTotals', () => {
  const contingent = (
    promised: number | null,
    offered: number,
    accepted: number,
    movedIn: number,
  ) => ({ promised, progress: { offered, accepted, movedIn } }) as Contingent;
  it('adds every row, an open number as 0', () => {
    expect(
      contingentTotals([
        contingent(4, 3, 2, 1),
        contingent(null, 1, 1, 0),
        contingent(10, 0, 0, 0),
      ]),
    ).toEqual({ promised: 14, offered: 4, accepted: 3, movedIn: 1 });
  });
  it('is all zeros without rows', () => {
    expect(contingentTotals([])).toEqual({ promised: 0, offered: 0, accepted: 0, movedIn: 0 });
  });
});
