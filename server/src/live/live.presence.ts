import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  liveMessage,
  liveRoomName,
  liveRoomSchema,
  parseLiveRoomName,
  presenceList,
  seatSchema,
  type LiveRoom,
  type PresenceDetail,
  type PresenceEntry,
} from '@uitstroom/shared';
import type { LiveIo, LiveSocket } from './live.handshake';

/** Presence goes to a room per level of detail: one emit per level reaches every socket of this node that may see it. */
export const presenceRoom = (room: LiveRoom, detail: PresenceDetail) =>
  `${liveRoomName(room)}#${detail}`;

/** Arrivals and departures within this time are told as one (a reconnecting node brings hundreds). */
const settleMs = 150;
/** Each node repeats what it holds this often; what a node stopped repeating (it died) is forgotten after `forgetMs`. */
const refreshMs = 20_000;
const forgetMs = 65_000;

const entrySchema = z.object({
  userId: z.uuid(),
  seat: seatSchema,
  displayName: z.string(),
  organisationName: z.string(),
});
/** One node's people per room; `isComplete`: rooms it does not list, it holds no one in. */
const reportSchema = z.object({
  node: z.string(),
  isComplete: z.boolean(),
  rooms: z.array(z.object({ room: liveRoomSchema, entries: z.array(entrySchema) })),
});
type Report = z.infer<typeof reportSchema>;

export interface Presence {
  /** Someone joined or left this room on this node. */
  changed(room: LiveRoom): void;
  stop(): void;
}

/**
 * Who has a case or a table open, across nodes. Each node knows its own sockets and tells the
 * others, per room, the people behind them (a few names, not every socket: cheap to send, and no
 * socket's request headers ever leave the node); each node then tells its own sockets the union.
 */
export function startPresence(io: LiveIo, logger: Logger): Presence {
  const node = randomUUID();
  const remote = new Map<
    string,
    Map<string, { room: LiveRoom; entries: PresenceEntry[]; at: number }>
  >();
  const pendingReports = new Map<string, LiveRoom>();
  const pendingDeliveries = new Map<string, LiveRoom>();
  let reportTimer: NodeJS.Timeout | null = null;
  let deliveryTimer: NodeJS.Timeout | null = null;

  const socketsIn = (name: string) =>
    [...(io.of('/').adapter.rooms.get(name) ?? [])]
      .map((id) => io.of('/').sockets.get(id))
      .filter((s): s is LiveSocket => !!s);
  const localEntries = (room: LiveRoom): PresenceEntry[] =>
    dedupe(
      socketsIn(liveRoomName(room)).map(({ data }) => ({
        userId: data.userId,
        seat: data.seat,
        displayName: data.displayName,
        organisationName: data.organisationName,
      })),
    );
  const localRooms = () =>
    [...io.of('/').adapter.rooms.keys()]
      .map(parseLiveRoomName)
      .filter((r): r is LiveRoom => r !== null);

  function report(rooms: LiveRoom[], isComplete: boolean): void {
    const message: Report = {
      node,
      isComplete,
      rooms: rooms.map((room) => ({ room, entries: localEntries(room) })),
    };
    io.serverSideEmit('live:presence', message);
  }

  /** To this node's sockets in the room: everyone, here and elsewhere, at the detail each may see. */
  function deliver(room: LiveRoom): void {
    const name = liveRoomName(room);
    const now = Date.now();
    const elsewhere = [...(remote.get(name)?.values() ?? [])]
      .filter((r) => now - r.at < forgetMs)
      .flatMap((r) => r.entries);
    const everyone = [...localEntries(room), ...elsewhere];
    for (const detail of ['named', 'seatOnly'] as const) {
      const target = presenceRoom(room, detail);
      if (io.of('/').adapter.rooms.get(target)?.size)
        io.local
          .to(target)
          .emit(liveMessage.presence, { room, people: presenceList(everyone, detail) });
    }
  }

  function scheduleDelivery(room: LiveRoom): void {
    pendingDeliveries.set(liveRoomName(room), room);
    deliveryTimer ??= setTimeout(() => {
      deliveryTimer = null;
      const rooms = [...pendingDeliveries.values()];
      pendingDeliveries.clear();
      rooms.forEach(deliver);
    }, settleMs);
  }

  io.on('live:presence', (message: unknown) => {
    const parsed = reportSchema.safeParse(message);
    if (!parsed.success) return logger.error('live: malformed presence report from another node');
    const { node: from, isComplete, rooms } = parsed.data;
    const listed = new Set(rooms.map((r) => liveRoomName(r.room)));
    if (isComplete) {
      for (const [name, byNode] of remote) {
        if (!listed.has(name) && byNode.delete(from)) scheduleDelivery(parseLiveRoomName(name)!);
      }
    }
    for (const { room, entries } of rooms) {
      const name = liveRoomName(room);
      const byNode = remote.get(name) ?? new Map();
      if (entries.length) byNode.set(from, { room, entries, at: Date.now() });
      else byNode.delete(from);
      if (byNode.size) remote.set(name, byNode);
      else remote.delete(name);
      scheduleDelivery(room);
    }
  });
  // A node that just started asks the others what they hold.
  io.on('live:presence-hello', () => report(localRooms(), true));
  io.serverSideEmit('live:presence-hello');

  const refresh = setInterval(() => {
    report(localRooms(), true);
    const now = Date.now();
    for (const [name, byNode] of remote) {
      for (const [from, r] of byNode)
        if (now - r.at >= forgetMs) {
          byNode.delete(from);
          scheduleDelivery(r.room);
        }
      if (!byNode.size) remote.delete(name);
    }
  }, refreshMs);
  refresh.unref();

  return {
    changed(room) {
      pendingReports.set(liveRoomName(room), room);
      reportTimer ??= setTimeout(() => {
        reportTimer = null;
        const rooms = [...pendingReports.values()];
        pendingReports.clear();
        report(rooms, false);
        rooms.forEach(deliver);
      }, settleMs);
    },
    stop() {
      clearInterval(refresh);
      if (reportTimer) clearTimeout(reportTimer);
      if (deliveryTimer) clearTimeout(deliveryTimer);
      // Going away: the others forget this node's people now, not in a minute.
      io.serverSideEmit('live:presence', { node, isComplete: true, rooms: [] } satisfies Report);
    },
  };
}

function dedupe(entries: PresenceEntry[]): PresenceEntry[] {
  return [...new Map(entries.map((e) => [e.userId, e])).values()];
}
