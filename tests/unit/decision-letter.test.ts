import type { CaseAddress } from '@uitstroom/shared';
import { defaultObjectionProcedure } from '@uitstroom/shared';
import { letterAddressBlock, objectionProcedureFor } from '../../server/src/tables/decision-letter';

const names: Record<string, string> = { GM0995: 'Lelystad', GM0034: 'Almere' };
const nameOf = (code: string) => names[code] ?? code;
const identity = { firstName: 'Noor', lastName: 'de Jong' };
const address = (over: Partial<CaseAddress>): CaseAddress => ({
  municipality: 'GM0995',
  kind: 'woonadres',
  from: '2020-01-01',
  source: 'brp',
  ...over,
});

describe("the letter's address block: the resident's name, then where the letter reaches them", () => {
  it.each<[string, CaseAddress[], string | undefined, string[]]>([
    [
      'a briefadres before the facility',
      [
        address({ kind: 'instelling', street: 'Schakel 1', from: '2025-01-01' }),
        address({ kind: 'briefadres', street: 'Postbus 12', municipality: 'GM0034' }),
      ],
      'De Schakel',
      ['Noor de Jong', 'Postbus 12', 'Almere'],
    ],
    [
      'an ended address is no address',
      [address({ street: 'Agorahof 1', to: '2024-12-31' })],
      'De Schakel',
      ['Noor de Jong', 'p/a De Schakel'],
    ],
    [
      'the latest of two current ones of one kind',
      [
        address({ kind: 'instelling', street: 'Oud 1', from: '2023-01-01' }),
        address({ kind: 'instelling', street: 'Nieuw 2', from: '2025-06-01' }),
      ],
      undefined,
      ['Noor de Jong', 'Nieuw 2', 'Lelystad'],
    ],
    ['no address and no facility: the name alone', [], undefined, ['Noor de Jong']],
  ])('%s', (_label, addresses, facility, expected) => {
    const stay = { targetGroup: 'protectedHousing' as const, ...(facility ? { facility } : {}) };
    expect(letterAddressBlock({ identity, addresses, stay }, nameOf)).toEqual(expected);
  });
});

describe('the objection procedure: the municipality’s own text, or the default naming it', () => {
  const lelystad = { code: 'GM0995', name: 'Lelystad', population: 80_000, populationYear: 2025 };
  it.each([
    ['no text of its own', lelystad, defaultObjectionProcedure('Lelystad')],
    [
      'its own text',
      { ...lelystad, objectionProcedure: 'Bezwaar? Mail bezwaar@lelystad.nl binnen zes weken.' },
      'Bezwaar? Mail bezwaar@lelystad.nl binnen zes weken.',
    ],
  ])('%s', (_label, municipality, expected) => {
    expect(objectionProcedureFor(municipality)).toBe(expected);
  });

  it('the default names the municipality and the six weeks', () => {
    expect(defaultObjectionProcedure('Lelystad')).toMatch(
      /binnen zes weken bezwaar maken bij de gemeente Lelystad\./,
    );
  });
});
