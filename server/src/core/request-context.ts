import type { Request } from 'express';
import type { AppError, Permission, Seat } from '@uitstroom/shared';

/**
 * The signed-in user as every service sees it. A request with an API token acts as the token's own
 * account (`userId` is the token's id; see the partners module) in the seat it was issued to.
 */
export interface Actor {
  userId: string;
  organisationId: string;
  regionId: string;
  seat: Seat;
  /** For a municipality's seat: its CBS code (the cases that concern it follow from it). */
  municipalityCode: string | null;
}

/** What a use case needs to know about the request: who, from where, which request (for the audit log). */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  /** The client's own X-Request-Id, if any: kept apart from the server's id, at most 100 characters. */
  correlationId?: string;
  clientAddress: string;
  /** A session cookie came in, but its session has ended: the client says "log in again". */
  hadExpiredSession: boolean;
  /** Whose session it was, when an ended session still named its user (for the audit of a refused request). */
  expiredSessionUserId?: string;
  /**
   * The request came with `Authorization: Bearer`: no session is read for it. With a token that
   * can act, its id and the permissions it carries (only these count, never the seat's others);
   * otherwise why it cannot (unknown, revoked, expired), answered by every non-public route.
   */
  bearer?: { tokenId: string; permissions: readonly Permission[] } | { refusal: AppError };
}

const contextKey = Symbol('requestContext');
type WithContext = Request & { [contextKey]?: RequestContext };

export function setRequestContext(req: Request, context: RequestContext): void {
  (req as WithContext)[contextKey] = context;
}

export function requestContextOf(req: Request): RequestContext {
  const context = (req as WithContext)[contextKey];
  if (!context) throw new Error('request context missing: is the session middleware mounted?');
  return context;
}
