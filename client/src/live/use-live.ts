import { useEffect, useRef, useState } from 'react';
import type { LiveChangedBy, LiveRoom, PresencePerson, TableView } from '@uitstroom/shared';
import type { ProjectedCase } from '../cases';
import { liveConnection, type RoomHandlers } from './live-connection';

interface LiveHandlers<T> {
  onChange(next: T, changedBy: LiveChangedBy | undefined): void;
  onGone?(): void;
  onResync?(): void;
}

function useLiveRoom(room: LiveRoom | null, handlers: RoomHandlers): void {
  // The latest handlers, without following the room again at every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  const kind = room?.kind;
  const id = room?.id;
  useEffect(() => {
    if (!kind || !id) return;
    return liveConnection.watch(
      { kind, id },
      {
        onCaseChanged: (event) => latest.current.onCaseChanged?.(event),
        onTableChanged: (event) => latest.current.onTableChanged?.(event),
        onGone: () => latest.current.onGone?.(),
        onResync: () => latest.current.onResync?.(),
      },
    );
  }, [kind, id]);
}

/** The case as this seat may see it, each time someone changes it. */
export function useLiveCase(
  caseId: string | undefined,
  handlers: LiveHandlers<ProjectedCase>,
): void {
  useLiveRoom(caseId ? { kind: 'case', id: caseId } : null, {
    onCaseChanged: (event) => handlers.onChange(event.view, event.changedBy),
    onGone: handlers.onGone,
    onResync: handlers.onResync,
  });
}

/** The table with its agenda as this seat may see it, each time someone changes it (or a case on it). */
export function useLiveTable(tableId: string | undefined, handlers: LiveHandlers<TableView>): void {
  useLiveRoom(tableId ? { kind: 'table', id: tableId } : null, {
    onTableChanged: (event) => handlers.onChange(event.table, event.changedBy),
    onGone: handlers.onGone,
    onResync: handlers.onResync,
  });
}

/** Who has this case or table open now (the page itself must follow it to hear). */
export function usePresence(room: LiveRoom | null): PresencePerson[] {
  const [people, setPeople] = useState<PresencePerson[]>([]);
  const kind = room?.kind;
  const id = room?.id;
  useEffect(() => {
    if (!kind || !id) return;
    return liveConnection.onPresence({ kind, id }, setPeople);
  }, [kind, id]);
  return people;
}
