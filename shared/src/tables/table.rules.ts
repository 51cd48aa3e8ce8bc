import { amsterdamDate, daysBetween, toDutchDate } from '../calendar/calendar';
import type { TableState } from './table.schemas';

/**
 * The table's deadlines, as pure rules (no clock: "now" and "today" are arguments), so that the
 * server, the agenda, the case page and the minutes flag the same things on the same day.
 */

const dayInMs = 86_400_000;

/**
 * When the agenda is to be shared: the region's number of days before the table starts. Calendar
 * days, not working days: domain.md says only that the agenda is shared in advance, and the rule
 * set counts plain days. Counted as whole 24-hour days, so across a daylight-saving switch the
 * moment moves by an hour, which does not matter for a preparation deadline.
 */
export function agendaPublishBy(startsAt: string, publicationDays: number): string {
  return new Date(new Date(startsAt).getTime() - publicationDays * dayInMs).toISOString();
}

/**
 * A planned table whose agenda should have been shared already. A table planned after its own
 * deadline (tomorrow's table, planned today) was never in time: it is not overdue, it is planned
 * late, and says by how many days (`agendaDaysLate`).
 */
export function isAgendaPublicationLate(
  state: TableState,
  publishBy: string,
  now: string,
  plannedAt?: string,
): boolean {
  if (plannedAt !== undefined && isPlannedAfterPublicationDeadline(publishBy, plannedAt))
    return false;
  return state === 'planned' && new Date(publishBy).getTime() < new Date(now).getTime();
}

/** Whether a table was planned when its agenda should already have been shared. */
export function isPlannedAfterPublicationDeadline(publishBy: string, plannedAt: string): boolean {
  return new Date(plannedAt).getTime() > new Date(publishBy).getTime();
}

/** Dutch calendar days between the sharing deadline and the day the agenda is (or would be) shared; 0 when in time. */
export function agendaDaysLate(publishBy: string, sharedAt: string): number {
  return Math.max(0, daysBetween(amsterdamDate(publishBy), toDutchDate(sharedAt)));
}

/**
 * Whether the table has met: from its own Dutch calendar date on it decides and closes, never before
 * (domain.md §4). The server refuses earlier; the page offers neither step before then.
 */
export function isTableHeld(startsAt: string, today: string): boolean {
  return today >= amsterdamDate(startsAt);
}

/** A precondition is overdue the day after its due date, until it is done (dates as yyyy-mm-dd). */
export function isPreconditionOverdue(dueDate: string, isDone: boolean, today: string): boolean {
  return !isDone && dueDate < today;
}

/**
 * The waiting clock runs past the region's target (≤ 3 months from "uitstroomgereed" to a dwelling,
 * domain.md §6): strictly more days than the target.
 */
export function isOverWaitingTarget(
  waitingDays: number | null | undefined,
  targetDays: number,
): boolean {
  return typeof waitingDays === 'number' && waitingDays > targetDays;
}

interface MinutesItem {
  status: 'open' | 'decided' | 'deferred' | 'removed';
  decision: {
    present: readonly { organisationId: string; organisationName: string; seat: string }[];
  } | null;
}

/**
 * The parts of the minutes (domain.md §4: present, per case the decision, deferred cases), from a
 * reader's own view of the table, so each copy holds only what that reader may see. Those present
 * are the organisations recorded present at any decision, each once, in order of first mention.
 */
export function minutesOf<I extends MinutesItem>(agenda: readonly I[]) {
  const present = new Map<
    string,
    { organisationId: string; organisationName: string; seats: string[] }
  >();
  for (const item of agenda) {
    for (const p of item.decision?.present ?? []) {
      const entry = present.get(p.organisationId) ?? {
        organisationId: p.organisationId,
        organisationName: p.organisationName,
        seats: [],
      };
      if (!entry.seats.includes(p.seat)) entry.seats.push(p.seat);
      present.set(p.organisationId, entry);
    }
  }
  return {
    present: [...present.values()],
    decided: agenda.filter((a) => a.status === 'decided'),
    deferred: agenda.filter((a) => a.status === 'deferred'),
    open: agenda.filter((a) => a.status === 'open'),
  };
}
