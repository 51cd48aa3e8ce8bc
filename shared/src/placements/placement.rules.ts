import {
  addDays,
  daysBetween,
  formatDutchDate,
  formatDutchDays,
  toDutchDate,
} from '../calendar/calendar';
import type { CaseView } from '../cases/case.schemas';
import type { NeighbourhoodLoadLevel, OfferStatus } from './placement.schemas';

/**
 * The pure rules of offers, placement and the move. No I/O, no clock: `today` is an argument
 * (an Amsterdam calendar date, 'YYYY-MM-DD').
 */

// ---- the resident's answer ----

/** The day the resident's answer is due: the region's number of days after the day of the offer. */
export function answerDueOn(offeredOn: string, offerAnswerDays: number): string {
  return addDays(offeredOn, offerAnswerDays);
}

/**
 * An offer still open after its due day is flagged to the case manager and the corporation: the
 * dwelling stands empty while nobody answers. Answered, withdrawn or ended offers never are.
 */
export function isAnswerOverdue(status: OfferStatus, dueOn: string, today: string): boolean {
  return status === 'open' && today > dueOn;
}

// ---- waiting times (domain.md §6) ----

/**
 * Whole days from "uitstroomgereed" to a day (an offer, the keys); null without a ready date.
 * The clock never restarts (a refusal sends the case back, the waiting goes on), so this counts
 * from the first ready date, never below zero.
 */
export function waitedDays(readyOn: string | null, on: string): number | null {
  if (readyOn === null) return null;
  // A moment counts as its Dutch day: ready at 00:30 in December is ready that day, not the day before (UTC).
  return Math.max(0, daysBetween(toDutchDate(readyOn), toDutchDate(on)));
}

/** Where the waiting clock of a case stands: stopped at the keys, stopped at a closing before the keys, or running. */
export type WaitingUntil = CaseView['waitingUntil'] & string;

/**
 * The waiting of a case (domain.md §6): from "uitstroomgereed" to the key handover. A case closed
 * or referred before the keys stops at its closing; an open case waits until today. Null for a
 * case never ready. Moments count as their Dutch day.
 */
export function waitingOf(
  facts: { readyAt: string | null; keysOn: string | null; closedAt: string | null },
  today: string,
): { days: number; until: WaitingUntil } | null {
  if (facts.readyAt === null) return null;
  const until: WaitingUntil =
    facts.keysOn !== null ? 'keys' : facts.closedAt !== null ? 'closing' : 'today';
  const end = facts.keysOn ?? facts.closedAt ?? today;
  return { days: waitedDays(facts.readyAt, end)!, until };
}

/**
 * The waiting as a reader sees it, the same words on every screen: "Wacht 12 dagen" while the
 * clock runs, "Wachttijd tot de sleutels: 224 dagen" after the move, "Wachttijd tot de afsluiting:
 * 40 dagen" for a case closed or referred before the keys.
 */
export function describeWaiting(days: number, until: WaitingUntil | null | undefined): string {
  const count = formatDutchDays(days);
  if (until === 'keys') return `Wachttijd tot de sleutels: ${count}`;
  if (until === 'closing') return `Wachttijd tot de afsluiting: ${count}`;
  return `Wacht ${count}`;
}

// ---- the key handover ----

/**
 * What is wrong with a key handover date, or null: not before the day of the offer (the resident
 * had no dwelling then), and not in the future (the step records a move that happened).
 */
export function keyHandoverDateProblem(
  date: string,
  offeredOn: string,
  today: string,
): string | null {
  if (date < offeredOn)
    return 'De sleuteloverdracht ligt vóór de dag waarop de woning werd aangeboden.';
  if (date > today)
    return 'De sleuteloverdracht ligt in de toekomst; leg de verhuizing vast op of na de dag van de sleutels.';
  return null;
}

/**
 * Keys before the dwelling is free (issue 27.3): possible (an early handover agreed with the
 * previous tenant), but more often a typo; the step asks for a confirmation, it does not refuse.
 */
export function keysBeforeAvailable(keyHandoverDate: string, availableFrom: string): string | null {
  return keyHandoverDate < availableFrom
    ? `De sleuteloverdracht (${formatDutchDate(keyHandoverDate)}) ligt vóór de dag waarop de woning beschikbaar is (${formatDutchDate(availableFrom)}). Klopt dat?`
    : null;
}

// ---- neighbourhood load (domain.md §4: placements per wijk, shown as a warning) ----

/** Moves count for twelve months: from the day after the same day a year earlier (29 February counts from 1 March). */
export function neighbourhoodLoadSince(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const lastYear = `${year - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // A 29 February a year back does not exist: Date.parse would roll it; count from 1 March then.
  const isValid =
    !Number.isNaN(Date.parse(`${lastYear}T12:00:00Z`)) &&
    new Date(`${lastYear}T12:00:00Z`).toISOString().startsWith(lastYear);
  return isValid ? addDays(lastYear, 1) : `${year - 1}-03-01`;
}

/**
 * One neighbourhood, however it was typed: "Atolwijk", " atolwijk " and "ATOLWIJK" are one wijk.
 * The names are free text of the corporations, so the count groups by this key.
 */
export function neighbourhoodKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

export interface NeighbourhoodLoadAssessment {
  level: NeighbourhoodLoadLevel;
  message: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How loaded a neighbourhood is, beside an offer: `placements` moves in the last twelve months (the
 * offer's own not counted) against the region's threshold. At or over the threshold it is a
 * warning; when this placement would bring it to the threshold, a note; below that, nothing.
 */
export function assessNeighbourhoodLoad(
  neighbourhood: string,
  placements: number,
  threshold: number,
): NeighbourhoodLoadAssessment {
  const wijk = neighbourhood.trim();
  if (placements >= threshold) {
    return {
      level: 'atOrOverThreshold',
      message: `Wijkbelasting: in ${wijk} zijn de afgelopen 12 maanden al ${plural(placements, 'bewoner', 'bewoners')} geplaatst; de drempel van de regio is ${threshold}.`,
    };
  }
  if (placements + 1 >= threshold) {
    return {
      level: 'reachesThreshold',
      message: `Met deze plaatsing bereikt ${wijk} de drempel van de regio (${threshold} in 12 maanden); er zijn er nu ${placements}.`,
    };
  }
  return { level: 'below', message: null };
}
