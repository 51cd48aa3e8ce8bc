import type { Request, RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { rateLimit, type Store, type ClientRateLimitInfo } from 'express-rate-limit';
import { AppError } from '@uitstroom/shared';
import { requestContextOf } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { countTokenRequest, uncountTokenRequest } from './api-tokens.repository';

/** The token a request acts with, when it acts with one. */
function actingTokenOf(req: Request): string | null {
  const { bearer } = requestContextOf(req);
  return bearer && 'tokenId' in bearer ? bearer.tokenId : null;
}

/** express-rate-limit's counter, kept on the token's row: the limit holds across all nodes. */
class TokenRequestStore implements Store {
  constructor(private readonly db: DataSource) {}
  localKeys = false;
  async increment(tokenId: string): Promise<ClientRateLimitInfo> {
    const { hits, resetAt } = await countTokenRequest(this.db.manager, tokenId);
    return { totalHits: hits, resetTime: resetAt };
  }
  async decrement(tokenId: string): Promise<void> {
    await uncountTokenRequest(this.db.manager, tokenId);
  }
  async resetKey(): Promise<void> {
    // A window of the database's clock ends by itself; nothing to reset early.
  }
}

/**
 * Requests per token and minute (API_TOKEN_REQUESTS_PER_MINUTE): past the limit a 429 in the error
 * shape with Retry-After, and the RateLimit headers on every answer. Session requests are not
 * counted here (sign-in has its own limits).
 */
export function limitTokenRequests(db: DataSource, requestsPerMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: requestsPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new TokenRequestStore(db),
    skip: (req) => actingTokenOf(req) === null,
    keyGenerator: (req) => actingTokenOf(req)!,
    // The key is the token, not the address: the library's checks of address handling do not apply.
    validate: false,
    handler: (req, _res, next) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil(((reset?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000),
      );
      next(new AppError('TOKEN_RATE_LIMITED', undefined, [], { retryAfterSeconds }));
    },
  });
}

/**
 * Every request with a token is audited with the token's id as the actor: the method, the route
 * it reached (its declared path, never the ids or the query) and the answer's status. The row is
 * written when the answer has gone; what the request read or changed is audited by the use case
 * itself, in the token's name too.
 */
export function auditTokenRequests(db: DataSource, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const tokenId = actingTokenOf(req);
    if (!tokenId) return next();
    const context = requestContextOf(req);
    res.on('finish', () => {
      const route = (req as Request & { route?: { path?: unknown } }).route?.path;
      const status = res.statusCode;
      const outcome = [401, 403, 404].includes(status)
        ? 'denied'
        : status >= 400
          ? 'failure'
          : 'success';
      db.transaction((tx) =>
        writeAudit(tx, context, {
          action: 'apiToken.call',
          objectType: 'apiToken',
          objectId: tokenId,
          purpose: 'accountability',
          outcome,
          details: {
            method: req.method,
            route: typeof route === 'string' ? route : null,
            status,
          },
        }),
      ).catch((error: unknown) => logger.error({ err: error }, 'token request not audited'));
    });
    next();
  };
}
