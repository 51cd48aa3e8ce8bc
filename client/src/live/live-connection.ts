import type { Socket } from 'socket.io-client';
import {
  caseChangedSchema,
  errorBodySchema,
  liveAckSchema,
  liveGoneSchema,
  liveMessage,
  liveRoomName,
  meSchema,
  presenceSchema,
  tableChangedSchema,
  type CaseChanged,
  type LiveRoom,
  type PresencePerson,
  type TableChanged,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { invalidateNotifications } from '../notifications';

/** What a page that follows a case or a table hears. */
export interface RoomHandlers {
  onCaseChanged?(event: CaseChanged): void;
  onTableChanged?(event: TableChanged): void;
  /** The seat no longer reaches it. */
  onGone?(): void;
  /** Back after the connection was lost: what happened meanwhile was not heard, so read it again. */
  onResync?(): void;
}

type PresenceListener = (people: PresencePerson[]) => void;

/**
 * The one live connection of a signed-in browser tab. Pages say what they follow; after a lost
 * connection it follows the same again and tells the pages to read what they missed. Everything
 * that arrives is parsed with the shared schemas before a page sees it.
 */
class LiveConnection {
  private socket: Socket | null = null;
  private readonly rooms = new Map<string, { room: LiveRoom; handlers: Set<RoomHandlers> }>();
  private readonly presence = new Map<string, PresencePerson[]>();
  private readonly presenceListeners = new Map<string, Set<PresenceListener>>();
  private hasBeenConnected = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;

  start(): void {
    if (this.socket) return;
    const generation = ++this.generation;
    // Its own chunk: the first page paints without waiting for the socket library.
    void import('socket.io-client').then(
      ({ io }) => {
        // Stopped (signed out) or started again while loading: only the latest start connects.
        if (generation !== this.generation || this.socket) return;
        // WebSocket only, on the page's own origin, with the session cookie; no long-polling (see server.ts).
        this.listen(
          io({
            path: '/socket.io',
            transports: ['websocket'],
            autoConnect: false,
            reconnectionDelayMax: 10_000,
          }),
        );
      },
      () => undefined,
    );
  }

  private listen(socket: Socket): void {
    this.socket = socket;
    socket.on('connect', () => {
      for (const entry of this.rooms.values()) this.sendWatch(entry.room);
      if (this.hasBeenConnected)
        for (const entry of this.rooms.values()) entry.handlers.forEach((h) => h.onResync?.());
      this.hasBeenConnected = true;
    });
    // The server closes a socket whose session ended (signed out elsewhere, deactivated, idle): ask the
    // API, which either confirms the session (then connect again) or sends the app to the sign-in page.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') this.checkSessionThenReconnect();
    });
    socket.on('connect_error', (error: Error & { data?: unknown }) => {
      const refusal = errorBodySchema.safeParse(error.data);
      if (refusal.success) this.checkSessionThenReconnect();
      // Anything else (server away, network): socket.io tries again by itself.
    });
    socket.on(liveMessage.caseChanged, (payload: unknown) => {
      const event = caseChangedSchema.safeParse(payload);
      if (event.success)
        this.handlersOf({ kind: 'case', id: event.data.caseId }).forEach((h) =>
          h.onCaseChanged?.(event.data),
        );
    });
    socket.on(liveMessage.tableChanged, (payload: unknown) => {
      const event = tableChangedSchema.safeParse(payload);
      if (event.success)
        this.handlersOf({ kind: 'table', id: event.data.tableId }).forEach((h) =>
          h.onTableChanged?.(event.data),
        );
    });
    for (const name of [liveMessage.caseGone, liveMessage.tableGone]) {
      socket.on(name, (payload: unknown) => {
        const event = liveGoneSchema.safeParse(payload);
        if (event.success) this.handlersOf(event.data.room).forEach((h) => h.onGone?.());
      });
    }
    socket.on(liveMessage.presence, (payload: unknown) => {
      const event = presenceSchema.safeParse(payload);
      if (!event.success) return;
      const key = liveRoomName(event.data.room);
      this.presence.set(key, event.data.people);
      this.presenceListeners.get(key)?.forEach((listener) => listener(event.data.people));
    });
    socket.on(liveMessage.notificationsChanged, () => void invalidateNotifications());
    socket.connect();
  }

  stop(): void {
    this.generation += 1;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.hasBeenConnected = false;
    this.presence.clear();
  }

  /** Follows a case or table until the returned function is called; several pages may follow one room. */
  watch(room: LiveRoom, handlers: RoomHandlers): () => void {
    const key = liveRoomName(room);
    let entry = this.rooms.get(key);
    if (!entry) {
      entry = { room, handlers: new Set() };
      this.rooms.set(key, entry);
      if (this.socket?.connected) this.sendWatch(room);
    }
    entry.handlers.add(handlers);
    const current = entry;
    return () => {
      current.handlers.delete(handlers);
      if (current.handlers.size > 0 || this.rooms.get(key) !== current) return;
      this.rooms.delete(key);
      this.presence.delete(key);
      if (this.socket?.connected) this.socket.emit(liveMessage.unwatch, { room }, () => undefined);
    };
  }

  onPresence(room: LiveRoom, listener: PresenceListener): () => void {
    const key = liveRoomName(room);
    const listeners = this.presenceListeners.get(key) ?? new Set();
    listeners.add(listener);
    this.presenceListeners.set(key, listeners);
    listener(this.presence.get(key) ?? []);
    return () => {
      listeners.delete(listener);
    };
  }

  private handlersOf(room: LiveRoom): RoomHandlers[] {
    return [...(this.rooms.get(liveRoomName(room))?.handlers ?? [])];
  }

  private sendWatch(room: LiveRoom): void {
    this.socket
      ?.timeout(10_000)
      .emit(liveMessage.watch, { room }, (error: Error | null, answer: unknown) => {
        const ack = liveAckSchema.safeParse(answer);
        // The page still works without live updates; the HTTP read already said whether it may be seen.
        if (error || !ack.success || !ack.data.ok)
          console.warn('Live bijwerken is niet beschikbaar voor deze pagina.');
      });
  }

  private checkSessionThenReconnect(): void {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      // A 401 here ends the session in the app (api.ts tells the session provider); the shell then stops this connection.
      request(apiClient.GET('/api/auth/me'), { schema: meSchema }).then(
        () => this.socket?.connect(),
        () => undefined,
      );
    }, 1000);
  }
}

export const liveConnection = new LiveConnection();
