import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { Link as RouterLink, useParams } from 'react-router';
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
import { formatDutchDate, groupLogByDay, type CaseAccessLog } from '@uitstroom/shared';
import { caseAccessLogWorkbookUrl, fetchCaseAccessLog } from './audit-api';
import { ExportLinks } from '../core/ExportLinks';
import { formatTimeOfDay } from './audit-format';
import './audit.css';

/** The log opens with the latest ten entries; "Toon alles" shows the rest (issue 27.6). */
const latestCount = 10;

/**
 * `/casussen/:caseId/logboek`: for the case manager of the owning organisation, who read or
 * changed what of this case, when and why, with the person's name, seat and organisation.
 * Opening it is logged as well.
 */
export function CaseAccessLogPage() {
  const { caseId } = useParams();
  const logQuery = useQuery({
    queryKey: queryKeys.caseAccessLog(caseId ?? ''),
    queryFn: ({ signal }) => fetchCaseAccessLog(caseId!, signal),
    enabled: !!caseId,
  });
  const log: CaseAccessLog | null = logQuery.data ?? null;
  const [showAll, setShowAll] = useState(false);

  return (
    <>
      <Paragraph className="case-breadcrumb">
        <RouterLink className="utrecht-link" to={`/casussen/${caseId}`}>
          Terug naar de casus
        </RouterLink>
      </Paragraph>
      <Heading level={1}>Logboek van de casus{log ? ` ${log.pseudonym}` : ''}</Heading>
      <Paragraph>
        Wie deze casus las of wijzigde, wanneer, welke onderdelen en waarvoor. Voor de bewoner is er
        de{' '}
        <RouterLink className="utrecht-link" to={`/casussen/${caseId}/inzage`}>
          inzage in het dossier
        </RouterLink>
        , met organisatie en rol in plaats van namen.
      </Paragraph>
      <QueryStatus
        query={logQuery}
        loading="Logboek laden…"
        failure="Het logboek kon niet worden geladen."
      />
      {log && log.entries.length === 0 && <Paragraph>Er staat nog niets in het logboek.</Paragraph>}
      {log && log.entries.length > 0 && (
        <Paragraph>
          <ExportLinks
            formats={['xlsx']}
            urlOf={() => caseAccessLogWorkbookUrl(log.caseId)}
            text={(format) => `Logboek downloaden (${format})`}
          />
        </Paragraph>
      )}
      {log && log.entries.length > 0 && (
        <LogDays entries={log.entries} shown={showAll ? undefined : latestCount} />
      )}
      {log && !showAll && log.entries.length > latestCount && (
        <Paragraph className="audit-log__more">
          De laatste {latestCount} van {log.entries.length} regels.{' '}
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setShowAll(true)}
          >
            Toon alles
          </Button>
        </Paragraph>
      )}
    </>
  );
}

/** The entries grouped by Dutch day, newest day first, each day its own heading and table. */
function LogDays({ entries, shown }: { entries: CaseAccessLog['entries']; shown?: number }) {
  return (
    <>
      {groupLogByDay(entries, shown).map(({ day, entries: ofDay }) => (
        <section key={day} aria-labelledby={`logboek-${day}`} className="audit-log__day">
          <Heading level={2} id={`logboek-${day}`}>
            {formatDutchDate(day)}
          </Heading>
          <Table className="audit-table">
            <TableCaption className="visually-hidden">
              Logboek van {formatDutchDate(day)}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Tijd</TableHeaderCell>
                <TableHeaderCell scope="col">Wie</TableHeaderCell>
                <TableHeaderCell scope="col">Wat</TableHeaderCell>
                <TableHeaderCell scope="col">Onderdelen</TableHeaderCell>
                <TableHeaderCell scope="col">Doel</TableHeaderCell>
                <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ofDay.map((entry, index) => (
                <LogRow key={index} entry={entry} />
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </>
  );
}

/** One line of the log: when, who (seat and organisation), what, which parts, why, and the outcome. */
function LogRow({ entry }: { entry: CaseAccessLog['entries'][number] }) {
  return (
    <TableRow>
      <TableCell className="audit-table__when">{formatTimeOfDay(entry.at)}</TableCell>
      <TableCell>
        {entry.actor ? (
          <>
            <strong>{entry.actor.name}</strong>
            <br />
            <span className="audit-table__muted">
              {entry.actor.seatLabel} · {entry.actor.organisationName}
            </span>
          </>
        ) : (
          'Het systeem'
        )}
      </TableCell>
      <TableCell>{entry.actionLabel}</TableCell>
      <TableCell>{entry.fields.length ? entry.fields.join(', ') : '—'}</TableCell>
      <TableCell>{entry.purpose}</TableCell>
      <TableCell>{entry.outcomeLabel}</TableCell>
    </TableRow>
  );
}
