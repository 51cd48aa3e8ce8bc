import {
  addressKey,
  dwellingCsvColumns,
  findRepeatedAddresses,
  matchDwellingHeader,
  normalizeHeader,
  parseDutchAmount,
  parseDutchDate,
  readDwellingRow,
} from './dwelling-import.rules';
import type { DwellingField } from './dwelling.schemas';

const municipalities = [
  { code: 'GM0034', name: 'Almere' },
  { code: 'GM0995', name: 'Lelystad' },
];
const headers = dwellingCsvColumns.map((c) => c.header);
const indexOf = new Map<DwellingField, number>(dwellingCsvColumns.map((c, i) => [c.field, i]));

/** A good row, as Dutch Excel would write it; change cells by column name. */
function row(changes: Record<string, string> = {}): string[] {
  const cells: Record<string, string> = {
    straat: 'Agorahof',
    huisnummer: '12A',
    postcode: '8224jx',
    gemeente: 'Lelystad',
    wijk: 'Atolwijk',
    type: 'Appartement',
    kamers: '2',
    huur: '612,50',
    verdieping: '1',
    lift: 'ja',
    rolstoeltoegankelijk: 'nee',
    toegankelijkheid: '',
    'beschikbaar vanaf': '01-03-2026',
    huurvorm: 'Via de zorgaanbieder',
    omzetdatum: '1-3-2027',
    omzetvoorwaarden: 'Een jaar zonder huurachterstand.',
    ...changes,
  };
  return headers.map((h) => cells[h] ?? '');
}

describe('matchDwellingHeader', () => {
  it('finds every column, in any order and spelling of case and spaces', () => {
    const shuffled = [...headers].reverse().map((h) => ` ${h.toUpperCase().replace(' ', '_')} `);
    const match = matchDwellingHeader(shuffled);
    expect(match.ok).toBe(true);
    if (match.ok) expect(match.indexOf.get('street')).toBe(headers.length - 1);
  });

  it.each<[string, string[], { missing?: string[]; unknown?: string[]; duplicate?: string[] }]>([
    [
      'two required columns missing',
      headers.filter((h) => h !== 'huur' && h !== 'gemeente'),
      { missing: ['gemeente', 'huur'] },
    ],
    ['an unknown column', [...headers, 'garage'], { unknown: ['garage'] }],
    ['a column twice', [...headers, 'Huur'], { duplicate: ['huur'] }],
    [
      'an unnamed column in the middle',
      [...headers.slice(0, 3), '', ...headers.slice(3)],
      { unknown: ['(kolom 4 zonder naam)'] },
    ],
    [
      'a single column (wrong delimiter)',
      [headers.join(',')],
      {
        missing: headers.filter((h) => dwellingCsvColumns.find((c) => c.header === h)!.isRequired),
      },
    ],
  ])('refuses %s', (_label, header, expected) => {
    const match = matchDwellingHeader(header);
    expect(match.ok).toBe(false);
    if (!match.ok) {
      expect(match.missing).toEqual(expected.missing ?? []);
      if (expected.unknown) expect(match.unknown).toEqual(expected.unknown);
      expect(match.duplicate).toEqual(expected.duplicate ?? []);
    }
  });

  it('takes the optional columns away without complaint, and a trailing delimiter', () => {
    const required = dwellingCsvColumns.filter((c) => c.isRequired).map((c) => c.header);
    expect(matchDwellingHeader([...required, '']).ok).toBe(true);
  });

  it('normalizes a header with a BOM, case, underscores and spaces', () => {
    expect(normalizeHeader('\uFEFF Beschikbaar_Vanaf ')).toBe('beschikbaar vanaf');
  });
});

describe('readDwellingRow', () => {
  it('reads a good row into the form’s dwelling', () => {
    expect(readDwellingRow(row(), indexOf, municipalities)).toEqual({
      ok: true,
      dwelling: {
        street: 'Agorahof',
        houseNumber: '12A',
        postcode: '8224 JX',
        municipalityCode: 'GM0995',
        neighbourhood: 'Atolwijk',
        kind: 'apartment',
        rooms: 2,
        rent: 612.5,
        floor: 1,
        hasLift: true,
        isWheelchairAccessible: false,
        availableFrom: '2026-03-01',
        tenancyForm: 'viaProvider',
        conversionDate: '2027-03-01',
        conversionConditions: 'Een jaar zonder huurachterstand.',
      },
    });
  });

  it.each<[string, Record<string, string>]>([
    ['codes instead of names', { gemeente: 'GM0995', type: 'apartment', huurvorm: 'viaProvider' }],
    ['ISO dates', { 'beschikbaar vanaf': '2026-03-01', omzetdatum: '2027-03-01' }],
    ['a rent with a point and a euro sign', { huur: '€ 612.50' }],
    ['yes/no in other words', { lift: 'Ja', rolstoeltoegankelijk: 'N' }],
    [
      'the short label of a tenancy form',
      { huurvorm: 'regulier', omzetdatum: '', omzetvoorwaarden: '' },
    ],
    ['a souterrain: -1 is a number, not a formula', { verdieping: '-1' }],
  ])('takes %s', (_label, changes) => {
    expect(readDwellingRow(row(changes), indexOf, municipalities).ok).toBe(true);
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['a formula in a text cell', { straat: "=cmd|' /C calc'!A0" }, 'straat', /formule/],
    ['a plus at the start', { wijk: '+Noord' }, 'wijk', /formule/],
    ['a minus at the start of text', { wijk: '-Noord' }, 'wijk', /formule/],
    ['an at sign', { omzetvoorwaarden: '@SUM(A1)' }, 'omzetvoorwaarden', /formule/],
    ['a leading tab', { straat: '\tAgorahof' }, 'straat', /formule/],
    ['a leading carriage return', { straat: '\rAgorahof' }, 'straat', /formule/],
    ['a formula in a numeric column', { huur: '=600+12' }, 'huur', /formule/],
    [
      'a formula in a date column',
      { 'beschikbaar vanaf': '=TODAY()' },
      'beschikbaar vanaf',
      /formule/,
    ],
    ['a negative rent: a number, refused as negative', { huur: '-5' }, 'huur', /negatief/],
    ['a rent with thousands separators', { huur: '1.050,00' }, 'huur', /Geen bedrag/],
    ['rooms as a fraction', { kamers: '1,5' }, 'kamers', /geheel getal/],
    ['rooms as a word', { kamers: 'twee' }, 'kamers', /geheel getal/],
    ['an unknown municipality', { gemeente: 'Amsterdam' }, 'gemeente', /Almere, Lelystad/],
    ['an unknown kind', { type: 'Villa' }, 'type', /Studio, Appartement/],
    ['an unknown tenancy form', { huurvorm: 'Koop' }, 'huurvorm', /Regulier, Via de zorgaanbieder/],
    ['lift as maybe', { lift: 'misschien' }, 'lift', /ja of nee/],
    ['an American date', { 'beschikbaar vanaf': '03/31/2026' }, 'beschikbaar vanaf', /datum/],
    [
      'a date that does not exist',
      { 'beschikbaar vanaf': '31-02-2026' },
      'beschikbaar vanaf',
      /datum/,
    ],
    ['an empty required cell', { straat: '' }, 'straat', /Vul deze kolom in/],
    ['a bad postcode', { postcode: '12345' }, 'postcode', /postcode/],
    [
      'a conversion for a regular tenancy',
      { huurvorm: 'Regulier' },
      'omzetdatum',
      /reguliere huur/,
    ],
  ])('refuses %s, in column %s', (_label, changes, column, message) => {
    const result = readDwellingRow(row(changes), indexOf, municipalities);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual({ column, message: expect.stringMatching(message) });
  });

  it('reports every problem of a row, each cell once', () => {
    const result = readDwellingRow(
      row({ straat: '=1', huur: '-5', lift: '?' }),
      indexOf,
      municipalities,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.column).sort()).toEqual(['huur', 'lift', 'straat']);
  });

  it('reads a short row (missing trailing cells) as empty cells', () => {
    const result = readDwellingRow(row().slice(0, 3), indexOf, municipalities);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.column)).toContain('gemeente');
  });
});

describe('the small parsers', () => {
  it.each([
    ['01-03-2026', '2026-03-01'],
    ['1-3-2026', '2026-03-01'],
    ['1/3/2026', '2026-03-01'],
    ['1.3.2026', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['2026-3-1', null],
    ['maart', null],
  ])('date %s → %s', (text, expected) => {
    expect(parseDutchDate(text)).toBe(expected);
  });
  it.each([
    ['612,50', 612.5],
    ['612.50', 612.5],
    ['€ 612', 612],
    ['€612,5', 612.5],
    ['-5', -5],
    ['1.050,00', null],
    ['12,', null],
    ['', null],
  ])('amount %j → %s', (text, expected) => {
    expect(parseDutchAmount(text)).toBe(expected);
  });
});

describe('repeated addresses', () => {
  it('finds an address again whatever its spelling', () => {
    expect(addressKey({ postcode: '8224 jx', houseNumber: '12-a' })).toBe(
      addressKey({ postcode: '8224JX', houseNumber: '12A' }),
    );
    expect(
      findRepeatedAddresses([
        { postcode: '8224 JX', houseNumber: '12A' },
        { postcode: '8224 JX', houseNumber: '14' },
        { postcode: '8224JX', houseNumber: '12 A' },
      ]),
    ).toEqual(new Map([[2, 0]]));
  });
});
