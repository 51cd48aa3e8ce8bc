import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Client, Pool } from 'pg';
import { liveMessage, presenceSchema } from '@uitstroom/shared';
import {
  findFreePort,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../../server/src/core/embedded-database';
import { createDataSource, runMigrations } from '../../server/src/core/db';
import { createTestDatabase } from '../support/test-database';
import { startNodeProcess, type NodeProcess } from '../support/live-nodes';
import { connectLive, signInCookie, type LiveClient } from '../support/live-client';
import { readyCase } from '../support/case-factory';
import { demoPassword } from '../support/test-app';

/**
 * The database goes away under running nodes (issue 20): its backends are terminated, or the whole
 * PostgreSQL restarts. A node logs the drop (SQL state and message only), answers 503 on
 * /api/health while the database is away, never exits, and carries on when it is back: the
 * socket.io adapter LISTENs again, so rooms span the nodes again.
 */
jest.setTimeout(120_000);

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const startedAt = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() - startedAt > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function healthOf(node: NodeProcess): Promise<number> {
  return (await fetch(`${node.url}/api/health`)).status;
}

async function asSuperuser<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const listeningBackends = (superuserUrl: string, database: string) =>
  asSuperuser(
    superuserUrl,
    async (client) =>
      (
        await client.query(
          `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'`,
          [database],
        )
      ).rows[0].count as number,
  );

/** Everything a node writes, kept for the test to read (pino's JSON lines on stdout). */
function captureOutput(node: NodeProcess): () => string {
  let output = '';
  node.child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  node.child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return () => output;
}

function databaseLogLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => typeof line.msg === 'string' && /^(database|live):/.test(line.msg));
}

/** The SQL state of a logged error (core/logger.ts keeps it, not the driver's message). */
const sqlStateOf = (line: Record<string, unknown>) =>
  (line.err as { sqlState?: string } | undefined)?.sqlState;

const env = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  SESSION_SECRET: 'same-secret-on-every-node',
  LOG_LEVEL: 'warn',
});

describe('backends terminated under two running nodes (pg_terminate_backend)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let nodeA: NodeProcess;
  let nodeB: NodeProcess;
  const clients: LiveClient[] = [];
  const superuserUrl = () => process.env.TEST_SUPERUSER_URL!;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.appUrl, max: 2 });
    // The test's own pool is terminated too; it reconnects on its next query.
    pool.on('error', () => undefined);
    [nodeA, nodeB] = await Promise.all([
      startNodeProcess(env(database.appUrl)),
      startNodeProcess(env(database.appUrl)),
    ]);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await pool?.end();
    await database?.drop();
  });

  it('logs each drop with its code, reconnects every connection including the adapter’s LISTEN, and rooms span the nodes again', async () => {
    const outputA = captureOutput(nodeA);
    const outputB = captureOutput(nodeB);
    const db = {
      query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
    };
    const kwintes = request.agent(nodeA.url);
    expect(
      (
        await kwintes
          .post('/api/auth/login')
          .send({ email: 'regisseur@kwintes.demo', password: demoPassword })
      ).status,
    ).toBe(200);
    const view = await readyCase(kwintes, db);
    // Sockets connected before the drop: they hang on the nodes, not on the database, and stay.
    const chairOnA = await connectLive(nodeA.url, {
      cookie: await signInCookie(nodeA.url, 'voorzitter@almere.demo'),
    });
    const kwintesOnB = await connectLive(nodeB.url, {
      cookie: await signInCookie(nodeB.url, 'regisseur@kwintes.demo'),
    });
    clients.push(chairOnA, kwintesOnB);
    await waitFor(
      'both nodes LISTENing',
      async () => (await listeningBackends(superuserUrl(), database.name)) === 2,
    );

    const terminated = await asSuperuser(
      superuserUrl(),
      async (client) =>
        (
          await client.query(
            'SELECT count(*)::int AS count FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) AS t',
            [database.name],
          )
        ).rows[0].count as number,
    );
    // Both nodes' app pools (idle connections) and both LISTEN connections, at least.
    expect(terminated).toBeGreaterThanOrEqual(4);

    await waitFor(
      'both nodes LISTENing again',
      async () => (await listeningBackends(superuserUrl(), database.name)) === 2,
    );
    expect(await healthOf(nodeA)).toBe(200);
    expect(await healthOf(nodeB)).toBe(200);
    expect([nodeA.child.exitCode, nodeB.child.exitCode]).toEqual([null, null]);

    // A room on the case, watched through both nodes: presence crosses the nodes through PostgreSQL.
    const room = { room: { kind: 'case', id: view.id } };
    expect(await chairOnA.ask(liveMessage.watch, room)).toEqual({ ok: true });
    const both = kwintesOnB.next(
      liveMessage.presence,
      (presence: { people: unknown[] }) => presence.people.length === 2,
      10_000,
    );
    expect(await kwintesOnB.ask(liveMessage.watch, room)).toEqual({ ok: true });
    expect(
      presenceSchema
        .parse(await both)
        .people.map((person) => person.seat)
        .sort(),
    ).toEqual(['casemanager', 'chair']);

    for (const output of [outputA(), outputB()]) {
      const lines = databaseLogLines(output);
      expect(lines.map((line) => line.msg)).toContain(
        'database: live: the LISTEN connection dropped; the adapter reconnects',
      );
      expect(lines.map(sqlStateOf)).toContain('57P01');
      // The error as every logger keeps it (core/logger.ts): its kind and SQL state, no message, no
      // query, no parameters, no client with its connection details.
      for (const line of lines) {
        expect(
          Object.keys(line).filter(
            (key) => !['level', 'time', 'pid', 'hostname', 'err', 'msg'].includes(key),
          ),
        ).toEqual([]);
        expect(Object.keys(line.err as object)).not.toContain('message');
      }
      expect(output).not.toMatch(/Unhandled 'error' event|password/i);
    }
  });
});

describe('connections of the app’s own pool terminated in this process', () => {
  it('a connection checked out by a transaction and a connection running a query both drop without an unhandled error, and the next query gets a live connection', async () => {
    const database = await createTestDatabase();
    const db = createDataSource(database.appUrl, { poolSize: 3 });
    await db.initialize();
    try {
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      const held = (await runner.query('SELECT pg_backend_pid() AS pid'))[0].pid as number;
      const running = db.query('SELECT pg_sleep(30)').then(
        () => 'finished',
        (error: { code?: string }) => error.code ?? 'failed',
      );
      const sleeping = await waitFor('the query running', () =>
        asSuperuser(
          process.env.TEST_SUPERUSER_URL!,
          async (client) =>
            (
              await client.query(
                `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query = 'SELECT pg_sleep(30)'`,
                [database.name],
              )
            ).rows[0]?.pid as number | undefined,
        ),
      );

      // An unheard 'error' event on either connection would end this process (and the test run).
      await asSuperuser(process.env.TEST_SUPERUSER_URL!, (client) =>
        client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
          [held, sleeping],
        ]),
      );
      expect(await running).toBe('57P01');
      await expect(runner.query('SELECT 1')).rejects.toThrow();
      await runner.release().catch(() => undefined);

      // The query that was running handed its connection back before the socket's end was read:
      // the next query must not get that dead connection (endConnectionOnFatal).
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});

describe('the embedded PostgreSQL restarted under a running node', () => {
  let dataDir: string;
  let database: EmbeddedDatabase | null = null;
  let node: NodeProcess | null = null;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'uitstroom-faults-'));
  });
  afterAll(async () => {
    await node?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 on /api/health while the database is away and 200 when it is back, without exiting', async () => {
    const port = await findFreePort();
    const start = () => startEmbeddedDatabase({ dataDir, databaseName: 'uitstroom_faults', port });
    database = await start();
    await runMigrations(database.ownerUrl);
    node = await startNodeProcess(env(database.appUrl));
    const running = node;
    const output = captureOutput(running);
    expect(await healthOf(running)).toBe(200);
    await waitFor(
      'the node LISTENing',
      async () => (await listeningBackends(database!.superuserUrl, 'uitstroom_faults')) === 1,
    );

    await database.stop();
    database = null;
    const away = await waitFor(
      '503 while the database is away',
      async () => (await healthOf(running)) === 503 && 503,
      10_000,
    );
    expect(away).toBe(503);
    const body = await (await fetch(`${running.url}/api/health`)).json();
    expect(body).toEqual({ status: 'unavailable', db: 'unavailable' });
    // Away for a while: the adapter's reconnection attempts fail in the meantime, and none ends the node.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(running.child.exitCode).toBeNull();

    database = await start();
    await waitFor(
      '200 when the database is back',
      async () => (await healthOf(running)) === 200,
      20_000,
    );
    await waitFor(
      'the node LISTENing again',
      async () => (await listeningBackends(database!.superuserUrl, 'uitstroom_faults')) === 1,
    );
    expect(running.child.exitCode).toBeNull();
    const lines = databaseLogLines(output());
    expect(lines.map(sqlStateOf)).toContain('57P01');
    expect(output()).not.toMatch(/Unhandled 'error' event/);
  });
});

describe('a PostgreSQL left running by a start that was killed (kill -9)', () => {
  let dataDir: string;
  let database: EmbeddedDatabase | null = null;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'uitstroom-orphan-'));
  });
  afterAll(async () => {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is found through postmaster.pid and stopped, and the next start uses the same data', async () => {
    const script = `
      const { startEmbeddedDatabase } = require(${JSON.stringify(join(root, 'server', 'src', 'core', 'embedded-database.ts'))});
      startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)}, databaseName: 'uitstroom_orphan' }).then(() => {
        console.log('ready');
        process.kill(process.pid, 'SIGKILL');
      });`;
    const child = spawn(tsx, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    // tsx runs the script in a child of its own and reports its kill as exit code 137 (128 + SIGKILL).
    const exit = await new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    expect({ exit, output: output.trim() }).toEqual({ exit: 137, output: 'ready' });
    const orphanPid = Number(
      readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    expect(() => process.kill(orphanPid, 0)).not.toThrow();

    database = await startEmbeddedDatabase({ dataDir, databaseName: 'uitstroom_orphan' });
    expect(database.stoppedOrphanPid).toBe(orphanPid);
    expect(() => process.kill(orphanPid, 0)).toThrow();
    const databases = await asSuperuser(
      database.superuserUrl,
      async (client) =>
        (await client.query(`SELECT datname FROM pg_database WHERE datname = 'uitstroom_orphan'`))
          .rowCount,
    );
    expect(databases).toBe(1);
  });
});
