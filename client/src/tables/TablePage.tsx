import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  SelectOption,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  amsterdamDate,
  dutchToday,
  formatDutchDate,
  describeWaiting,
  agendaDaysLate,
  formatDutchDays,
  isAgendaPublicationLate,
  isPlannedAfterPublicationDeadline,
  minutesOf,
  organisationKinds,
  seatLabel,
  tableStateLabel,
  type CaseListItem,
  type OrganisationKind,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { useQuery } from '@tanstack/react-query';
import { useCan, useMe } from '../core/session';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { SelectField } from '../core/form';
import { fetchCase } from '../cases';
import { messageOf } from '../core/messages';
import { caseTitle } from '../core/format';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { AgendaItemCard, type ChairActions } from './AgendaItemCard';
import { DecisionForm } from './DecisionForm';
import type { Attendee } from './decision-form';
import {
  addToAgenda,
  closeTable,
  deferAgendaItem,
  fetchReadyCases,
  fetchTable,
  isNotFound,
  isVersionConflict,
  orderAgenda,
  publishTable,
  removeFromAgenda,
  toTable,
  type AgendaEntry,
  type Table,
  minutesUrl,
} from './table-api';
import { fetchRegionOrganisations } from '../core/region';
import { formatTableDateTime, tableStateBadge } from './table-format';
import { ConfirmDialog, ReasonDialog } from './TableDialogs';
import '../core/layout.css';
import './tables.css';
import { useLiveTable } from '../live';
import { describeLiveChange, PresenceNote } from '../live';

const conflictMessage =
  'Iemand anders heeft de tafel intussen gewijzigd. De agenda is opnieuw geladen; controleer hem en probeer het opnieuw.';
const kindPlural: Record<OrganisationKind, string> = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
};

type Dialog = { kind: 'remove' | 'defer'; item: AgendaEntry } | { kind: 'close' } | null;

/** `/tafels/:tableId`: the table with its agenda; the chair runs it from here, a case manager schedules cases on it. */
export function TablePage() {
  const { tableId } = useParams();
  const location = useLocation();
  const me = useMe();
  const can = useCan();
  const region = useRegionMunicipalities();
  const tableQuery = useQuery({
    queryKey: queryKeys.table(tableId ?? ''),
    queryFn: ({ signal }) => fetchTable(tableId!, signal),
    enabled: !!tableId,
  });
  const table = tableQuery.data ?? null;
  const setTable = (next: Table) => {
    if (tableId) queryClient.setQueryData(queryKeys.table(tableId), next);
  };
  const [gone, setGone] = useState(false);
  const loadFailure = gone
    ? 'Deze tafel valt niet meer binnen uw bereik.'
    : tableQuery.isError
      ? isNotFound(tableQuery.error)
        ? 'Deze tafel bestaat niet of valt buiten uw bereik.'
        : messageOf(tableQuery.error, 'De tafel kon niet worden geladen.')
      : null;
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  // Who can be marked present; a failure leaves the list empty.
  const organisationsQuery = useQuery({
    queryKey: queryKeys.regionOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
  });
  const organisations: RegionOrganisation[] | null = organisationsQuery.isError
    ? []
    : (organisationsQuery.data ?? null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [decidingId, setDecidingId] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const focusAfter = useRef<string | null>(null);

  // Read the table again (a stale write, or back after a lost connection).
  const reload = async () => {
    if (tableId) await queryClient.invalidateQueries({ queryKey: queryKeys.table(tableId) });
  };

  // Another seat's change (to the table, or to a case on its agenda) arrives without a reload, as
  // this seat may see it; never an older version over a newer one. Open forms and dialogs keep their input.
  const [liveNote, setLiveNote] = useState<string | null>(null);
  const tableRef = useRef(table);
  tableRef.current = table;
  useLiveTable(tableId, {
    onChange: (next, changedBy) => {
      const current = tableRef.current;
      if (current && next.version < current.version) return;
      if (current && next.version !== current.version && changedBy?.userId !== me.user.id)
        setLiveNote(describeLiveChange('de tafel', changedBy));
      setTable(toTable(next));
    },
    onGone: () => setGone(true),
    onResync: () => void reload(),
  });

  // Focus follows what was acted on: the moved item's button, an item's heading after a decision.
  useEffect(() => {
    const target = focusAfter.current;
    // A modal dialog keeps the rest of the page inert: wait until it is gone.
    if (!target || dialog) return;
    focusAfter.current = null;
    const [first, fallback] = target.split('|');
    const element = document.getElementById(first!) as HTMLButtonElement | null;
    if (element && !element.disabled) element.focus();
    else document.getElementById(fallback ?? '')?.focus();
  }, [table, decidingId, dialog]);

  if (loadFailure) {
    return (
      <>
        <Heading level={1}>Tafel</Heading>
        <Alert type="error" role="alert">
          <Paragraph>{loadFailure}</Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink className="utrecht-link" to="/tafels">
            Terug naar de tafels
          </RouterLink>
        </Paragraph>
      </>
    );
  }
  if (!table) return <Paragraph role="status">Tafel laden…</Paragraph>;

  const isChair = can('table:manage');
  const agenda = table.agenda;

  /** A write to the table: its answer replaces the table; a stale version reloads it and says so. */
  const act = async (write: () => Promise<Table>, done: string): Promise<boolean> => {
    setFailure(null);
    setNotice(null);
    setIsBusy(true);
    try {
      setTable(await write());
      setNotice(done);
      return true;
    } catch (error) {
      if (isVersionConflict(error)) {
        await reload();
        setFailure(conflictMessage);
        return false;
      }
      throw error;
    } finally {
      setIsBusy(false);
    }
  };
  const actOnPage = (write: () => Promise<Table>, done: string) =>
    act(write, done).catch((error: unknown) => {
      setFailure(messageOf(error));
      return false;
    });

  const move = (item: AgendaEntry, delta: -1 | 1) => {
    if (!agenda) return;
    const ids = agenda.map((a) => a.id);
    const from = ids.indexOf(item.id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    const direction = delta < 0 ? 'omhoog' : 'omlaag';
    const other = delta < 0 ? 'omlaag' : 'omhoog';
    focusAfter.current = `verplaats-${item.id}-${direction}|verplaats-${item.id}-${other}`;
    void actOnPage(
      () => orderAgenda(table, ids),
      `${caseTitle(item.case)} staat nu op plaats ${to + 1} van ${ids.length}.`,
    );
  };

  const chairActions: ChairActions | undefined =
    isChair && table.state !== 'closed'
      ? {
          canMove: (agenda?.length ?? 0) > 1,
          canRemove: true,
          // domain.md §4: a table decides on or after its own Dutch date; the server refuses earlier too.
          canDecide: table.state === 'published' && amsterdamDate(table.startsAt) <= dutchToday(),
          onMove: move,
          onRemove: (item) => setDialog({ kind: 'remove', item }),
          onDefer: (item) => setDialog({ kind: 'defer', item }),
          onStartDecision: (item) => {
            setNotice(null);
            setFailure(null);
            setDecidingId(item.id);
          },
        }
      : undefined;

  const closeDialog = () => setDialog(null);
  const reasonWrite =
    (write: (reason: string) => Promise<Table>, done: string) => async (reason: string) => {
      // A conflict closes the dialog and says so on the page; any other failure stays in the dialog.
      await act(() => write(reason), done);
      closeDialog();
    };

  const openCount = agenda?.filter((a) => a.status === 'open').length ?? 0;

  return (
    <div className="table-page">
      <Paragraph className="case-breadcrumb">
        <RouterLink className="utrecht-link" to="/tafels">
          Tafels
        </RouterLink>
      </Paragraph>
      <TableHeader table={table} region={region} />
      <PresenceNote room={{ kind: 'table', id: table.id }} />
      {table.state === 'closed' && agenda && <Minutes table={table} agenda={agenda} />}
      <div aria-live="polite" role="status" className="table-page__live">
        {notice && (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
        {liveNote && (
          <Alert type="info">
            <Paragraph>{liveNote}</Paragraph>
          </Alert>
        )}
      </div>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {region.loadError && (
        <Alert type="warning">
          <Paragraph>{region.loadError}</Paragraph>
        </Alert>
      )}

      {isChair && table.state !== 'closed' && (
        <section className="table-card table-chair" aria-labelledby="voorzitter-kop">
          <Heading level={2} id="voorzitter-kop" tabIndex={-1}>
            Voorzitter
          </Heading>
          {table.state === 'planned' && (
            <>
              <Paragraph>
                Deel de agenda als die compleet is. Daarna ziet elke genodigde organisatie de
                agenda, per casus met wat haar rol mag zien. Besluiten legt u vast nadat de agenda
                is gedeeld.
              </Paragraph>
              {openCount === 0 && (
                <Paragraph id="agenda-leeg-uitleg" className="table-form__hint">
                  Een lege agenda wordt niet gedeeld: zet eerst een casus op de agenda.
                </Paragraph>
              )}
              <Button
                type="button"
                appearance="primary-action-button"
                disabled={isBusy || openCount === 0}
                aria-describedby={openCount === 0 ? 'agenda-leeg-uitleg' : undefined}
                onClick={() => {
                  focusAfter.current = 'voorzitter-kop';
                  void actOnPage(
                    () => publishTable(table),
                    'De agenda is gedeeld met de genodigden.',
                  );
                }}
              >
                Agenda delen
              </Button>
            </>
          )}
          {table.state === 'published' && (
            <>
              <Paragraph>
                Loop de agenda door en leg per casus het besluit vast, of stel de casus uit. Sluit
                de tafel af als alles is besproken.
              </Paragraph>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => setDialog({ kind: 'close' })}
              >
                Tafel afsluiten
              </Button>
            </>
          )}
        </section>
      )}

      {can('table:agenda') && table.state !== 'closed' && (
        <ScheduleCase
          table={table}
          onScheduled={(next, name) => {
            setTable(next);
            setFailure(null);
            setNotice(`${name} staat op de agenda.`);
          }}
          onConflict={async () => {
            await reload();
            setFailure(conflictMessage);
          }}
        />
      )}

      <section className="table-agenda" aria-labelledby="agenda-kop">
        <Heading level={2} id="agenda-kop" tabIndex={-1}>
          Agenda
          {agenda ? ` (${agenda.length === 1 ? '1 casus' : `${agenda.length} casussen`})` : ''}
        </Heading>
        {!agenda && <Paragraph>De voorzitter heeft de agenda nog niet gedeeld.</Paragraph>}
        {agenda && agenda.length > 0 && !isChair && me.seat !== 'casemanager' && (
          <Paragraph className="table-form__hint">
            Per casus ziet u wat uw rol mag zien; de naam alleen als de bewoner daarvoor toestemming
            gaf.
          </Paragraph>
        )}
        {agenda && agenda.length === 0 && (
          <div className="empty-state">
            <Heading level={3}>Nog geen casussen op de agenda</Heading>
            <Paragraph>
              {me.seat === 'casemanager' || isChair
                ? 'Zet hierboven een uitstroomgerede casus op de agenda.'
                : 'Er staan (nog) geen casussen op de agenda van deze tafel.'}
            </Paragraph>
          </div>
        )}
        {agenda && agenda.length > 0 && (
          <ol className="agenda">
            {agenda.map((item, index) => (
              <AgendaItemCard
                key={item.id}
                item={item}
                index={index}
                count={agenda.length}
                region={region}
                chair={chairActions}
                isDeciding={decidingId === item.id}
              >
                {decidingId === item.id && item.status === 'open' && organisations && (
                  <DecisionForm
                    table={table}
                    item={item}
                    attendees={attendeesFor(table, item, me.organisation, organisations)}
                    organisations={organisations}
                    region={region}
                    onDecided={(next) => {
                      focusAfter.current = `agendapunt-${item.id}`;
                      setTable(next);
                      setDecidingId(null);
                      setNotice(`Het besluit over ${caseTitle(item.case)} is vastgelegd.`);
                    }}
                    onConflict={() => reload()}
                    onCancel={() => {
                      focusAfter.current = `besluit-${item.id}-knop`;
                      setDecidingId(null);
                    }}
                  />
                )}
              </AgendaItemCard>
            ))}
          </ol>
        )}
      </section>

      {dialog?.kind === 'remove' && (
        <ReasonDialog
          id="van-agenda"
          title={`${caseTitle(dialog.item.case)} van de agenda halen`}
          label="Reden"
          submitLabel="Van de agenda halen"
          intro="De casus gaat terug naar uitstroomgereed; de wachttijd loopt door. De reden wordt vastgelegd."
          onSubmit={(reason) => {
            focusAfter.current = 'agenda-kop';
            return reasonWrite(
              (r) => removeFromAgenda(table, dialog.item.id, r),
              `${caseTitle(dialog.item.case)} is van de agenda gehaald.`,
            )(reason);
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'defer' && (
        <ReasonDialog
          id="uitstellen"
          title={`${caseTitle(dialog.item.case)} uitstellen`}
          label="Reden van uitstel"
          submitLabel="Uitstellen"
          intro="De tafel besluit nu niet. De casus gaat terug naar uitstroomgereed en kan op een volgende tafel; de wachttijd loopt door."
          onSubmit={(reason) => {
            focusAfter.current = `agendapunt-${dialog.item.id}`;
            return reasonWrite(
              (r) => deferAgendaItem(table, dialog.item.id, r),
              `${caseTitle(dialog.item.case)} is uitgesteld.`,
            )(reason);
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'close' && (
        <ConfirmDialog
          id="afsluiten"
          title="Tafel afsluiten"
          confirmLabel="Tafel afsluiten"
          onClose={closeDialog}
          onConfirm={async () => {
            focusAfter.current = 'agenda-kop';
            await act(() => closeTable(table), 'De tafel is afgesloten.');
            closeDialog();
          }}
        >
          <Paragraph>
            Na het afsluiten kunt u geen besluiten meer vastleggen of de agenda wijzigen.
          </Paragraph>
          {openCount > 0 && (
            <Paragraph>
              <strong>
                {openCount === 1 ? 'Eén casus is' : `${openCount} casussen zijn`} nog niet
                besproken.
              </strong>{' '}
              {openCount === 1 ? 'Die gaat' : 'Die gaan'} terug naar uitstroomgereed, als
              uitgesteld.
            </Paragraph>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Who can be marked present: the invited organisations, the chair's own, and the case manager's organisation. */
function attendeesFor(
  table: Table,
  item: AgendaEntry,
  own: { id: string; name: string; kind: OrganisationKind },
  organisations: readonly RegionOrganisation[],
): Attendee[] {
  const attendees: Attendee[] = table.invited.map((o) => ({
    id: o.id,
    name: o.name,
    kind: (organisationKinds as readonly string[]).includes(o.kind)
      ? (o.kind as OrganisationKind)
      : 'provider',
  }));
  const add = (a: Attendee) => {
    if (!attendees.some((x) => x.id === a.id)) attendees.push(a);
  };
  add(own);
  const owner = item.case.owner;
  if (owner) {
    const kind = organisations.find((o) => o.id === owner.organisationId)?.kind ?? 'provider';
    add({ id: owner.organisationId, name: owner.organisationName, kind });
  }
  const rank = (kind: OrganisationKind) => organisationKinds.indexOf(kind);
  return attendees.sort(
    (a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'nl'),
  );
}

function TableHeader({ table, region }: { table: Table; region: RegionMunicipalities }) {
  const now = new Date().toISOString();
  const isLate = isAgendaPublicationLate(table.state, table.publishBy, now, table.plannedAt);
  // Planned after its own deadline: the agenda cannot be in time; say by how much, never "overdue".
  const isPlannedLate =
    table.state === 'planned' &&
    isPlannedAfterPublicationDeadline(table.publishBy, table.plannedAt);
  const sharedLateDays = table.publishedAt ? agendaDaysLate(table.publishBy, table.publishedAt) : 0;
  const invitedByKind = useMemo(
    () =>
      organisationKinds
        .map((kind) => ({
          kind,
          names: table.invited.filter((o) => o.kind === kind).map((o) => o.name),
        }))
        .filter((g) => g.names.length),
    [table.invited],
  );
  return (
    <header className="table-header">
      <div className="table-header__title">
        <Heading level={1}>{table.title}</Heading>
        <StatusBadge status="neutral" className={`table-badge ${tableStateBadge[table.state]}`}>
          {tableStateLabel[table.state]}
        </StatusBadge>
      </div>
      <DataList className="case-facts table-header__facts">
        <Fact label="Datum en tijd">
          <time dateTime={table.startsAt}>{formatTableDateTime(table.startsAt)}</time>
        </Fact>
        {table.location && <Fact label="Plaats">{table.location}</Fact>}
        {table.videoUrl && (
          <Fact label="Videolink">
            <a
              className="utrecht-link"
              href={table.videoUrl}
              target="_blank"
              rel="noreferrer noopener"
            >
              {table.videoUrl}
              <span className="visually-hidden"> (opent in een nieuw venster)</span>
            </a>
          </Fact>
        )}
        <Fact label="Voor">
          {table.municipalityCode
            ? `Gemeente ${region.nameOf(table.municipalityCode)}`
            : 'De hele regio'}
        </Fact>
        <Fact label="Voorzitter">{table.chair.displayName}</Fact>
        <Fact label="Genodigden">
          {invitedByKind.length === 0 ? (
            'Nog niemand uitgenodigd.'
          ) : (
            <UnorderedList className="table-header__invited">
              {invitedByKind.map((g) => (
                <UnorderedListItem key={g.kind}>
                  <strong>{kindPlural[g.kind]}:</strong> {g.names.join(', ')}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Fact>
        <Fact label="Agenda">
          {table.publishedAt ? (
            <>
              Gedeeld op {formatTableDateTime(table.publishedAt)}
              {sharedLateDays > 0 ? ` (${formatDutchDays(sharedLateDays)} na de termijn)` : ''}
            </>
          ) : (
            <>
              Agenda delen vóór{' '}
              <time dateTime={table.publishBy}>{formatTableDateTime(table.publishBy)}</time>
            </>
          )}
        </Fact>
        {table.closedAt && <Fact label="Afgesloten">{formatTableDateTime(table.closedAt)}</Fact>}
      </DataList>
      {table.state === 'published' && amsterdamDate(table.startsAt) > dutchToday() && (
        <Paragraph className="table-header__note">
          Besluiten vastleggen kan vanaf {formatDutchDate(table.startsAt)}, de dag van de tafel.
        </Paragraph>
      )}
      {isPlannedLate && (
        <Alert type="info">
          <Paragraph>
            Deze tafel is gepland na de termijn om de agenda te delen (
            {formatTableDateTime(table.publishBy)}). Deel de agenda zo snel mogelijk: zij gaat{' '}
            {formatDutchDays(agendaDaysLate(table.publishBy, now))} later rond dan afgesproken.
          </Paragraph>
        </Alert>
      )}
      {isLate && (
        <Alert type="warning">
          <Paragraph>
            <strong>De agenda is nog niet gedeeld</strong>, terwijl dat vóór{' '}
            {formatTableDateTime(table.publishBy)} had gemoeten. De genodigden hebben zo minder tijd
            om zich voor te bereiden.
          </Paragraph>
        </Alert>
      )}
    </header>
  );
}

/**
 * The minutes of a closed table (domain.md §4): who was present, what was decided and what was
 * deferred; the decisions per case follow in the agenda below. Built from the reader's own view of
 * the table, like the PDF, so each seat's copy (on screen, on paper, as PDF) shows only what its
 * role and the residents' consent allow.
 */
function Minutes({ table, agenda }: { table: Table; agenda: readonly AgendaEntry[] }) {
  const minutes = minutesOf(agenda);
  return (
    <section className="table-card table-minutes" aria-labelledby="notulen-kop">
      <div className="table-minutes__top">
        <Heading level={2} id="notulen-kop">
          Notulen
        </Heading>
        <ButtonGroup className="table-minutes__tools no-print">
          <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
            Afdrukken
          </Button>
          <ButtonLink appearance="secondary-action-button" href={minutesUrl(table.id)} download>
            Notulen downloaden (PDF)
          </ButtonLink>
        </ButtonGroup>
      </div>
      <DataList className="case-facts table-minutes__facts">
        <Fact label="Aanwezig">
          {minutes.present.length === 0 ? (
            'Niet vastgelegd (geen besluiten).'
          ) : (
            <UnorderedList className="table-minutes__present">
              {minutes.present.map((p) => (
                <UnorderedListItem key={p.organisationId}>
                  {p.organisationName}{' '}
                  <span className="agenda-decision__seat">
                    ({p.seats.map((s) => seatLabel[s as keyof typeof seatLabel] ?? s).join(', ')})
                  </span>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Fact>
        <Fact label="Besloten">
          {minutes.decided.length === 1 ? '1 casus' : `${minutes.decided.length} casussen`}
        </Fact>
        <Fact label="Uitgesteld">
          {minutes.deferred.length === 0 ? (
            'Geen.'
          ) : (
            <UnorderedList className="table-minutes__deferred">
              {minutes.deferred.map((item) => (
                <UnorderedListItem key={item.id}>
                  <strong>{caseTitle(item.case)}</strong>:{' '}
                  {item.note ??
                    (item.hasNote ? 'reden vastgelegd, niet zichtbaar voor uw rol' : '')}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Fact>
      </DataList>
      <Paragraph className="table-form__hint table-minutes__confidential">
        Vertrouwelijk. Deze notulen tonen alleen wat uw rol en de toestemming van de bewoners
        toelaten. Niet doorsturen.
      </Paragraph>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** "Casus agenderen": a ready case of the reader's reach onto this table, with the case's current version. */
function ScheduleCase({
  table,
  onScheduled,
  onConflict,
}: {
  table: Table;
  onScheduled(table: Table, name: string): void;
  onConflict(): Promise<void>;
}) {
  const me = useMe();
  const readyCases = useQuery({
    queryKey: queryKeys.readyCases,
    queryFn: ({ signal }) => fetchReadyCases(signal),
  });
  const cases: CaseListItem[] | null = readyCases.data?.items ?? null;
  const total = readyCases.data?.total ?? 0;
  const loadFailure = readyCases.isError
    ? messageOf(readyCases.error, 'De uitstroomgerede casussen konden niet worden geladen.')
    : null;
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const readyCasesChanged = () =>
    void queryClient.invalidateQueries({ queryKey: queryKeys.readyCases });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = cases?.find((c) => c.id === choice);
    if (!chosen) {
      setError('Kies een casus.');
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      // The list carries no version: the case itself says which one this request is about.
      const current = await fetchCase(chosen.id);
      const next = await addToAgenda(table, chosen.id, current.version!);
      setChoice('');
      readyCasesChanged();
      onScheduled(next, chosen.name ?? chosen.pseudonym);
    } catch (e) {
      if (isVersionConflict(e)) {
        await onConflict();
        readyCasesChanged();
      } else setError(messageOf(e, 'De casus kon niet op de agenda worden gezet.'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="table-card table-schedule" aria-labelledby="agenderen-kop">
      <Heading level={2} id="agenderen-kop">
        Casus agenderen
      </Heading>
      {loadFailure && (
        <Alert type="error" role="alert">
          <Paragraph>{loadFailure}</Paragraph>
        </Alert>
      )}
      {!cases && !loadFailure && (
        <Paragraph role="status">Uitstroomgerede casussen laden…</Paragraph>
      )}
      {cases && cases.length === 0 && (
        <Paragraph>
          {me.seat === 'casemanager'
            ? 'Uw organisatie heeft geen casus die uitstroomgereed is en nog niet op een agenda staat.'
            : 'Er is in de regio geen casus die uitstroomgereed is en nog niet op een agenda staat.'}
        </Paragraph>
      )}
      {cases && cases.length > 0 && (
        <form className="table-schedule__form" noValidate onSubmit={(e) => void submit(e)}>
          <SelectField
            id="agenderen-casus"
            label="Uitstroomgerede casus"
            value={choice}
            onChange={(e) => {
              setChoice(e.target.value);
              setError(null);
            }}
            error={error ?? undefined}
          >
            <SelectOption value="">Kies een casus</SelectOption>
            {cases.map((c) => (
              <SelectOption key={c.id} value={c.id}>
                {c.name ?? c.pseudonym}
                {c.waitingDays !== null
                  ? ` — ${describeWaiting(c.waitingDays, c.waitingUntil).toLowerCase()}`
                  : ''}
                {me.seat === 'chair' ? ` — ${c.ownerName}` : ''}
              </SelectOption>
            ))}
          </SelectField>
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" disabled={isBusy}>
              Op de agenda zetten
            </Button>
          </ButtonGroup>
          {total > cases.length && (
            <Paragraph className="table-form__hint">
              De {cases.length} langst wachtende van {total} casussen.
            </Paragraph>
          )}
        </form>
      )}
    </section>
  );
}
