import { caseStates, targetGroups, type CaseListQuery } from '@uitstroom/shared';

/**
 * "Mijn casussen" keeps its filters, order and page in the URL (Dutch names), so that a filtered
 * list can be shared and survives a reload; the API reads them under its own names.
 */

export type SortKey = CaseListQuery['sort'];
export type Direction = CaseListQuery['direction'];

const params = {
  state: 'status',
  municipality: 'gemeente',
  targetGroup: 'doelgroep',
  minWaitingDays: 'wachttijd',
  isStalled: 'vastgelopen',
  q: 'zoek',
  sort: 'sorteer',
  direction: 'richting',
  page: 'pagina',
} as const;
const sortParam: Record<SortKey, string> = {
  name: 'naam',
  state: 'status',
  waitingDays: 'wachttijd',
  updatedAt: 'gewijzigd',
};
export const defaultDirection: Record<SortKey, Direction> = {
  name: 'asc',
  state: 'asc',
  waitingDays: 'desc',
  updatedAt: 'desc',
};
const pageSize = 25;

export interface ListState {
  state: string;
  municipality: string;
  targetGroup: string;
  minWaitingDays: string;
  isStalled: boolean;
  q: string;
  sort: SortKey;
  direction: Direction;
  page: number;
}

export function readState(search: URLSearchParams): ListState {
  const sortText = search.get(params.sort);
  const sort =
    (Object.keys(sortParam) as SortKey[]).find((k) => sortParam[k] === sortText) ?? 'updatedAt';
  const directionText = search.get(params.direction);
  const direction: Direction =
    directionText === 'oplopend'
      ? 'asc'
      : directionText === 'aflopend'
        ? 'desc'
        : defaultDirection[sort];
  const page = Number(search.get(params.page));
  const state = search.get(params.state) ?? '';
  const targetGroup = search.get(params.targetGroup) ?? '';
  const minWaitingDays = search.get(params.minWaitingDays) ?? '';
  return {
    state: (caseStates as readonly string[]).includes(state) ? state : '',
    municipality: /^GM\d{4}$/.test(search.get(params.municipality) ?? '')
      ? search.get(params.municipality)!
      : '',
    targetGroup: (targetGroups as readonly string[]).includes(targetGroup) ? targetGroup : '',
    minWaitingDays: /^\d{1,4}$/.test(minWaitingDays) ? minWaitingDays : '',
    isStalled: search.get(params.isStalled) === 'ja',
    q: (search.get(params.q) ?? '').slice(0, 100),
    sort,
    direction,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function writeState(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.q.trim()) search.set(params.q, state.q.trim());
  if (state.state) search.set(params.state, state.state);
  if (state.municipality) search.set(params.municipality, state.municipality);
  if (state.targetGroup) search.set(params.targetGroup, state.targetGroup);
  if (state.minWaitingDays) search.set(params.minWaitingDays, state.minWaitingDays);
  if (state.isStalled) search.set(params.isStalled, 'ja');
  if (state.sort !== 'updatedAt' || state.direction !== defaultDirection.updatedAt) {
    search.set(params.sort, sortParam[state.sort]);
    search.set(params.direction, state.direction === 'asc' ? 'oplopend' : 'aflopend');
  }
  if (state.page > 1) search.set(params.page, String(state.page));
  return search;
}

/** The filters and the order on screen, as the API reads them: the list's page and its workbook alike. */
export function toFilterQuery(state: ListState): URLSearchParams {
  const query = new URLSearchParams({ sort: state.sort, direction: state.direction });
  if (state.state) query.set('state', state.state);
  if (state.municipality) query.set('municipality', state.municipality);
  if (state.targetGroup) query.set('targetGroup', state.targetGroup);
  if (state.minWaitingDays) query.set('minWaitingDays', state.minWaitingDays);
  if (state.isStalled) query.set('isStalled', 'true');
  if (state.q.trim()) query.set('q', state.q.trim());
  return query;
}

export function toApiQuery(state: ListState): URLSearchParams {
  const query = toFilterQuery(state);
  query.set('page', String(state.page));
  query.set('pageSize', String(pageSize));
  return query;
}

export const hasFilters = (s: ListState) =>
  !!(s.state || s.municipality || s.targetGroup || s.minWaitingDays || s.isStalled || s.q.trim());

/** A click on a column's header: the other direction on the same column, else the column's own. */
export function sortedBy(state: ListState, key: SortKey): Partial<ListState> {
  return {
    sort: key,
    direction:
      state.sort === key ? (state.direction === 'asc' ? 'desc' : 'asc') : defaultDirection[key],
    page: 1,
  };
}

export function countText(total: number, isFiltered: boolean): string {
  const cases = total === 1 ? '1 casus' : `${total} casussen`;
  return isFiltered ? `${cases} gevonden met deze filters` : cases;
}

const sortLabel: Record<SortKey, string> = {
  name: 'naam',
  state: 'status',
  waitingDays: 'wachttijd',
  updatedAt: 'laatste wijziging',
};

/** The table's caption names its order. */
export function sortCaption(state: ListState): string {
  if (state.sort === 'waitingDays')
    return `wachttijd, ${state.direction === 'desc' ? 'langst wachtend eerst' : 'kortst wachtend eerst'}`;
  return `${sortLabel[state.sort]}, ${state.direction === 'asc' ? 'oplopend' : 'aflopend'}`;
}

/** The filter form as submitted: a new filter starts at the first page. */
export function filtersOf(data: FormData): Partial<ListState> {
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    q: text('q'),
    state: text('state'),
    municipality: text('municipality'),
    targetGroup: text('targetGroup'),
    minWaitingDays: text('minWaitingDays').trim(),
    isStalled: data.get('isStalled') === 'on',
    page: 1,
  };
}
