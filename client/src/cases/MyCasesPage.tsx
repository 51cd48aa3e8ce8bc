import type { FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../core/query/QueryState';
import { emptyCaseListExplanation } from '../core/seats';
import { queryKeys } from '../core/query/query-keys';
import { Link as RouterLink, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  SelectOption,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  formatDutchDays,
  caseStateLabel,
  caseStates,
  targetGroupLabel,
  targetGroups,
  type CaseList,
  type CaseListQuery,
} from '@uitstroom/shared';
import { useCan, useMe } from '../core/session';
import { SelectField, TextField } from '../core/form';
import { caseListWorkbookUrl, fetchCases } from './case-api';
import { ExportLinks } from '../core/ExportLinks';
import { CheckboxField } from '../core/fields';
import { formatShortDate } from '../core/format';
import { useRegionMunicipalities } from '../core/region';
import { Pager } from '../core/Pager';
import '../core/layout.css';

/**
 * "Mijn casussen": the cases the seat reaches, filtered, searched, sorted and paged. The filters
 * live in the URL (Dutch names), so that a filtered list can be shared and survives a reload.
 */

type SortKey = CaseListQuery['sort'];
type Direction = CaseListQuery['direction'];

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
const defaultDirection: Record<SortKey, Direction> = {
  name: 'asc',
  state: 'asc',
  waitingDays: 'desc',
  updatedAt: 'desc',
};
const pageSize = 25;

interface ListState {
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

function readState(search: URLSearchParams): ListState {
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

function writeState(state: ListState): URLSearchParams {
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
function toFilterQuery(state: ListState): URLSearchParams {
  const query = new URLSearchParams({ sort: state.sort, direction: state.direction });
  if (state.state) query.set('state', state.state);
  if (state.municipality) query.set('municipality', state.municipality);
  if (state.targetGroup) query.set('targetGroup', state.targetGroup);
  if (state.minWaitingDays) query.set('minWaitingDays', state.minWaitingDays);
  if (state.isStalled) query.set('isStalled', 'true');
  if (state.q.trim()) query.set('q', state.q.trim());
  return query;
}

function toApiQuery(state: ListState): URLSearchParams {
  const query = toFilterQuery(state);
  query.set('page', String(state.page));
  query.set('pageSize', String(pageSize));
  return query;
}

const hasFilters = (s: ListState) =>
  !!(s.state || s.municipality || s.targetGroup || s.minWaitingDays || s.isStalled || s.q.trim());

export function MyCasesPage() {
  const me = useMe();
  const can = useCan();
  const region = useRegionMunicipalities();
  const [search, setSearch] = useSearchParams();
  const state = readState(search);
  const apiQuery = toApiQuery(state).toString();
  // A new filter or page is a new list; the previous one stays on screen while it loads.
  const casesQuery = useQuery({
    queryKey: queryKeys.caseList(apiQuery),
    queryFn: ({ signal }) => fetchCases(new URLSearchParams(apiQuery), signal),
    placeholderData: keepPreviousData,
  });
  const list: CaseList | null = casesQuery.data ?? null;
  const isLoading = casesQuery.isFetching;

  const go = (next: Partial<ListState>) => setSearch(writeState({ ...state, ...next }));

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    go({
      q: text('q'),
      state: text('state'),
      municipality: text('municipality'),
      targetGroup: text('targetGroup'),
      minWaitingDays: text('minWaitingDays').trim(),
      isStalled: data.get('isStalled') === 'on',
      page: 1,
    });
  };

  const sortBy = (key: SortKey) =>
    go({
      sort: key,
      direction:
        state.sort === key ? (state.direction === 'asc' ? 'desc' : 'asc') : defaultDirection[key],
      page: 1,
    });
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  const isFiltered = hasFilters(state);

  return (
    <div className="my-cases">
      <div className="page-title">
        <Heading level={1}>Mijn casussen</Heading>
        {can('case:create') && (
          <RouterLink
            to="/casussen/nieuw"
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          >
            Bewoner aanmelden
          </RouterLink>
        )}
      </div>

      {/* Keyed by the URL: back and forward bring the filters they belong to. */}
      <form
        key={search.toString()}
        role="search"
        aria-label="Casussen filteren"
        className="case-filters"
        onSubmit={onFilter}
        noValidate
      >
        <TextField
          // What the search finds follows the projection: names only for a seat that may see them.
          label={me.readsNames ? 'Zoek op naam of kenmerk' : 'Zoek op kenmerk'}
          name="q"
          type="search"
          defaultValue={state.q}
          autoComplete="off"
          className="case-filters__search"
        />
        <SelectField label="Status" name="state" defaultValue={state.state}>
          <SelectOption value="">Alle statussen</SelectOption>
          {caseStates.map((s) => (
            <SelectOption key={s} value={s}>
              {caseStateLabel[s]}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label="Gemeente" name="municipality" defaultValue={state.municipality}>
          <SelectOption value="">Alle gemeenten</SelectOption>
          {region.municipalities.map((m) => (
            <SelectOption key={m.code} value={m.code}>
              {m.name}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label="Doelgroep" name="targetGroup" defaultValue={state.targetGroup}>
          <SelectOption value="">Alle doelgroepen</SelectOption>
          {(region.targetGroups.length ? region.targetGroups : targetGroups).map((g) => (
            <SelectOption key={g} value={g}>
              {targetGroupLabel[g]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          label="Wacht minstens (dagen)"
          name="minWaitingDays"
          inputMode="numeric"
          defaultValue={state.minWaitingDays}
          pattern="[0-9]*"
        />
        <CheckboxField
          label="Alleen vastgelopen"
          name="isStalled"
          defaultChecked={state.isStalled}
        />
        <div className="case-filters__buttons">
          <Button type="submit" appearance="primary-action-button">
            Filteren
          </Button>
          {isFiltered && (
            <RouterLink className="utrecht-link" to="/casussen">
              Filters wissen
            </RouterLink>
          )}
        </div>
      </form>

      {region.loadError && (
        <Alert type="warning">
          <Paragraph>{region.loadError}</Paragraph>
        </Alert>
      )}
      <QueryStatus query={casesQuery} failure="De casussen konden niet worden geladen." />
      <div className="case-count-row">
        <Paragraph role="status" className="case-count">
          {isLoading ? 'Casussen laden…' : list ? countText(list.total, isFiltered) : ''}
        </Paragraph>
        {list && list.total > 0 && (
          <ExportLinks
            formats={['xlsx']}
            urlOf={() => caseListWorkbookUrl(toFilterQuery(state))}
            text={(format) => `Deze casussen exporteren (${format})`}
          />
        )}
      </div>

      {list && list.total === 0 && !isLoading && (
        <div className="empty-state">
          <Heading level={2}>{isFiltered ? 'Geen casussen gevonden' : 'Nog geen casussen'}</Heading>
          <Paragraph>
            {isFiltered
              ? 'Geen casus past bij deze filters. Pas de filters aan of wis ze.'
              : emptyCaseListExplanation[me.seat]}
          </Paragraph>
        </div>
      )}

      {list && list.items.length > 0 && (
        <>
          <Table className="case-table" aria-busy={isLoading}>
            <caption className="visually-hidden">
              Casussen, gesorteerd op {sortCaption(state)}
            </caption>
            <TableHeader>
              <TableRow>
                <SortableHeader label="Naam" sortKey="name" state={state} onSort={sortBy} />
                <SortableHeader label="Status" sortKey="state" state={state} onSort={sortBy} />
                <TableHeaderCell scope="col">Doelgroep</TableHeaderCell>
                <TableHeaderCell scope="col">Herkomst → bestemming</TableHeaderCell>
                <SortableHeader
                  label="Wachttijd"
                  sortKey="waitingDays"
                  state={state}
                  onSort={sortBy}
                />
                <TableHeaderCell scope="col">Casemanager</TableHeaderCell>
                <SortableHeader
                  label="Gewijzigd"
                  sortKey="updatedAt"
                  state={state}
                  onSort={sortBy}
                />
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>
                    <RouterLink
                      className="utrecht-link case-table__name"
                      to={`/casussen/${item.id}`}
                    >
                      {item.name ?? item.pseudonym}
                    </RouterLink>
                    {item.isStalled && (
                      <>
                        {' '}
                        <StatusBadge status="warning" className="case-badge case-badge--stalled">
                          Vastgelopen
                        </StatusBadge>
                      </>
                    )}
                  </TableCell>
                  <TableCell>{caseStateLabel[item.state]}</TableCell>
                  <TableCell>
                    {item.targetGroup ? targetGroupLabel[item.targetGroup] : '—'}
                  </TableCell>
                  <TableCell>
                    {item.origin || item.destination ? (
                      <>
                        {item.origin ? region.nameOf(item.origin) : 'onbekend'} →{' '}
                        {item.destination ? region.nameOf(item.destination) : 'nog open'}
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>
                    {item.waitingDays === null ? (
                      <span className="case-table__muted">nog niet uitstroomgereed</span>
                    ) : (
                      waitingCell(item.waitingDays, item.waitingUntil)
                    )}
                  </TableCell>
                  <TableCell>{item.ownerName}</TableCell>
                  <TableCell>
                    <time dateTime={item.updatedAt}>{formatShortDate(item.updatedAt)}</time>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager
            page={state.page}
            pages={pages}
            linkTo={(page) => `?${writeState({ ...state, page }).toString()}`}
          />
        </>
      )}
    </div>
  );
}

function countText(total: number, isFiltered: boolean): string {
  const cases = total === 1 ? '1 casus' : `${total} casussen`;
  return isFiltered ? `${cases} gevonden met deze filters` : cases;
}

/** The Wachttijd column: the days while the clock runs; where it stopped once it did (the keys, a closing). */
function waitingCell(days: number, until: CaseList['items'][number]['waitingUntil']): string {
  if (until === 'keys') return `${formatDutchDays(days)} tot de sleutels`;
  if (until === 'closing') return `${formatDutchDays(days)} tot de afsluiting`;
  return formatDutchDays(days);
}

const sortLabel: Record<SortKey, string> = {
  name: 'naam',
  state: 'status',
  waitingDays: 'wachttijd',
  updatedAt: 'laatste wijziging',
};
function sortCaption(state: ListState): string {
  if (state.sort === 'waitingDays')
    return `wachttijd, ${state.direction === 'desc' ? 'langst wachtend eerst' : 'kortst wachtend eerst'}`;
  return `${sortLabel[state.sort]}, ${state.direction === 'asc' ? 'oplopend' : 'aflopend'}`;
}

function SortableHeader({
  label,
  sortKey,
  state,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  state: ListState;
  onSort: (key: SortKey) => void;
}) {
  const isActive = state.sort === sortKey;
  const ariaSort = isActive ? (state.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  // Waiting "descending" means the longest wait first: the arrow follows the number of days.
  return (
    <TableHeaderCell scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {isActive ? (state.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </TableHeaderCell>
  );
}
