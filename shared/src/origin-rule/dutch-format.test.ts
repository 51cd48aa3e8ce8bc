import { formatDutchDate, formatDutchPeriod } from '../calendar/calendar';
import {
  describeBindingFigures,
  formatDutchDecimal,
  formatDutchInteger,
  formatDutchPercentage,
  joinDutchList,
  nameMunicipality,
} from './dutch-format';

describe('Dutch formatting', () => {
  it.each([
    ['2022-03-01', '1 maart 2022'],
    ['2013-08-01', '1 augustus 2013'],
    ['2021-11-15', '15 november 2021'],
    ['2024-02-29', '29 februari 2024'],
    ['2000-01-31', '31 januari 2000'],
    ['1999-12-09', '9 december 1999'],
    ['2022-05-05', '5 mei 2022'],
    ['not a date', 'not a date'],
    ['2022-13-01', '2022-13-01'],
  ])('formatDutchDate(%s) → %s', (iso, expected) => {
    expect(formatDutchDate(iso)).toBe(expected);
  });

  it.each([
    ['2013-08-01', '2021-11-15', '1 augustus 2013 tot 15 november 2021'],
    ['2013-08-01', undefined, 'vanaf 1 augustus 2013'],
  ])('formatDutchPeriod(%s, %s) → %s', (from, to, expected) => {
    expect(formatDutchPeriod(from, to)).toBe(expected);
  });

  it.each([
    [0.3217, 2, '0,32'],
    [0.325, 1, '0,3'],
    [1, 2, '1,00'],
    [-0.5, 2, '\u22120,50'],
    [-0.001, 2, '0,00'],
    [12.3456, 4, '12,3456'],
  ])('formatDutchDecimal(%s, %s) → %s', (value, decimals, expected) => {
    expect(formatDutchDecimal(value, decimals)).toBe(expected);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [226500, '226.500'],
    [17_900_000, '17.900.000'],
  ])('formatDutchInteger(%s) → %s', (value, expected) => {
    expect(formatDutchInteger(value)).toBe(expected);
  });

  it('formats a share as a percentage', () => {
    expect(formatDutchPercentage(49300 / 447300)).toBe('11,02%');
  });

  it.each([
    [[], ''],
    [['Urk'], 'Urk'],
    [['Urk', 'Almere'], 'Urk en Almere'],
    [['Almere', 'Dronten', 'Urk'], 'Almere, Dronten en Urk'],
  ])('joinDutchList(%j) → %s', (items, expected) => {
    expect(joinDutchList(items)).toBe(expected);
  });

  it('names a municipality of the region by name, another by its code', () => {
    const region = [{ code: 'GM0184', name: 'Urk' }];
    expect(nameMunicipality('GM0184', region)).toBe('Urk');
    expect(nameMunicipality('GM0363', region)).toBe('GM0363');
    expect(nameMunicipality('GM0184', new Map([['GM0184', region[0]!]]))).toBe('Urk');
  });
});

describe('describeBindingFigures', () => {
  const nameOf = (code: string) => (code === 'GM0995' ? 'Lelystad' : code);
  it.each([
    [
      { municipality: 'GM0995', daysBound: 546, daysRequired: 730, holds: false },
      'Niet gehaald: 546 van de vereiste 730 dagen in Lelystad',
    ],
    [
      { municipality: 'GM0995', daysBound: 1720, daysRequired: 730, holds: true },
      'Gehaald: 1.720 van de vereiste 730 dagen in Lelystad',
    ],
    [
      { municipality: null, daysBound: 0, daysRequired: 1095, holds: false },
      'Niet gehaald: geen woonadres vóór de opname, 0 van de vereiste 1.095 dagen',
    ],
  ])('%o → %s', (binding, expected) => {
    expect(describeBindingFigures(binding, nameOf)).toBe(expected);
  });
});
