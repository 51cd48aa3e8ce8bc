import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppError, isGranted, type Permission } from '@uitstroom/shared';
import { setRequestContext, type Actor, type RequestContext } from '../request-context';

/**
 * Requests from the organisations' own systems carry `Authorization: Bearer <token>`. Such a
 * request never reads or makes a session (a cookie that comes along is ignored), so a token can
 * reach nothing that belongs to a person's session; and it needs no Origin check, since a token
 * is no ambient credential a page elsewhere could make the browser send.
 */
export function bearerTokenOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export function isBearerRequest(req: Request): boolean {
  return (
    typeof req.headers.authorization === 'string' && /^Bearer\b/i.test(req.headers.authorization)
  );
}

/** Runs `middleware` for every request but those with a bearer token. */
export function unlessBearer(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (isBearerRequest(req) ? next() : middleware(req, res, next));
}

/** What a token resolves to: the actor it acts as, or the refusal (TOKEN_INVALID, _REVOKED, _EXPIRED). */
export type TokenResolution =
  | { kind: 'ok'; actor: Actor; tokenId: string; permissions: readonly Permission[] }
  | { kind: 'refused'; refusal: AppError; tokenId?: string };

export type TokenResolver = (token: string) => Promise<TokenResolution>;

/** Puts the request context of a bearer request on it; other requests pass to `sessionContext`. */
export function bearerContextMiddleware(
  resolve: TokenResolver,
  sessionContext: RequestHandler,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!isBearerRequest(req)) return sessionContext(req, res, next);
    try {
      const token = bearerTokenOf(req);
      const resolution: TokenResolution = token
        ? await resolve(token)
        : { kind: 'refused', refusal: new AppError('TOKEN_INVALID') };
      const base: Omit<RequestContext, 'actor' | 'hadExpiredSession'> = {
        requestId: (req as Request & { id?: string }).id ?? randomUUID(),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      };
      const correlation = req.headers['x-request-id'];
      if (typeof correlation === 'string' && correlation.trim())
        base.correlationId = correlation.trim().slice(0, 100);
      if (resolution.kind === 'ok') {
        setRequestContext(req, {
          ...base,
          actor: resolution.actor,
          hadExpiredSession: false,
          bearer: { tokenId: resolution.tokenId, permissions: resolution.permissions },
        });
      } else {
        // A revoked or expired token was someone's: its refusals are audited in its name.
        setRequestContext(req, {
          ...base,
          actor: null,
          hadExpiredSession: resolution.tokenId !== undefined,
          ...(resolution.tokenId ? { expiredSessionUserId: resolution.tokenId } : {}),
          bearer: { refusal: resolution.refusal },
        });
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Whether the request's credentials hold the permission: a token's own list, or the seat's grants. */
export function holdsPermission(context: RequestContext, permission: Permission): boolean {
  if (!context.actor) return false;
  if (context.bearer && 'permissions' in context.bearer)
    return context.bearer.permissions.includes(permission);
  return isGranted(context.actor.seat, permission);
}

/** The 401 a request without an actor gets: the token's refusal, an ended session, or none at all. */
export function unauthenticatedError(context: RequestContext): AppError {
  if (context.bearer && 'refusal' in context.bearer) return context.bearer.refusal;
  return new AppError(context.hadExpiredSession ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}
