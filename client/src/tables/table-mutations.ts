import { useMutation } from '@tanstack/react-query';
import type { TableDetails } from '@uitstroom/shared';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { cancelTable, isVersionConflict, updateTable, type Table } from './table-api';

/**
 * The chair's corrections of a table as mutations: the answer is the table as it now stands, and
 * everything read of it (the table, the list of tables) is read again.
 */
function tableWritten(next: Table): Promise<void> {
  queryClient.setQueryData(queryKeys.table(next.id), next);
  return queryClient.invalidateQueries({ queryKey: queryKeys.tables });
}

/** A stale version: read the table again, so the chair corrects what stands now. */
function onStale(tableId: string) {
  return (error: unknown) => {
    if (isVersionConflict(error))
      void queryClient.invalidateQueries({ queryKey: queryKeys.table(tableId) });
  };
}

export function useUpdateTable(table: Table) {
  return useMutation({
    mutationFn: (details: TableDetails) => updateTable(table, details),
    onSuccess: tableWritten,
    onError: onStale(table.id),
  });
}

/** Cancelling moves its cases back to uitstroomgereed: the case lists and tasks are read again too. */
export function useCancelTable(table: Table) {
  return useMutation({
    mutationFn: (reason: string) => cancelTable(table, reason),
    onSuccess: async (next) => {
      await tableWritten(next);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
      ]);
    },
    onError: onStale(table.id),
  });
}
