import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  Blockquote,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  StatusBadge,
  Table as DataTable,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  formatDutchDays,
  describeWaiting,
  decisionRuleLabel,
  formatDutchDate,
  isOverWaitingTarget,
  isPreconditionOverdue,
  lifeDomainLabel,
  seatLabel,
  targetGroupLabel,
  type TableDecisionView,
} from '@uitstroom/shared';
import { caseTitle, describeSection, formatDutchTimestamp, outcomeLabel } from '../core/format';
import type { RegionMunicipalities } from '../core/region';
import type { AgendaEntry } from './table-api';
import { agendaStatusLabel, amsterdamDate, voteLabel } from './table-format';

export interface ChairActions {
  canMove: boolean;
  canRemove: boolean;
  /** Deciding and deferring: at the meeting, once the agenda is shared. */
  canDecide: boolean;
  onMove(item: AgendaEntry, delta: -1 | 1): void;
  onRemove(item: AgendaEntry): void;
  onDefer(item: AgendaEntry): void;
  onStartDecision(item: AgendaEntry): void;
}

/**
 * One case on the agenda, as the reader's seat may see it: the name or only the pseudonym, the
 * waiting clock, the proposal with the wishes beside it, and the decision once taken. A field the
 * seat does not see is absent from the case and renders nothing.
 */
export function AgendaItemCard({
  item,
  index,
  count,
  region,
  chair,
  isDeciding,
  children,
}: {
  item: AgendaEntry;
  index: number;
  count: number;
  region: RegionMunicipalities;
  /** Absent for every seat but the chair of a table that is not closed. */
  chair?: ChairActions;
  isDeciding: boolean;
  /** The decision form, when open. */
  children?: ReactNode;
}) {
  const c = item.case;
  const name = caseTitle(c);
  const hasName = !!(c.identity?.firstName || c.identity?.lastName);
  const headingId = `agendapunt-${item.id}`;
  const proposal = c.proposal?.result ?? null;
  const isOpen = item.status === 'open';
  // Put on the agenda from follow-up support: discussed at the table, never given a placement decision.
  const isEscalation = item.kind === 'escalation';
  const waitingDays = c.waitingDays ?? null;
  // The region's target (domain.md §6: ≤ 3 months); flagged while the case still waits at the table.
  const isWaitingTooLong =
    (c.waitingUntil ?? 'today') === 'today' &&
    isOverWaitingTarget(waitingDays, region.waitingTargetDays);
  const today = amsterdamDate(new Date());
  const overdue =
    item.decision?.preconditions.filter((p) => isPreconditionOverdue(p.dueDate, p.isDone, today))
      .length ?? 0;

  return (
    <li className={`agenda-item agenda-item--${item.status}`}>
      <article className="agenda-item__card" aria-labelledby={headingId}>
        <div className="agenda-item__top">
          <Heading level={3} id={headingId} tabIndex={-1} className="agenda-item__title">
            <span className="agenda-item__number">{index + 1}.</span>{' '}
            {c.id ? (
              <RouterLink className="utrecht-link" to={`/casussen/${c.id}`}>
                {name}
              </RouterLink>
            ) : (
              name
            )}
          </Heading>
          <div className="agenda-item__badges">
            <StatusBadge status="neutral" className={`table-badge agenda-badge--${item.status}`}>
              {agendaStatusLabel[item.status]}
            </StatusBadge>
            {item.decision?.isDisputed && (
              <StatusBadge status="warning" className="table-badge table-badge--dispute">
                Geschil
              </StatusBadge>
            )}
            {isEscalation && (
              <StatusBadge status="warning" className="table-badge table-badge--escalation">
                Escalatie uit de nazorg
              </StatusBadge>
            )}
            {isWaitingTooLong && isOpen && !isEscalation && (
              <StatusBadge status="warning" className="table-badge table-badge--late">
                Wacht langer dan {region.waitingTargetDays} dagen
              </StatusBadge>
            )}
            {overdue > 0 && (
              <StatusBadge status="warning" className="table-badge table-badge--late">
                {overdue === 1 ? '1 randvoorwaarde te laat' : `${overdue} randvoorwaarden te laat`}
              </StatusBadge>
            )}
          </div>
        </div>

        <DataList className="case-facts agenda-item__facts">
          {hasName && <Fact label="Kenmerk">{c.pseudonym}</Fact>}
          {!c.id && <Fact label="Casus">Buiten uw bereik: u ziet alleen het kenmerk.</Fact>}
          {c.stay?.targetGroup && (
            <Fact label="Doelgroep">{targetGroupLabel[c.stay.targetGroup]}</Fact>
          )}
          {c.owner && (
            <Fact label="Casemanager">
              {c.owner.displayName} ({c.owner.organisationName})
            </Fact>
          )}
          {waitingDays !== null && (
            <Fact label="Wachttijd">
              <span className={isWaitingTooLong ? 'agenda-item__late' : undefined}>
                {c.waitingUntil === 'keys' || c.waitingUntil === 'closing'
                  ? `${describeWaiting(waitingDays, c.waitingUntil)}${c.readyAt ? ` (uitstroomgereed sinds ${formatDutchTimestamp(c.readyAt)})` : ''}`
                  : `${formatDutchDays(waitingDays)} sinds uitstroomgereed${c.readyAt ? ` (${formatDutchTimestamp(c.readyAt)})` : ''}`}
                {isWaitingTooLong &&
                  ` — langer dan de streeftermijn van ${region.waitingTargetDays} dagen`}
              </span>
            </Fact>
          )}
          {proposal && (
            <Fact label="Voorstel">
              <span className="agenda-item__route">
                {proposal.origin ? region.nameOf(proposal.origin) : 'Herkomst onbekend'} →{' '}
                {proposal.destination
                  ? region.nameOf(proposal.destination)
                  : proposal.outcome === 'buiten_regio'
                    ? 'herkomstregio'
                    : 'de tafel kiest'}
              </span>
              <br />
              {outcomeLabel[proposal.outcome]}
              {item.isDestinationProvisional && (
                <>
                  <br />
                  <strong className="agenda-item__provisional">
                    Voorlopig: de verdeling bepaalt bij het besluit.
                  </strong>
                </>
              )}
            </Fact>
          )}
        </DataList>

        {(c.wishes || c.housingNeeds || c.household) && (
          <div className="agenda-item__beside">
            {c.wishes && <Wishes wishes={c.wishes} housingNeeds={c.housingNeeds} region={region} />}
            {(c.household || c.housingNeeds) && !c.wishes && (
              <HousingProfile item={item} region={region} />
            )}
          </div>
        )}

        {item.status === 'deferred' && item.hasNote && (
          <Paragraph className="agenda-item__note">
            <strong>Uitgesteld:</strong>{' '}
            {item.note ?? (
              <span className="agenda-item__withheld">
                reden vastgelegd, niet zichtbaar voor uw rol
              </span>
            )}
          </Paragraph>
        )}
        {isEscalation && (
          <Paragraph className="agenda-item__note">
            De nazorgaanbieder heeft deze casus op de agenda gezet na een signaal. De tafel
            bespreekt hem; de casus blijft in de nazorg en krijgt geen plaatsingsbesluit.
          </Paragraph>
        )}
        {item.decision && <Decision decision={item.decision} region={region} today={today} />}

        {chair && (
          <div className="agenda-item__actions">
            {chair.canMove && (
              <div className="agenda-item__move" role="group" aria-label={`Volgorde: ${name}`}>
                <Button
                  id={`verplaats-${item.id}-omhoog`}
                  type="button"
                  appearance="subtle-button"
                  disabled={index === 0}
                  aria-label={`Omhoog: ${name}`}
                  onClick={() => chair.onMove(item, -1)}
                >
                  <span aria-hidden="true">↑</span> Omhoog
                </Button>
                <Button
                  id={`verplaats-${item.id}-omlaag`}
                  type="button"
                  appearance="subtle-button"
                  disabled={index === count - 1}
                  aria-label={`Omlaag: ${name}`}
                  onClick={() => chair.onMove(item, 1)}
                >
                  <span aria-hidden="true">↓</span> Omlaag
                </Button>
              </div>
            )}
            {isOpen && !isDeciding && (
              <div className="agenda-item__buttons">
                {chair.canDecide && !isEscalation && (
                  <Button
                    id={`besluit-${item.id}-knop`}
                    type="button"
                    appearance="primary-action-button"
                    aria-label={`Besluit vastleggen: ${name}`}
                    onClick={() => chair.onStartDecision(item)}
                  >
                    Besluit vastleggen
                  </Button>
                )}
                {chair.canDecide && (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    aria-label={`Uitstellen: ${name}`}
                    onClick={() => chair.onDefer(item)}
                  >
                    Uitstellen
                  </Button>
                )}
                {chair.canRemove && (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    aria-label={`Van de agenda halen: ${name}`}
                    onClick={() => chair.onRemove(item)}
                  >
                    Van de agenda halen
                  </Button>
                )}
              </div>
            )}
          </div>
        )}
        {children}
      </article>
    </li>
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

function Wishes({
  wishes,
  housingNeeds,
  region,
}: {
  wishes: NonNullable<AgendaEntry['case']['wishes']>;
  housingNeeds?: AgendaEntry['case']['housingNeeds'];
  region: RegionMunicipalities;
}) {
  const wished = housingNeeds?.wishedNeighbourhoods ?? [];
  const avoided = housingNeeds?.avoidedNeighbourhoods ?? [];
  const isEmpty =
    !wishes.municipalities?.length &&
    !wishes.ownWords &&
    !wishes.neighbourhoodNote &&
    !wished.length &&
    !avoided.length;
  return (
    <section className="agenda-item__wishes" aria-label="Wensen van de bewoner">
      <Heading level={4}>Wensen van de bewoner</Heading>
      {isEmpty && <Paragraph>Geen wensen vastgelegd.</Paragraph>}
      {wishes.municipalities && wishes.municipalities.length > 0 && (
        <Paragraph>
          Gemeenten:{' '}
          {wishes.municipalities.map((code, i) => `${i + 1}. ${region.nameOf(code)}`).join(', ')}
        </Paragraph>
      )}
      {wished.length > 0 && <Paragraph>Gewenste wijken: {wished.join(', ')}</Paragraph>}
      {avoided.length > 0 && <Paragraph>Wijken om te vermijden: {avoided.join(', ')}</Paragraph>}
      {wishes.neighbourhoodNote && (
        <Paragraph>Toelichting bij de wijken: {wishes.neighbourhoodNote}</Paragraph>
      )}
      {wishes.ownWords && (
        <Blockquote className="case-own-words">
          <Paragraph>{wishes.ownWords}</Paragraph>
        </Blockquote>
      )}
    </section>
  );
}

/** What a corporation sees of the case: the household and the housing needs, no more. */
function HousingProfile({ item, region }: { item: AgendaEntry; region: RegionMunicipalities }) {
  const facts = [
    ...describeSection('household', item.case.household, region.nameOf),
    ...describeSection('housingNeeds', item.case.housingNeeds, region.nameOf),
  ];
  return (
    <section className="agenda-item__wishes" aria-label="Woonprofiel">
      <Heading level={4}>Woonprofiel</Heading>
      {facts.length === 0 ? (
        <Paragraph>Nog niets vastgelegd.</Paragraph>
      ) : (
        <DataList className="case-facts">
          {facts.map((f) => (
            <Fact key={f.label} label={f.label}>
              {f.value}
            </Fact>
          ))}
        </DataList>
      )}
    </section>
  );
}

function Decision({
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
      <DataList className="case-facts">
        <Fact label="Regel">{decisionRuleLabel[decision.rule]}</Fact>
        <Fact label="Bestemming">
          {decision.rule === 'buiten_regio'
            ? 'Verwezen naar de regio van herkomst'
            : decision.destination
              ? region.nameOf(decision.destination)
              : '—'}
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
          door {decision.decidedBy} op {formatDutchTimestamp(decision.decidedAt)}, met regelset
          versie {decision.ruleSetVersion}
        </Fact>
        {decision.isDisputed && (
          <Fact label="Geschil">Voorgelegd aan de stuurgroep van de regio</Fact>
        )}
      </DataList>
      <Heading level={5}>Aanwezig en standpunt</Heading>
      <OrderedList className="agenda-decision__present">
        {decision.present.map((p) => {
          const vote = positionOf.get(p.organisationId);
          return (
            <OrderedListItem key={`${p.organisationId}-${p.seat}`}>
              {p.organisationName}{' '}
              <span className="agenda-decision__seat">({seatLabel[p.seat]})</span>:{' '}
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
            </OrderedListItem>
          );
        })}
      </OrderedList>
      {decision.preconditions.length > 0 && (
        <>
          <Heading level={5}>Randvoorwaarden</Heading>
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
              {decision.preconditions.map((p) => {
                const late = isPreconditionOverdue(p.dueDate, p.isDone, today);
                return (
                  <TableRow key={p.id} className={late ? 'agenda-preconditions__late' : undefined}>
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
                      {late && (
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
        </>
      )}
    </section>
  );
}
