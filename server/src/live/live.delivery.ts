import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  AppError,
  liveMessage,
  liveRoomName,
  type LiveChangedBy,
  type LiveRoom,
} from '@uitstroom/shared';
import { getMe, loadActor } from '../auth';
import { getCase, seesWhoWorksOnCases } from '../cases';
import { getTable, tablesShowingCases } from '../tables';
import type { Actor, RequestContext } from '../core/request-context';
import { liveEventsOf, type LiveEvent } from '../core/live-events';
import { sessionRoom, userRoom, type LiveGateway } from './live.gateway';
import type { LiveIo, LiveSocket } from './live.handshake';
import { presenceRoom } from './live.presence';

/**
 * What the nodes tell each other: which cases and tables changed, and by whom. Ids only, never
 * content: each node reads the content again for each of its own sockets, through that socket's
 * seat, so nothing is broadcast that any receiver may not see.
 */
const changeSchema = z.object({ id: z.uuid(), byUserId: z.uuid().optional() });
const batchSchema = z.object({ cases: z.array(changeSchema), tables: z.array(changeSchema) });
type Batch = z.infer<typeof batchSchema>;
type Change = Batch['cases'][number];

const batchEvent = 'live:batch';

/** How a changed thing is read for one seat: the same service call (projection and audit) as its HTTP read. */
type Reader = (
  context: RequestContext,
  actor: Actor,
  id: string,
) => Promise<Record<string, unknown>>;

export interface LiveDelivery {
  stop(): void;
}

export function startDelivery(
  io: LiveIo,
  db: DataSource,
  gateway: LiveGateway,
  logger: Logger,
): LiveDelivery {
  let pending: {
    cases: Map<string, string | undefined>;
    tables: Map<string, string | undefined>;
  } | null = null;
  let isStopped = false;
  const fail = (what: string) => (error: unknown) =>
    logger.error({ err: error }, `live: ${what} failed`);

  const unsubscribe = liveEventsOf(db).subscribe((event) => {
    try {
      onEvent(event);
    } catch (error) {
      fail('event')(error);
    }
  });

  function onEvent(event: LiveEvent): void {
    switch (event.kind) {
      case 'case':
      case 'table': {
        // The events of one commit arrive together; they go out as one batch on the next turn.
        if (!pending) {
          pending = { cases: new Map(), tables: new Map() };
          setImmediate(() => {
            void flush().catch(fail('delivery'));
          });
        }
        if (event.kind === 'case') pending.cases.set(event.caseId, event.byUserId);
        else pending.tables.set(event.tableId, event.byUserId);
        return;
      }
      case 'notifications':
        // Nothing but the fact: the badge asks the API for its own count.
        io.to(userRoom(event.userId)).emit(liveMessage.notificationsChanged, {});
        return;
      case 'sessionEnded':
        io.in(sessionRoom(event.sessionId)).disconnectSockets(true);
        return;
      case 'userDeactivated':
        io.in(userRoom(event.userId)).disconnectSockets(true);
        return;
    }
  }

  /** The node where the change was made tells the others, then widens it: a case shows on its tables' agendas. */
  async function flush(): Promise<void> {
    const taken = pending!;
    pending = null;
    if (isStopped) return;
    const asList = (changes: Map<string, string | undefined>) =>
      [...changes].map(([id, byUserId]) => (byUserId ? { id, byUserId } : { id }));
    const batch: Batch = { cases: asList(taken.cases), tables: asList(taken.tables) };
    io.serverSideEmit(batchEvent, batch);
    const delivered = deliver(batch);
    const caseChangedBy = [...taken.cases.values()].find((by) => by !== undefined);
    const tables = (await tablesShowingCases(db, [...taken.cases.keys()])).filter(
      (id) => !taken.tables.has(id),
    );
    if (tables.length) {
      const widened: Batch = {
        cases: [],
        tables: asList(new Map(tables.map((id) => [id, caseChangedBy]))),
      };
      io.serverSideEmit(batchEvent, widened);
      await deliver(widened);
    }
    await delivered;
  }

  io.on(batchEvent, (message: unknown) => {
    const batch = batchSchema.safeParse(message);
    if (batch.success) void deliver(batch.data).catch(fail('delivery'));
    else logger.error('live: malformed batch from another node');
  });

  async function deliver(batch: Batch): Promise<void> {
    await Promise.all([
      ...batch.cases.map((change) => deliverTo({ kind: 'case', id: change.id }, change, readCase)),
      ...batch.tables.map((change) =>
        deliverTo({ kind: 'table', id: change.id }, change, readTable),
      ),
    ]);
  }

  const readCase: Reader = (context, actor, id) => getCase(db, context, actor, id);
  const readTable: Reader = (context, actor, id) => getTable(db, context, actor, id);

  /**
   * To every socket of this node that follows the room: the thing as its seat reads it now. Sockets
   * of one user share one read (one projection, one audit row) however many tabs are open; the
   * session and the user are checked again first, and scope and consent are checked by the read
   * itself, so a withdrawn consent or a lost scope holds from this event on.
   */
  async function deliverTo(room: LiveRoom, change: Change, read: Reader): Promise<void> {
    const name = liveRoomName(room);
    const local = [...(io.of('/').adapter.rooms.get(name) ?? [])]
      .map((id) => io.of('/').sockets.get(id))
      .filter((s): s is LiveSocket => !!s);
    if (local.length === 0) return;
    const sockets = await gateway.signedInSockets(local);
    const byUser = new Map<string, LiveSocket[]>();
    for (const socket of sockets)
      byUser.set(socket.data.userId, [...(byUser.get(socket.data.userId) ?? []), socket]);
    const changedBy = change.byUserId ? await describeUser(change.byUserId) : null;

    await Promise.all(
      [...byUser].map(async ([userId, group]) => {
        const actor = await loadActor(db, userId);
        if (!actor) {
          group.forEach((socket) => socket.disconnect(true));
          return;
        }
        try {
          const view = await read(gateway.contextFor(actor, group[0]!), actor, room.id);
          // Who made the change, only to a seat that sees who works on a case (its owner): the name of a
          // colleague at a care provider or a women's shelter says something about the resident.
          const by = changedBy && seesWhoWorksOnCases(actor.seat) ? { changedBy } : {};
          const payload =
            room.kind === 'case'
              ? { caseId: room.id, view, ...by }
              : { tableId: room.id, table: view, ...by };
          // One encoding for all of the user's sockets on this node.
          io.local
            .to(group.map((socket) => socket.id))
            .emit(
              room.kind === 'case' ? liveMessage.caseChanged : liveMessage.tableChanged,
              payload,
            );
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
          // Out of reach now: the page hears that much and nothing more, and stops following.
          for (const socket of group) {
            socket.emit(room.kind === 'case' ? liveMessage.caseGone : liveMessage.tableGone, {
              room,
            });
            for (const left of [name, presenceRoom(room, 'named'), presenceRoom(room, 'seatOnly')])
              void socket.leave(left);
          }
          gateway.presenceChanged(room);
        }
      }),
    );
  }

  const names = new Map<string, { value: LiveChangedBy | null; at: number }>();
  async function describeUser(userId: string): Promise<LiveChangedBy | null> {
    const cached = names.get(userId);
    if (cached && Date.now() - cached.at < 60_000) return cached.value;
    const actor = await loadActor(db, userId);
    const me = actor ? await getMe(db, actor) : null;
    const value = me
      ? { userId, displayName: me.user.displayName, organisationName: me.organisation.name }
      : null;
    if (names.size > 1000) names.clear();
    names.set(userId, { value, at: Date.now() });
    return value;
  }

  return {
    stop() {
      isStopped = true;
      unsubscribe();
    },
  };
}
