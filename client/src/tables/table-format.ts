import type { TableState } from '@uitstroom/shared';

/**
 * Dates and times of tables in Dutch time, whatever the browser's zone: a table in Almere meets
 * at 10:00 Amsterdam time for everyone who reads the agenda.
 */
const timeZone = 'Europe/Amsterdam';

const parts = (format: Intl.DateTimeFormat, date: Date) => Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));

const longDate = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
const numeric = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone,
});

/** `2026-04-14T08:00:00Z` → `dinsdag 14 april 2026`. */
export function formatTableDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

/** `2026-04-14T08:00:00Z` → `10:00`. */
export function formatTableTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : clock.format(date);
}

/** `2026-04-14T08:00:00Z` → `dinsdag 14 april 2026 om 10:00`. */
export function formatTableDateTime(iso: string): string {
  return `${formatTableDate(iso)} om ${formatTableTime(iso)}`;
}

/** The Amsterdam calendar date of a moment: `2026-04-14`. */
export function amsterdamDate(date: Date): string {
  const p = parts(numeric, date);
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/** Minutes that Amsterdam is ahead of UTC at a moment (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(at: number): number {
  const p = parts(numeric, new Date(at));
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']) % 24, Number(p['minute']), Number(p['second']));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * A date and a time as typed (Amsterdam wall clock) → an ISO timestamp in UTC; null when either is
 * not a valid date or time. Checked twice, so a date across a daylight-saving switch lands right.
 */
export function amsterdamToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  let at = wall - amsterdamOffsetMinutes(wall) * 60_000;
  at = wall - amsterdamOffsetMinutes(at) * 60_000;
  return new Date(at).toISOString();
}

export const tableStateBadge: Record<TableState, string> = { planned: 'table-badge--planned', published: 'table-badge--published', closed: 'table-badge--closed' };

export const agendaStatusLabel = { open: 'Open', decided: 'Besloten', deferred: 'Uitgesteld', removed: 'Van de agenda gehaald' } as const;

export const voteLabel = { agree: 'Akkoord', object: 'Bezwaar' } as const;
