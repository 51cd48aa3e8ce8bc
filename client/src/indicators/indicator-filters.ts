import {
  addDays,
  addMonths,
  quarterOf,
  quarterPeriod,
  indicatorFilterSchema,
  targetGroups,
  toErrorIssues,
  type IndicatorFilter,
} from '@uitstroom/shared';

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

export const filterFields = [
  'from',
  'to',
  'municipality',
  'corporation',
  'targetGroup',
] as const satisfies readonly FilterField[];
const urlName: Record<FilterField, string> = {
  from: 'van',
  to: 'tot',
  municipality: 'gemeente',
  corporation: 'corporatie',
  targetGroup: 'doelgroep',
};

export const emptyFilter: FilterValues = {
  from: '',
  to: '',
  municipality: '',
  corporation: '',
  targetGroup: '',
};

/**
 * The URL as it stands, unchecked: a hand-edited or stale link goes to the API as it is, and the
 * API's answer (one message per field) lands at the field that is wrong.
 */
export function readFilterValues(search: URLSearchParams): FilterValues {
  const values = { ...emptyFilter };
  for (const field of filterFields)
    values[field] = (search.get(urlName[field]) ?? '').trim().slice(0, 100);
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
export function checkFilter(
  values: FilterValues,
):
  | { ok: true; filter: IndicatorFilter }
  | { ok: false; issues: { path: string; message: string }[] } {
  const input = Object.fromEntries(
    filterFields.filter((field) => values[field]).map((field) => [field, values[field]]),
  );
  const parsed = indicatorFilterSchema.safeParse(input);
  return parsed.success
    ? { ok: true, filter: parsed.data }
    : { ok: false, issues: toErrorIssues(parsed.error) };
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

/** The quick choices as of `today` (`jjjj-mm-dd`, the reader's calendar day): each runs up to today or to its end. */
export function quickPeriods(today: string): QuickPeriod[] {
  const { year, quarter } = quarterOf(today);
  const thisQuarter = quarterPeriod(year, quarter);
  const lastQuarter = quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1);
  return [
    { key: 'thisQuarter', label: 'Dit kwartaal', from: thisQuarter.from, to: today },
    { key: 'lastQuarter', label: 'Vorig kwartaal', from: lastQuarter.from, to: lastQuarter.to },
    { key: 'thisYear', label: 'Dit jaar', from: `${year}-01-01`, to: today },
    // Twelve whole months: from the day after the same date a year ago (after 28 February, for a 29th).
    {
      key: 'last12Months',
      label: 'Afgelopen 12 maanden',
      from: addDays(addMonths(today, -12), 1),
      to: today,
    },
  ];
}
