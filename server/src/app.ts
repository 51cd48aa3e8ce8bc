import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import type { DataSource } from 'typeorm';
import { publicOriginOf, type AppConfig } from './core/config';
import { pgPoolOf } from './core/db';
import { createLogger, logSerializers } from './core/logger';
import { apiNotFound, errorHandler } from './core/http/errors';
import { refuseForeignOrigin } from './core/http/forgery';
import { bearerContextMiddleware, unlessBearer } from './core/http/bearer';
import { buildOpenApiDocument, createRegistry } from './core/http/openapi';
import { mountRoutes, type AnyRoute } from './core/http/route';
import { requestContextMiddleware, sessionMiddleware } from './core/session';
import { authRoutes, loadActor } from './auth';
import { createMailer, type Mailer } from './core/mailer';
import { healthRoutes } from './health';
import { regionRoutes } from './regions';
import { usersRoutes } from './users';
import { caseNamesInReach, casesRoutes, caseScope, documentsRoutes } from './cases';
import { tablesRoutes, tableScope } from './tables';
import { auditRoutes, auditDeniedAccess } from './audit';
import { notificationsRoutes, installNotificationMailer } from './notifications';
import { tasksRoutes } from './tasks';
import { dwellingsRoutes } from './dwellings';
import { placementsRoutes } from './placements';
import { supportRoutes } from './support';
import { retentionRoutes } from './retention';
import { indicatorsRoutes } from './indicators';
import { importRoutes } from './import';
import { auditTokenRequests, limitTokenRequests, partnersRoutes, resolveToken } from './partners';

/** The whole HTTP app for one data source; no listening, so tests can drive it with supertest. */
export function createApp(
  db: DataSource,
  config: AppConfig,
  options: { logger?: Logger } = {},
): Express {
  const logger = options.logger ?? createLogger(config.logLevel);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger,
      // The request id is the server's own; a client's X-Request-Id is only a correlation field (request context).
      genReqId: () => randomUUID(),
      autoLogging: config.logLevel !== 'silent',
      // Only what an operator needs: never headers (session cookies), bodies or query strings (names).
      serializers: {
        ...logSerializers,
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      // Plain http on localhost in development: no HSTS and no upgrade of requests to https there.
      strictTransportSecurity: config.isProduction,
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'"],
          'upgrade-insecure-requests': config.isProduction ? [] : null,
        },
      },
    }),
  );
  // Before any body is read: a state-changing request from a page elsewhere is refused (forgery.ts).
  app.use('/api', refuseForeignOrigin(config));
  app.use('/api', express.json({ limit: '1mb' }));
  const session = sessionMiddleware(config, pgPoolOf(db));
  // The live layer (server.ts) reads the same sessions on the socket's opening request.
  app.locals.sessionMiddleware = session;
  // A request with an API token reads no session and makes none (core/http/bearer.ts).
  app.use('/api', unlessBearer(session));
  app.use(
    '/api',
    bearerContextMiddleware(
      (token) => resolveToken(db, token),
      requestContextMiddleware(config, (userId) => loadActor(db, userId)),
    ),
  );
  app.use('/api', limitTokenRequests(db, config.apiTokenRequestsPerMinute));
  app.use('/api', auditTokenRequests(db, logger));

  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    isProduction: config.isProduction,
    db,
    logger,
  });
  // Notification mails link to PUBLIC_URL (required in production); locally, to this server.
  installNotificationMailer(db, { mailer, baseUrl: publicOriginOf(config), logger });
  const registry = createRegistry();
  const routes = apiRoutes(db, config, mailer);
  const api = express.Router();
  mountRoutes(api, registry, routes);
  // The route table, for the authorization matrix test that is generated from it.
  app.locals.routes = routes;
  const openApiDocument = buildOpenApiDocument(registry);
  api.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(api);
  app.use('/api', apiNotFound);

  if (config.clientDistDir && existsSync(join(config.clientDistDir, 'index.html'))) {
    const indexHtml = join(config.clientDistDir, 'index.html');
    app.use(express.static(config.clientDistDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser: every other GET gets the app's page.
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.sendFile(indexHtml);
    });
  }

  app.use('/api', auditDeniedAccess(db, routes));
  app.use(errorHandler(logger));
  return app;
}

/**
 * Every route of the API. Building the list touches no database (handlers use `db` when called),
 * so `scripts/api-types.ts` describes the API from it without a running server.
 */
export function apiRoutes(db: DataSource, config: AppConfig, mailer: Mailer): AnyRoute[] {
  return [
    ...healthRoutes(db),
    ...authRoutes(db, config, mailer),
    ...usersRoutes(db, config, mailer),
    ...regionRoutes(db),
    ...casesRoutes(db),
    ...tablesRoutes(db),
    ...documentsRoutes(db),
    ...auditRoutes(db),
    ...notificationsRoutes(db, { caseScope, tableScope, caseNames: caseNamesInReach }),
    ...tasksRoutes(db),
    ...dwellingsRoutes(db),
    ...placementsRoutes(db),
    ...supportRoutes(db),
    ...retentionRoutes(db),
    ...indicatorsRoutes(db),
    ...importRoutes(db, config, mailer),
    ...partnersRoutes(db, config),
  ];
}
