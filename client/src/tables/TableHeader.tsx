import { useMemo, type ReactNode } from 'react';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  agendaDaysLate,
  dutchToday,
  isTableHeld,
  formatDutchDate,
  formatDutchDays,
  isAgendaPublicationLate,
  isPlannedAfterPublicationDeadline,
  organisationKinds,
  tableStateLabel,
  type OrganisationKind,
} from '@uitstroom/shared';
import type { RegionMunicipalities } from '../core/region';
import type { Table } from './table-api';
import { formatTableDateTime, tableStateBadge } from './table-format';

const kindPlural: Record<OrganisationKind, string> = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
};

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** The table's title, state and facts, and what its dates ask of the chair. */
export function TableHeader({ table, region }: { table: Table; region: RegionMunicipalities }) {
  return (
    <header className="table-header">
      <div className="table-header__title">
        <Heading level={1} id="tafel-kop" tabIndex={-1}>
          {table.title}
        </Heading>
        <StatusBadge status="neutral" className={`table-badge ${tableStateBadge[table.state]}`}>
          {tableStateLabel[table.state]}
        </StatusBadge>
      </div>
      <TableFacts table={table} region={region} />
      <TableDateNotes table={table} />
    </header>
  );
}

function TableFacts({ table, region }: { table: Table; region: RegionMunicipalities }) {
  return (
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
        <InvitedList invited={table.invited} />
      </Fact>
      {table.state !== 'cancelled' && (
        <Fact label="Agenda">
          <AgendaSharing table={table} />
        </Fact>
      )}
      {table.closedAt && <Fact label="Afgesloten">{formatTableDateTime(table.closedAt)}</Fact>}
      {table.cancelledAt && (
        <Fact label="Geannuleerd">{formatTableDateTime(table.cancelledAt)}</Fact>
      )}
      {table.cancelReason && <Fact label="Reden van annuleren">{table.cancelReason}</Fact>}
    </DataList>
  );
}

function InvitedList({ invited }: { invited: Table['invited'] }) {
  const byKind = useMemo(
    () =>
      organisationKinds
        .map((kind) => ({
          kind,
          names: invited.filter((o) => o.kind === kind).map((o) => o.name),
        }))
        .filter((g) => g.names.length),
    [invited],
  );
  if (byKind.length === 0) return <>Nog niemand uitgenodigd.</>;
  return (
    <UnorderedList className="table-header__invited">
      {byKind.map((g) => (
        <UnorderedListItem key={g.kind}>
          <strong>{kindPlural[g.kind]}:</strong> {g.names.join(', ')}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function AgendaSharing({ table }: { table: Table }) {
  if (!table.publishedAt)
    return (
      <>
        Agenda delen vóór{' '}
        <time dateTime={table.publishBy}>{formatTableDateTime(table.publishBy)}</time>
      </>
    );
  const lateDays = agendaDaysLate(table.publishBy, table.publishedAt);
  return (
    <>
      Gedeeld op {formatTableDateTime(table.publishedAt)}
      {lateDays > 0 ? ` (${formatDutchDays(lateDays)} na de termijn)` : ''}
    </>
  );
}

function TableDateNotes({ table }: { table: Table }) {
  const now = new Date().toISOString();
  const isLate = isAgendaPublicationLate(table.state, table.publishBy, now, table.plannedAt);
  // Planned after its own deadline: the agenda cannot be in time; say by how much, never "overdue".
  const isPlannedLate =
    table.state === 'planned' &&
    isPlannedAfterPublicationDeadline(table.publishBy, table.plannedAt);
  return (
    <>
      {table.state === 'published' && !isTableHeld(table.startsAt, dutchToday()) && (
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
    </>
  );
}
