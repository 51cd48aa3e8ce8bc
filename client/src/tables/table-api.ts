import { z } from 'zod';
import {
  caseListSchema,
  regionOrganisationSchema,
  tableSummarySchema,
  tableViewSchema,
  type AgendaItem,
  type CaseList,
  type DecisionInput,
  type RegionOrganisation,
  type TableDetails,
  type TableView,
} from '@uitstroom/shared';
import { api, ApiError } from '../core/api';
import { projectedCaseSchema, type ProjectedCase } from '../cases/case-api';

/**
 * The tables API as the client uses it. Every write carries the table's version; a stale one is
 * a 409 with the current version, and the page then reloads the table rather than guess.
 */

/**
 * A table in the list. Place and video link are read when the server sends them (the summary
 * does not carry them yet), so the list shows them as soon as it does.
 */
export const tableListItemSchema = tableSummarySchema.extend({
  location: z.string().nullable().optional(),
  videoUrl: z.string().nullable().optional(),
});
export type TableListItem = z.infer<typeof tableListItemSchema>;

/** An agenda item with its case as the reader's projection; its decision as the shared view types it. */
export interface AgendaEntry extends Omit<AgendaItem, 'case'> {
  case: ProjectedCase;
}
export interface Table extends Omit<TableView, 'agenda'> {
  agenda?: AgendaEntry[];
}

export function toTable(view: TableView): Table {
  return {
    ...view,
    agenda: view.agenda?.map((item) => {
      const projected = projectedCaseSchema.safeParse(item.case);
      // A case outside the reader's reach comes as its pseudonym only.
      return { ...item, case: projected.success ? projected.data : { pseudonym: item.pseudonym } };
    }),
  };
}

const path = (tableId: string, rest = '') => `/api/tables/${encodeURIComponent(tableId)}${rest}`;
const write = async (method: 'POST' | 'PUT', url: string, body: unknown) =>
  toTable(await api(method, url, { body, schema: tableViewSchema }));

export function fetchTables(signal?: AbortSignal): Promise<TableListItem[]> {
  return api('GET', '/api/tables', { schema: z.array(tableListItemSchema), signal });
}

export async function fetchTable(tableId: string, signal?: AbortSignal): Promise<Table> {
  return toTable(await api('GET', path(tableId), { schema: tableViewSchema, signal }));
}

export function createTable(details: TableDetails): Promise<Table> {
  return write('POST', '/api/tables', details);
}

export function addToAgenda(table: Table, caseId: string, caseVersion: number): Promise<Table> {
  return write('POST', path(table.id, '/agenda'), { version: table.version, caseId, caseVersion });
}

export function orderAgenda(table: Table, itemIds: string[]): Promise<Table> {
  return write('PUT', path(table.id, '/agenda/order'), { version: table.version, itemIds });
}

export function removeFromAgenda(table: Table, itemId: string, reason: string): Promise<Table> {
  return write('POST', path(table.id, `/agenda/${encodeURIComponent(itemId)}/remove`), {
    version: table.version,
    reason,
  });
}

export function deferAgendaItem(table: Table, itemId: string, reason: string): Promise<Table> {
  return write('POST', path(table.id, `/agenda/${encodeURIComponent(itemId)}/defer`), {
    version: table.version,
    reason,
  });
}

export function recordDecision(
  table: Table,
  itemId: string,
  decision: DecisionInput,
): Promise<Table> {
  return write('POST', path(table.id, `/agenda/${encodeURIComponent(itemId)}/decision`), decision);
}

export function publishTable(table: Table): Promise<Table> {
  return write('POST', path(table.id, '/publish'), { version: table.version });
}

export function closeTable(table: Table): Promise<Table> {
  return write('POST', path(table.id, '/close'), { version: table.version });
}

/** The organisations of the signed-in user's region: to invite, to mark present, to own a precondition. */
export function fetchRegionOrganisations(signal?: AbortSignal): Promise<RegionOrganisation[]> {
  return api('GET', '/api/region/organisations', {
    schema: z.array(regionOrganisationSchema),
    signal,
  });
}

/** The cases in reach that are ready to be put on an agenda, longest waiting first. */
export function fetchReadyCases(signal?: AbortSignal): Promise<CaseList> {
  const query = new URLSearchParams({
    state: 'ready',
    sort: 'waitingDays',
    direction: 'desc',
    pageSize: '100',
  });
  return api('GET', `/api/cases?${query.toString()}`, { schema: caseListSchema, signal });
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
