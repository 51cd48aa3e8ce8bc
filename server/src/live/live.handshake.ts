import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { SessionData } from 'express-session';
import type { ExtendedError, Server, Socket } from 'socket.io';
import type { DataSource } from 'typeorm';
import { AppError, type Seat } from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import { sessionCookieName } from '../core/session';
import { getMe, loadActor } from '../auth';

/** The socket server and its sockets; what a message carries is checked by zod where it is read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEvents = Record<string, (...args: any[]) => void>;
export type LiveIo = Server<AnyEvents, AnyEvents, AnyEvents, LiveSocketData>;
export type LiveSocket = Socket<AnyEvents, AnyEvents, AnyEvents, LiveSocketData>;

/** What a socket carries about its seat; shared with the other nodes (presence), so names and ids only. */
export interface LiveSocketData {
  userId: string;
  sessionId: string;
  seat: Seat;
  displayName: string;
  organisationName: string;
  clientAddress: string;
}

type EngineRequest = IncomingMessage & {
  _query?: Record<string, string>;
  session?: Partial<SessionData>;
  sessionID?: string;
};
type EngineMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * The app's own session middleware, run on the socket's opening request only: later requests of the
 * same connection carry nothing new, and a session must not be kept alive by an open page alone
 * (the idle lifetime counts what the user does, not what the page listens to).
 */
export function sessionOnHandshake(sessionMiddleware: RequestHandler): EngineMiddleware {
  const middleware = sessionMiddleware as unknown as EngineMiddleware;
  return (req, res, next) => {
    if ((req as EngineRequest)._query?.sid === undefined) middleware(req, res, next);
    else next();
  };
}

/**
 * Cross-site WebSocket hijacking: a page elsewhere could open a socket with the user's cookie, so the
 * Origin must be the app's own: PUBLIC_URL in production, the address the request came to otherwise
 * (which also holds behind the Vite dev proxy). Browsers always send Origin when opening a
 * WebSocket; a request without one is no browser on another site, and still needs a valid session.
 */
export function isOwnOrigin(
  config: Pick<AppConfig, 'publicUrl'>,
  headers: IncomingMessage['headers'],
): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    if (config.publicUrl) return new URL(origin).origin === new URL(config.publicUrl).origin;
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/** As the HTTP layer sees it (`trust proxy` as a number of hops): the address that many proxies back. */
export function clientAddressOf(req: IncomingMessage, trustProxy: number): string {
  const remote = req.socket.remoteAddress ?? 'unknown';
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  const chain = [remote, ...forwarded];
  return chain[Math.min(trustProxy, chain.length - 1)] ?? remote;
}

/** A refusal the client reads as the one error shape (`connect_error` → `error.data`). */
export function connectError(error: AppError): ExtendedError {
  const refusal = new Error(error.message) as ExtendedError;
  refusal.data = error.toBody();
  return refusal;
}

export function isPastAbsoluteLifetime(
  config: Pick<AppConfig, 'sessionAbsoluteSeconds'>,
  authenticatedAt: number,
  now = Date.now(),
): boolean {
  return now - authenticatedAt > config.sessionAbsoluteSeconds * 1000;
}

/**
 * Lets a socket in only with a signed-in session, checked as the HTTP layer checks a request: the
 * session exists and has not idled out (the store's expiry), its absolute lifetime has not passed,
 * and its user is still active. A half-finished sign-in (second factor pending) is not signed in.
 */
export function authenticateSocket(db: DataSource, config: AppConfig) {
  return async (socket: Socket, next: (error?: ExtendedError) => void): Promise<void> => {
    const req = socket.request as EngineRequest;
    const hadCookie = (req.headers.cookie ?? '').includes(`${sessionCookieName}=`);
    const refusal = () =>
      connectError(new AppError(hadCookie ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED'));
    try {
      const { userId, authenticatedAt } = req.session ?? {};
      if (
        !userId ||
        !authenticatedAt ||
        !req.sessionID ||
        isPastAbsoluteLifetime(config, authenticatedAt)
      )
        return next(refusal());
      const actor = await loadActor(db, userId);
      if (!actor) return next(refusal());
      const me = await getMe(db, actor);
      const data: LiveSocketData = {
        userId,
        sessionId: req.sessionID,
        seat: actor.seat,
        displayName: me.user.displayName,
        organisationName: me.organisation.name,
        clientAddress: clientAddressOf(req, config.trustProxy),
      };
      socket.data = data;
      // The cookie stays with the request it came on: nothing that lists sockets carries it further.
      delete socket.handshake.headers.cookie;
      next();
    } catch {
      next(connectError(new AppError('INTERNAL')));
    }
  };
}
