import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  Blockquote,
  Button,
  DataList,
  Heading,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { dutchToday, targetGroupLabel } from '@uitstroom/shared';
import { caseTitle, describeSection, outcomeLabel } from '../core/format';
import type { RegionMunicipalities } from '../core/region';
import type { AgendaEntry } from './table-api';
import { agendaStatusLabel } from './table-format';
import { Fact } from './TableHeader';
import { AgendaDecision } from './AgendaDecision';
import {
  countOverduePreconditions,
  describeAgendaWaiting,
  describeOverdue,
  describeProposalRoute,
  isWaitingTooLong,
} from './agenda-item';

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

interface ItemProps {
  item: AgendaEntry;
  region: RegionMunicipalities;
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
}: ItemProps & {
  index: number;
  count: number;
  /** Absent for every seat but the chair of a table that is not closed. */
  chair?: ChairActions;
  isDeciding: boolean;
  /** The decision form, when open. */
  children?: ReactNode;
}) {
  const c = item.case;
  const headingId = `agendapunt-${item.id}`;
  const today = dutchToday();
  return (
    <li className={`agenda-item agenda-item--${item.status}`}>
      <article className="agenda-item__card" aria-labelledby={headingId}>
        <div className="agenda-item__top">
          <Heading level={3} id={headingId} tabIndex={-1} className="agenda-item__title">
            <span className="agenda-item__number">{index + 1}.</span>{' '}
            {c.id ? (
              <RouterLink className="utrecht-link" to={`/casussen/${c.id}`}>
                {caseTitle(c)}
              </RouterLink>
            ) : (
              caseTitle(c)
            )}
          </Heading>
          <AgendaItemBadges item={item} region={region} today={today} />
        </div>
        <AgendaItemFacts item={item} region={region} />
        {(c.wishes || c.housingNeeds || c.household) && (
          <div className="agenda-item__beside">
            {c.wishes && <Wishes wishes={c.wishes} housingNeeds={c.housingNeeds} region={region} />}
            {(c.household || c.housingNeeds) && !c.wishes && (
              <HousingProfile item={item} region={region} />
            )}
          </div>
        )}
        <AgendaItemNotes item={item} />
        {item.decision && <AgendaDecision decision={item.decision} region={region} today={today} />}
        {chair && (
          <ChairButtons
            item={item}
            index={index}
            count={count}
            chair={chair}
            isDeciding={isDeciding}
          />
        )}
        {children}
      </article>
    </li>
  );
}

/** The item's status, and what asks attention: a dispute, an escalation, a long wait, late preconditions. */
function AgendaItemBadges({ item, region, today }: ItemProps & { today: string }) {
  const isEscalation = item.kind === 'escalation';
  const overdue = countOverduePreconditions(item.decision, today);
  return (
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
      {isWaitingTooLong(item.case, region.waitingTargetDays) &&
        item.status === 'open' &&
        !isEscalation && (
          <StatusBadge status="warning" className="table-badge table-badge--late">
            Wacht langer dan {region.waitingTargetDays} dagen
          </StatusBadge>
        )}
      {overdue > 0 && (
        <StatusBadge status="warning" className="table-badge table-badge--late">
          {describeOverdue(overdue)}
        </StatusBadge>
      )}
    </div>
  );
}

/** Who the case is, whose it is, how long it waits, and what the origin rule proposes. */
function AgendaItemFacts({ item, region }: ItemProps) {
  const c = item.case;
  const hasName = !!(c.identity?.firstName || c.identity?.lastName);
  const waitingDays = c.waitingDays ?? null;
  const isLate = isWaitingTooLong(c, region.waitingTargetDays);
  const proposal = c.proposal?.result ?? null;
  return (
    <DataList className="case-facts agenda-item__facts">
      {hasName && <Fact label="Kenmerk">{c.pseudonym}</Fact>}
      {!c.id && <Fact label="Casus">Buiten uw bereik: u ziet alleen het kenmerk.</Fact>}
      {c.stay?.targetGroup && <Fact label="Doelgroep">{targetGroupLabel[c.stay.targetGroup]}</Fact>}
      {c.owner && (
        <Fact label="Casemanager">
          {c.owner.displayName} ({c.owner.organisationName})
        </Fact>
      )}
      {waitingDays !== null && (
        <Fact label="Wachttijd">
          <span className={isLate ? 'agenda-item__late' : undefined}>
            {describeAgendaWaiting(c, waitingDays)}
            {isLate && ` — langer dan de streeftermijn van ${region.waitingTargetDays} dagen`}
          </span>
        </Fact>
      )}
      {proposal && (
        <Fact label="Voorstel">
          <span className="agenda-item__route">
            {describeProposalRoute(proposal, region.nameOf)}
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
  );
}

/** Why a case was deferred (where the seat may read it), and what an escalation is. */
function AgendaItemNotes({ item }: { item: AgendaEntry }) {
  return (
    <>
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
      {item.kind === 'escalation' && (
        <Paragraph className="agenda-item__note">
          De nazorgaanbieder heeft deze casus op de agenda gezet na een signaal. De tafel bespreekt
          hem; de casus blijft in de nazorg en krijgt geen plaatsingsbesluit.
        </Paragraph>
      )}
    </>
  );
}

/** The chair's buttons at the item: move it, and while it is open decide, defer or take it off. */
function ChairButtons({
  item,
  index,
  count,
  chair,
  isDeciding,
}: {
  item: AgendaEntry;
  index: number;
  count: number;
  chair: ChairActions;
  isDeciding: boolean;
}) {
  const name = caseTitle(item.case);
  return (
    <div className="agenda-item__actions">
      {chair.canMove && (
        <div className="agenda-item__move" role="group" aria-label={`Volgorde: ${name}`}>
          <MoveButton item={item} name={name} delta={-1} isDisabled={index === 0} chair={chair} />
          <MoveButton
            item={item}
            name={name}
            delta={1}
            isDisabled={index === count - 1}
            chair={chair}
          />
        </div>
      )}
      {item.status === 'open' && !isDeciding && (
        <div className="agenda-item__buttons">
          {chair.canDecide && item.kind !== 'escalation' && (
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
  );
}

function MoveButton({
  item,
  name,
  delta,
  isDisabled,
  chair,
}: {
  item: AgendaEntry;
  name: string;
  delta: -1 | 1;
  isDisabled: boolean;
  chair: ChairActions;
}) {
  const [direction, label, arrow] =
    delta < 0 ? ['omhoog', 'Omhoog', '↑'] : ['omlaag', 'Omlaag', '↓'];
  return (
    <Button
      id={`verplaats-${item.id}-${direction}`}
      type="button"
      appearance="subtle-button"
      disabled={isDisabled}
      aria-label={`${label}: ${name}`}
      onClick={() => chair.onMove(item, delta)}
    >
      <span aria-hidden="true">{arrow}</span> {label}
    </Button>
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
function HousingProfile({ item, region }: ItemProps) {
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
