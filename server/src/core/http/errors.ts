import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '@uitstroom/shared';
import type { Logger } from 'pino';
import { isBearerRequest } from './bearer';

/** Any /api path that no route answered: a 404 in the error shape, signed in or not. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `Onbekend adres: ${req.method} ${req.path}`));
};

/**
 * Turns every error into the one error shape. Body-parser errors (malformed JSON, too large,
 * wrong charset, broken gzip) are the client's fault and answer 4xx; anything unexpected is logged
 * with the request id (through the logger's error serializer: code, SQL state and stack, never a
 * message, query or parameter) and answered as INTERNAL without a stack or a driver message.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL')
      logger.error({ err: error, requestId: (req as { id?: string }).id }, 'unhandled error');
    if (res.headersSent) return;
    // RFC 6750: a refused bearer token says so in the challenge.
    if (appError.status === 401 && isBearerRequest(req))
      res.set('WWW-Authenticate', 'Bearer realm="uitstroomtafel", error="invalid_token"');
    if (appError.code === 'TOKEN_RATE_LIMITED' && appError.details?.retryAfterSeconds)
      res.set('Retry-After', String(appError.details.retryAfterSeconds));
    res.status(appError.status).json(appError.toBody());
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const bodyParserType = (error as { type?: string }).type;
  switch (bodyParserType) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', undefined, [
        { path: '', message: 'Geen geldige JSON.' },
      ]);
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  // Any other body the parser could not read (a broken gzip stream, a length that does not match):
  // the parser marks it as the client's fault (http-errors, status 400, `expose`).
  if (isUnreadableBody(error)) {
    return new AppError('MALFORMED_JSON', 'De inhoud van de aanvraag kan niet worden gelezen.', [
      { path: '', message: 'De (gecomprimeerde) inhoud is beschadigd of onvolledig.' },
    ]);
  }
  // A path that does not decode (a lone surrogate or a broken %-sequence): the router's URIError.
  if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
    return new AppError('VALIDATION_FAILED', 'Het adres bevat tekens die niet zijn toegestaan.', [
      { path: '', message: 'Ongeldige tekens in het adres.' },
    ]);
  }
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE');
  return new AppError('INTERNAL');
}

/** body-parser wraps a stream error (zlib's, an aborted or short body) as a 400 the client may see. */
function isUnreadableBody(error: unknown): boolean {
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return expose === true && status === 400;
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === '57P01' ||
    code === '57P03' ||
    code === '08006' ||
    code === '08001'
  );
}
