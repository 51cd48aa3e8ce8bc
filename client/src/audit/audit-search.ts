import {
  auditActionLabel,
  auditActions,
  auditSearchQuerySchema,
  type OrganisationSummary,
  type UserSummary,
} from '@uitstroom/shared';
import type { FilterOption } from '../core/fields';

/**
 * The privacy officer's search of the audit log, without React: the filters as the URL keeps them
 * (Dutch names), the API's query they become, and where the schema's messages land in the form.
 */

export interface Filters {
  casus: string;
  gebruiker: string;
  organisatie: string;
  van: string;
  tot: string;
  handeling: string;
}
const filterNames = [
  'casus',
  'gebruiker',
  'organisatie',
  'van',
  'tot',
  'handeling',
] as const satisfies readonly (keyof Filters)[];
export const emptyFilters: Filters = {
  casus: '',
  gebruiker: '',
  organisatie: '',
  van: '',
  tot: '',
  handeling: '',
};
const pageSize = 25;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which form field answers for which parameter of the query. */
const fieldOfParameter: Record<string, keyof Filters> = {
  caseId: 'casus',
  pseudonym: 'casus',
  userId: 'gebruiker',
  organisationId: 'organisatie',
  from: 'van',
  to: 'tot',
  action: 'handeling',
};

export function readFilters(search: URLSearchParams): { filters: Filters; page: number } {
  const filters = { ...emptyFilters };
  for (const name of filterNames) filters[name] = (search.get(name) ?? '').slice(0, 100);
  const page = Number(search.get('pagina'));
  return { filters, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

export function writeFilters(filters: Filters, page: number): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of filterNames) if (filters[name].trim()) search.set(name, filters[name].trim());
  if (page > 1) search.set('pagina', String(page));
  return search;
}

/** The API's query: a case is given by its id or by its pseudonym, in one field. */
export function toQueryInput(filters: Filters, page: number): Record<string, string> {
  const input: Record<string, string> = { page: String(page), pageSize: String(pageSize) };
  const casus = filters.casus.trim();
  if (casus) input[uuidPattern.test(casus) ? 'caseId' : 'pseudonym'] = casus;
  if (filters.gebruiker) input.userId = filters.gebruiker;
  if (filters.organisatie) input.organisationId = filters.organisatie;
  if (filters.van) input.from = filters.van;
  if (filters.tot) input.to = filters.tot;
  if (filters.handeling) input.action = filters.handeling;
  return input;
}

/** Whether the API would take this query; a URL typed by hand is checked with the server's schema. */
export function isValidQuery(input: Record<string, string>): boolean {
  return auditSearchQuerySchema.safeParse(input).success;
}

/** The search's filters without its page: what the workbook of all its rows takes. */
export function filterQueryOf(input: Record<string, string>): URLSearchParams {
  const { page: _page, pageSize: _pageSize, ...filters } = input;
  return new URLSearchParams(filters);
}

/**
 * The form's values checked with the API's schema: each message at the field that answers for its
 * parameter (the last message of a field wins), none when the search may go.
 */
export function filterErrorsOf(values: Filters): [keyof Filters, string][] {
  const parsed = auditSearchQuerySchema.safeParse(toQueryInput(values, 1));
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue): [keyof Filters, string][] => {
    const field = fieldOfParameter[String(issue.path[0])];
    if (!field) return [];
    return [
      [
        field,
        field === 'casus'
          ? 'Vul een kenmerk in (zoals R-7K2M9QXA) of een casus-id.'
          : issue.message,
      ],
    ];
  });
}

/** The heading over the results: how many rows the search found. */
export function foundText(total: number): string {
  if (total === 0) return 'Geen regels gevonden';
  if (total === 1) return '1 regel gevonden';
  return `${total.toLocaleString('nl-NL')} regels gevonden`;
}

/** The pages of a result, at least one. */
export function pageCount(result: { total: number; pageSize: number }): number {
  return Math.max(1, Math.ceil(result.total / result.pageSize));
}

/** The actions to filter by, by their Dutch names in Dutch alphabetical order. */
export const actionOptions: readonly FilterOption[] = auditActions
  .map((action) => ({ value: action, label: auditActionLabel[action] ?? action }))
  .sort((a, b) => a.label.localeCompare(b.label, 'nl'));

/** The region's users by name, with their organisation: two people may share a name. */
export function userOptions(users: readonly UserSummary[]): FilterOption[] {
  return [...users]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.organisation.name})` }));
}

export function organisationOptions(organisations: readonly OrganisationSummary[]): FilterOption[] {
  return organisations.map((o) => ({ value: o.id, label: o.name }));
}
