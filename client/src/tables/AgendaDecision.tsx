import {
  DataList,
  Heading,
  OrderedList,
  OrderedListItem,
  StatusBadge,
  Table as DataTable,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  decisionRuleLabel,
  formatDutchDate,
  isPreconditionOverdue,
  lifeDomainLabel,
  seatLabel,
  type TableDecisionView,
} from '@uitstroom/shared';
import { formatDutchTimestamp } from '../core/format';
import type { RegionMunicipalities } from '../core/region';
import { voteLabel } from './table-format';
import { Fact } from './TableHeader';
import { describeDecisionDestination } from './agenda-item';

/** The table's decision on an agenda item: its facts, who was present and what each said, the preconditions. */
export function AgendaDecision({
  decision,
  region,
  today,
}: {
  decision: TableDecisionView;
  region: RegionMunicipalities;
  today: string;
}) {
  const positionOf = new Map(decision.votes.map((v) => [v.organisationId, v]));
  return (
    <section className="agenda-decision" aria-label="Besluit van de tafel">
      <Heading level={4}>Besluit</Heading>
      <DecisionFacts decision={decision} region={region} />
      <Heading level={5}>Aanwezig en standpunt</Heading>
      <OrderedList className="agenda-decision__present">
        {decision.present.map((p) => (
          <OrderedListItem key={`${p.organisationId}-${p.seat}`}>
            <PresentAndPosition present={p} vote={positionOf.get(p.organisationId)} />
          </OrderedListItem>
        ))}
      </OrderedList>
      {decision.preconditions.length > 0 && (
        <>
          <Heading level={5}>Randvoorwaarden</Heading>
          <Preconditions preconditions={decision.preconditions} today={today} />
        </>
      )}
    </section>
  );
}

function DecisionFacts({
  decision,
  region,
}: {
  decision: TableDecisionView;
  region: RegionMunicipalities;
}) {
  return (
    <DataList className="case-facts">
      <Fact label="Regel">{decisionRuleLabel[decision.rule]}</Fact>
      <Fact label="Bestemming">
        {describeDecisionDestination(decision, region.nameOf)}
        {decision.departsFromProposal && (
          <>
            <br />
            <strong>Wijkt af van het voorstel</strong>
            {decision.proposedDestination
              ? ` (voorstel: ${region.nameOf(decision.proposedDestination)})`
              : ''}
          </>
        )}
      </Fact>
      {decision.motivation && <Fact label="Motivering">{decision.motivation}</Fact>}
      {decision.referralSummary && <Fact label="Overdracht">{decision.referralSummary}</Fact>}
      {decision.followUpProvider && <Fact label="Nazorg door">{decision.followUpProvider}</Fact>}
      <Fact label="Vastgelegd">
        door {decision.decidedBy} op {formatDutchTimestamp(decision.decidedAt)}, met regelset versie{' '}
        {decision.ruleSetVersion}
      </Fact>
      {decision.isDisputed && (
        <Fact label="Geschil">Voorgelegd aan de stuurgroep van de regio</Fact>
      )}
    </DataList>
  );
}

/** One organisation at the table, its seat, and its position (an objection's reason where the seat may read it). */
function PresentAndPosition({
  present,
  vote,
}: {
  present: TableDecisionView['present'][number];
  vote: TableDecisionView['votes'][number] | undefined;
}) {
  return (
    <>
      {present.organisationName}{' '}
      <span className="agenda-decision__seat">({seatLabel[present.seat]})</span>:{' '}
      {vote ? (
        <strong className={`agenda-vote agenda-vote--${vote.position}`}>
          {voteLabel[vote.position]}
        </strong>
      ) : (
        'geen standpunt'
      )}
      {vote?.reason && <> — {vote.reason}</>}
      {vote?.position === 'object' && !vote.reason && (
        <>
          {' '}
          —{' '}
          <span className="agenda-item__withheld">
            reden vastgelegd, niet zichtbaar voor uw rol
          </span>
        </>
      )}
    </>
  );
}

function Preconditions({
  preconditions,
  today,
}: {
  preconditions: TableDecisionView['preconditions'];
  today: string;
}) {
  return (
    <DataTable className="agenda-preconditions">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
          <TableHeaderCell scope="col">Wat</TableHeaderCell>
          <TableHeaderCell scope="col">Wie</TableHeaderCell>
          <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {preconditions.map((p) => {
          const isLate = isPreconditionOverdue(p.dueDate, p.isDone, today);
          return (
            <TableRow key={p.id} className={isLate ? 'agenda-preconditions__late' : undefined}>
              <TableCell>{lifeDomainLabel[p.lifeDomain]}</TableCell>
              <TableCell>{p.description}</TableCell>
              <TableCell>{p.ownerName}</TableCell>
              <TableCell>
                <time dateTime={p.dueDate}>{formatDutchDate(p.dueDate)}</time>
                {p.isDone && (
                  <>
                    {' '}
                    <StatusBadge status="success" className="table-badge table-badge--done">
                      Geregeld
                    </StatusBadge>
                  </>
                )}
                {isLate && (
                  <>
                    {' '}
                    <StatusBadge status="warning" className="table-badge table-badge--late">
                      Te laat
                    </StatusBadge>
                  </>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </DataTable>
  );
}
