import { DataSource, type EntityManager } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import { migrations } from '../../../migrations';
import { AfterCommitSubscriber } from './after-commit';
import { createLogger } from './logger';

export type Db = DataSource;
export type Tx = EntityManager;

// The same level rule as readConfig (LOG_LEVEL, silent under test), for the pools made before a config exists.
const logger = createLogger(
  process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
);

/**
 * A dropped connection in the log: the error as every logger keeps errors (core/logger.ts: its kind,
 * SQL state and stack frames; never the message, the query, its parameters or the client with its
 * connection details).
 */
export function logDatabaseConnectionError(error: unknown, what: string): void {
  logger.warn({ err: error }, `database: ${what}`);
}

/**
 * pg-pool's `onConnect`, for every pool: a connection whose server ended it (a FATAL such as 57P01,
 * `terminating connection due to administrator command`) is logged and ended at once. Otherwise a
 * query that was running on it hands it back to the pool before its socket's end is read, and the
 * next request would get the dead connection.
 */
export function endConnectionOnFatal(client: PoolClient): void {
  const { connection } = client as unknown as {
    connection: {
      on(event: 'errorMessage', listener: (message: { severity?: string }) => void): void;
    };
  };
  connection.on('errorMessage', (message) => {
    if (message.severity !== 'FATAL') return;
    logDatabaseConnectionError(message, 'the server ended a connection');
    void client.end().catch(() => undefined);
  });
}

export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // Every query is SQL in a repository: no entity classes, so no metadata to keep in step with the migrations.
    entities: [],
    subscribers: [AfterCommitSubscriber],
    migrations,
    migrationsTableName: 'schema_migration',
    poolSize: options.poolSize ?? 10,
    // The schema changes only through migrations.
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // An idle connection that drops (a restart, a failover, pg_terminate_backend) is logged and left
    // out of the pool; the next query opens a new one. Connections in use are released by TypeORM.
    // (A FATAL from the server is logged once, by endConnectionOnFatal.)
    poolErrorHandler: (error: unknown) => {
      if ((error as { severity?: string }).severity !== 'FATAL')
        logDatabaseConnectionError(error, 'an idle connection dropped');
    },
    extra: { onConnect: endConnectionOnFatal },
  });
}

/** Run every pending migration as the owner role; returns the names that ran. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = createDataSource(ownerUrl, { poolSize: 1 });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The migrations this code knows and the database has not run, read as the app role: a node started
 * with DATABASE_URL never holds the owner's credentials, so it can only refuse to run on an old schema.
 */
export async function pendingMigrationNames(db: DataSource): Promise<string[]> {
  // No table (a database never migrated): every migration is pending.
  const [{ exists }] = await db.query(
    `SELECT to_regclass('schema_migration') IS NOT NULL AS exists`,
  );
  const rows: { name: string }[] = exists
    ? await db.query('SELECT name FROM schema_migration')
    : [];
  const done = new Set(rows.map((row) => row.name));
  return migrations
    .map((migration) => (new migration() as { name?: string }).name ?? migration.name)
    .filter((name) => !done.has(name));
}

/** The pg pool underneath TypeORM, shared with the session store instead of opening a second one. */
export function pgPoolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** A unique-constraint violation on exactly this constraint (TypeORM wraps the driver's error, or not). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/**
 * The rows an UPDATE or DELETE … RETURNING gave back. TypeORM's `query()` answers such statements
 * with `[rows, rowCount]` instead of the rows, unlike SELECT and INSERT; this hides the difference.
 */
export function returnedRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}

/**
 * The placeholder maker of a parameterised query: `param(value)` adds the value to `params` and
 * returns its placeholder (`$1`, `$2`, …), so a condition is built without counting by hand and no
 * value is ever spliced into SQL text.
 */
export function placeholderFor(params: unknown[]): (value: unknown) => string {
  return (value) => `$${params.push(value)}`;
}
