import {
  countText,
  filtersOf,
  readState,
  sortCaption,
  sortedBy,
  toApiQuery,
  writeState,
  type ListState,
} from '../../client/src/cases/case-list-query';

// "Mijn casussen" keeps its filters in the URL under Dutch names (client/src/cases/case-list-query.ts):
// what a shared link reads back, what the API is asked, and the order a header click gives.

const initial: ListState = {
  state: '',
  municipality: '',
  targetGroup: '',
  minWaitingDays: '',
  isStalled: false,
  q: '',
  sort: 'updatedAt',
  direction: 'desc',
  page: 1,
};

describe('the list state in the URL', () => {
  it.each([
    ['nothing: the default order, page 1', '', initial],
    [
      'every filter in Dutch',
      'zoek=Sanne&status=ready&gemeente=GM0344&doelgroep=youthCare&wachttijd=30&vastgelopen=ja&sorteer=wachttijd&richting=oplopend&pagina=3',
      {
        q: 'Sanne',
        state: 'ready',
        municipality: 'GM0344',
        targetGroup: 'youthCare',
        minWaitingDays: '30',
        isStalled: true,
        sort: 'waitingDays',
        direction: 'asc',
        page: 3,
      },
    ],
    [
      'nonsense is dropped, not passed on',
      'status=bogus&gemeente=Utrecht&wachttijd=-1&pagina=0&sorteer=x&vastgelopen=1',
      initial,
    ],
    [
      'a column without a direction takes its own',
      'sorteer=naam',
      { ...initial, sort: 'name', direction: 'asc' },
    ],
  ] as const)('%s', (_label, search, expected) => {
    const state = readState(new URLSearchParams(search));
    expect(state).toEqual({ ...initial, ...expected });
    // What is written reads back the same.
    expect(readState(writeState(state))).toEqual(state);
  });

  it('the default state writes no parameters; the API gets its own names and the page size', () => {
    expect(writeState(initial).toString()).toBe('');
    expect(toApiQuery({ ...initial, q: ' Sanne ', isStalled: true, page: 2 }).toString()).toBe(
      'sort=updatedAt&direction=desc&isStalled=true&q=Sanne&page=2&pageSize=25',
    );
  });
});

describe('sorting', () => {
  it.each([
    [
      'the same column turns around',
      { ...initial },
      'updatedAt',
      { sort: 'updatedAt', direction: 'asc' },
    ],
    [
      'another column starts in its own direction',
      initial,
      'name',
      { sort: 'name', direction: 'asc' },
    ],
    [
      'waiting starts with the longest',
      initial,
      'waitingDays',
      { sort: 'waitingDays', direction: 'desc' },
    ],
  ] as const)('%s', (_label, state, key, expected) => {
    expect(sortedBy({ ...state, page: 4 }, key)).toEqual({ ...expected, page: 1 });
  });

  it.each([
    [{ ...initial, sort: 'waitingDays', direction: 'desc' }, 'wachttijd, langst wachtend eerst'],
    [{ ...initial, sort: 'waitingDays', direction: 'asc' }, 'wachttijd, kortst wachtend eerst'],
    [initial, 'laatste wijziging, aflopend'],
  ] as const)('caption %#', (state, caption) => {
    expect(sortCaption(state as ListState)).toBe(caption);
  });
});

it('the filter form starts at page 1; the count says whether filters are on', () => {
  const data = new FormData();
  data.set('q', 'Sanne');
  data.set('minWaitingDays', ' 10 ');
  data.set('isStalled', 'on');
  expect(filtersOf(data)).toEqual({
    q: 'Sanne',
    state: '',
    municipality: '',
    targetGroup: '',
    minWaitingDays: '10',
    isStalled: true,
    page: 1,
  });
  expect(countText(1, false)).toBe('1 casus');
  expect(countText(12, true)).toBe('12 casussen gevonden met deze filters');
});
