/**
 * `npm start`: the whole app on one port. Without DATABASE_URL it starts an embedded PostgreSQL
 * (data under .data/, kept across restarts), migrates, fills the demo regions when the database is
 * empty, builds the client when its build is missing or stale, and serves API and client.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '../server/src/server';
import { readConfig } from '../server/src/core/config';
import { developmentKeyNotice } from '../server/src/core/secret-box';
import { createDataSource, pendingMigrationNames, runMigrations } from '../server/src/core/db';
import {
  chooseDataDir,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../server/src/core/embedded-database';
import { seedDemoData } from '../server/src/demo/demo-seed';
import { seedDemoHistory } from '../server/src/demo/demo-history';
import { demoPassword, featuredDemoAccounts } from '../server/src/demo/demo-regions';
import { buildClientIfStale } from './client-build';
import { startScheduler } from '../server/src/core/scheduler';
import { scheduledJobs } from '../server/src/scheduled-jobs';
import { notificationMailsSettled } from '../server/src/notifications/notify';

const root = resolve(__dirname, '..');

async function main() {
  const startedAt = Date.now();
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    const { dataDir, isFallback } = chooseDataDir(join(root, '.data'));
    embedded = await startEmbeddedDatabase({
      dataDir,
      databaseName: 'uitstroomtafel',
      port: intOrUndefined(process.env.EMBEDDED_DB_PORT),
      isDetached: true,
    });
    if (embedded.stoppedOrphanPid)
      console.log(
        `Een ingebouwde PostgreSQL die na een eerdere start was blijven draaien (pid ${embedded.stoppedOrphanPid}), is eerst gestopt.`,
      );
    if (isFallback)
      console.log(
        `De databasegebruiker postgres kan ${root} niet in: PostgreSQL draait vanuit ${dirname(embedded.binDir)} en de data staat daarom elders.`,
      );
    process.env.DATABASE_URL = embedded.appUrl;
    process.env.DATABASE_OWNER_URL = embedded.ownerUrl;
    process.env.SESSION_SECRET ??= persistentSecret(join(dataDir, 'session-secret'));
    console.log(`Ingebouwde PostgreSQL gestart (data: ${dataDir}).`);
  }
  // A stop while the app is still starting (migrations, demo data, the client build): exit, and the
  // embedded PostgreSQL stops with the process (its exit hook) instead of running on, orphaned.
  const stopWhileStarting = (signal: NodeJS.Signals) => {
    console.log(`\nDe app stopt (${signal}).`);
    process.exit(130);
  };
  process.once('SIGINT', stopWhileStarting);
  process.once('SIGTERM', stopWhileStarting);
  const config = readConfig(process.env, {
    clientDistDir: process.env.CLIENT_DIST_DIR ?? join(root, 'client', 'dist'),
  });
  if (config.encryptionKeys.isDevelopmentKey) console.log(developmentKeyNotice);

  // The embedded database migrates here; with DATABASE_URL the app never holds the owner's credentials: migrations are their own step (`npm run migrate`).
  const ran = embedded ? await runMigrations(embedded.ownerUrl) : [];
  if (ran.length) console.log(`Migraties uitgevoerd: ${ran.join(', ')}`);

  const db = createDataSource(config.databaseUrl);
  await db.initialize();
  const pending = embedded ? [] : await pendingMigrationNames(db);
  if (pending.length) {
    await db.destroy();
    throw new Error(
      `Het databaseschema loopt achter (${pending.join(', ')}). Voer eerst "npm run migrate" uit met DATABASE_OWNER_URL.`,
    );
  }
  if (!config.isProduction && (await seedDemoData(db)))
    console.log('Demoregio’s Flevoland en Midden-IJssel aangemaakt.');
  // Once per database (seedDemoHistory marks it done): four years of cases for the indicators' dashboards.
  if (!config.isProduction && (await seedDemoHistory(db)))
    console.log('Demogeschiedenis aangemaakt: vier jaar casussen voor de indicatoren.');

  if (!config.isProduction) buildClientIfStale(root);

  // HTTP and the live layer (socket.io) on one port.
  const server = await startServer({ db, config });
  // Digests and due-date flags: every node runs the scheduler; each job runs once per period across them.
  const stopScheduler = startScheduler(db, { jobs: scheduledJobs() });
  console.log(
    `\nUitstroomtafel draait op ${server.url} (gestart in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
  );
  if (!config.isProduction) {
    console.log(`Demo-accounts (wachtwoord: ${demoPassword}):`);
    for (const email of featuredDemoAccounts) console.log(`  ${email}`);
  }

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    // One line: the pools are closed before the database stops, so nothing reports a dropped connection.
    console.log(`\nDe app stopt (${signal}).`);
    await stopScheduler();
    await server.close();
    await notificationMailsSettled(db);
    await db.destroy();
    if (embedded) await embedded.stop();
    process.exit(0);
  };
  process.off('SIGINT', stopWhileStarting);
  process.off('SIGTERM', stopWhileStarting);
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function persistentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function intOrUndefined(value: string | undefined): number | undefined {
  return value ? Number(value) : undefined;
}

main().catch((error: unknown) => {
  // A person reads this: the message, not an object dump (a rejection without a reason printed "undefined").
  const { code, port } = (error ?? {}) as { code?: string; port?: number };
  const message =
    code === 'EADDRINUSE'
      ? `poort ${port ?? ''} is al in gebruik; kies een andere met PORT=…`
      : error instanceof Error
        ? error.message
        : String(error ?? 'onbekende fout');
  console.error(`Uitstroomtafel kon niet starten: ${message}`);
  if (process.env.DEBUG_START && error instanceof Error) console.error(error.stack);
  // The embedded PostgreSQL stops on exit (startEmbeddedDatabase's exit hook), after the app's
  // connections are gone with the process, so no dropped connection is reported.
  process.exit(1);
});
