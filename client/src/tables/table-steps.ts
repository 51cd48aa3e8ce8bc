import type { QueryKey } from '@tanstack/react-query';
import type { DecisionInput, TableDetails } from '@uitstroom/shared';
import { queryKeys } from '../core/query/query-keys';

/**
 * A step on a table, as data: what the page asks of the server. Its answer is always the table as
 * it now stands; what else the step changes follows from its kind (`changedBy`).
 */
export type TableStep =
  | { kind: 'publish' }
  | { kind: 'close' }
  | { kind: 'cancel'; reason: string }
  | { kind: 'update'; details: TableDetails }
  | { kind: 'order'; itemIds: string[] }
  | { kind: 'schedule'; caseId: string }
  | { kind: 'remove' | 'defer'; itemId: string; caseId: string | undefined; reason: string }
  | { kind: 'decide'; itemId: string; caseId: string | undefined; decision: DecisionInput };

/** The case lists (the ready cases to schedule among them) and the tasks show a case's state. */
const caseStateShown: readonly QueryKey[] = [queryKeys.cases, queryKeys.tasks];

/**
 * What a step changes beside the table itself (which its answer replaces): the list of tables
 * always (state, date, agenda count); where a case changes state, the lists of cases, the tasks and
 * everything read of that case.
 */
export function changedBy(step: TableStep): readonly QueryKey[] {
  switch (step.kind) {
    case 'publish':
    case 'update':
    case 'order':
      return [queryKeys.tables];
    // Cancelling sends every case back to uitstroomgereed; closing, the ones not discussed.
    case 'close':
    case 'cancel':
      return [queryKeys.tables, ...caseStateShown];
    case 'schedule':
    case 'remove':
    case 'defer':
    case 'decide':
      return [
        queryKeys.tables,
        ...caseStateShown,
        ...(step.caseId ? [queryKeys.case(step.caseId)] : []),
      ];
  }
}
