import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  auditObjectTypeLabel,
  auditOutcomeLabel,
  describeFields,
  type AuditSearchResult,
  type AuditSearchRow,
} from '@uitstroom/shared';
import { DateRangeFields, OptionsField, type FilterOption } from '../core/fields';
import { TextField } from '../core/form';
import { ExportLinks } from '../core/ExportLinks';
import { FailureAlert } from '../core/FailureAlert';
import { Pager } from '../core/Pager';
import { QueryStatus } from '../core/query/QueryState';
import { queryKeys } from '../core/query/query-keys';
import { useMe } from '../core/session';
import {
  auditSearchWorkbookUrl,
  fetchRegionOrganisations,
  fetchRegionUsers,
  searchAuditLog,
} from './audit-api';
import { formatDutchDay, formatTimeOfDay } from './audit-format';
import {
  actionOptions,
  emptyFilters,
  filterErrorsOf,
  filterQueryOf,
  foundText,
  isValidQuery,
  organisationOptions,
  pageCount,
  readFilters,
  toQueryInput,
  userOptions,
  writeFilters,
  type Filters,
} from './audit-search';
import './audit.css';

/**
 * `/beheer/audit`: the privacy officer's seat (regionAdmin) searches the region's audit log by
 * case, user, organisation, period and action. The rows say who did what to which object, with
 * field names only: the content of a case never reaches this page. Every search is logged.
 * The filters live in the URL (Dutch names), so a search survives a reload and can be shared.
 */
export function AuditSearchPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const { filters, page } = readFilters(search);
  const queryInput = toQueryInput(filters, page);
  const apiQuery = new URLSearchParams(queryInput).toString();
  // A URL typed by hand is checked here too: the server would refuse it with the same words.
  const isValid = isValidQuery(queryInput);
  const searchQuery = useQuery({
    queryKey: queryKeys.audit(apiQuery),
    queryFn: ({ signal }) => searchAuditLog(new URLSearchParams(apiQuery), signal),
    enabled: isValid,
  });
  const choices = useFilterChoices();
  const result = searchQuery.data;

  return (
    <>
      <Heading level={1}>Auditlog</Heading>
      <Paragraph>
        Wie deed wat in regio {me.region.name}: per casus, gebruiker, organisatie, periode en
        handeling. U ziet welke onderdelen iemand las of wijzigde, nooit de inhoud van een casus.
        Elke zoekopdracht wordt zelf ook gelogd.
      </Paragraph>
      <AuditFilters
        filters={filters}
        users={choices.users}
        organisations={choices.organisations}
        onSearch={(values) => setSearch(writeFilters(values, 1))}
      />
      {isValid ? (
        <QueryStatus
          query={searchQuery}
          loading="Zoeken…"
          failure="Zoeken is niet gelukt. Probeer het opnieuw."
        />
      ) : (
        <FailureAlert failure="De zoekopdracht in het adres klopt niet. Pas de filters aan en zoek opnieuw." />
      )}
      {/* Without the people to choose from, a search by case, period or action still works. */}
      <QueryStatus
        query={choices.failed}
        failure={() => 'De gebruikers en organisaties konden niet worden geladen; zoeken kan wel.'}
      />
      {result && (
        <AuditResults
          result={result}
          page={page}
          pageLink={(to) => `?${writeFilters(filters, to).toString()}`}
          workbookUrl={auditSearchWorkbookUrl(filterQueryOf(queryInput))}
        />
      )}
    </>
  );
}

/** The region's users and organisations for the filters; `failed` is the read that failed, if one did. */
function useFilterChoices() {
  const users = useQuery({
    queryKey: queryKeys.adminUsers,
    queryFn: ({ signal }) => fetchRegionUsers(signal),
  });
  const organisations = useQuery({
    queryKey: queryKeys.adminOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
  });
  const userChoices = useMemo(() => userOptions(users.data ?? []), [users.data]);
  const organisationChoices = useMemo(
    () => organisationOptions(organisations.data ?? []),
    [organisations.data],
  );
  return {
    users: userChoices,
    organisations: organisationChoices,
    failed: users.isError ? users : organisations,
  };
}

/** The form follows the address (back and forward move through searches) and checks before it searches. */
function useFilterForm(filters: Filters, onSearch: (values: Filters) => void) {
  const form = useForm<Filters>({ defaultValues: filters });
  const { reset, setError, handleSubmit } = form;
  const filterKey = writeFilters(filters, 1).toString();
  useEffect(() => {
    reset(readFilters(new URLSearchParams(filterKey)).filters);
  }, [filterKey, reset]);
  const submit = handleSubmit((values) => {
    const errors = filterErrorsOf(values);
    for (const [field, message] of errors) setError(field, { message });
    if (errors.length === 0) onSearch(values);
  });
  const clear = () => {
    reset(emptyFilters);
    onSearch(emptyFilters);
  };
  return { form, submit, clear };
}

function AuditFilters({
  filters,
  users,
  organisations,
  onSearch,
}: {
  filters: Filters;
  users: readonly FilterOption[];
  organisations: readonly FilterOption[];
  onSearch: (values: Filters) => void;
}) {
  const { form, submit, clear } = useFilterForm(filters, onSearch);
  const { register } = form;
  const { errors } = form.formState;
  return (
    <form className="audit-filters" onSubmit={submit} noValidate aria-label="Auditlog doorzoeken">
      <TextField
        label="Casus (kenmerk of id)"
        placeholder="R-7K2M9QXA"
        autoComplete="off"
        error={errors.casus?.message}
        {...register('casus')}
      />
      <OptionsField
        label="Gebruiker"
        placeholder="Alle gebruikers"
        options={users}
        error={errors.gebruiker?.message}
        {...register('gebruiker')}
      />
      <OptionsField
        label="Organisatie"
        placeholder="Alle organisaties"
        options={organisations}
        error={errors.organisatie?.message}
        {...register('organisatie')}
      />
      <DateRangeFields
        from={register('van')}
        to={register('tot')}
        fromError={errors.van?.message}
        toError={errors.tot?.message}
      />
      <OptionsField
        label="Handeling"
        placeholder="Alle handelingen"
        options={actionOptions}
        error={errors.handeling?.message}
        {...register('handeling')}
      />
      <div className="audit-filters__buttons">
        <Button type="submit" appearance="primary-action-button">
          Zoeken
        </Button>
        <Button type="button" appearance="subtle-button" onClick={clear}>
          Filters wissen
        </Button>
      </div>
    </form>
  );
}

function AuditResults({
  result,
  page,
  pageLink,
  workbookUrl,
}: {
  result: AuditSearchResult;
  page: number;
  pageLink: (page: number) => string;
  workbookUrl: string;
}) {
  return (
    <section aria-labelledby="audit-resultaat">
      <Heading level={2} id="audit-resultaat" className="audit-count" aria-live="polite">
        {foundText(result.total)}
      </Heading>
      {result.total === 0 && <Paragraph>Probeer een langere periode of minder filters.</Paragraph>}
      {result.total > 0 && (
        <Paragraph>
          <ExportLinks
            formats={['xlsx']}
            urlOf={() => workbookUrl}
            text={(format) => `Deze regels exporteren (${format})`}
          />
        </Paragraph>
      )}
      {result.items.length > 0 && <ResultTable result={result} />}
      <Pager page={page} pages={pageCount(result)} linkTo={pageLink} />
    </section>
  );
}

function ResultTable({ result }: { result: AuditSearchResult }) {
  return (
    <div className="audit-table__scroll">
      <Table className="audit-table">
        <TableCaption className="visually-hidden">
          Regels van de auditlog, nieuwste eerst
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Tijdstip</TableHeaderCell>
            <TableHeaderCell scope="col">Wie</TableHeaderCell>
            <TableHeaderCell scope="col">Handeling</TableHeaderCell>
            <TableHeaderCell scope="col">Object</TableHeaderCell>
            <TableHeaderCell scope="col">Velden</TableHeaderCell>
            <TableHeaderCell scope="col">Doel</TableHeaderCell>
            <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
            <TableHeaderCell scope="col">Herkomst</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.items.map((row) => (
            <ResultRow key={row.id} row={row} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ResultRow({ row }: { row: AuditSearchRow }) {
  return (
    <TableRow>
      <TableCell className="audit-table__when">
        {formatDutchDay(row.at)}
        <br />
        {formatTimeOfDay(row.at)}
      </TableCell>
      <TableCell>
        <ActorText actor={row.actor} />
      </TableCell>
      <TableCell>
        {row.actionLabel}
        <br />
        <code className="audit-table__code">{row.action}</code>
      </TableCell>
      <TableCell>
        <ObjectText row={row} />
      </TableCell>
      {/* The parts by their Dutch names, once each; the stored field names on hover. */}
      <TableCell title={row.fields.join(', ') || undefined}>
        {row.fields.length ? describeFields(row.fields).join(', ') : '—'}
      </TableCell>
      <TableCell>{row.purposeLabel}</TableCell>
      <TableCell>
        <span className={`audit-outcome audit-outcome--${row.outcome}`}>
          {auditOutcomeLabel[row.outcome]}
        </span>
      </TableCell>
      <TableCell className="audit-table__muted">
        {row.clientAddress ?? '—'}
        {row.requestId && (
          <>
            <br />
            <code className="audit-table__code" title={row.requestId}>
              {row.requestId.slice(0, 8)}
            </code>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}

function ActorText({ actor }: { actor: AuditSearchRow['actor'] }) {
  if (!actor.name) return <span className="audit-table__muted">Niet ingelogd</span>;
  return (
    <>
      <strong>{actor.name}</strong>
      <br />
      <span className="audit-table__muted">
        {actor.seatLabel} · {actor.organisationName}
      </span>
    </>
  );
}

/** The object's kind, and the case's pseudonym or else the start of the object's id. */
function ObjectText({ row }: { row: AuditSearchRow }) {
  return (
    <>
      {auditObjectTypeLabel[row.objectType] ?? row.objectType}
      {row.subjectPseudonym && (
        <>
          <br />
          <code className="audit-table__code audit-table__nowrap">{row.subjectPseudonym}</code>
        </>
      )}
      {!row.subjectPseudonym && row.objectId && (
        <>
          <br />
          <code className="audit-table__code" title={row.objectId}>
            {row.objectId.slice(0, 8)}…
          </code>
        </>
      )}
    </>
  );
}
