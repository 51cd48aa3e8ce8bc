import { describeCaseCount, pageOf, splitByDate } from '../../client/src/tables/table-list';

// The list of tables (client/src/tables/table-list.ts): upcoming and past by the Dutch date, the
// past ones latest first and by page.

describe('splitByDate', () => {
  const tables = [
    { id: 'march', startsAt: '2026-03-10T09:00:00.000Z' },
    { id: 'yesterday', startsAt: '2026-04-13T08:00:00.000Z' },
    // 00:30 Amsterdam time on the 14th is the 13th in UTC: today's table all the same.
    { id: 'today-early', startsAt: '2026-04-13T22:30:00.000Z' },
    { id: 'today', startsAt: '2026-04-14T08:00:00.000Z' },
    { id: 'may', startsAt: '2026-05-12T08:00:00.000Z' },
  ];
  it('today is upcoming, in the Dutch calendar; the past comes latest first', () => {
    const { upcoming, past } = splitByDate(tables, '2026-04-14');
    expect(upcoming.map((t) => t.id)).toEqual(['today-early', 'today', 'may']);
    expect(past.map((t) => t.id)).toEqual(['yesterday', 'march']);
  });
  it('leaves the list it was given as it was', () => {
    splitByDate(tables, '2026-04-14');
    expect(tables[0]!.id).toBe('march');
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: 23 }, (_, i) => i + 1);
  it.each([
    ['no page size: all of it', 3, undefined, { first: 1, count: 23, page: 1, pages: 1 }],
    ['the first page', 1, 10, { first: 1, count: 10, page: 1, pages: 3 }],
    ['the last page holds the rest', 3, 10, { first: 21, count: 3, page: 3, pages: 3 }],
    ['past the end: the last page', 7, 10, { first: 21, count: 3, page: 3, pages: 3 }],
  ])('%s', (_title, page, pageSize, expected) => {
    const shown = pageOf(items, page, pageSize);
    expect({
      first: shown.items[0],
      count: shown.items.length,
      page: shown.page,
      pages: shown.pages,
    }).toEqual(expected);
  });
  it('an empty list is one empty page', () => {
    expect(pageOf([], 2, 10)).toEqual({ items: [], page: 1, pages: 1 });
  });
});

describe('describeCaseCount', () => {
  it.each([
    [0, '0 casussen'],
    [1, '1 casus'],
    [2, '2 casussen'],
  ])('%i: %s', (count, expected) => {
    expect(describeCaseCount(count)).toBe(expected);
  });
});
