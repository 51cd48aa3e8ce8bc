import {
  dutchWallClockToMoment,
  formatDutchTime,
  formatDutchWeekdayDate,
  type TableState,
} from '@uitstroom/shared';

/**
 * Dates and times of tables in Dutch time, whatever the browser's zone: a table in Almere meets
 * at 10:00 Amsterdam time for everyone who reads the agenda. The words come from the one calendar.
 */

/** `2026-04-14T08:00:00Z` → `dinsdag 14 april 2026`. */
export function formatTableDate(iso: string): string {
  return formatDutchWeekdayDate(iso);
}

/** `2026-04-14T08:00:00Z` → `10:00`. */
export function formatTableTime(iso: string): string {
  return formatDutchTime(iso);
}

/** `2026-04-14T08:00:00Z` → `dinsdag 14 april 2026 om 10:00`. */
export function formatTableDateTime(iso: string): string {
  return `${formatTableDate(iso)} om ${formatTableTime(iso)}`;
}

/** The Dutch calendar date of a moment: `2026-04-14`. */
export { amsterdamDate } from '@uitstroom/shared';

/**
 * A date and a time as typed (Dutch wall clock) → an ISO timestamp in UTC; null when either is not
 * a valid date or time. A date across a daylight-saving switch lands right.
 */
export function amsterdamToIso(date: string, time: string): string | null {
  return dutchWallClockToMoment(date, time)?.toISOString() ?? null;
}

export const tableStateBadge: Record<TableState, string> = {
  planned: 'table-badge--planned',
  published: 'table-badge--published',
  closed: 'table-badge--closed',
  cancelled: 'table-badge--cancelled',
};

export const agendaStatusLabel = {
  open: 'Open',
  decided: 'Besloten',
  deferred: 'Uitgesteld',
  removed: 'Van de agenda gehaald',
} as const;

export const voteLabel = { agree: 'Akkoord', object: 'Bezwaar' } as const;
