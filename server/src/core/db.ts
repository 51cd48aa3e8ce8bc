import { DataSource, type EntityManager } from 'typeorm';
import type { Pool } from 'pg';
import { migrations } from '../../../migrations';
import { entities } from './entities';

export type Db = DataSource;
export type Tx = EntityManager;

export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    poolSize: options.poolSize ?? 10,
    // The schema changes only through migrations.
    synchronize: false,
    migrationsRun: false,
    logging: false,
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
  const [{ exists }] = await db.query(`SELECT to_regclass('schema_migration') IS NOT NULL AS exists`);
  const rows: { name: string }[] = exists ? await db.query('SELECT name FROM schema_migration') : [];
  const done = new Set(rows.map((row) => row.name));
  return migrations.map((migration) => (new migration() as { name?: string }).name ?? migration.name).filter((name) => !done.has(name));
}

/** The pg pool underneath TypeORM, shared with the session store instead of opening a second one. */
export function pgPoolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** A unique-constraint violation on exactly this constraint (TypeORM wraps the driver's error, or not). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/**
 * The rows an UPDATE or DELETE … RETURNING gave back. TypeORM's `query()` answers such statements
 * with `[rows, rowCount]` instead of the rows, unlike SELECT and INSERT; this hides the difference.
 */
export function returnedRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
