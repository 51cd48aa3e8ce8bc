import type { Request, RequestHandler } from 'express';
import { AppError } from '@uitstroom/shared';
import type { AppConfig } from '../config';
import { isBearerRequest } from './bearer';

/**
 * Request forgery. SameSite=Lax keeps the session cookie from other sites, not from a sibling
 * subdomain or another port of the same host: those are "same site". Two rules close that gap:
 *
 * 1. A state-changing request whose Origin is present and is not the app's own is refused (403).
 *    Browsers send Origin on every cross-origin POST, PUT, PATCH and DELETE, forms included.
 * 2. A body must be JSON, or the raw type a route declares (none of which a form can send); a route
 *    without a body takes none (`isAcceptableBody` in route.ts). A page elsewhere can only send
 *    JSON after a CORS preflight, which this app never grants; so a request without an Origin that
 *    carries JSON comes from no browser page elsewhere, and scripts, tests and partner systems
 *    that send no Origin keep working.
 */
const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const foreignOriginMessage =
  'Deze aanvraag komt niet van de Uitstroomtafel zelf en is geweigerd.';

/** PUBLIC_URL's origin; outside production without it, the origin the request came to (Host, or X-Forwarded-* behind a trusted proxy). */
export function ownOriginOf(
  config: Pick<AppConfig, 'publicUrl' | 'isProduction'>,
  req: Request,
): string | null {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  if (config.isProduction) return null;
  try {
    return new URL(`${req.protocol}://${req.host}`).origin;
  } catch {
    return null;
  }
}

export function refuseForeignOrigin(
  config: Pick<AppConfig, 'publicUrl' | 'isProduction'>,
): RequestHandler {
  return (req, _res, next) => {
    if (!stateChangingMethods.has(req.method)) return next();
    // A bearer token is no ambient credential: a page elsewhere cannot make the browser send it,
    // and a bearer request reads no session (bearer.ts), so its Origin does not matter.
    if (isBearerRequest(req)) return next();
    const origin = req.get('origin');
    if (origin === undefined) return next();
    if (origin === ownOriginOf(config, req)) return next();
    next(
      new AppError('FORBIDDEN', foreignOriginMessage, [
        { path: 'Origin', message: 'Onbekende herkomst.' },
      ]),
    );
  };
}

/** A body is there when it has a length above zero or comes in chunks (a `Content-Length: 0` POST has none). */
export function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
  );
}

/**
 * The content types a route takes: JSON for a route with a body schema, the declared raw types for
 * an upload, and JSON for a route without a body (which then must be empty: `{}` is the usual way
 * clients say "nothing", and no page elsewhere can send JSON).
 */
export function refuseUnexpectedBodyType(
  contentTypes: readonly string[],
  message?: string,
): RequestHandler {
  return (req, _res, next) => {
    if (!hasBody(req)) return next();
    if (req.is([...contentTypes])) return next();
    const wanted = contentTypes.join(' of ');
    next(
      new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        message ??
          (contentTypes.includes('application/json')
            ? undefined
            : `Stuur de inhoud als ${wanted}.`),
        [{ path: 'Content-Type', message: `Verwacht ${wanted}.` }],
      ),
    );
  };
}
