import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from './app';
import type { AppConfig } from './core/config';
import { createLogger } from './core/logger';
import {
  authenticateSocket,
  isOwnOrigin,
  sessionOnHandshake,
  createGateway,
  type LiveIo,
  startDelivery,
} from './live';
import { endConnectionOnFatal, logDatabaseConnectionError } from './core/db';

export interface RunningServer {
  httpServer: HttpServer;
  io: LiveIo;
  /** Where this node answers, e.g. http://127.0.0.1:41234. */
  url: string;
  close(): Promise<void>;
}

/**
 * One node: the HTTP app and the live layer (socket.io) on one port. Nodes keep no state of their
 * own: sessions and sign-in counters are in PostgreSQL, and the sockets' rooms are shared between
 * nodes through PostgreSQL too (LISTEN/NOTIFY, @socket.io/postgres-adapter), so any number of
 * nodes can stand behind a load balancer without sticky sessions.
 */
export async function startServer(options: {
  db: DataSource;
  config: AppConfig;
  port?: number;
  host?: string;
}): Promise<RunningServer> {
  const { db, config } = options;
  const logger = createLogger(config.logLevel);
  const app = createApp(db, config);
  const httpServer = createServer(app);

  // The adapter holds one connection in LISTEN for as long as the node runs: a small pool of its own
  // keeps it from taking one of the app's.
  const adapterPool = new Pool({
    connectionString: config.databaseUrl,
    max: 3,
    onConnect: endConnectionOnFatal,
  } as PoolConfig);
  // Only code and message: the error carries the whole pg client (connection details) otherwise.
  adapterPool.on('error', (error) =>
    logDatabaseConnectionError(error, 'live: an idle adapter connection dropped'),
  );
  const io: LiveIo = new Server(httpServer, {
    // WebSocket only: no long-polling, so no sticky sessions between nodes, and the browser always
    // sends an Origin to check.
    transports: ['websocket'],
    serveClient: false,
    // Client messages are small ({ room }); anything bigger is refused before it is read.
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, callback) =>
      callback(
        isOwnOrigin(config, req.headers) ? null : 'Onbekende herkomst',
        isOwnOrigin(config, req.headers),
      ),
    adapter: createAdapter(listenSafePool(adapterPool), {
      errorHandler: (error) => logger.error({ err: error }, 'live: adapter error'),
    }),
  });
  io.engine.use(sessionOnHandshake(app.locals.sessionMiddleware as RequestHandler));
  io.use(authenticateSocket(db, config));
  // Listening first, so that this node's greeting to the others (presence) is heard.
  await untilListening(io);
  const gateway = createGateway(io, db, config, logger);
  const delivery = startDelivery(io, db, gateway, logger);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? config.port, options.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host =
    !options.host || options.host === '0.0.0.0' || options.host === '::'
      ? 'localhost'
      : options.host;

  let closing: Promise<void> | null = null;
  return {
    httpServer,
    io,
    url: `http://${host}:${address.port}`,
    close() {
      closing ??= (async () => {
        delivery.stop();
        gateway.stop();
        const closed = new Promise<void>((resolve) => {
          void io.close(() => resolve());
        });
        httpServer.closeAllConnections();
        await closed;
        await adapterPool.end();
      })();
      return closing;
    },
  };
}

/**
 * The adapter checks one client out of the pool for LISTEN and keeps it. When its connection drops
 * (a PostgreSQL restart, a failover, pg_terminate_backend) the client emits `error`, and a checked-
 * out client has no listener of the pool's: unheard, that `error` ends the process. Here every
 * checked-out client gets one, which logs the drop and hands the dead client back to the pool, so
 * its place is free again; the adapter hears `end` and checks out a new client after about two
 * seconds, LISTENing again to every room's channel.
 */
function listenSafePool(pool: Pool): Pool {
  const connect = async (): Promise<PoolClient> => {
    const client = await pool.connect();
    const release = client.release.bind(client);
    let isReleased = false;
    const releaseOnce = (error?: Error | boolean) => {
      if (isReleased) return;
      isReleased = true;
      release(error);
    };
    client.release = releaseOnce;
    client.on('error', (error) => {
      logDatabaseConnectionError(
        error,
        'live: the LISTEN connection dropped; the adapter reconnects',
      );
      releaseOnce(error);
    });
    client.once('end', () => releaseOnce(new Error('connection ended')));
    return client;
  };
  // The adapter uses only connect() (the LISTEN client) and query() (NOTIFY, attachments).
  return { connect, query: pool.query.bind(pool) } as unknown as Pool;
}

/**
 * The adapter starts listening in the background; a node that answers before it listens would
 * miss what other nodes say. It keeps its connection in a field it does not export (0.5.x), read
 * here with a bounded wait, so a changed internal costs at most two seconds and not correctness
 * for long (it keeps retrying the LISTEN itself).
 */
async function untilListening(io: LiveIo): Promise<void> {
  const adapter = io.of('/').adapter as unknown as { client?: { client?: unknown } };
  for (let waited = 0; waited < 2000 && adapter.client && !adapter.client.client; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
