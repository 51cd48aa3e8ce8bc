import { indicatorFilterSchema, targetGroups, toErrorIssues, type IndicatorFilter } from '@uitstroom/shared';

/**
 * The dashboard's filters live in the URL (Dutch names, like the case list), so a view can be
 * bookmarked, shared and printed with the very filters it was made with.
 */

export interface FilterValues {
  from: string;
  to: string;
  municipality: string;
  corporation: string;
  targetGroup: string;
}
export type FilterField = keyof FilterValues;

export const filterFields = ['from', 'to', 'municipality', 'corporation', 'targetGroup'] as const satisfies readonly FilterField[];
const urlName: Record<FilterField, string> = { from: 'van', to: 'tot', municipality: 'gemeente', corporation: 'corporatie', targetGroup: 'doelgroep' };

export const emptyFilter: FilterValues = { from: '', to: '', municipality: '', corporation: '', targetGroup: '' };

/**
 * The URL as it stands, unchecked: a hand-edited or stale link goes to the API as it is, and the
 * API's answer (one message per field) lands at the field that is wrong.
 */
export function readFilterValues(search: URLSearchParams): FilterValues {
  const values = { ...emptyFilter };
  for (const field of filterFields) values[field] = (search.get(urlName[field]) ?? '').trim().slice(0, 100);
  return values;
}

export function filterSearch(values: FilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const field of filterFields) if (values[field]) search.set(urlName[field], values[field]);
  return search;
}

/** The API's query: its own (English) names, empty filters left out. */
export function filterApiQuery(values: FilterValues): string {
  const query = new URLSearchParams();
  for (const field of filterFields) if (values[field]) query.set(field, values[field]);
  return query.toString();
}

/** The form's values checked with the API's own schema: the same Dutch message at the same field, before a round trip. */
export function checkFilter(values: FilterValues): { ok: true; filter: IndicatorFilter } | { ok: false; issues: { path: string; message: string }[] } {
  const input = Object.fromEntries(filterFields.filter((field) => values[field]).map((field) => [field, values[field]]));
  const parsed = indicatorFilterSchema.safeParse(input);
  return parsed.success ? { ok: true, filter: parsed.data } : { ok: false, issues: toErrorIssues(parsed.error) };
}

/** An API issue's path (`to`, or `query.to` should the server ever prefix it) as the form's field; anything else is the page's. */
export function fieldOfIssue(path: string): FilterField | null {
  const last = path.split('.').pop() ?? '';
  return (filterFields as readonly string[]).includes(last) ? (last as FilterField) : null;
}

export const isTargetGroup = (value: string) => (targetGroups as readonly string[]).includes(value);

// ---- Quick choices for the period. Pure date arithmetic on ISO dates: no time zone can shift a day.

export interface QuickPeriod {
  key: 'thisQuarter' | 'lastQuarter' | 'thisYear' | 'last12Months';
  label: string;
  from: string;
  to: string;
}

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** The quick choices as of `today` (`jjjj-mm-dd`, the reader's calendar day): each runs up to today or to its end. */
export function quickPeriods(today: string): QuickPeriod[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const day = Number(today.slice(8, 10));
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const daysInLastYearsMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const lastQuarterStart = quarterStartMonth === 1 ? { year: year - 1, month: 10 } : { year, month: quarterStartMonth - 3 };
  return [
    { key: 'thisQuarter', label: 'Dit kwartaal', from: iso(year, quarterStartMonth, 1), to: today },
    // Day 0 of a month is the last day of the month before.
    { key: 'lastQuarter', label: 'Vorig kwartaal', from: iso(lastQuarterStart.year, lastQuarterStart.month, 1), to: iso(year, quarterStartMonth, 0) },
    { key: 'thisYear', label: 'Dit jaar', from: iso(year, 1, 1), to: today },
    // Twelve whole months: from the day after the same date a year ago (after 28 February, for a 29th).
    { key: 'last12Months', label: 'Afgelopen 12 maanden', from: iso(year - 1, month, Math.min(day, daysInLastYearsMonth) + 1), to: today },
  ];
}
