import type { NextFunction, Request, Response, RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config';
import { setRequestContext, type Actor } from './request-context';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    /** When the user signed in: the absolute lifetime counts from here, activity does not extend it. */
    authenticatedAt: number;
    /** Password accepted, second factor still to come: nothing but that step is allowed. */
    pendingSignIn: { userId: string; step: 'totp' | 'enroll'; since: number };
    /** A TOTP secret shown to the user and not yet confirmed with a code (sealed with the application key). */
    pendingTotpSecret: string;
    /**
     * Sent to the organisation's identity provider and not yet back: the checks of that one
     * authorisation request (state, nonce, PKCE verifier). Used once, then removed.
     */
    pendingProviderSignIn: {
      organisationId: string;
      state: string;
      nonce: string;
      codeVerifier: string;
      since: number;
    };
  }
}

export const sessionCookieName = 'uitstroom.sid';

/**
 * Sessions in PostgreSQL (stateless nodes). The cookie itself is a browser-session cookie; the
 * idle lifetime is the row's expiry in the store, renewed on every request (rolling), and the
 * absolute lifetime is checked against authenticatedAt. Because the browser keeps sending the
 * cookie after the server has let the session go, the API can answer "expired" rather than
 * "not signed in", and the client can say so.
 */
export function sessionMiddleware(config: AppConfig, pool: Pool): RequestHandler {
  const PgStore = connectPgSimple(session);
  return session({
    name: sessionCookieName,
    secret: config.sessionSecrets,
    store: new PgStore({
      pool,
      tableName: 'session',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
      ttl: config.sessionIdleSeconds,
    }),
    resave: false,
    rolling: true,
    saveUninitialized: false,
    unset: 'destroy',
    genid: () => randomUUID(),
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.isProduction,
      path: '/',
    },
  });
}

/** Finds the actor for the session's user; null when the user is gone or deactivated. */
export type ActorLoader = (userId: string) => Promise<Actor | null>;

/** Puts the request context (actor, request id, client address) on every request. */
export function requestContextMiddleware(
  config: AppConfig,
  loadActor: ActorLoader,
): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const requestId = (req as Request & { id?: string }).id ?? randomUUID();
    const clientAddress = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const hadCookie = (req.headers.cookie ?? '').includes(`${sessionCookieName}=`);
    let actor: Actor | null = null;
    const { userId, authenticatedAt } = req.session ?? {};
    if (userId && authenticatedAt) {
      const isPastAbsoluteLifetime =
        Date.now() - authenticatedAt > config.sessionAbsoluteSeconds * 1000;
      actor = isPastAbsoluteLifetime ? null : await loadActor(userId);
      if (!actor) await destroySession(req);
    }
    const correlation = req.headers['x-request-id'];
    const correlationId =
      typeof correlation === 'string' && correlation.trim()
        ? correlation.trim().slice(0, 100)
        : undefined;
    setRequestContext(req, {
      actor,
      requestId,
      ...(correlationId ? { correlationId } : {}),
      clientAddress,
      hadExpiredSession: hadCookie && !actor,
      ...(userId && !actor ? { expiredSessionUserId: userId } : {}),
    });
    next();
  };
}

export function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.destroy((error) => (error ? reject(error) : resolve())),
  );
}

export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error) : resolve())),
  );
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.save((error) => (error ? reject(error) : resolve())),
  );
}
