import type { ErrorRequestHandler, Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AppError } from '@uitstroom/shared';
import { requestContextOf } from '../core/request-context';
import type { AnyRoute } from '../core/http/route';
import { writeAudit } from '../core/audit-writer';

/** An id from the path is the caller's text: kept short, so a long path cannot bloat the log. */
const maxIdLength = 100;

export interface DeniedAccess {
  status: 401 | 403 | 404;
  code: string;
  /** `GET /api/cases/:caseId`: the declared route, never the path with its ids. */
  route: string;
  /** The path's ids by name (`caseId`, `itemId`); the first is the object asked for. */
  params: Record<string, string>;
}

/**
 * Which refusals are audited (NEN 7513, BIO 8.15: unsuccessful attempts too): every 403; every 401
 * of a request whose session existed (a cookie came in but the session is over: someone was there);
 * every 404 of a route about a record named by an id in its path (`/api/cases/:caseId`), the
 * probing of ids a seat may not reach. A 401 without any session, a 404 of an unknown address and
 * refusals of public routes (sign-in has its own audit) are not.
 */
export function deniedAccessOf(
  req: Request,
  error: unknown,
  routes: readonly AnyRoute[],
  hadSession: boolean,
): DeniedAccess | null {
  if (!(error instanceof AppError) || ![401, 403, 404].includes(error.status)) return null;
  const routePath = (req as Request & { route?: { path?: unknown } }).route?.path;
  if (typeof routePath !== 'string') return null;
  const route = routes.find((r) => r.path === routePath && r.method === req.method.toLowerCase());
  if (!route || 'public' in route.access) return null;
  const params = idsOf(routePath, req.originalUrl.split('?')[0] ?? '');
  if (error.status === 401 && !hadSession) return null;
  if (error.status === 404 && Object.keys(params).length === 0) return null;
  return {
    status: error.status as DeniedAccess['status'],
    code: error.code,
    route: `${req.method} ${routePath}`,
    params,
  };
}

/** The ids of the path by the route's parameter names (`:caseId` → `caseId`); other parameters are not ids. */
function idsOf(routePath: string, path: string): Record<string, string> {
  const names = routePath.split('/');
  const values = path.split('/');
  const ids: Record<string, string> = {};
  names.forEach((name, i) => {
    if (name.startsWith(':') && name.endsWith('Id') && values[i])
      ids[name.slice(1)] = safeDecode(values[i]).slice(0, maxIdLength);
  });
  return ids;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Writes one audit row for a refusal, at most one per actor, route and object a minute: the claim
 * for that minute is a row with a primary key, so of many requests on many nodes exactly one
 * inserts it and writes the row. The actor's older claims go in the same transaction.
 */
export async function recordDeniedAccess(
  db: DataSource,
  req: Request,
  denied: DeniedAccess,
): Promise<boolean> {
  const context = requestContextOf(req);
  const actorUserId = context.actor?.userId ?? context.expiredSessionUserId ?? null;
  const actorKey = actorUserId ? `user:${actorUserId}` : `address:${context.clientAddress}`;
  const [name, objectId] = Object.entries(denied.params)[0] ?? [null, null];
  return db.transaction(async (tx) => {
    const claimed: unknown[] = await tx.query(
      `WITH now_minute AS (SELECT floor(extract(epoch FROM now()) / 60)::bigint AS minute),
            pruned AS (DELETE FROM audit_denied_claim WHERE actor_key = $1 AND minute < (SELECT minute - 2 FROM now_minute))
       INSERT INTO audit_denied_claim (actor_key, route, object_id, minute) SELECT $1, $2, $3, minute FROM now_minute
       ON CONFLICT DO NOTHING RETURNING minute`,
      [actorKey, denied.route, objectId ?? ''],
    );
    if (claimed.length === 0) return false;
    await writeAudit(tx, context, {
      action: 'access.denied',
      objectType: name ? name.replace(/Id$/, '') : 'route',
      objectId,
      purpose: 'access_control',
      outcome: 'denied',
      actorUserId,
      details: {
        route: denied.route,
        status: denied.status,
        code: denied.code,
        ...(Object.keys(denied.params).length > 1 ? { params: denied.params } : {}),
      },
    });
    return true;
  });
}

/**
 * An error middleware before the one that answers: it audits a refusal and passes the error on
 * unchanged. Should the audit write fail, the refusal is still answered (and the failure logged).
 */
export function auditDeniedAccess(
  db: DataSource,
  routes: readonly AnyRoute[],
): ErrorRequestHandler {
  return async (error, req, _res, next) => {
    // Only a refusal by a declared route can qualify; anything else (a parse error before the session was read) passes untouched.
    const isRefusalOfRoute =
      error instanceof AppError &&
      [401, 403, 404].includes(error.status) &&
      !!(req as Request & { route?: unknown }).route;
    if (!isRefusalOfRoute) return next(error);
    try {
      const context = requestContextOf(req);
      const denied = deniedAccessOf(
        req,
        error,
        routes,
        context.hadExpiredSession || !!context.actor,
      );
      if (denied) await recordDeniedAccess(db, req, denied);
    } catch (failure) {
      (req as Request & { log?: Logger }).log?.error(
        { err: failure },
        'refused access not audited',
      );
    }
    next(error);
  };
}
