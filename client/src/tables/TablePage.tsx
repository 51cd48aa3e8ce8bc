import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { type RegionOrganisation } from '@uitstroom/shared';
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../core/session';
import { queryKeys } from '../core/query/query-keys';
import { fetchRegionOrganisations, useRegionMunicipalities } from '../core/region';
import type { Table } from './table-api';
import { Minutes } from './TableMinutes';
import { TableHeader } from './TableHeader';
import { ChairArea } from './TableChairPanel';
import { AgendaArea } from './TableAgenda';
import { ScheduleCase } from './ScheduleCase';
import { TablePageDialogs, type Dialog } from './TablePageDialogs';
import { useFocusAfter, useTableQuery, useTableWrites } from './use-table-page';
import '../core/layout.css';
import './tables.css';
import { PresenceNote } from '../live';

/** `/tafels/:tableId`: the table with its agenda; the chair runs it from here, a case manager schedules cases on it. */
export function TablePage() {
  const { tableId } = useParams();
  const { table, reload, loadFailure, liveNote } = useTableQuery(tableId);
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
  return <TableWorkspace table={table} reload={reload} liveNote={liveNote} />;
}

interface WorkspaceProps {
  table: Table;
  reload(): Promise<void>;
  liveNote: string | null;
}

function TableWorkspace({ table, reload, liveNote }: WorkspaceProps) {
  const location = useLocation();
  const can = useCan();
  const region = useRegionMunicipalities();
  const writes = useTableWrites(
    table,
    reload,
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  // Who can be marked present, and whom to invite; a failure leaves the list empty.
  const organisationsQuery = useQuery({
    queryKey: queryKeys.regionOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
  });
  const organisations: RegionOrganisation[] | null = organisationsQuery.isError
    ? []
    : (organisationsQuery.data ?? null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const focusAfter = useFocusAfter([table], !!dialog);
  const isChair = can('table:manage');
  // A closed or cancelled table is read only.
  const isOpen = table.state === 'planned' || table.state === 'published';
  const openCount = table.agenda?.filter((a) => a.status === 'open').length ?? 0;
  const area = { table, writes, organisations, setDialog, isOpen, region };
  return (
    <div className="table-page">
      <Paragraph className="case-breadcrumb">
        <RouterLink className="utrecht-link" to="/tafels">
          Tafels
        </RouterLink>
      </Paragraph>
      <TableHeader table={table} region={region} />
      <PresenceNote room={{ kind: 'table', id: table.id }} />
      {table.state === 'closed' && table.agenda && <Minutes table={table} agenda={table.agenda} />}
      <TableMessages
        notice={writes.notice}
        liveNote={liveNote}
        failure={writes.failure}
        regionError={region.loadError}
      />
      {isChair && isOpen && <ChairArea {...area} openCount={openCount} />}
      {can('table:agenda') && isOpen && (
        <ScheduleCase
          table={table}
          reload={reload}
          onScheduled={(name) => writes.say(`${name} staat op de agenda.`)}
          onStale={writes.sayStale}
        />
      )}
      <AgendaArea {...area} isChair={isChair} isDialogOpen={!!dialog} />
      <TablePageDialogs
        dialog={dialog}
        table={table}
        openCount={openCount}
        writes={writes}
        focusAfter={focusAfter}
        onDone={(message) => {
          setDialog(null);
          if (message) writes.say(message);
        }}
      />
    </div>
  );
}

function TableMessages({
  notice,
  liveNote,
  failure,
  regionError,
}: {
  notice: string | null;
  liveNote: string | null;
  failure: string | null;
  regionError: string | null | undefined;
}) {
  return (
    <>
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
      {regionError && (
        <Alert type="warning">
          <Paragraph>{regionError}</Paragraph>
        </Alert>
      )}
    </>
  );
}
