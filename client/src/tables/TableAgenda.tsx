import { useState } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import {
  amsterdamDate,
  dutchToday,
  organisationKinds,
  type OrganisationKind,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { useMe } from '../core/session';
import type { RegionMunicipalities } from '../core/region';
import { AgendaItemCard, type ChairActions } from './AgendaItemCard';
import { DecisionForm } from './DecisionForm';
import type { Attendee } from './decision-form';
import type { AgendaEntry, Table } from './table-api';
import { caseTitle } from '../core/format';
import type { Dialog } from './TablePageDialogs';
import { useFocusAfter, type TableAreaProps, type TableWrites } from './use-table-page';
import { putsCasesOnAgendas } from '../core/seats';
import { describeCaseCount } from './table-list';

/** The agenda with the chair's buttons at each item, and the decision being recorded. */
export function AgendaArea({
  table,
  writes,
  organisations,
  setDialog,
  isOpen,
  region,
  isChair,
  isDialogOpen,
}: TableAreaProps & {
  isChair: boolean;
  isDialogOpen: boolean;
}) {
  const [decidingId, setDecidingId] = useState<string | null>(null);
  const focusAfter = useFocusAfter([table, decidingId], isDialogOpen);
  const chair =
    isChair && isOpen
      ? chairActionsOf(table, writes, focusAfter, setDialog, (item) => {
          writes.say(null);
          setDecidingId(item.id);
        })
      : undefined;
  return (
    <TableAgenda
      table={table}
      region={region}
      isChair={isChair}
      chair={chair}
      decidingId={decidingId}
      organisations={organisations}
      onDecided={(item) => {
        focusAfter.current = `agendapunt-${item.id}`;
        setDecidingId(null);
        writes.say(`Het besluit over ${caseTitle(item.case)} is vastgelegd.`);
      }}
      reload={writes.reload}
      onStopDeciding={(item) => {
        focusAfter.current = `besluit-${item.id}-knop`;
        setDecidingId(null);
      }}
    />
  );
}

/** The chair's buttons at each agenda item: move it, take it off, defer it, decide on it. */
function chairActionsOf(
  table: Table,
  writes: TableWrites,
  focusAfter: { current: string | null },
  setDialog: (dialog: Dialog) => void,
  onStartDecision: (item: AgendaEntry) => void,
): ChairActions {
  const agenda = table.agenda ?? [];
  const move = (item: AgendaEntry, delta: -1 | 1) => {
    const ids = agenda.map((a) => a.id);
    const from = ids.indexOf(item.id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    const direction = delta < 0 ? 'omhoog' : 'omlaag';
    const other = delta < 0 ? 'omlaag' : 'omhoog';
    focusAfter.current = `verplaats-${item.id}-${direction}|verplaats-${item.id}-${other}`;
    void writes.actOnPage(
      { kind: 'order', itemIds: ids },
      `${caseTitle(item.case)} staat nu op plaats ${to + 1} van ${ids.length}.`,
    );
  };
  return {
    canMove: agenda.length > 1,
    canRemove: true,
    // domain.md §4: a table decides on or after its own Dutch date; the server refuses earlier too.
    canDecide: table.state === 'published' && amsterdamDate(table.startsAt) <= dutchToday(),
    onMove: move,
    onRemove: (item) => setDialog({ kind: 'remove', item }),
    onDefer: (item) => setDialog({ kind: 'defer', item }),
    onStartDecision,
  };
}

export interface DecidingProps {
  decidingId: string | null;
  organisations: readonly RegionOrganisation[] | null;
  onDecided(item: AgendaEntry): void;
  /** Reads the table again (the decision's version was stale). */
  reload(): Promise<void>;
  onStopDeciding(item: AgendaEntry): void;
}

/** The agenda: each case as the reader's seat may see it, and the chair's decision form at its item. */
function TableAgenda({
  table,
  region,
  isChair,
  chair,
  ...deciding
}: DecidingProps & {
  table: Table;
  region: RegionMunicipalities;
  isChair: boolean;
  chair: ChairActions | undefined;
}) {
  const me = useMe();
  const agenda = table.agenda;
  return (
    <section className="table-agenda" aria-labelledby="agenda-kop">
      <Heading level={2} id="agenda-kop" tabIndex={-1}>
        Agenda
        {agenda ? ` (${describeCaseCount(agenda.length)})` : ''}
      </Heading>
      {!agenda && <Paragraph>De voorzitter heeft de agenda nog niet gedeeld.</Paragraph>}
      {agenda && agenda.length > 0 && !isChair && !putsCasesOnAgendas[me.seat] && (
        <Paragraph className="table-form__hint">
          Per casus ziet u wat uw rol mag zien; de naam alleen als de bewoner daarvoor toestemming
          gaf.
        </Paragraph>
      )}
      {agenda && agenda.length === 0 && table.state === 'cancelled' && (
        <Paragraph>
          De tafel is geannuleerd. De casussen die op de agenda stonden, zijn terug naar
          uitstroomgereed en kunnen op een volgende tafel.
        </Paragraph>
      )}
      {agenda && agenda.length === 0 && table.state !== 'cancelled' && (
        <div className="empty-state">
          <Heading level={3}>Nog geen casussen op de agenda</Heading>
          <Paragraph>
            {putsCasesOnAgendas[me.seat] || isChair
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
              chair={chair}
              isDeciding={deciding.decidingId === item.id}
            >
              <ItemDecision table={table} item={item} region={region} {...deciding} />
            </AgendaItemCard>
          ))}
        </ol>
      )}
    </section>
  );
}

function ItemDecision({
  table,
  item,
  region,
  decidingId,
  organisations,
  onDecided,
  reload,
  onStopDeciding,
}: DecidingProps & { table: Table; item: AgendaEntry; region: RegionMunicipalities }) {
  const me = useMe();
  if (decidingId !== item.id || item.status !== 'open' || !organisations) return null;
  return (
    <DecisionForm
      table={table}
      item={item}
      attendees={attendeesFor(table, item, me.organisation, organisations)}
      organisations={organisations}
      region={region}
      onDecided={() => onDecided(item)}
      reload={reload}
      onCancel={() => onStopDeciding(item)}
    />
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
