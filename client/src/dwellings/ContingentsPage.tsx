import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useForm, type Resolver } from 'react-hook-form';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  amsterdamYear,
  formatDutchInteger,
  promisedSchema,
  type Contingent,
  type ContingentList,
} from '@uitstroom/shared';
import { useMe } from '../core/session';
import { ApiError } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { SelectField, TextField } from '../core/form';
import { Pager } from '../core/Pager';
import { messageOf } from '../core/messages';
import {
  fetchRegionOrganisations,
  useRegionMunicipalities,
  type RegionMunicipalities,
} from '../core/region';
import { toFieldErrors } from '../core/form-errors';
import { FailureAlert } from '../core/FailureAlert';
import { ExportLinks } from '../core/ExportLinks';
import {
  contingentsExportUrl,
  createContingent,
  fetchContingents,
  updateContingent,
  useContingentWrite,
} from './dwelling-api';
import {
  addFieldOf,
  checkAddContingent,
  contingentBodyOf,
  contingentTotals,
  promisedOf,
  type AddContingentValues,
  type ContingentEditScope,
} from './contingent-form';
import '../core/layout.css';
import './dwellings.css';

/** A region's year has a row per corporation and municipality: 25 at a time, the totals over all. */
const pageSize = 25;

const thisYear = () => amsterdamYear(new Date());

const intro: Record<string, string> = {
  corporation:
    'Hoeveel woningen uw corporatie per gemeente en jaar heeft toegezegd, en hoe ver u daarmee bent. Een aantal mag leeg blijven zolang er geen afspraak is.',
  regionAdmin:
    'De toezeggingen van alle woningcorporaties in uw regio, per gemeente en jaar. Een aantal mag leeg blijven zolang er geen afspraak is.',
  municipality:
    'Wat de woningcorporaties voor uw gemeente hebben toegezegd, en hoe ver zij daarmee zijn.',
  chair: 'Wat de woningcorporaties per gemeente hebben toegezegd, en hoe ver zij daarmee zijn.',
};

/** The year of the page (`?jaar=`), this Dutch year unless a plausible other is asked for. */
function yearOf(search: URLSearchParams): number {
  const requested = Number(search.get('jaar'));
  return Number.isInteger(requested) && requested >= 2020 && requested <= 2100
    ? requested
    : thisYear();
}

/** `/contingenten`: the numbers promised per corporation × municipality × year, with progress. */
export function ContingentsPage() {
  const me = useMe();
  const region = useRegionMunicipalities();
  const [search, setSearch] = useSearchParams();
  const year = yearOf(search);
  // Another year is another list; the previous one stays on screen while it loads.
  const contingentsQuery = useQuery({
    queryKey: queryKeys.contingents(year),
    queryFn: ({ signal }) => fetchContingents(year, signal),
    placeholderData: keepPreviousData,
  });
  const list: ContingentList | null = contingentsQuery.data ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const canEdit = list?.canEdit ?? 'none';
  const noticeOf = (contingent: Contingent, done: string) =>
    setNotice(
      `Het contingent van ${contingent.organisationName} voor ${region.nameOf(contingent.municipalityCode)} is ${done}.`,
    );

  return (
    <div className="contingents-page">
      <div className="page-title">
        <Heading level={1}>Contingenten {year}</Heading>
        <YearNav
          year={year}
          onYear={(next) => {
            setPage(1);
            setSearch({ jaar: String(next) });
          }}
        />
      </div>
      <Paragraph className="dwellings-page__intro">{intro[me.seat] ?? ''}</Paragraph>
      <Paragraph className="case-card__note">
        Aangeboden, aanvaard en verhuisd tellen de aanbiedingen van woningen aan casussen; die
        volgen met het aanbieden van woningen.
      </Paragraph>
      {region.loadError && (
        <Alert type="warning">
          <Paragraph>{region.loadError}</Paragraph>
        </Alert>
      )}
      <QueryStatus
        query={contingentsQuery}
        loading="Contingenten laden…"
        failure="De contingenten konden niet worden geladen."
      />
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {list && list.items.length === 0 && <EmptyYear year={year} canEdit={canEdit !== 'none'} />}
      {list && list.items.length > 0 && (
        <ContingentsTable
          list={list}
          year={year}
          region={region}
          page={page}
          onPage={setPage}
          onSaved={(saved) => noticeOf(saved, 'opgeslagen')}
        />
      )}
      {list && canEdit !== 'none' && (
        <AddContingent
          year={year}
          region={region}
          scope={canEdit}
          onAdded={(added) => noticeOf(added, 'vastgelegd')}
        />
      )}
    </div>
  );
}

/** No contingent in the year yet: who records them, or that this seat may record the first. */
function EmptyYear({ year, canEdit }: { year: number; canEdit: boolean }) {
  return (
    <div className="empty-state">
      <Heading level={2}>Nog geen contingenten voor {year}</Heading>
      <Paragraph>
        {canEdit
          ? 'Leg hieronder het eerste contingent vast.'
          : 'Zodra de woningcorporaties of de regio-beheerder contingenten vastleggen, ziet u ze hier.'}
      </Paragraph>
    </div>
  );
}

/** To the year before or after. */
function YearNav({ year, onYear }: { year: number; onYear(year: number): void }) {
  return (
    <nav aria-label="Jaar kiezen" className="contingents-page__years">
      <Button type="button" appearance="secondary-action-button" onClick={() => onYear(year - 1)}>
        ← {year - 1}
      </Button>
      <Button type="button" appearance="secondary-action-button" onClick={() => onYear(year + 1)}>
        {year + 1} →
      </Button>
    </nav>
  );
}

const numberCell = 'contingents-table__number';

/** The year's contingents, a page at a time, with the totals over all of them and the exports. */
function ContingentsTable({
  list,
  year,
  region,
  page,
  onPage,
  onSaved,
}: {
  list: ContingentList;
  year: number;
  region: RegionMunicipalities;
  page: number;
  onPage(page: number): void;
  onSaved(saved: Contingent): void;
}) {
  const canEdit = list.canEdit !== 'none';
  const totals = contingentTotals(list.items);
  const pages = Math.max(1, Math.ceil(list.items.length / pageSize));
  const shownPage = Math.min(page, pages);
  return (
    <>
      <Table className="case-table contingents-table">
        <caption className="visually-hidden">
          Contingenten {year} per corporatie en gemeente
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Corporatie</TableHeaderCell>
            <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
            {['Toegezegd', 'Aangeboden', 'Aanvaard', 'Verhuisd'].map((label) => (
              <TableHeaderCell key={label} scope="col" className={numberCell}>
                {label}
              </TableHeaderCell>
            ))}
            {canEdit && (
              <TableHeaderCell scope="col">
                <span className="visually-hidden">Wijzigen</span>
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.items.slice((shownPage - 1) * pageSize, shownPage * pageSize).map((c) => (
            <ContingentRow
              key={c.id}
              contingent={c}
              region={region}
              canEdit={canEdit}
              onSaved={onSaved}
            />
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHeaderCell scope="row" colSpan={2}>
              Totaal{pages > 1 ? ` (alle ${list.items.length})` : ''}
            </TableHeaderCell>
            {[totals.promised, totals.offered, totals.accepted, totals.movedIn].map((n, i) => (
              <TableCell key={i} className={numberCell}>
                {formatDutchInteger(n)}
              </TableCell>
            ))}
            {canEdit && <TableCell />}
          </TableRow>
        </TableFooter>
      </Table>
      <Pager page={shownPage} pages={pages} onPage={onPage} />
      <Paragraph>
        <ExportLinks
          urlOf={(format) => contingentsExportUrl(year, format)}
          text={(format) => `Contingenten ${year} exporteren (${format})`}
        />
      </Paragraph>
    </>
  );
}

/** Changing a contingent's promised number in its row: the text typed, and the message at it. */
function usePromisedEdit(c: Contingent, onSaved: (saved: Contingent) => void) {
  const write = useContingentWrite(c.year);
  const [isEditing, setIsEditing] = useState(false);
  const [value, setValue] = useState(c.promised === null ? '' : String(c.promised));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const parsed = promisedSchema.safeParse(promisedOf(value));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Een geheel aantal woningen.');
      return;
    }
    try {
      onSaved(await write.mutateAsync(() => updateContingent(c.id, c.version, parsed.data)));
      setIsEditing(false);
      setError(null);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'VERSION_CONFLICT'
          ? 'Iemand anders heeft dit contingent intussen gewijzigd. Laad de pagina opnieuw.'
          : messageOf(caught, 'Het contingent kon niet worden opgeslagen.'),
      );
    }
  };
  const cancel = () => {
    setIsEditing(false);
    setError(null);
    setValue(c.promised === null ? '' : String(c.promised));
  };
  return { isEditing, edit: () => setIsEditing(true), value, setValue, error, save, cancel };
}

function ContingentRow({
  contingent: c,
  region,
  canEdit,
  onSaved,
}: {
  contingent: Contingent;
  region: RegionMunicipalities;
  canEdit: boolean;
  onSaved(saved: Contingent): void;
}) {
  const edit = usePromisedEdit(c, onSaved);
  const label = `Toegezegd aantal voor ${c.organisationName} in ${region.nameOf(c.municipalityCode)}`;
  return (
    <TableRow>
      <TableCell>{c.organisationName}</TableCell>
      <TableCell>{region.nameOf(c.municipalityCode)}</TableCell>
      <TableCell className={numberCell}>
        {edit.isEditing ? (
          <TextField
            id={`toegezegd-${c.id}`}
            label={label}
            className="contingents-table__input"
            inputMode="numeric"
            value={edit.value}
            error={edit.error ?? undefined}
            description="Leeg: nog geen aantal afgesproken."
            onChange={(event) => edit.setValue(event.target.value)}
          />
        ) : c.promised === null ? (
          <span className="contingents-table__empty">nog geen aantal</span>
        ) : (
          formatDutchInteger(c.promised)
        )}
      </TableCell>
      <TableCell className={numberCell}>{c.progress.offered}</TableCell>
      <TableCell className={numberCell}>{c.progress.accepted}</TableCell>
      <TableCell className={numberCell}>{c.progress.movedIn}</TableCell>
      {canEdit && (
        <TableCell>
          {edit.isEditing ? (
            <ButtonGroup>
              <Button
                type="button"
                appearance="primary-action-button"
                onClick={() => void edit.save()}
              >
                Opslaan
              </Button>
              <Button type="button" appearance="secondary-action-button" onClick={edit.cancel}>
                Annuleren
              </Button>
            </ButtonGroup>
          ) : (
            <Button type="button" appearance="secondary-action-button" onClick={edit.edit}>
              Wijzigen<span className="visually-hidden">: {label}</span>
            </Button>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}

/** The form that adds a contingent of `year`, checked with the server's schema before it is sent. */
function useAddContingentForm(
  year: number,
  scope: ContingentEditScope,
  onAdded: (added: Contingent) => void,
) {
  const write = useContingentWrite(year);
  const [failure, setFailure] = useState<string | null>(null);
  const [resolver] = useState<Resolver<AddContingentValues>>(
    () => (values: AddContingentValues) => {
      const messages = checkAddContingent(values, year, scope);
      return messages.size === 0
        ? { values, errors: {} }
        : { values: {}, errors: toFieldErrors<AddContingentValues>(messages) };
    },
  );
  const form = useForm<AddContingentValues>({
    defaultValues: { organisationId: '', municipalityCode: '', promised: '' },
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onAdded(await write.mutateAsync(() => createContingent(contingentBodyOf(values, year))));
      form.reset();
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues) form.setError(addFieldOf(issue.path), { message: issue.message });
      if (!issues.length)
        setFailure(messageOf(error, 'Het contingent kon niet worden vastgelegd.'));
    }
  });
  return { form, submit, failure };
}

function AddContingent({
  year,
  region,
  scope,
  onAdded,
}: {
  year: number;
  region: RegionMunicipalities;
  scope: ContingentEditScope;
  onAdded(added: Contingent): void;
}) {
  const { form, submit, failure } = useAddContingentForm(year, scope, onAdded);
  const { errors, isSubmitting } = form.formState;
  // Only the regio-beheerder chooses the corporation; a corporation adds its own.
  const corporationsQuery = useQuery({
    queryKey: queryKeys.regionOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
    enabled: scope === 'region',
    select: (organisations) => organisations.filter((o) => o.kind === 'corporation'),
  });
  return (
    <section className="case-card" aria-labelledby="contingent-toevoegen-kop">
      <Heading level={2} id="contingent-toevoegen-kop">
        Contingent vastleggen voor {year}
      </Heading>
      <form
        noValidate
        onSubmit={submit}
        className="contingent-form"
        aria-labelledby="contingent-toevoegen-kop"
      >
        {scope === 'region' && (
          <SelectField
            id="contingent-corporatie"
            label="Woningcorporatie"
            error={errors.organisationId?.message}
            {...form.register('organisationId')}
          >
            <SelectOption value="">Kies een woningcorporatie</SelectOption>
            {(corporationsQuery.data ?? []).map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.name}
              </SelectOption>
            ))}
          </SelectField>
        )}
        <SelectField
          id="contingent-gemeente"
          label="Gemeente"
          error={errors.municipalityCode?.message}
          {...form.register('municipalityCode')}
        >
          <SelectOption value="">Kies een gemeente</SelectOption>
          {region.municipalities.map((m) => (
            <SelectOption key={m.code} value={m.code}>
              {m.name}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          id="contingent-aantal"
          label="Toegezegd aantal woningen"
          inputMode="numeric"
          description="Leeg laten als er nog geen aantal is afgesproken."
          error={errors.promised?.message}
          {...form.register('promised')}
        />
        <QueryStatus
          query={corporationsQuery}
          failure="De woningcorporaties konden niet worden geladen."
        />
        <FailureAlert failure={failure} />
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
            Contingent vastleggen
          </Button>
        </div>
      </form>
    </section>
  );
}
