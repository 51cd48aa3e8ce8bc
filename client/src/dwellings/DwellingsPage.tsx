import { useEffect, useRef, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../core/query/QueryState';
import { queryKeys } from '../core/query/query-keys';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
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
  dwellingStatuses,
  dwellingStatusLabel,
  dwellingStateLabel,
  isDwellingFree,
  formatDutchDate,
  formatDutchEuro,
  tenancyFormLabel,
  type Dwelling,
} from '@uitstroom/shared';
import { SelectField, TextField } from '../core/form';
import { Pager } from '../core/Pager';
import { FilterButtons } from '../core/fields';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { DwellingForm } from './DwellingForm';
import { DwellingImport } from './DwellingImport';
import { dwellingsExportUrl, fetchDwellings } from './dwelling-api';
import {
  isFiltered,
  pageLinkOf,
  pageOf,
  readFilters,
  toApiQuery,
  writeFilters,
  type DwellingFilters,
} from './dwelling-filters';
import { ExportLinks } from '../core/ExportLinks';
import { accessibilitySummary, dwellingBadgeClass, kindAndRooms } from './dwelling-format';
import '../core/layout.css';
import './dwellings.css';

/** A corporation has hundreds of dwellings: the list shows them 25 at a time (the page is in the URL). */
const pageSize = 25;

/** `/woningen`: the corporation's dwellings; register one, read many from a CSV, export them. */
export function DwellingsPage() {
  const region = useRegionMunicipalities();
  const [search] = useSearchParams();
  const filters = readFilters(search);
  const apiQuery = toApiQuery(filters).toString();
  // A new filter is a new list; the previous one stays on screen while it loads.
  const dwellingsQuery = useQuery({
    queryKey: queryKeys.dwellingList(apiQuery),
    queryFn: ({ signal }) => fetchDwellings(new URLSearchParams(apiQuery), signal),
    placeholderData: keepPreviousData,
  });
  const dwellings: Dwelling[] | null = dwellingsQuery.data ?? null;
  const pages = dwellings ? Math.max(1, Math.ceil(dwellings.length / pageSize)) : 1;
  const page = pageOf(search, pages);

  return (
    <div className="dwellings-page">
      <RegisterDwelling region={region} />
      <DwellingFiltersForm filters={filters} region={region} />
      <QueryStatus query={dwellingsQuery} failure="De woningen konden niet worden geladen." />
      <div className="dwellings-page__count">
        <Paragraph role="status" className="case-count">
          {!dwellings && !dwellingsQuery.isError
            ? 'Woningen laden…'
            : dwellings
              ? dwellings.length === 1
                ? '1 woning'
                : `${dwellings.length} woningen`
              : ''}
        </Paragraph>
        <ExportLinks
          urlOf={(format) => dwellingsExportUrl(toApiQuery(filters), format)}
          text={(format) => `Deze woningen exporteren (${format})`}
        />
      </div>
      {dwellings && dwellings.length === 0 && (
        <div className="empty-state">
          <Heading level={2}>
            {isFiltered(filters) ? 'Geen woningen gevonden' : 'Nog geen woningen'}
          </Heading>
          <Paragraph>
            {isFiltered(filters)
              ? 'Geen woning past bij deze filters. Pas de filters aan of wis ze.'
              : 'Registreer een woning, of lees er een aantal tegelijk in uit een CSV-bestand.'}
          </Paragraph>
        </div>
      )}
      {dwellings && dwellings.length > 0 && (
        <DwellingTable
          dwellings={dwellings.slice((page - 1) * pageSize, page * pageSize)}
          region={region}
        />
      )}
      <Pager page={page} pages={pages} linkTo={(to) => pageLinkOf(filters, to)} />
      <DwellingImport region={region} />
    </div>
  );
}

/**
 * The page's title with "Woning registreren", the intro, and the form that registers one: the form
 * takes the focus when it opens, and gives it back to the button when it is cancelled.
 */
function RegisterDwelling({ region }: { region: RegionMunicipalities }) {
  const navigate = useNavigate();
  const [isRegistering, setIsRegistering] = useState(false);
  const registerButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isRegistering) document.getElementById('woning-formulier-kop')?.focus();
  }, [isRegistering]);
  return (
    <>
      <div className="page-title">
        <Heading level={1}>Woningen</Heading>
        {!isRegistering && (
          <Button
            ref={registerButton}
            type="button"
            appearance="primary-action-button"
            onClick={() => setIsRegistering(true)}
          >
            Woning registreren
          </Button>
        )}
      </div>
      <Paragraph className="dwellings-page__intro">
        De woningen die uw corporatie beschikbaar stelt voor de uitstroom. Bij elke woning ziet u
        welke casussen die een woning zoeken in die gemeente erbij passen, en waarom.
      </Paragraph>
      {region.loadError && (
        <Alert type="warning">
          <Paragraph>{region.loadError}</Paragraph>
        </Alert>
      )}
      {isRegistering && (
        <section className="case-card">
          <DwellingForm
            region={region}
            onSaved={(dwelling) =>
              navigate(`/woningen/${dwelling.id}`, {
                state: {
                  notice:
                    'De woning is geregistreerd. Hieronder ziet u welke casussen erbij passen.',
                },
              })
            }
            onCancel={() => {
              setIsRegistering(false);
              requestAnimationFrame(() => registerButton.current?.focus());
            }}
          />
        </section>
      )}
    </>
  );
}

/** The filters of the list, kept in the address bar (filtering is a new address, so it survives a reload). */
function DwellingFiltersForm({
  filters,
  region,
}: {
  filters: DwellingFilters;
  region: RegionMunicipalities;
}) {
  const [search, setSearch] = useSearchParams();
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSearch(
      writeFilters({
        status: String(data.get('status') ?? 'available') as DwellingFilters['status'],
        municipality: String(data.get('municipality') ?? ''),
        q: String(data.get('q') ?? ''),
      }),
    );
  };
  return (
    <form
      key={search.toString()}
      role="search"
      aria-label="Woningen filteren"
      className="case-filters dwelling-filters"
      onSubmit={onFilter}
      noValidate
    >
      <TextField
        label="Zoek op straat, postcode of wijk"
        name="q"
        type="search"
        defaultValue={filters.q}
        autoComplete="off"
      />
      <SelectField label="Status" name="status" defaultValue={filters.status}>
        {dwellingStatuses.map((status) => (
          <SelectOption key={status} value={status}>
            {dwellingStatusLabel[status]}
          </SelectOption>
        ))}
        <SelectOption value="all">Alle</SelectOption>
      </SelectField>
      <SelectField label="Gemeente" name="municipality" defaultValue={filters.municipality}>
        <SelectOption value="">Alle gemeenten</SelectOption>
        {region.municipalities.map((m) => (
          <SelectOption key={m.code} value={m.code}>
            {m.name}
          </SelectOption>
        ))}
      </SelectField>
      <FilterButtons
        className="case-filters__buttons"
        submitLabel="Filteren"
        clearTo={isFiltered(filters) ? '/woningen' : undefined}
      />
    </form>
  );
}

/** One page of the list: address, place, kind, rent, when it is free, tenancy and state. */
function DwellingTable({
  dwellings,
  region,
}: {
  dwellings: readonly Dwelling[];
  region: RegionMunicipalities;
}) {
  return (
    <Table className="case-table dwelling-table">
      <caption className="visually-hidden">Woningen, die het eerst vrijkomen bovenaan</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Adres</TableHeaderCell>
          <TableHeaderCell scope="col">Gemeente en wijk</TableHeaderCell>
          <TableHeaderCell scope="col">Woning</TableHeaderCell>
          <TableHeaderCell scope="col">Huur</TableHeaderCell>
          <TableHeaderCell scope="col">Beschikbaar vanaf</TableHeaderCell>
          <TableHeaderCell scope="col">Huurvorm</TableHeaderCell>
          <TableHeaderCell scope="col">Status</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {dwellings.map((d) => (
          <TableRow key={d.id}>
            <TableCell>
              <RouterLink className="utrecht-link case-table__name" to={`/woningen/${d.id}`}>
                {d.street} {d.houseNumber}
              </RouterLink>
              <Paragraph className="case-table__muted">{d.postcode}</Paragraph>
            </TableCell>
            <TableCell>
              {region.nameOf(d.municipalityCode)}
              <Paragraph className="case-table__muted">{d.neighbourhood}</Paragraph>
            </TableCell>
            <TableCell>
              {kindAndRooms(d)}
              <Paragraph className="case-table__muted">{accessibilitySummary(d)}</Paragraph>
            </TableCell>
            <TableCell className="dwelling-table__rent">{formatDutchEuro(d.rent)}</TableCell>
            <TableCell>{formatDutchDate(d.availableFrom)}</TableCell>
            <TableCell>{tenancyFormLabel[d.tenancyForm]}</TableCell>
            <TableCell>
              <StatusBadge
                status={isDwellingFree(d) ? 'success' : 'neutral'}
                className={dwellingBadgeClass(d)}
              >
                {dwellingStateLabel(d)}
              </StatusBadge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
