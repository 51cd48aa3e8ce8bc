import { queryKeys } from '../core/query/query-keys';
import { useWrite } from '../core/query/use-write';
import { fetchCase } from '../cases';
import {
  addToAgenda,
  cancelTable,
  closeTable,
  createTable,
  deferAgendaItem,
  orderAgenda,
  publishTable,
  recordDecision,
  removeFromAgenda,
  isVersionConflict,
  updateTable,
  type Table,
} from './table-api';
import { changedBy, type TableStep } from './table-steps';

/** The call of a step, with the version of the table as the page shows it. */
function sendTableStep(table: Table, step: TableStep): Promise<Table> {
  switch (step.kind) {
    case 'publish':
      return publishTable(table);
    case 'close':
      return closeTable(table);
    case 'cancel':
      return cancelTable(table, step.reason);
    case 'update':
      return updateTable(table, step.details);
    case 'order':
      return orderAgenda(table, step.itemIds);
    case 'schedule':
      return schedule(table, step.caseId);
    case 'remove':
      return removeFromAgenda(table, step.itemId, step.reason);
    case 'defer':
      return deferAgendaItem(table, step.itemId, step.reason);
    case 'decide':
      return recordDecision(table, step.itemId, step.decision);
  }
}

/** The list of ready cases carries no version: the case itself says which one this request is about. */
async function schedule(table: Table, caseId: string): Promise<Table> {
  const current = await fetchCase(caseId);
  return addToAgenda(table, caseId, current.version!);
}

/**
 * The steps of the table page as one mutation: the answer is the table as it now stands, which
 * replaces the cached one; what else the step changes is read again. A stale version (409) reads
 * the table again (`readAgain`) before the step fails, so the one who asked corrects what stands
 * now; saying so is the caller's, where the step was asked.
 */
export function useTableStep(table: Table, readAgain: () => Promise<void>) {
  return useWrite({
    write: async (step: TableStep) => {
      try {
        return await sendTableStep(table, step);
      } catch (error) {
        if (isVersionConflict(error)) await readAgain();
        throw error;
      }
    },
    sets: (next) => queryKeys.table(next.id),
    invalidates: (_next, step) => changedBy(step),
  });
}

/** Planning a table: its page finds it in the cache, and the list of tables is read again. */
export function usePlanTable() {
  return useWrite({
    write: createTable,
    sets: (next) => queryKeys.table(next.id),
    invalidates: () => [queryKeys.tables],
  });
}
