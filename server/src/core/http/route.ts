import express, { type Request, type Response, type Router } from 'express';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  AppError,
  errorBodySchema,
  isGranted,
  isTokenPermission,
  seats,
  parseOrThrow,
  permissionLabel,
  type Permission,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../request-context';
import { refuseUnexpectedBodyType } from './forgery';
import { holdsPermission, unauthenticatedError } from './bearer';
import { requestContextOf } from '../request-context';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route. `public` (sign-in, health, the API description) is the exception and
 * named as such; every other route names the permission it needs. A route without one refuses
 * to be registered, so a new endpoint cannot be forgotten by the authorization table.
 *
 * A request with an API token reaches a route when the token carries the route's permission (a
 * token never carries the personal ones: `permissionsNeverOnToken`), and of the public routes only
 * those marked `sessionless`: the others are steps of signing in, which a token has no part in.
 */
export type RouteAccess = { public: true; sessionless?: true } | { permission: Permission };

export const sessionOnlyPublicRouteMessage =
  'Deze route is er voor het inloggen van personen; met een API-token is zij niet bereikbaar.';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  context: RequestContext;
  /** The signed-in actor; always present on non-public routes. */
  actor: Actor;
  req: Request;
  res: Response;
}

export interface RouteDefinition<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, R> {
  method: Method;
  /** Express path, e.g. `/api/cases/:caseId`. */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  body?: B;
  query?: Q;
  params?: P;
  /**
   * What a successful answer carries; every route declares exactly one: a JSON body (`response`),
   * a file (`file`: its content types, e.g. a PDF or CSV download), or nothing (`noContent`: 204).
   * The OpenAPI document, and the client's types generated from it, follow from this.
   */
  response?: z.ZodType<R>;
  file?: { contentTypes: readonly string[] };
  noContent?: true;
  /**
   * The answer sends the browser on (303 with a Location): a page the user arrives at from
   * elsewhere, such as the return from an organisation's identity provider. The handler redirects.
   */
  redirect?: { description: string };
  /**
   * The body is a file, not JSON: it arrives as a Buffer (at most `maxBytes`) in `body`, and its
   * metadata comes in the query. Used for document uploads.
   */
  rawBody?: {
    maxBytes: number;
    contentTypes: readonly string[];
    typeMessage?: string;
    /** A body over `maxBytes` is a 400 at this path with this message (default: 413 PAYLOAD_TOO_LARGE). */
    tooLarge?: { path: string; message: string };
  };
  /** Status of a successful answer; 200 unless said otherwise. */
  status?: number;
  handler: (input: RouteInput<z.output<B>, z.output<Q>, z.output<P>>) => Promise<R>;
}

// zod's default parse for absent parts: refuse unknown query keys and stray bodies alike.
const noQuery = z.strictObject({});
const noParams = z.object({});

export function defineRoute<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R = unknown,
>(definition: RouteDefinition<B, Q, P, R>): RouteDefinition<B, Q, P, R> {
  return definition;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any, any>;

export function mountRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  routes: readonly AnyRoute[],
): void {
  for (const route of routes) {
    if (!('public' in route.access) && !('permission' in route.access)) {
      throw new Error(`Route ${route.method.toUpperCase()} ${route.path} declares no permission`);
    }
    if (
      [route.response, route.file, route.noContent, route.redirect].filter(Boolean).length !== 1
    ) {
      throw new Error(
        `Route ${route.method.toUpperCase()} ${route.path} must declare one of response, file, noContent, redirect`,
      );
    }
    describeRoute(registry, route);
    // Who may call it is checked first, before a (possibly large) body is read.
    const checkAccess = (req: Request, _res: Response, next: (error?: unknown) => void) => {
      const context = requestContextOf(req);
      if ('permission' in route.access) {
        if (!context.actor) return next(unauthenticatedError(context));
        if (!holdsPermission(context, route.access.permission))
          return next(new AppError('FORBIDDEN'));
      } else if (context.bearer && !route.access.sessionless) {
        return next(new AppError('FORBIDDEN', sessionOnlyPublicRouteMessage));
      }
      next();
    };
    // A body is JSON unless the route declares a raw type: no form (urlencoded, multipart, text/plain) of
    // a page elsewhere reaches a handler. A route without a body takes none (or an empty JSON object).
    const checkBodyType = refuseUnexpectedBodyType(
      route.rawBody?.contentTypes ?? ['application/json'],
      route.rawBody?.typeMessage,
    );
    const rawParser = route.rawBody ? [rawBodyParser(route.rawBody)] : [];
    router[route.method](
      route.path,
      checkAccess,
      checkBodyType,
      refuseFormWithoutOrigin,
      ...rawParser,
      async (req: Request, res: Response) => {
        const context = requestContextOf(req);
        const params = parseOrThrow(route.params ?? noParams, req.params);
        refuseUndecodableQuery(req);
        const query = parseOrThrow(route.query ?? noQuery, req.query ?? {});
        const body = route.rawBody
          ? parseOrThrow(route.body ?? z.instanceof(Buffer), req.body)
          : route.body
            ? parseOrThrow(route.body, req.body ?? {})
            : parseOrThrow(noQuery, req.body ?? {});
        const result = await route.handler({
          body,
          query,
          params,
          context,
          actor: context.actor as Actor,
          req,
          res,
        });
        if (res.headersSent) return;
        // A handler may set a status itself (health answers 503); otherwise the route's status.
        const status = route.status ?? res.statusCode;
        if (result === undefined) res.status(status === 200 ? 204 : status).end();
        else res.status(status).json(result);
      },
    );
  }
}

/** The raw body as a Buffer, at most `maxBytes`; over it, the route's own 400 when it names one. */
function rawBodyParser(rawBody: NonNullable<AnyRoute['rawBody']>) {
  const parse = express.raw({ type: () => true, limit: rawBody.maxBytes });
  return (req: Request, res: Response, next: (error?: unknown) => void) =>
    parse(req, res, (error?: unknown) => {
      const isTooLarge = (error as { type?: string } | undefined)?.type === 'entity.too.large';
      if (isTooLarge && rawBody.tooLarge)
        return next(
          new AppError('VALIDATION_FAILED', rawBody.tooLarge.message, [rawBody.tooLarge]),
        );
      next(error);
    });
}

/**
 * A form upload (multipart/form-data) is a body any page can send, so a route that takes one
 * (the import) takes it only with an Origin: every browser sends one with a form, and a foreign
 * one was refused before (forgery.ts). A script sends the app's own origin as its Origin header.
 */
function refuseFormWithoutOrigin(req: Request, _res: Response, next: (error?: unknown) => void) {
  if (req.is('multipart/form-data') && req.get('origin') === undefined)
    return next(
      new AppError(
        'FORBIDDEN',
        'Een formulier met een bestand wordt alleen aangenomen met een Origin.',
        [{ path: 'Origin', message: 'Stuur de Origin van de Uitstroomtafel mee.' }],
      ),
    );
  next();
}

/**
 * A query whose %-escapes are no UTF-8 (a lone surrogate sent as bytes, a cut sequence): the query
 * parser would quietly turn them into U+FFFD and store that. Refused as the router refuses such a path.
 */
function refuseUndecodableQuery(req: Request): void {
  const search = req.originalUrl.split('?').slice(1).join('?');
  try {
    decodeURIComponent(search.replace(/\+/g, ' '));
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Het adres bevat tekens die niet zijn toegestaan.', [
      { path: '', message: 'Ongeldige tekens in de zoekvraag.' },
    ]);
  }
}

function credentialsFor(permission: Permission): Record<string, string[]>[] {
  const bySession = seats.some((seat) => isGranted(seat, permission));
  return [
    ...(bySession ? [{ session: [] }] : []),
    ...(isTokenPermission(permission) ? [{ bearer: [] }] : []),
  ];
}

function accessDescription(permission: Permission): string {
  const right = `het recht \`${permission}\` (${permissionLabel[permission]})`;
  const credentials = credentialsFor(permission);
  if (credentials.length === 2)
    return `Vereist ${right}: een sessie van een zetel met dat recht, of een API-token dat het draagt.`;
  if ('bearer' in credentials[0]!) return `Alleen met een API-token dat ${right} draagt.`;
  return `Vereist een sessie en ${right}; niet met een API-token.`;
}

function describeRoute(registry: OpenAPIRegistry, route: AnyRoute): void {
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: errorBodySchema } },
  });
  const isPublic = 'public' in route.access;
  const permission = 'permission' in route.access ? route.access.permission : null;
  registry.registerPath({
    method: route.method,
    path: route.path.replace(/:(\w+)/g, '{$1}'),
    summary: route.summary,
    tags: [route.tag],
    description: permission === null ? 'Zonder sessie bereikbaar.' : accessDescription(permission),
    // Which credentials reach the operation; the permission itself, for generators and checks.
    security: permission === null ? [] : credentialsFor(permission),
    ...(permission === null ? {} : { 'x-permission': permission }),
    request: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.rawBody
        ? {
            body: {
              content: Object.fromEntries(
                route.rawBody.contentTypes.map((type) => [
                  type,
                  { schema: { type: 'string', format: 'binary' } },
                ]),
              ),
            },
          }
        : route.body
          ? { body: { content: { 'application/json': { schema: route.body } } } }
          : {}),
    },
    responses: {
      [route.noContent ? 204 : route.redirect ? 303 : (route.status ?? 200)]: route.redirect
        ? {
            description: route.redirect.description,
            headers: { Location: { schema: { type: 'string' }, description: 'Waarheen' } },
          }
        : route.response
          ? { description: 'Gelukt', content: { 'application/json': { schema: route.response } } }
          : route.file
            ? {
                description: 'Gelukt: een bestand',
                content: Object.fromEntries(
                  route.file.contentTypes.map((type) => [
                    type,
                    { schema: { type: 'string', format: 'binary' } },
                  ]),
                ),
              }
            : { description: 'Gelukt, zonder inhoud' },
      400: errorResponse('Ongeldige invoer (VALIDATION_FAILED, MALFORMED_JSON)'),
      ...(isPublic
        ? {}
        : {
            401: errorResponse(
              'Geen of verlopen sessie, of een onbekend, ingetrokken of verlopen API-token (TOKEN_INVALID, TOKEN_REVOKED, TOKEN_EXPIRED)',
            ),
            403: errorResponse('Geen toestemming'),
            409: errorResponse(
              'Botst met de huidige stand: een verouderde versie (VERSION_CONFLICT) of een reden die de code noemt (zie ErrorCode)',
            ),
          }),
      404: errorResponse('Niet gevonden'),
      429: errorResponse('Te veel aanvragen (TOO_MANY_ATTEMPTS, TOKEN_RATE_LIMITED)'),
    },
  });
}
