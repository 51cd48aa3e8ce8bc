import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
import { useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import {
  Button,
  Heading,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  auditActionLabel,
  auditActions,
  auditObjectTypeLabel,
  auditOutcomeLabel,
  auditSearchQuerySchema,
  describeFields,
  type AuditSearchResult,
  type OrganisationSummary,
  type UserSummary,
} from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { SelectField, TextField } from '../core/form';
import { useMe } from '../core/session';
import {
  auditSearchWorkbookUrl,
  fetchRegionOrganisations,
  fetchRegionUsers,
  searchAuditLog,
} from './audit-api';
import { ExportLinks } from '../core/ExportLinks';
import { formatDutchDay, formatTimeOfDay } from './audit-format';
import { Pager } from '../core/Pager';
import './audit.css';
import { FailureAlert } from '../core/FailureAlert';

/**
 * `/beheer/audit`: the privacy officer's seat (regionAdmin) searches the region's audit log by
 * case, user, organisation, period and action. The rows say who did what to which object, with
 * field names only: the content of a case never reaches this page. Every search is logged.
 * The filters live in the URL (Dutch names), so a search survives a reload and can be shared.
 */

interface Filters {
  casus: string;
  gebruiker: string;
  organisatie: string;
  van: string;
  tot: string;
  handeling: string;
}
const filterNames = [
  'casus',
  'gebruiker',
  'organisatie',
  'van',
  'tot',
  'handeling',
] as const satisfies readonly (keyof Filters)[];
const emptyFilters: Filters = {
  casus: '',
  gebruiker: '',
  organisatie: '',
  van: '',
  tot: '',
  handeling: '',
};
const pageSize = 25;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which form field answers for which parameter of the query. */
const fieldOfParameter: Record<string, keyof Filters> = {
  caseId: 'casus',
  pseudonym: 'casus',
  userId: 'gebruiker',
  organisationId: 'organisatie',
  from: 'van',
  to: 'tot',
  action: 'handeling',
};

function readFilters(search: URLSearchParams): { filters: Filters; page: number } {
  const filters = { ...emptyFilters };
  for (const name of filterNames) filters[name] = (search.get(name) ?? '').slice(0, 100);
  const page = Number(search.get('pagina'));
  return { filters, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

function writeFilters(filters: Filters, page: number): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of filterNames) if (filters[name].trim()) search.set(name, filters[name].trim());
  if (page > 1) search.set('pagina', String(page));
  return search;
}

/** The API's query: a case is given by its id or by its pseudonym, in one field. */
function toQueryInput(filters: Filters, page: number): Record<string, string> {
  const input: Record<string, string> = { page: String(page), pageSize: String(pageSize) };
  const casus = filters.casus.trim();
  if (casus) input[uuidPattern.test(casus) ? 'caseId' : 'pseudonym'] = casus;
  if (filters.gebruiker) input.userId = filters.gebruiker;
  if (filters.organisatie) input.organisationId = filters.organisatie;
  if (filters.van) input.from = filters.van;
  if (filters.tot) input.to = filters.tot;
  if (filters.handeling) input.action = filters.handeling;
  return input;
}

/** The search's filters without its page: what the workbook of all its rows takes. */
function filterQueryOf(input: Record<string, string>): URLSearchParams {
  const { page: _page, pageSize: _pageSize, ...filters } = input;
  return new URLSearchParams(filters);
}

export function AuditSearchPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const { filters, page } = readFilters(search);
  const queryInput = toQueryInput(filters, page);
  const apiQuery = new URLSearchParams(queryInput).toString();
  const people = useQuery({
    queryKey: [...queryKeys.adminUsers, ...queryKeys.adminOrganisations],
    queryFn: async () => {
      const [u, o] = await Promise.all([fetchRegionUsers(), fetchRegionOrganisations()]);
      return {
        users: [...u].sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl')),
        organisations: o,
      };
    },
  });
  const users: UserSummary[] = people.data?.users ?? [];
  const organisations: OrganisationSummary[] = people.data?.organisations ?? [];
  // A URL typed by hand is checked here too: the server would refuse it with the same words.
  const isValidQuery = auditSearchQuerySchema.safeParse(
    Object.fromEntries(new URLSearchParams(apiQuery)),
  ).success;
  const searchQuery = useQuery({
    queryKey: queryKeys.audit(apiQuery),
    queryFn: ({ signal }) => searchAuditLog(new URLSearchParams(apiQuery), signal),
    enabled: isValidQuery,
  });
  const result: AuditSearchResult | null = searchQuery.data ?? null;
  const failure = !isValidQuery
    ? 'De zoekopdracht in het adres klopt niet. Pas de filters aan en zoek opnieuw.'
    : searchQuery.isError
      ? searchQuery.error instanceof ApiError
        ? searchQuery.error.message
        : 'Zoeken is niet gelukt. Probeer het opnieuw.'
      : people.isError
        ? 'De gebruikers en organisaties konden niet worden geladen; zoeken kan wel.'
        : null;

  const { register, handleSubmit, setError, reset, formState } = useForm<Filters>({
    defaultValues: filters,
  });
  // Back and forward move through searches: the form follows the address.
  const filterKey = writeFilters(filters, 1).toString();
  useEffect(() => {
    reset(readFilters(new URLSearchParams(filterKey)).filters);
  }, [filterKey, reset]);
  const onSubmit = handleSubmit((values) => {
    const parsed = auditSearchQuerySchema.safeParse(toQueryInput(values, 1));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfParameter[String(issue.path[0])];
        if (!field) continue;
        setError(field, {
          message:
            field === 'casus'
              ? 'Vul een kenmerk in (zoals R-7K2M9QXA) of een casus-id.'
              : issue.message,
        });
      }
      return;
    }
    setSearch(writeFilters(values, 1));
  });
  const clear = () => {
    reset(emptyFilters);
    setSearch(new URLSearchParams());
  };

  const actionOptions = useMemo(
    () =>
      [...auditActions].sort((a, b) =>
        (auditActionLabel[a] ?? a).localeCompare(auditActionLabel[b] ?? b, 'nl'),
      ),
    [],
  );
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const pageLink = (to: number) => `?${writeFilters(filters, to).toString()}`;

  return (
    <>
      <Heading level={1}>Auditlog</Heading>
      <Paragraph>
        Wie deed wat in regio {me.region.name}: per casus, gebruiker, organisatie, periode en
        handeling. U ziet welke onderdelen iemand las of wijzigde, nooit de inhoud van een casus.
        Elke zoekopdracht wordt zelf ook gelogd.
      </Paragraph>

      <form
        className="audit-filters"
        onSubmit={onSubmit}
        noValidate
        aria-label="Auditlog doorzoeken"
      >
        <TextField
          label="Casus (kenmerk of id)"
          placeholder="R-7K2M9QXA"
          autoComplete="off"
          error={formState.errors.casus?.message}
          {...register('casus')}
        />
        <SelectField
          label="Gebruiker"
          error={formState.errors.gebruiker?.message}
          {...register('gebruiker')}
        >
          <SelectOption value="">Alle gebruikers</SelectOption>
          {users.map((u) => (
            <SelectOption key={u.id} value={u.id}>
              {u.displayName} ({u.organisation.name})
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          label="Organisatie"
          error={formState.errors.organisatie?.message}
          {...register('organisatie')}
        >
          <SelectOption value="">Alle organisaties</SelectOption>
          {organisations.map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.name}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          label="Van"
          type="date"
          error={formState.errors.van?.message}
          {...register('van')}
        />
        <TextField
          label="Tot en met"
          type="date"
          error={formState.errors.tot?.message}
          {...register('tot')}
        />
        <SelectField
          label="Handeling"
          error={formState.errors.handeling?.message}
          {...register('handeling')}
        >
          <SelectOption value="">Alle handelingen</SelectOption>
          {actionOptions.map((a) => (
            <SelectOption key={a} value={a}>
              {auditActionLabel[a] ?? a}
            </SelectOption>
          ))}
        </SelectField>
        <div className="audit-filters__buttons">
          <Button type="submit" appearance="primary-action-button">
            Zoeken
          </Button>
          <Button type="button" appearance="subtle-button" onClick={clear}>
            Filters wissen
          </Button>
        </div>
      </form>

      <FailureAlert failure={failure} />
      {!result && !failure && <Paragraph role="status">Zoeken…</Paragraph>}
      {result && (
        <section aria-labelledby="audit-resultaat">
          <Heading level={2} id="audit-resultaat" className="audit-count" aria-live="polite">
            {result.total === 0
              ? 'Geen regels gevonden'
              : result.total === 1
                ? '1 regel gevonden'
                : `${result.total.toLocaleString('nl-NL')} regels gevonden`}
          </Heading>
          {result.total === 0 && (
            <Paragraph>Probeer een langere periode of minder filters.</Paragraph>
          )}
          {result.total > 0 && (
            <Paragraph>
              <ExportLinks
                formats={['xlsx']}
                urlOf={() => auditSearchWorkbookUrl(filterQueryOf(queryInput))}
                text={(format) => `Deze regels exporteren (${format})`}
              />
            </Paragraph>
          )}
          {result.items.length > 0 && <ResultTable result={result} />}
          <Pager page={page} pages={pages} linkTo={pageLink} />
        </section>
      )}
    </>
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
            <TableRow key={row.id}>
              <TableCell className="audit-table__when">
                {formatDutchDay(row.at)}
                <br />
                {formatTimeOfDay(row.at)}
              </TableCell>
              <TableCell>
                {row.actor.name ? (
                  <>
                    <strong>{row.actor.name}</strong>
                    <br />
                    <span className="audit-table__muted">
                      {row.actor.seatLabel} · {row.actor.organisationName}
                    </span>
                  </>
                ) : (
                  <span className="audit-table__muted">Niet ingelogd</span>
                )}
              </TableCell>
              <TableCell>
                {row.actionLabel}
                <br />
                <code className="audit-table__code">{row.action}</code>
              </TableCell>
              <TableCell>
                {auditObjectTypeLabel[row.objectType] ?? row.objectType}
                {row.subjectPseudonym && (
                  <>
                    <br />
                    <code className="audit-table__code audit-table__nowrap">
                      {row.subjectPseudonym}
                    </code>
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
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
