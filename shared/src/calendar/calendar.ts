import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale/nl';

/**
 * The one Dutch calendar of the product. Every date the product computes or shows is a day as it
 * is in the Netherlands (Europe/Amsterdam), whatever the zone of the server, the browser or the
 * database session: a precondition is due on a Dutch day, the digest goes out at seven in the
 * morning Dutch time, a waiting time counts Dutch calendar days.
 *
 * Calendar dates travel as ISO strings ('2026-12-07'); moments as `Date` (or ISO timestamps).
 * The time-zone work is done by `@date-fns/tz` (the IANA rules of the platform), the wording by
 * date-fns' Dutch locale, so the command line, the server and the browser print the same words.
 * Nothing here reads the clock except `systemClock`; every rule takes the moment as an argument.
 */

export const dutchTimeZone = 'Europe/Amsterdam';

/** A source of "now"; tests and jobs pass their own. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toMoment(moment: Date | string | number): Date {
  return moment instanceof Date ? moment : new Date(moment);
}

function inAmsterdam(moment: Date | string | number): TZDate {
  return new TZDate(toMoment(moment).getTime(), dutchTimeZone);
}

/** The parts of a calendar date; throws on anything that is not a real 'YYYY-MM-DD' day. */
function partsOf(isoDate: string): [number, number, number] {
  const match = isoDatePattern.exec(isoDate);
  if (!match || !isIsoDate(isoDate)) throw new RangeError(`Geen kalenderdatum: ${isoDate}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Whether a string is a calendar date that exists ('2026-02-29' does not). */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// ---- moments → Dutch days and hours ----

/** The Dutch calendar date of a moment: `2026-12-06T23:30:00Z` → `2026-12-07`. */
export function amsterdamDate(moment: Date | string | number): string {
  const t = inAmsterdam(moment);
  return isoOf(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

/** The Dutch hour of a moment, 0 to 23. */
export function amsterdamHour(moment: Date | string | number): number {
  return inAmsterdam(moment).getHours();
}

/** The Dutch year of a moment. */
export function amsterdamYear(moment: Date | string | number): number {
  return inAmsterdam(moment).getFullYear();
}

/** "Today" in the Netherlands, from a clock (the system's unless one is given). */
export function dutchToday(clock: Clock = systemClock): string {
  return amsterdamDate(clock());
}

/** A timestamp or a calendar date as a Dutch calendar date ('2026-12-07' stays as it is). */
export function toDutchDate(isoDateOrMoment: string | Date): string {
  if (typeof isoDateOrMoment === 'string' && isoDatePattern.test(isoDateOrMoment))
    return isoDateOrMoment;
  return amsterdamDate(isoDateOrMoment);
}

// ---- Dutch days → moments (for SQL ranges and typed times) ----

/** The first moment of a Dutch day: `2026-07-01` → `2026-06-30T22:00:00Z`. */
export function startOfDutchDay(isoDate: string): Date {
  const [y, m, d] = partsOf(isoDate);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, dutchTimeZone).getTime());
}

/** The end of a Dutch day as an exclusive bound: the first moment of the next day (23 or 25 hours later on a switch). */
export function endOfDutchDay(isoDate: string): Date {
  return startOfDutchDay(addDays(isoDate, 1));
}

/**
 * A date and a time as typed on a Dutch wall clock → the moment; null when either is not a real
 * date or time. An hour skipped in March lands an hour later; an hour repeated in October takes
 * its first occurrence.
 */
export function dutchWallClockToMoment(isoDate: string, time: string): Date | null {
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!isIsoDate(isoDate) || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const [y, m, d] = partsOf(isoDate);
  return new Date(
    new TZDate(y, m - 1, d, Number(t[1]), Number(t[2]), 0, 0, dutchTimeZone).getTime(),
  );
}

// ---- calendar arithmetic (dates only, no hours: a day is a day, 23 or 25 hours long) ----

/** A calendar date moved by whole days: `addDays('2026-03-30', 3)` → `2026-04-02`. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = partsOf(isoDate);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return isoOf(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** A calendar date plus whole months; the 31st of a shorter month falls on its last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = partsOf(isoDate);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = partsOf(from);
  const [ty, tm, td] = partsOf(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/**
 * The day number of a calendar date: days since 1 January 1970 in the proleptic Gregorian
 * calendar, for any year (also before the year 100, where `Date.UTC` would read 19xx, and before
 * the year 1). Integer arithmetic only, so the rule engine can count days on its hot path.
 * The parts must form a real date; the caller has checked them.
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * `dayNumberOf` for a 'YYYY-MM-DD' string that a schema has already accepted (no checks: the rule
 * engine calls it for every address of every case).
 */
export function dayNumberOfIsoDate(isoDate: string): number {
  const digit = (index: number) => isoDate.charCodeAt(index) - 48;
  return dayNumberOf(
    digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
    digit(5) * 10 + digit(6),
    digit(8) * 10 + digit(9),
  );
}

/** The quarter (1–4) of a calendar date. */
export function quarterOf(isoDate: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const [y, m] = partsOf(isoDate);
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** The first and the last day of a quarter. */
export function quarterPeriod(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    from: isoOf(year, firstMonth, 1),
    to: isoOf(year, firstMonth + 2, daysInMonth(year, firstMonth + 2)),
  };
}

/** The first day of the month of a date. */
export function startOfMonth(isoDate: string): string {
  const [y, m] = partsOf(isoDate);
  return isoOf(y, m, 1);
}

// ---- Dutch wording (one set for the server, the letters, the PDFs and the browser) ----

/** Noon of a Dutch calendar date, in Amsterdam: the day to word, far from any switch of the clock. */
function dutchNoon(isoDate: string): TZDate {
  const [y, m, d] = partsOf(isoDate);
  return new TZDate(y, m - 1, d, 12, 0, 0, 0, dutchTimeZone);
}

const asDutchMoment = (moment: Date | string) => {
  const date = toMoment(moment);
  return Number.isNaN(date.getTime()) ? null : inAmsterdam(date);
};

/** `2026-03-01` → `1 maart 2026`. A timestamp gives its Dutch day. Anything else is returned as it came. */
export function formatDutchDate(isoDateOrMoment: string | Date): string {
  return formatDutchDay(isoDateOrMoment, 'd MMMM yyyy');
}

/** `2026-04-14` or a moment of that Dutch day → `dinsdag 14 april 2026`. */
export function formatDutchWeekdayDate(isoDateOrMoment: string | Date): string {
  return formatDutchDay(isoDateOrMoment, 'EEEE d MMMM yyyy');
}

/** A calendar date as it is, a moment as its Dutch day; anything unreadable is returned as it came. */
function formatDutchDay(isoDateOrMoment: string | Date, pattern: string): string {
  if (typeof isoDateOrMoment === 'string' && isoDatePattern.test(isoDateOrMoment)) {
    return isIsoDate(isoDateOrMoment)
      ? format(dutchNoon(isoDateOrMoment), pattern, { locale: nl })
      : isoDateOrMoment;
  }
  const t = asDutchMoment(isoDateOrMoment);
  return t ? format(t, pattern, { locale: nl }) : String(isoDateOrMoment);
}

/** A moment's Dutch clock time: `10:00` (`10:00:07` with seconds); empty for no moment. */
export function formatDutchTime(
  moment: Date | string,
  options: { withSeconds?: boolean } = {},
): string {
  const t = asDutchMoment(moment);
  return t ? format(t, options.withSeconds ? 'HH:mm:ss' : 'HH:mm') : '';
}

/** A moment as a Dutch date and time: `12 maart 2026, 09:05`. */
export function formatDutchDateTime(moment: Date | string): string {
  const t = asDutchMoment(moment);
  return t ? `${format(t, 'd MMMM yyyy', { locale: nl })}, ${format(t, 'HH:mm')}` : String(moment);
}

/** A moment as a Dutch date at a time, as in a sentence: `7 december 2026 om 00:30`. */
export function formatDutchDateAtTime(moment: Date | string): string {
  const t = asDutchMoment(moment);
  return t
    ? `${format(t, 'd MMMM yyyy', { locale: nl })} om ${format(t, 'HH:mm')}`
    : String(moment);
}

/** A date or a moment as a short Dutch date for tables: `03-06-2025`. */
export function formatShortDutchDate(isoDateOrMoment: string | Date): string {
  const date =
    typeof isoDateOrMoment === 'string' && isoDatePattern.test(isoDateOrMoment)
      ? isoDateOrMoment
      : asDutchMoment(isoDateOrMoment)
        ? amsterdamDate(isoDateOrMoment)
        : null;
  if (date === null || !isIsoDate(date)) return String(isoDateOrMoment);
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/** A period: `1 augustus 2013 tot 15 november 2021`, or `vanaf 1 augustus 2013`. */
export function formatDutchPeriod(from: string, to: string | undefined | null): string {
  return to === undefined || to === null
    ? `vanaf ${formatDutchDate(from)}`
    : `${formatDutchDate(from)} tot ${formatDutchDate(to)}`;
}

/** A closed period, both days included: `1 januari 2026 t/m 31 maart 2026`. */
export function formatDutchDateRange(from: string, to: string): string {
  return `${formatDutchDate(from)} t/m ${formatDutchDate(to)}`;
}

/** `1` → `1 dag`, `12` → `12 dagen`. */
export function formatDutchDays(days: number): string {
  return days === 1 || days === -1 ? `${days} dag` : `${days} dagen`;
}
