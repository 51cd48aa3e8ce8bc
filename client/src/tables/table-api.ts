import { z } from 'zod';
import {
  caseListSchema, decisionRuleSchema, lifeDomains, regionOrganisationSchema, seatSchema, tableSummarySchema, tableViewSchema,
  type AgendaItem, type CaseList, type DecisionInput, type RegionOrganisation, type TableDetails, type TableView,
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

/**
 * A decision as the table view gives it (the shared view types it as a loose record). The
 * motivation and the referral summary are absent for a seat that does not reach the case.
 */
export const decisionViewSchema = z.object({
  rule: decisionRuleSchema,
  destination: z.string().nullable(),
  proposedDestination: z.string().nullable(),
  departsFromProposal: z.boolean(),
  ruleSetVersion: z.int(),
  followUpProvider: z.string().nullable(),
  isDisputed: z.boolean(),
  decidedAt: z.string(),
  decidedBy: z.string(),
  present: z.array(z.object({ organisationId: z.string(), seat: seatSchema })),
  votes: z.array(z.object({ organisationId: z.string(), seat: seatSchema, position: z.enum(['agree', 'object']), reason: z.string().optional() })),
  preconditions: z.array(z.object({
    id: z.string(), lifeDomain: z.enum(lifeDomains), description: z.string(), ownerName: z.string(), ownerOrganisationId: z.string(),
    dueDate: z.string(), isDone: z.boolean(),
  })),
  motivation: z.string().nullable().optional(),
  referralSummary: z.string().nullable().optional(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

/** An agenda item with its case as the reader's projection and its decision typed. */
export interface AgendaEntry extends Omit<AgendaItem, 'case' | 'decision'> {
  case: ProjectedCase;
  decision: DecisionView | null;
}
export interface Table extends Omit<TableView, 'agenda'> {
  agenda?: AgendaEntry[];
}

function toTable(view: TableView): Table {
  return {
    ...view,
    agenda: view.agenda?.map((item) => {
      const projected = projectedCaseSchema.safeParse(item.case);
      const decision = item.decision ? decisionViewSchema.safeParse(item.decision) : null;
      return {
        ...item,
        // A case outside the reader's reach comes as its pseudonym only.
        case: projected.success ? projected.data : { pseudonym: item.pseudonym },
        decision: decision?.success ? decision.data : null,
      };
    }),
  };
}

const path = (tableId: string, rest = '') => `/api/tables/${encodeURIComponent(tableId)}${rest}`;
const write = async (method: 'POST' | 'PUT', url: string, body: unknown) => toTable(await api(method, url, { body, schema: tableViewSchema }));

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
  return write('POST', path(table.id, `/agenda/${encodeURIComponent(itemId)}/remove`), { version: table.version, reason });
}

export function deferAgendaItem(table: Table, itemId: string, reason: string): Promise<Table> {
  return write('POST', path(table.id, `/agenda/${encodeURIComponent(itemId)}/defer`), { version: table.version, reason });
}

export function recordDecision(table: Table, itemId: string, decision: DecisionInput): Promise<Table> {
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
  return api('GET', '/api/region/organisations', { schema: z.array(regionOrganisationSchema), signal });
}

/** The cases in reach that are ready to be put on an agenda, longest waiting first. */
export function fetchReadyCases(signal?: AbortSignal): Promise<CaseList> {
  const query = new URLSearchParams({ state: 'ready', sort: 'waitingDays', direction: 'desc', pageSize: '100' });
  return api('GET', `/api/cases?${query.toString()}`, { schema: caseListSchema, signal });
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
