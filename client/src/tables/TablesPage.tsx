import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
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
import { tableStateLabel, type RegionOrganisation } from '@uitstroom/shared';
import { useCan, useMe } from '../core/session';
import { Pager } from '../core/Pager';
import { messageOf } from '../core/messages';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { PlanTableForm } from './PlanTableForm';
import { fetchTables, type TableListItem } from './table-api';
import { fetchRegionOrganisations } from '../core/region';
import { amsterdamDate, formatTableDate, formatTableTime, tableStateBadge } from './table-format';
import '../core/layout.css';
import './tables.css';
import { noTablesYet, tablesIntroduction } from '../core/seats';

/** `/tafels`: the tables in reach, upcoming first, then the past ones; the chair plans new ones here. */
export function TablesPage() {
  const me = useMe();
  const can = useCan();
  const region = useRegionMunicipalities();
  const navigate = useNavigate();
  const [isPlanning, setIsPlanning] = useState(false);
  const tablesQuery = useQuery({
    queryKey: queryKeys.tables,
    queryFn: ({ signal }) => fetchTables(signal),
  });
  const tables: TableListItem[] | null = tablesQuery.data ?? null;
  // The organisations to invite, read once the chair starts planning.
  const organisationsQuery = useQuery({
    queryKey: queryKeys.regionOrganisations,
    queryFn: ({ signal }) => fetchRegionOrganisations(signal),
    enabled: isPlanning,
  });
  const organisations: RegionOrganisation[] | null = organisationsQuery.data ?? null;
  const failure = tablesQuery.isError
    ? messageOf(tablesQuery.error, 'De tafels konden niet worden geladen.')
    : organisationsQuery.isError
      ? messageOf(
          organisationsQuery.error,
          'De organisaties van de regio konden niet worden geladen.',
        )
      : null;
  const planButton = useRef<HTMLButtonElement>(null);
  const isChair = can('table:manage');

  useEffect(() => {
    if (isPlanning) document.getElementById('plannen-kop')?.focus();
  }, [isPlanning]);

  const today = amsterdamDate(new Date());
  const upcoming = (tables ?? []).filter((t) => amsterdamDate(new Date(t.startsAt)) >= today);
  const past = (tables ?? []).filter((t) => amsterdamDate(new Date(t.startsAt)) < today).reverse();

  return (
    <div className="tables-page">
      <div className="page-title">
        <Heading level={1}>Tafels</Heading>
        {isChair && !isPlanning && (
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
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}

      {isPlanning && (
        <PlanTableForm
          region={region}
          organisations={organisations}
          onPlanned={(table) =>
            navigate(`/tafels/${table.id}`, {
              state: {
                notice: `De tafel “${table.title}” is gepland. Zet nu casussen op de agenda.`,
              },
            })
          }
          onCancel={() => {
            setIsPlanning(false);
            requestAnimationFrame(() => planButton.current?.focus());
          }}
        />
      )}

      {!tables && !failure && <Paragraph role="status">Tafels laden…</Paragraph>}
      {tables && tables.length === 0 && (
        <div className="empty-state">
          <Heading level={2}>Nog geen tafels</Heading>
          <Paragraph>{noTablesYet[me.seat]}</Paragraph>
        </div>
      )}
      {tables && tables.length > 0 && (
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
      )}
    </div>
  );
}

/** The past tables by page, the latest first: a region meets every week or two, for years. */
const pastPageSize = 10;

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
  const pages = pageSize ? Math.max(1, Math.ceil(all.length / pageSize)) : 1;
  const shown = Math.min(page, pages);
  const tables = pageSize ? all.slice((shown - 1) * pageSize, shown * pageSize) : all;
  return (
    <section aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        {title}
      </Heading>
      {tables.length === 0 ? (
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
            {tables.map((t) => (
              <TableRow key={t.id}>
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
                      <a
                        className="utrecht-link"
                        href={t.videoUrl}
                        rel="noreferrer noopener"
                        target="_blank"
                      >
                        Videolink
                        <span className="visually-hidden">
                          {' '}
                          van {t.title} (opent in een nieuw venster)
                        </span>
                      </a>
                    </Paragraph>
                  )}
                </TableCell>
                <TableCell>
                  {t.municipalityCode
                    ? `Gemeente ${region.nameOf(t.municipalityCode)}`
                    : 'De hele regio'}
                </TableCell>
                <TableCell>
                  <StatusBadge
                    status="neutral"
                    className={`table-badge ${tableStateBadge[t.state]}`}
                  >
                    {tableStateLabel[t.state]}
                  </StatusBadge>
                </TableCell>
                <TableCell>
                  {t.agendaCount === 1 ? '1 casus' : `${t.agendaCount} casussen`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      )}
      <Pager page={shown} pages={pages} onPage={setPage} />
    </section>
  );
}
