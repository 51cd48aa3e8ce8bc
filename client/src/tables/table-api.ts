import { z } from 'zod';
import {
  caseListSchema,
  tableSummarySchema,
  tableViewSchema,
  type AgendaItem,
  type CaseList,
  type DecisionInput,
  type TableDetails,
  type TableView,
} from '@uitstroom/shared';
import { apiClient, ApiError, apiUrl, request } from '../core/api';
import { projectedCaseSchema, type ProjectedCase } from '../cases';

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

const asTable = async (call: Promise<{ data?: unknown; response: Response }>) =>
  toTable(await request(call, { schema: tableViewSchema }));
const onTable = (table: Table) => ({ params: { path: { tableId: table.id } } });
const onItem = (table: Table, itemId: string) => ({
  params: { path: { tableId: table.id, itemId } },
});

export function fetchTables(signal?: AbortSignal): Promise<TableListItem[]> {
  return request(apiClient.GET('/api/tables', { signal }), {
    schema: z.array(tableListItemSchema),
  });
}

export function fetchTable(tableId: string, signal?: AbortSignal): Promise<Table> {
  return asTable(apiClient.GET('/api/tables/{tableId}', { params: { path: { tableId } }, signal }));
}

export function createTable(details: TableDetails): Promise<Table> {
  return asTable(apiClient.POST('/api/tables', { body: details }));
}

/** The chair corrects a planned or shared table: when, where and who is invited. */
export function updateTable(table: Table, details: TableDetails): Promise<Table> {
  return asTable(
    apiClient.PUT('/api/tables/{tableId}', {
      ...onTable(table),
      body: { version: table.version, details },
    }),
  );
}

/** The chair cancels a planned or shared table, with a reason; its cases go back to uitstroomgereed. */
export function cancelTable(table: Table, reason: string): Promise<Table> {
  return asTable(
    apiClient.POST('/api/tables/{tableId}/cancel', {
      ...onTable(table),
      body: { version: table.version, reason },
    }),
  );
}

export function addToAgenda(table: Table, caseId: string, caseVersion: number): Promise<Table> {
  return asTable(
    apiClient.POST('/api/tables/{tableId}/agenda', {
      ...onTable(table),
      body: { version: table.version, caseId, caseVersion },
    }),
  );
}

export function orderAgenda(table: Table, itemIds: string[]): Promise<Table> {
  return asTable(
    apiClient.PUT('/api/tables/{tableId}/agenda/order', {
      ...onTable(table),
      body: { version: table.version, itemIds },
    }),
  );
}

export function removeFromAgenda(table: Table, itemId: string, reason: string): Promise<Table> {
  return asTable(
    apiClient.POST('/api/tables/{tableId}/agenda/{itemId}/remove', {
      ...onItem(table, itemId),
      body: { version: table.version, reason },
    }),
  );
}

export function deferAgendaItem(table: Table, itemId: string, reason: string): Promise<Table> {
  return asTable(
    apiClient.POST('/api/tables/{tableId}/agenda/{itemId}/defer', {
      ...onItem(table, itemId),
      body: { version: table.version, reason },
    }),
  );
}

export function recordDecision(
  table: Table,
  itemId: string,
  decision: DecisionInput,
): Promise<Table> {
  return asTable(
    apiClient.POST('/api/tables/{tableId}/agenda/{itemId}/decision', {
      ...onItem(table, itemId),
      body: decision,
    }),
  );
}

export function publishTable(table: Table): Promise<Table> {
  return asTable(
    apiClient.POST('/api/tables/{tableId}/publish', {
      ...onTable(table),
      body: { version: table.version },
    }),
  );
}

export function closeTable(table: Table): Promise<Table> {
  return asTable(
    apiClient.POST('/api/tables/{tableId}/close', {
      ...onTable(table),
      body: { version: table.version },
    }),
  );
}

/** The address of a table's minutes as a PDF (a download link). */
export function minutesUrl(tableId: string): string {
  return apiUrl('/api/tables/{tableId}/minutes.pdf', { tableId });
}

/** The cases in reach that are ready to be put on an agenda, longest waiting first. */
export function fetchReadyCases(signal?: AbortSignal): Promise<CaseList> {
  return request(
    apiClient.GET('/api/cases', {
      params: { query: { state: 'ready', sort: 'waitingDays', direction: 'desc', pageSize: 100 } },
      signal,
    }),
    { schema: caseListSchema },
  );
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}
