import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../core/session';
import { queryKeys } from '../core/query/query-keys';
import { applyWrite } from '../core/query/use-write';
import { failureMessage } from '../core/query/failure-wording';
import { messageOf } from '../core/messages';
import { describeLiveChange, useLiveTable } from '../live';
import type { RegionOrganisation } from '@uitstroom/shared';
import type { RegionMunicipalities } from '../core/region';
import type { Dialog } from './TablePageDialogs';
import { fetchTable, isVersionConflict, toTable, type Table } from './table-api';
import { useTableStep } from './table-mutations';
import type { TableStep } from './table-steps';

const conflictMessage =
  'Iemand anders heeft de tafel intussen gewijzigd. De agenda is opnieuw geladen; controleer hem en probeer het opnieuw.';

/**
 * The table of the page, read through the query cache and kept current by the live layer: another
 * seat's change arrives without a reload, as this seat may see it; never an older version over a
 * newer one. Open forms and dialogs keep their input.
 */
export function useTableQuery(tableId: string | undefined) {
  const me = useMe();
  const tableQuery = useQuery({
    queryKey: queryKeys.table(tableId ?? ''),
    queryFn: ({ signal }) => fetchTable(tableId!, signal),
    enabled: !!tableId,
  });
  const table = tableQuery.data ?? null;
  // Read the table again (a stale write, or back after a lost connection).
  const reload = async () => {
    if (tableId) await tableQuery.refetch();
  };
  const [gone, setGone] = useState(false);
  const [liveNote, setLiveNote] = useState<string | null>(null);
  const tableRef = useRef(table);
  tableRef.current = table;
  useLiveTable(tableId, {
    onChange: (next, changedBy) => {
      const current = tableRef.current;
      if (!tableId || (current && next.version < current.version)) return;
      if (current && next.version !== current.version && changedBy?.userId !== me.user.id)
        setLiveNote(describeLiveChange('de tafel', changedBy));
      // The event carries the table as this seat may see it: it stands in the cache as a write's answer would.
      void applyWrite({ sets: () => queryKeys.table(tableId) }, toTable(next), undefined);
    },
    onGone: () => setGone(true),
    onResync: () => void reload(),
  });
  const loadFailure = gone
    ? 'Deze tafel valt niet meer binnen uw bereik.'
    : tableQuery.isError
      ? failureMessage(tableQuery.error, {
          failure: 'De tafel kon niet worden geladen.',
          notFound: 'Deze tafel bestaat niet of valt buiten uw bereik.',
        })
      : null;
  return { table, reload, loadFailure, liveNote };
}

/**
 * The page's steps on the table (`act`): the answer replaces the table and the page says what
 * happened; a stale version reads the table again and says so.
 */
export function useTableWrites(
  table: Table,
  reload: () => Promise<void>,
  initialNotice: string | null = null,
) {
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const step = useTableStep(table, reload);
  /** Says what happened (or nothing), and clears a failure. */
  const say = (message: string | null) => {
    setFailure(null);
    setNotice(message);
  };
  /** A step taken elsewhere on the page was stale: the table has been read again; the page says so. */
  const sayStale = () => setFailure(conflictMessage);
  /** Takes a step; false when its version was stale. Any other failure is the caller's to show. */
  const act = async (next: TableStep, done: string): Promise<boolean> => {
    say(null);
    try {
      await step.mutateAsync(next);
      setNotice(done);
      return true;
    } catch (error) {
      if (!isVersionConflict(error)) throw error;
      sayStale();
      return false;
    }
  };
  /** A step whose failure the page shows, not a dialog. */
  const actOnPage = (next: TableStep, done: string) =>
    act(next, done).catch((error: unknown) => {
      setFailure(messageOf(error));
      return false;
    });
  return { failure, notice, say, sayStale, isBusy: step.isPending, act, actOnPage, reload };
}

/**
 * Focus follows what was acted on: `focusAfter.current = 'id|fallback'` names the element to focus
 * once the page has rendered again. A modal dialog keeps the rest of the page inert: wait until it is gone.
 */
export function useFocusAfter(deps: readonly unknown[], isDialogOpen: boolean) {
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || isDialogOpen) return;
    focusAfter.current = null;
    const [first, fallback] = target.split('|');
    const element = document.getElementById(first!) as HTMLButtonElement | null;
    if (element && !element.disabled) element.focus();
    else document.getElementById(fallback ?? '')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, isDialogOpen]);
  return focusAfter;
}

export type TableWrites = ReturnType<typeof useTableWrites>;

/** What the parts of the table page share: the table, its writes, the region and its organisations. */
export interface TableAreaProps {
  table: Table;
  writes: TableWrites;
  organisations: readonly RegionOrganisation[] | null;
  setDialog(dialog: Dialog): void;
  /** Planned or shared: a closed or cancelled table is read only. */
  isOpen: boolean;
  region: RegionMunicipalities;
}
