import type { FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useSearchParams } from 'react-router';
import {
  Alert,
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
} from '@uitstroom/shared';
import { ExportLinks } from '../core/ExportLinks';
import { CheckboxField, FilterButtons, OptionsField, optionsOf } from '../core/fields';
import { SelectField, TextField } from '../core/form';
import { formatShortDate } from '../core/format';
import { Pager } from '../core/Pager';
import { QueryStatus } from '../core/query/QueryState';
import { queryKeys } from '../core/query/query-keys';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { emptyCaseListExplanation } from '../core/seats';
import { useCan, useMe } from '../core/session';
import { caseListWorkbookUrl, fetchCases } from './case-api';
import {
  countText,
  filtersOf,
  hasFilters,
  readState,
  sortCaption,
  sortedBy,
  toApiQuery,
  toFilterQuery,
  writeState,
  type ListState,
  type SortKey,
} from './case-list-query';
import '../core/layout.css';

/**
 * "Mijn casussen": the cases the seat reaches, filtered, searched, sorted and paged. The filters
 * live in the URL (Dutch names), so that a filtered list can be shared and survives a reload.
 */
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
      <CaseFilters key={search.toString()} state={state} region={region} onFilter={go} />
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
          <CaseTable
            list={list}
            state={state}
            region={region}
            isLoading={isLoading}
            onSort={(key) => go(sortedBy(state, key))}
          />
          <Pager
            page={state.page}
            pages={Math.max(1, Math.ceil(list.total / list.pageSize))}
            linkTo={(page) => `?${writeState({ ...state, page }).toString()}`}
          />
        </>
      )}
    </div>
  );
}

/** The filters; keyed by the URL by the page, so that back and forward bring the filters they belong to. */
function CaseFilters({
  state,
  region,
  onFilter,
}: {
  state: ListState;
  region: RegionMunicipalities;
  onFilter(next: Partial<ListState>): void;
}) {
  const me = useMe();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onFilter(filtersOf(new FormData(event.currentTarget)));
  };
  return (
    <form
      role="search"
      aria-label="Casussen filteren"
      className="case-filters"
      onSubmit={submit}
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
      <OptionsField
        label="Status"
        name="state"
        defaultValue={state.state}
        placeholder="Alle statussen"
        options={optionsOf(caseStates, caseStateLabel)}
      />
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
      <CheckboxField label="Alleen vastgelopen" name="isStalled" defaultChecked={state.isStalled} />
      <FilterButtons
        className="case-filters__buttons"
        submitLabel="Filteren"
        clearTo={hasFilters(state) ? '/casussen' : undefined}
      />
    </form>
  );
}

function CaseTable({
  list,
  state,
  region,
  isLoading,
  onSort,
}: {
  list: CaseList;
  state: ListState;
  region: RegionMunicipalities;
  isLoading: boolean;
  onSort(key: SortKey): void;
}) {
  const sortable = { state, onSort };
  return (
    <Table className="case-table" aria-busy={isLoading}>
      <caption className="visually-hidden">Casussen, gesorteerd op {sortCaption(state)}</caption>
      <TableHeader>
        <TableRow>
          {/* A seat that may not see names sees the kenmerk in this column, and the header says so. */}
          <SortableHeader
            label={list.items.some((item) => item.name) ? 'Naam' : 'Kenmerk'}
            sortKey="name"
            {...sortable}
          />
          <SortableHeader label="Status" sortKey="state" {...sortable} />
          <TableHeaderCell scope="col">Doelgroep</TableHeaderCell>
          <TableHeaderCell scope="col">Herkomst → bestemming</TableHeaderCell>
          <SortableHeader label="Wachttijd" sortKey="waitingDays" {...sortable} />
          <TableHeaderCell scope="col">Casemanager</TableHeaderCell>
          <SortableHeader label="Gewijzigd" sortKey="updatedAt" {...sortable} />
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.items.map((item) => (
          <CaseRow key={item.id} item={item} region={region} />
        ))}
      </TableBody>
    </Table>
  );
}

function CaseRow({
  item,
  region,
}: {
  item: CaseList['items'][number];
  region: RegionMunicipalities;
}) {
  return (
    <TableRow>
      <TableCell>
        <RouterLink className="utrecht-link case-table__name" to={`/casussen/${item.id}`}>
          {item.name ?? <span className="case-table__kenmerk">{item.pseudonym}</span>}
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
      <TableCell>{item.targetGroup ? targetGroupLabel[item.targetGroup] : '—'}</TableCell>
      <TableCell>
        {item.origin || item.destination ? (
          <>
            {/* No origin: not known yet, or not this seat's to see; a dash, not a guess. */}
            {item.origin ? region.nameOf(item.origin) : '—'} →{' '}
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
      <TableCell>{item.ownerName || '—'}</TableCell>
      <TableCell>
        <time dateTime={item.updatedAt}>{formatShortDate(item.updatedAt)}</time>
      </TableCell>
    </TableRow>
  );
}

/** The Wachttijd column: the days while the clock runs; where it stopped once it did (the keys, a closing). */
function waitingCell(days: number, until: CaseList['items'][number]['waitingUntil']): string {
  if (until === 'keys') return `${formatDutchDays(days)} tot de sleutels`;
  if (until === 'closing') return `${formatDutchDays(days)} tot de afsluiting`;
  return formatDutchDays(days);
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
