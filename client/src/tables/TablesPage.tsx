import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  StatusBadge,
  Table as DataTable,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { dutchToday, tableStateLabel, type Seat } from '@uitstroom/shared';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { useCan, useMe } from '../core/session';
import { Pager } from '../core/Pager';
import {
  fetchRegionOrganisations,
  useRegionMunicipalities,
  type RegionMunicipalities,
} from '../core/region';
import { PlanTableForm } from './PlanTableForm';
import { fetchTables, type TableListItem } from './table-api';
import { formatTableDate, formatTableTime, tableStateBadge } from './table-format';
import { describeCaseCount, pageOf, splitByDate } from './table-list';
import '../core/layout.css';
import './tables.css';
import { noTablesYet, tablesIntroduction } from '../core/seats';

/** `/tafels`: the tables in reach, upcoming first, then the past ones; the chair plans new ones here. */
export function TablesPage() {
  const me = useMe();
  const can = useCan();
  const region = useRegionMunicipalities();
  const [isPlanning, setIsPlanning] = useState(false);
  const tablesQuery = useQuery({
    queryKey: queryKeys.tables,
    queryFn: ({ signal }) => fetchTables(signal),
  });
  const planButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="tables-page">
      <div className="page-title">
        <Heading level={1}>Tafels</Heading>
        {can('table:manage') && !isPlanning && (
          <Button
            ref={planButton}
            type="button"
            appearance="primary-action-button"
            onClick={() => setIsPlanning(true)}
          >
            Tafel plannen
          </Button>
        )}
      </div>
      <Paragraph className="tables-page__intro">{tablesIntroduction[me.seat]}</Paragraph>
      {region.loadError && (
        <Alert type="warning">
          <Paragraph>{region.loadError}</Paragraph>
        </Alert>
      )}
      <QueryStatus
        query={tablesQuery}
        loading="Tafels laden…"
        failure="De tafels konden niet worden geladen."
      />
      {isPlanning && (
        <Planning
          region={region}
          onCancel={() => {
            setIsPlanning(false);
            requestAnimationFrame(() => planButton.current?.focus());
          }}
        />
      )}
      {tablesQuery.data && <TableLists tables={tablesQuery.data} region={region} seat={me.seat} />}
    </div>
  );
}

/** The chair plans a table; the organisations to invite are read once planning starts. */
function Planning({ region, onCancel }: { region: RegionMunicipalities; onCancel(): void }) {
  const navigate = useNavigate();
  const organisationsQuery = useQuery({
    queryKey: queryKeys.regionOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
  });
  useEffect(() => {
    document.getElementById('plannen-kop')?.focus();
  }, []);
  return (
    <>
      <QueryStatus
        query={organisationsQuery}
        failure="De organisaties van de regio konden niet worden geladen."
      />
      <PlanTableForm
        region={region}
        organisations={organisationsQuery.data ?? null}
        onPlanned={(table) =>
          navigate(`/tafels/${table.id}`, {
            state: {
              notice: `De tafel “${table.title}” is gepland. Zet nu casussen op de agenda.`,
            },
          })
        }
        onCancel={onCancel}
      />
    </>
  );
}

/** The past tables by page, the latest first: a region meets every week or two, for years. */
const pastPageSize = 10;

function TableLists({
  tables,
  region,
  seat,
}: {
  tables: TableListItem[];
  region: RegionMunicipalities;
  seat: Seat;
}) {
  if (tables.length === 0)
    return (
      <div className="empty-state">
        <Heading level={2}>Nog geen tafels</Heading>
        <Paragraph>{noTablesYet[seat]}</Paragraph>
      </div>
    );
  const { upcoming, past } = splitByDate(tables, dutchToday());
  return (
    <>
      <TableList
        id="komend"
        title="Komende tafels"
        tables={upcoming}
        region={region}
        empty="Er staat geen tafel gepland."
      />
      <TableList
        id="geweest"
        title="Eerdere tafels"
        tables={past}
        region={region}
        empty="Nog geen eerdere tafels."
        pageSize={pastPageSize}
      />
    </>
  );
}

function TableList({
  id,
  title,
  tables: all,
  region,
  empty,
  pageSize,
}: {
  id: string;
  title: string;
  tables: TableListItem[];
  region: RegionMunicipalities;
  empty: string;
  pageSize?: number;
}) {
  const [page, setPage] = useState(1);
  const shown = pageOf(all, page, pageSize);
  return (
    <section aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        {title}
      </Heading>
      {shown.items.length === 0 ? (
        <Paragraph className="tables-page__empty">{empty}</Paragraph>
      ) : (
        <DataTable className="tables-list">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Datum en tijd</TableHeaderCell>
              <TableHeaderCell scope="col">Tafel</TableHeaderCell>
              <TableHeaderCell scope="col">Voor</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">Agenda</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.items.map((t) => (
              <TableListRow key={t.id} table={t} region={region} />
            ))}
          </TableBody>
        </DataTable>
      )}
      <Pager page={shown.page} pages={shown.pages} onPage={setPage} />
    </section>
  );
}

function TableListRow({
  table: t,
  region,
}: {
  table: TableListItem;
  region: RegionMunicipalities;
}) {
  return (
    <TableRow>
      <TableCell>
        <time dateTime={t.startsAt}>
          {formatTableDate(t.startsAt)}
          <br />
          om {formatTableTime(t.startsAt)}
        </time>
      </TableCell>
      <TableCell>
        <RouterLink className="utrecht-link tables-list__title" to={`/tafels/${t.id}`}>
          {t.title}
        </RouterLink>
        {t.location && <Paragraph className="tables-list__where">{t.location}</Paragraph>}
        {t.videoUrl && (
          <Paragraph className="tables-list__where">
            <a className="utrecht-link" href={t.videoUrl} rel="noreferrer noopener" target="_blank">
              Videolink
              <span className="visually-hidden"> van {t.title} (opent in een nieuw venster)</span>
            </a>
          </Paragraph>
        )}
      </TableCell>
      <TableCell>
        {t.municipalityCode ? `Gemeente ${region.nameOf(t.municipalityCode)}` : 'De hele regio'}
      </TableCell>
      <TableCell>
        <StatusBadge status="neutral" className={`table-badge ${tableStateBadge[t.state]}`}>
          {tableStateLabel[t.state]}
        </StatusBadge>
      </TableCell>
      <TableCell>{describeCaseCount(t.agendaCount)}</TableCell>
    </TableRow>
  );
}
