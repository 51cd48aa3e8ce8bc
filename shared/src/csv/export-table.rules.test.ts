import {
  exportTableToCsv,
  percentage,
  toCsvCell,
  type ExportCell,
  type ExportColumnType,
} from './export-table.rules';

describe('a typed cell as the CSV writes it', () => {
  it.each<[ExportColumnType, ExportCell, ReturnType<typeof toCsvCell>]>([
    ['text', 'Almere', 'Almere'],
    ['text', 12, 12],
    ['text', '', null],
    ['text', undefined, null],
    ['date', '2026-03-01', '01-03-2026'],
    // A moment's Dutch day: 23:30 UTC on 6 December is 7 December in Amsterdam.
    ['date', '2026-12-06T23:30:00.000Z', '07-12-2026'],
    ['moment', '2026-12-06T23:30:00.000Z', '07-12-2026 00:30'],
    ['moment', '2026-07-01T08:05:00.000Z', '01-07-2026 10:05'],
    ['integer', 42, 42],
    ['count', 7, 7],
    ['count', '<5', '<5'],
    ['count', null, null],
    ['decimal', 75.25, 75.25],
    ['euro', 612.5, 612.5],
    ['euro', 612.499, 612.5],
    ['percentage', 0.1, 10],
    ['percentage', 0.45678, 45.7],
    ['percentage', 1, 100],
    ['percentage', '<5', '<5'],
    ['yesNo', true, true],
    ['yesNo', false, false],
  ])('%s %j → %j', (type, cell, expected) => {
    expect(toCsvCell(type, cell)).toEqual(expected);
  });

  it.each([
    [null, null],
    [0, 0],
    [0.05, 5],
    [0.12345, 12.3],
  ])('percentage(%p) → %p', (share, expected) => {
    expect(percentage(share)).toBe(expected);
  });
});

describe('a table as a CSV', () => {
  it('writes the header first, each cell by its column type, through the one safe writer', () => {
    const csv = exportTableToCsv({
      columns: [
        { header: 'wijk', type: 'text' },
        { header: 'vanaf', type: 'date' },
        { header: 'huur', type: 'euro' },
        { header: 'aandeel (%)', type: 'percentage' },
        { header: 'aantal', type: 'count' },
        { header: 'lift', type: 'yesNo' },
      ],
      rows: [
        ['=HYPERLINK("x")', '2026-01-01', 612.5, 0.25, '<5', true],
        ['Centrum', null, 700, null, 12, false],
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF"wijk";"vanaf";"huur";"aandeel (%)";"aantal";"lift"',
      `"'=HYPERLINK(""x"")";"01-01-2026";612,5;25;"<5";ja`,
      '"Centrum";;700;;12;nee',
      '',
    ]);
  });
});
