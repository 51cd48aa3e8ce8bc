import {
  isFiltered,
  pageLinkOf,
  pageOf,
  readFilters,
  toApiQuery,
  writeFilters,
  type DwellingFilters,
} from '../../client/src/dwellings/dwelling-filters';

// The filters of "Woningen" (client/src/dwellings/dwelling-filters.ts): Dutch in the address bar,
// English in the API's query, and what a page of the filtered list is called.

const all: DwellingFilters = { status: 'available', municipality: '', q: '' };

describe('readFilters', () => {
  it.each<[string, DwellingFilters]>([
    ['', all],
    ['status=ingetrokken', { ...all, status: 'withdrawn' }],
    [
      'status=alle&gemeente=GM0995&zoek=Bolder',
      { status: 'all', municipality: 'GM0995', q: 'Bolder' },
    ],
    ['status=withdrawn', all],
    ['gemeente=Lelystad', all],
    ['gemeente=GM099', all],
    [`zoek=${'a'.repeat(120)}`, { ...all, q: 'a'.repeat(100) }],
  ])('?%s', (search, expected) => {
    expect(readFilters(new URLSearchParams(search))).toEqual(expected);
  });
});

describe('writeFilters, toApiQuery and isFiltered', () => {
  it.each<[DwellingFilters, string, string, boolean]>([
    [all, '', 'status=available', false],
    [{ ...all, status: 'withdrawn' }, 'status=ingetrokken', 'status=withdrawn', true],
    [
      { status: 'all', municipality: 'GM0995', q: ' Bolder ' },
      'status=alle&gemeente=GM0995&zoek=Bolder',
      'status=all&municipality=GM0995&q=Bolder',
      true,
    ],
    [{ ...all, q: '   ' }, '', 'status=available', false],
  ])('%j', (filters, address, api, filtered) => {
    expect(writeFilters(filters).toString()).toBe(address);
    expect(toApiQuery(filters).toString()).toBe(api);
    expect(isFiltered(filters)).toBe(filtered);
  });

  it('reads back what it writes', () => {
    const filters: DwellingFilters = { status: 'all', municipality: 'GM0034', q: 'Stad' };
    expect(readFilters(writeFilters(filters))).toEqual(filters);
  });
});

describe('pageOf and pageLinkOf', () => {
  it.each<[string, number, number]>([
    ['', 3, 1],
    ['pagina=2', 3, 2],
    ['pagina=9', 3, 3],
    ['pagina=0', 3, 1],
    ['pagina=twee', 3, 1],
    ['pagina=1.5', 3, 1],
  ])('?%s of %i pages → page %i', (search, pages, expected) => {
    expect(pageOf(new URLSearchParams(search), pages)).toBe(expected);
  });

  it.each<[DwellingFilters, number, string]>([
    [all, 1, '?'],
    [all, 2, '?pagina=2'],
    [{ ...all, municipality: 'GM0995' }, 3, '?gemeente=GM0995&pagina=3'],
  ])('%j, page %i → %s', (filters, page, expected) => {
    expect(pageLinkOf(filters, page)).toBe(expected);
  });
});
