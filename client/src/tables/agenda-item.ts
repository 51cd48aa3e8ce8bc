import {
  describeWaiting,
  formatDutchDays,
  isOverWaitingTarget,
  isPreconditionOverdue,
  type TableDecisionView,
} from '@uitstroom/shared';
import { formatDutchTimestamp } from '../core/format';
import type { AgendaEntry } from './table-api';

/**
 * What an agenda item says beside its facts, as text: the waiting clock, the route of the
 * proposal, the destination of the decision, the preconditions past their date. No clock: `today`
 * is an argument (the Dutch date).
 */

type AgendaCase = AgendaEntry['case'];
type NameOf = (code: string) => string;

/**
 * The region's target (domain.md §6: ≤ 3 months) is flagged while the case still waits at the
 * table, not once the waiting runs until the keys or the closing.
 */
export function isWaitingTooLong(c: AgendaCase, waitingTargetDays: number): boolean {
  return (
    (c.waitingUntil ?? 'today') === 'today' && isOverWaitingTarget(c.waitingDays, waitingTargetDays)
  );
}

/** "12 dagen sinds uitstroomgereed (…)", or how long it waited until the keys or the closing. */
export function describeAgendaWaiting(
  c: Pick<AgendaCase, 'waitingUntil' | 'readyAt'>,
  waitingDays: number,
): string {
  if (c.waitingUntil === 'keys' || c.waitingUntil === 'closing')
    return `${describeWaiting(waitingDays, c.waitingUntil)}${c.readyAt ? ` (uitstroomgereed sinds ${formatDutchTimestamp(c.readyAt)})` : ''}`;
  return `${formatDutchDays(waitingDays)} sinds uitstroomgereed${c.readyAt ? ` (${formatDutchTimestamp(c.readyAt)})` : ''}`;
}

/** "Almere → Lelystad": where the proposal comes from and where it goes. */
export function describeProposalRoute(
  proposal: NonNullable<NonNullable<AgendaCase['proposal']>['result']>,
  nameOf: NameOf,
): string {
  const from = proposal.origin ? nameOf(proposal.origin) : 'Herkomst onbekend';
  const to = proposal.destination
    ? nameOf(proposal.destination)
    : proposal.outcome === 'buiten_regio'
      ? 'herkomstregio'
      : 'de tafel kiest';
  return `${from} → ${to}`;
}

/** The destination of a decision as the minutes name it. */
export function describeDecisionDestination(
  decision: Pick<TableDecisionView, 'rule' | 'destination'>,
  nameOf: NameOf,
): string {
  if (decision.rule === 'buiten_regio') return 'Verwezen naar de regio van herkomst';
  return decision.destination ? nameOf(decision.destination) : '—';
}

/** How many of a decision's preconditions are past their date and not done. */
export function countOverduePreconditions(
  decision: Pick<TableDecisionView, 'preconditions'> | null | undefined,
  today: string,
): number {
  return (
    decision?.preconditions.filter((p) => isPreconditionOverdue(p.dueDate, p.isDone, today))
      .length ?? 0
  );
}

export function describeOverdue(count: number): string {
  return count === 1 ? '1 randvoorwaarde te laat' : `${count} randvoorwaarden te laat`;
}
