import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  AppError,
  liveMessage,
  liveRoomName,
  parseLiveRoomName,
  parseOrThrow,
  watchMessageSchema,
  type LiveAck,
  type LiveRoom,
  type PresenceDetail,
} from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import type { Actor, RequestContext } from '../core/request-context';
import { loadActor } from '../auth';
import { requireCase, seesWhoWorksOnCases } from '../cases';
import { isTableInReach } from '../tables';
import { isPastAbsoluteLifetime, type LiveIo, type LiveSocket } from './live.handshake';
import { findLiveSessions } from './live.repository';
import { presenceRoom, startPresence } from './live.presence';

/** A page follows a handful of things at once; more is a runaway client. */
const maxWatchedRooms = 20;
/** Each message costs a few queries: a socket gets this many per window, then a refusal until the window has passed. */
const messageLimit = { count: 30, windowMs: 10_000 };

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

export interface LiveGateway {
  /** The socket's seat as of now: its session still alive and its user still active, or it is disconnected. */
  currentActor(socket: LiveSocket): Promise<Actor>;
  /** The sockets of this node, each as a seat that is still signed in; the others are disconnected. */
  signedInSockets(sockets: readonly LiveSocket[]): Promise<LiveSocket[]>;
  contextFor(actor: Actor, socket: LiveSocket): RequestContext;
  /** Someone joined or left the room on this node (presence is told to everyone following it). */
  presenceChanged(room: LiveRoom): void;
  stop(): void;
}

export function createGateway(
  io: LiveIo,
  db: DataSource,
  config: AppConfig,
  logger: Logger,
): LiveGateway {
  const presence = startPresence(io, logger);

  async function signedInSockets(sockets: readonly LiveSocket[]): Promise<LiveSocket[]> {
    const sessions = await findLiveSessions(
      db,
      sockets.map((s) => s.data.sessionId),
    );
    return sockets.filter((socket) => {
      const session = sessions.get(socket.data.sessionId);
      const isAlive =
        !!session &&
        session.userId === socket.data.userId &&
        session.authenticatedAt !== null &&
        !isPastAbsoluteLifetime(config, session.authenticatedAt);
      if (!isAlive) socket.disconnect(true);
      return isAlive;
    });
  }

  async function currentActor(socket: LiveSocket): Promise<Actor> {
    const [alive] = await signedInSockets([socket]);
    const actor = alive ? await loadActor(db, socket.data.userId) : null;
    if (!actor) {
      socket.disconnect(true);
      throw new AppError('SESSION_EXPIRED');
    }
    return actor;
  }

  const contextFor = (actor: Actor, socket: LiveSocket): RequestContext => ({
    // `live:` marks audit rows of reads that reached a page over the socket.
    actor,
    requestId: `live:${randomUUID()}`,
    clientAddress: socket.data.clientAddress,
    hadExpiredSession: false,
  });

  /**
   * May this seat follow the room, and how much may it learn of who else has it open? The same row
   * scope as the HTTP reads: a case or table outside it is "not found", whether it exists or not.
   */
  async function admit(actor: Actor, room: LiveRoom): Promise<PresenceDetail> {
    if (room.kind === 'table') {
      if (!(await isTableInReach(db, actor, room.id)))
        throw new AppError('NOT_FOUND', 'Deze tafel bestaat niet of valt buiten uw bereik.');
    } else {
      await requireCase(db.manager, actor, room.id);
    }
    // Who else has the page open says who works on its cases (a care provider, a women's shelter):
    // a seat that does not see a case's owner sees the others by seat only, on a table's page too.
    return seesWhoWorksOnCases(actor.seat) ? 'named' : 'seatOnly';
  }

  // Per connection, so in this node's memory: the connection lives and dies here.
  const messageWindows = new WeakMap<LiveSocket, { startedAt: number; count: number }>();
  function isOverLimit(socket: LiveSocket): boolean {
    const now = Date.now();
    const window = messageWindows.get(socket);
    if (!window || now - window.startedAt >= messageLimit.windowMs) {
      messageWindows.set(socket, { startedAt: now, count: 1 });
      return false;
    }
    window.count += 1;
    return window.count > messageLimit.count;
  }

  const watchedRooms = (socket: LiveSocket) =>
    [...socket.rooms].map(parseLiveRoomName).filter((r): r is LiveRoom => r !== null);

  /** Every client message is parsed, checked and acknowledged; whatever fails changes nothing. */
  function handle(socket: LiveSocket, ack: unknown, work: () => Promise<void>): void {
    const reply = typeof ack === 'function' ? (ack as (answer: LiveAck) => void) : () => undefined;
    if (isOverLimit(socket))
      return reply({
        ok: false,
        error: new AppError(
          'TOO_MANY_ATTEMPTS',
          'Te veel berichten. Probeer het over enkele seconden opnieuw.',
        ).toBody().error,
      });
    work().then(
      () => reply({ ok: true }),
      (error: unknown) => {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'live: message failed');
        reply({
          ok: false,
          error: (error instanceof AppError ? error : new AppError('INTERNAL')).toBody().error,
        });
      },
    );
  }

  io.on('connection', (socket: LiveSocket) => {
    void socket.join([userRoom(socket.data.userId), sessionRoom(socket.data.sessionId)]);

    socket.on(liveMessage.watch, (payload: unknown, ack: unknown) =>
      handle(socket, ack, async () => {
        const { room } = parseOrThrow(watchMessageSchema, payload);
        const actor = await currentActor(socket);
        const watched = watchedRooms(socket);
        if (
          !watched.some((r) => liveRoomName(r) === liveRoomName(room)) &&
          watched.length >= maxWatchedRooms
        ) {
          throw new AppError(
            'TOO_MANY_PAGES_OPEN',
            'Er staan te veel pagina’s tegelijk open. Sluit er een paar en probeer het opnieuw.',
          );
        }
        const detail = await admit(actor, room);
        await socket.join([liveRoomName(room), presenceRoom(room, detail)]);
        presence.changed(room);
      }),
    );

    socket.on(liveMessage.unwatch, (payload: unknown, ack: unknown) =>
      handle(socket, ack, async () => {
        const { room } = parseOrThrow(watchMessageSchema, payload);
        for (const name of [
          liveRoomName(room),
          presenceRoom(room, 'named'),
          presenceRoom(room, 'seatOnly'),
        ])
          await socket.leave(name);
        presence.changed(room);
      }),
    );

    // A message the server does not know is answered (when it asks for an answer) and otherwise ignored.
    const known = new Set<string>([liveMessage.watch, liveMessage.unwatch]);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (known.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function')
        ack({
          ok: false,
          error: new AppError('NOT_FOUND', `Onbekend bericht: ${event.slice(0, 40)}`).toBody()
            .error,
        });
    });

    // The report waits a moment, by which time the socket has left its rooms.
    socket.on('disconnecting', () => {
      for (const room of watchedRooms(socket)) presence.changed(room);
    });
  });

  // Sessions that idled out or passed their absolute lifetime while a page stayed open and quiet.
  const sweep = setInterval(() => {
    signedInSockets([...io.of('/').sockets.values()]).catch((error: unknown) =>
      logger.error({ err: error }, 'live: session sweep failed'),
    );
  }, 60_000);
  sweep.unref();

  return {
    currentActor,
    signedInSockets,
    contextFor,
    presenceChanged: (room) => presence.changed(room),
    stop() {
      clearInterval(sweep);
      presence.stop();
    },
  };
}
