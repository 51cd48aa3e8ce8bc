import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
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
  createContingentSchema,
  formatDutchInteger,
  promisedSchema,
  type Contingent,
  type ContingentList,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { useMe } from '../core/session';
import { ApiError } from '../core/api';
import { QueryStatus } from '../core/query/QueryState';
import { SelectField, TextField } from '../core/form';
import { Pager } from '../core/Pager';
import { messageOf } from '../core/messages';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { fetchRegionOrganisations } from '../core/region';
import { addMessage, toFieldErrors, type FieldMessages } from '../core/form-errors';
import {
  contingentsExportUrl,
  createContingent,
  fetchContingents,
  updateContingent,
  useContingentWrite,
} from './dwelling-api';
import '../core/layout.css';
import './dwellings.css';
import { FailureAlert } from '../core/FailureAlert';
import { ExportLinks } from '../core/ExportLinks';

/** A region's year has a row per corporation and municipality: 25 at a time, the totals over all. */
const pageSize = 25;

const thisYear = () => amsterdamYear(new Date());

/** `4` → 4, `` → null (no number agreed yet); anything else stays text, so the schema says so. */
function promisedOf(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const intro: Record<string, string> = {
  corporation:
    'Hoeveel woningen uw corporatie per gemeente en jaar heeft toegezegd, en hoe ver u daarmee bent. Een aantal mag leeg blijven zolang er geen afspraak is.',
  regionAdmin:
    'De toezeggingen van alle woningcorporaties in uw regio, per gemeente en jaar. Een aantal mag leeg blijven zolang er geen afspraak is.',
  municipality:
    'Wat de woningcorporaties voor uw gemeente hebben toegezegd, en hoe ver zij daarmee zijn.',
  chair: 'Wat de woningcorporaties per gemeente hebben toegezegd, en hoe ver zij daarmee zijn.',
};

/** `/contingenten`: the numbers promised per corporation × municipality × year, with progress. */
export function ContingentsPage() {
  const me = useMe();
  const region = useRegionMunicipalities();
  const [search, setSearch] = useSearchParams();
  const requested = Number(search.get('jaar'));
  const year =
    Number.isInteger(requested) && requested >= 2020 && requested <= 2100 ? requested : thisYear();
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
  const totals = (list?.items ?? []).reduce(
    (sum, c) => ({
      promised: sum.promised + (c.promised ?? 0),
      offered: sum.offered + c.progress.offered,
      accepted: sum.accepted + c.progress.accepted,
      movedIn: sum.movedIn + c.progress.movedIn,
    }),
    { promised: 0, offered: 0, accepted: 0, movedIn: 0 },
  );

  const pages = list ? Math.max(1, Math.ceil(list.items.length / pageSize)) : 1;
  const shownPage = Math.min(page, pages);

  return (
    <div className="contingents-page">
      <div className="page-title">
        <Heading level={1}>Contingenten {year}</Heading>
        <nav aria-label="Jaar kiezen" className="contingents-page__years">
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              setPage(1);
              setSearch({ jaar: String(year - 1) });
            }}
          >
            ← {year - 1}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              setPage(1);
              setSearch({ jaar: String(year + 1) });
            }}
          >
            {year + 1} →
          </Button>
        </nav>
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

      {list && list.items.length === 0 && (
        <div className="empty-state">
          <Heading level={2}>Nog geen contingenten voor {year}</Heading>
          <Paragraph>
            {canEdit === 'none'
              ? 'Zodra de woningcorporaties of de regio-beheerder contingenten vastleggen, ziet u ze hier.'
              : 'Leg hieronder het eerste contingent vast.'}
          </Paragraph>
        </div>
      )}
      {list && list.items.length > 0 && (
        <>
          <Table className="case-table contingents-table">
            <caption className="visually-hidden">
              Contingenten {year} per corporatie en gemeente
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Corporatie</TableHeaderCell>
                <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
                <TableHeaderCell scope="col" className="contingents-table__number">
                  Toegezegd
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="contingents-table__number">
                  Aangeboden
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="contingents-table__number">
                  Aanvaard
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="contingents-table__number">
                  Verhuisd
                </TableHeaderCell>
                {canEdit !== 'none' && (
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
                  canEdit={canEdit !== 'none'}
                  onSaved={(saved) => {
                    setNotice(
                      `Het contingent van ${saved.organisationName} voor ${region.nameOf(saved.municipalityCode)} is opgeslagen.`,
                    );
                  }}
                />
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row" colSpan={2}>
                  Totaal{pages > 1 ? ` (alle ${list.items.length})` : ''}
                </TableHeaderCell>
                <TableCell className="contingents-table__number">
                  {formatDutchInteger(totals.promised)}
                </TableCell>
                <TableCell className="contingents-table__number">
                  {formatDutchInteger(totals.offered)}
                </TableCell>
                <TableCell className="contingents-table__number">
                  {formatDutchInteger(totals.accepted)}
                </TableCell>
                <TableCell className="contingents-table__number">
                  {formatDutchInteger(totals.movedIn)}
                </TableCell>
                {canEdit !== 'none' && <TableCell />}
              </TableRow>
            </TableFooter>
          </Table>
          <Pager page={shownPage} pages={pages} onPage={setPage} />
          <Paragraph>
            <ExportLinks
              urlOf={(format) => contingentsExportUrl(year, format)}
              text={(format) => `Contingenten ${year} exporteren (${format})`}
            />
          </Paragraph>
        </>
      )}

      {list && canEdit !== 'none' && (
        <AddContingent
          year={year}
          region={region}
          canEdit={canEdit}
          onAdded={(added) => {
            setNotice(
              `Het contingent van ${added.organisationName} voor ${region.nameOf(added.municipalityCode)} is vastgelegd.`,
            );
          }}
        />
      )}
    </div>
  );
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
  const write = useContingentWrite(c.year);
  const [isEditing, setIsEditing] = useState(false);
  const [value, setValue] = useState(c.promised === null ? '' : String(c.promised));
  const [error, setError] = useState<string | null>(null);
  const label = `Toegezegd aantal voor ${c.organisationName} in ${region.nameOf(c.municipalityCode)}`;

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

  return (
    <TableRow>
      <TableCell>{c.organisationName}</TableCell>
      <TableCell>{region.nameOf(c.municipalityCode)}</TableCell>
      <TableCell className="contingents-table__number">
        {isEditing ? (
          <TextField
            id={`toegezegd-${c.id}`}
            label={label}
            className="contingents-table__input"
            inputMode="numeric"
            value={value}
            error={error ?? undefined}
            description="Leeg: nog geen aantal afgesproken."
            onChange={(event) => setValue(event.target.value)}
          />
        ) : c.promised === null ? (
          <span className="contingents-table__empty">nog geen aantal</span>
        ) : (
          formatDutchInteger(c.promised)
        )}
      </TableCell>
      <TableCell className="contingents-table__number">{c.progress.offered}</TableCell>
      <TableCell className="contingents-table__number">{c.progress.accepted}</TableCell>
      <TableCell className="contingents-table__number">{c.progress.movedIn}</TableCell>
      {canEdit && (
        <TableCell>
          {isEditing ? (
            <ButtonGroup>
              <Button type="button" appearance="primary-action-button" onClick={() => void save()}>
                Opslaan
              </Button>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  setIsEditing(false);
                  setError(null);
                  setValue(c.promised === null ? '' : String(c.promised));
                }}
              >
                Annuleren
              </Button>
            </ButtonGroup>
          ) : (
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => setIsEditing(true)}
            >
              Wijzigen<span className="visually-hidden">: {label}</span>
            </Button>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}

interface AddValues {
  organisationId: string;
  municipalityCode: string;
  promised: string;
}

function AddContingent({
  year,
  region,
  canEdit,
  onAdded,
}: {
  year: number;
  region: RegionMunicipalities;
  canEdit: 'own' | 'region';
  onAdded(added: Contingent): void;
}) {
  const write = useContingentWrite(year);
  const [corporations, setCorporations] = useState<RegionOrganisation[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [resolver] = useState<Resolver<AddValues>>(() => (values: AddValues) => {
    const messages: FieldMessages = new Map();
    if (canEdit === 'region' && !values.organisationId)
      addMessage(messages, 'organisationId', 'Kies een woningcorporatie.');
    const parsed = createContingentSchema.safeParse({
      ...(values.organisationId ? { organisationId: values.organisationId } : {}),
      municipalityCode: values.municipalityCode || undefined,
      year,
      promised: promisedOf(values.promised),
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        addMessage(
          messages,
          String(issue.path[0] ?? 'municipalityCode'),
          issue.code === 'invalid_type' ? 'Kies een gemeente.' : issue.message,
        );
    return messages.size === 0
      ? { values, errors: {} }
      : { values: {}, errors: toFieldErrors<AddValues>(messages) };
  });
  const form = useForm<AddValues>({
    defaultValues: { organisationId: '', municipalityCode: '', promised: '' },
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (canEdit !== 'region') return;
    fetchRegionOrganisations()
      .then((all) => setCorporations(all.filter((o) => o.kind === 'corporation')))
      .catch((error: unknown) =>
        setFailure(messageOf(error, 'De woningcorporaties konden niet worden geladen.')),
      );
  }, [canEdit]);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const promised = promisedOf(values.promised) as number | null;
      onAdded(
        await write.mutateAsync(() =>
          createContingent({
            ...(values.organisationId ? { organisationId: values.organisationId } : {}),
            municipalityCode: values.municipalityCode,
            year,
            promised,
          }),
        ),
      );
      form.reset();
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues)
        form.setError(
          (['organisationId', 'municipalityCode', 'promised'].includes(issue.path)
            ? issue.path
            : 'municipalityCode') as keyof AddValues,
          { message: issue.message },
        );
      if (!issues.length)
        setFailure(messageOf(error, 'Het contingent kon niet worden vastgelegd.'));
    }
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
        {canEdit === 'region' && (
          <SelectField
            id="contingent-corporatie"
            label="Woningcorporatie"
            error={errors.organisationId?.message}
            {...form.register('organisationId')}
          >
            <SelectOption value="">Kies een woningcorporatie</SelectOption>
            {corporations.map((o) => (
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
