// `npm test`: the whole suite, layer by layer, each with its own time.
//   lint    – ESLint, Prettier and dependency-cruiser's import rules (scripts/lint.mjs); first, it is fast
//   types   – tsc over every package (jest only transpiles, for speed)
//   unit    – pure domain rules in shared/ and the command line
//   api     – jest + supertest against a real embedded PostgreSQL; the files that compute a Dutch
//             day run with the clock moved by libfaketime to just after midnight in the Netherlands
//             (faketime installed when missing)
//   browser – the built client in Debian's Chromium (installed with apt-get when missing)
//   clock   – the core of the date-sensitive files again at the other hours where the Dutch calendar
//             date is not UTC's, and the placements page at the first of them
// Ends with one plain line "N passed, N failed" and exits non-zero when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLint } from './lint.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const resultsDir = join(root, 'test-results');
rmSync(join(resultsDir, 'layers'), { recursive: true, force: true });
mkdirSync(join(resultsDir, 'layers'), { recursive: true });
const only = process.argv.slice(2);
const layers = [];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  return result.status ?? 1;
}

/** Like run, without waiting: resolves to the exit status. */
function runAsync(command, args) {
  return new Promise((resolve) => {
    spawn(command, args, { cwd: root, stdio: 'inherit' }).on('close', (status) =>
      resolve(status ?? 1),
    );
  });
}

async function layer(name, body) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n━━━ ${name} ━━━`);
  const startedAt = Date.now();
  const outcome = await body();
  layers.push({ name, seconds: (Date.now() - startedAt) / 1000, ...outcome });
}

function jestArgs(project, files, outputFile, maxWorkers, ignore = []) {
  return [
    'jest',
    ...files,
    // jest's own default ignore, and the files another run of the same layer takes.
    ...(ignore.length ? ['--testPathIgnorePatterns', '/node_modules/', ...ignore] : []),
    '--selectProjects',
    ...[project].flat(),
    '--json',
    '--outputFile',
    outputFile,
    `--maxWorkers=${maxWorkers}`,
  ];
}

function jestOutcome(outputFile, status) {
  if (!existsSync(outputFile)) return { passed: 0, failed: 1, status };
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  const failedSuites = report.numFailedTestSuites + (report.numRuntimeErrorTestSuites ?? 0);
  return { passed: report.numPassedTests, failed: report.numFailedTests + failedSuites, status };
}

/** One jest run of one project, or of several (they share one global set-up: one database). */
function jestLayer(project, { files = [], env = {}, label = project } = {}) {
  const outputFile = join(resultsDir, 'layers', `${label}.json`);
  const status = run('npx', jestArgs(project, files, outputFile, 2), {
    env: { NODE_ENV: 'test', ...env },
  });
  return jestOutcome(outputFile, status);
}

/**
 * Like jestLayer, beside other runs: one worker unless told, its output kept in a file and printed
 * when it ends, so that runs side by side do not mix their lines.
 */
function jestBeside(
  project,
  { files = [], ignore = [], env = {}, label = project, maxWorkers = 1 } = {},
) {
  const outputFile = join(resultsDir, 'layers', `${label}.json`);
  const logFile = join(resultsDir, 'layers', `${label}.log`);
  return new Promise((resolve) => {
    const child = spawn('npx', jestArgs(project, files, outputFile, maxWorkers, ignore), {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', QUIET_SETUP: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      writeFileSync(logFile, Buffer.concat(output));
      console.log(`\n… ${label}\n${Buffer.concat(output).toString('utf8')}`);
      resolve(jestOutcome(outputFile, code ?? 1));
    });
  });
}

/** Installs a Debian package the tests need when its file is missing (as root, or with sudo). */
function ensureDebianPackage(file, pkg) {
  if (existsSync(file)) return;
  console.log(`${pkg} ontbreekt: installeren met apt-get (Debian-pakket ${pkg})…`);
  const asRoot = process.getuid?.() === 0;
  const cmd = (args) => (asRoot ? run(args[0], args.slice(1)) : run('sudo', args));
  cmd(['apt-get', 'update', '-qq']);
  if (
    cmd(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', pkg]) !== 0 ||
    !existsSync(file)
  ) {
    throw new Error(`Installing ${pkg} with apt-get failed`);
  }
}

const ensureChromium = () => ensureDebianPackage('/usr/bin/chromium', 'chromium');
// The api tests read back what a PDF prints with pdftotext.
const ensurePdftotext = () => ensureDebianPackage('/usr/bin/pdftotext', 'poppler-utils');
const libfaketime = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

function buildClient() {
  return run('npm', ['run', 'build', '--workspace', 'client', '--silent']) === 0;
}

// The hours that bite: just after midnight in the Netherlands while UTC is still on the day before
// (winter and summer), and the two nights the clocks move. The first moment is the api layer's own
// clock for every file that computes a day (the machine's own hour is an arbitrary one, and this one
// is the hardest: a UTC date is a day off), and the placements page's; the others run the core.
const clockMoments = [
  {
    at: '2026-12-06T23:30:00Z',
    dutch: '7 december 2026 00:30',
    label: 'clock-winter-night',
  },
  { at: '2026-07-01T22:30:00Z', dutch: '2 juli 2026 00:30', label: 'clock-summer-night' },
  {
    at: '2026-03-29T00:30:00Z',
    dutch: '29 maart 2026 01:30, een half uur voor de zomertijd',
    label: 'clock-spring-forward',
  },
  {
    at: '2026-10-25T00:30:00Z',
    dutch: '25 oktober 2026 02:30, een half uur voor de wintertijd',
    label: 'clock-fall-back',
  },
];
const clockApiTests = [
  'server/src/placements/placements.test.ts',
  'server/src/tables/tables.test.ts',
  'server/src/tables/preconditions.test.ts',
  'server/src/cases/consent.test.ts',
  'server/src/notifications/notifications.test.ts',
  'tests/api/scheduler.test.ts',
  'server/src/tasks/tasks.test.ts',
  'server/src/dwellings/contingents.test.ts',
  'tests/api/follow-up-support.test.ts',
  'tests/api/indicators.test.ts',
  'tests/api/erasure.test.ts',
];
// The other three moments run the files whose days turn on the hour itself (the suite has a time
// budget): waiting days and answer terms, decisions on the table's day, consent, support dates, tasks.
const clockApiCoreTests = [
  'server/src/placements/placements.test.ts',
  'server/src/tables/tables.test.ts',
  'server/src/cases/consent.test.ts',
  'server/src/notifications/notifications.test.ts',
  'server/src/tasks/tasks.test.ts',
  'tests/api/follow-up-support.test.ts',
];
// The pages at a moved clock: the placements page alone (it shows waiting days and key dates). The
// tables and follow-up pages ran here too until the suite outgrew its 15 minutes; their dates come
// from the same shared calendar module the api files above test at every moment.
const clockBrowserTests = ['tests/browser/placements.test.ts'];

/**
 * The environment that moves every process's clock (jest, its workers, the embedded PostgreSQL,
 * Chromium) to `at`, and lets it run on from there. A relative offset, not a start-at time: a
 * start-at time would restart at every child process, and the database would lag the app.
 */
function shiftedClock(at) {
  const offsetSeconds = Math.round((Date.parse(at) - Date.now()) / 1000);
  return {
    LD_PRELOAD: libfaketime,
    FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`,
    // Timers and timeouts keep real time; only the wall clock moves.
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
}

/**
 * libfaketime names its shared semaphore and memory after the process that made them and does not
 * always remove them (a killed process leaves them in /dev/shm). A later process with the same pid,
 * run as another user (initdb runs as postgres under root), then cannot make its own and fails. So
 * the segments of processes that no longer exist go before the clock moves.
 */
function removeStaleFaketimeSegments() {
  const folder = '/dev/shm';
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const pid = /^(?:sem\.)?faketime_(?:sem|shm)_(\d+)$/.exec(name)?.[1];
    if (!pid || isAlive(Number(pid))) continue;
    try {
      rmSync(join(folder, name), { force: true });
    } catch {
      // Another user's segment: not ours to remove.
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

await layer('lint', async () => {
  const checks = await runLint();
  writeFileSync(join(resultsDir, 'layers', 'lint.json'), `${JSON.stringify(checks, null, 2)}\n`);
  const failed = checks.filter((check) => check.status !== 0);
  return {
    passed: checks.length - failed.length,
    failed: failed.length,
    note: `faults: ${checks.map((check) => `${check.name} ${check.faults}`).join(', ')}`,
  };
});
/** Runs the jobs at most `width` at a time, each as soon as a place is free; resolves to their statuses. */
async function pooled(jobs, width) {
  const statuses = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      statuses[index] = await jobs[index]();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return statuses;
}

await layer('types', async () => {
  // tsc uses one core: two jobs at a time, the largest first (tests reaches into every package), each
  // started as soon as a core is free. The API types check: the client's API types must match the
  // routes, so a changed route breaks the client's type check.
  const checks = [
    ...['tests', 'server', 'client', 'shared'].map((project) => ({
      name: project,
      args: ['tsc', '-p', project, '--noEmit'],
    })),
    { name: 'API types fresh', args: ['tsx', 'scripts/api-types.ts', '--check'] },
  ];
  const statuses = await pooled(
    checks.map((check) => () => runAsync('npx', check.args)),
    2,
  );
  const failed = checks.filter((_, i) => statuses[i] !== 0);
  return {
    passed: checks.length - failed.length,
    failed: failed.length,
    note: failed.length
      ? `failed: ${failed.map((check) => check.name).join(', ')}`
      : checks.map((check) => check.name).join(', '),
  };
});

await layer('unit', () => jestLayer('unit'));
/** The outcome of runs side by side, as one layer's. */
function together(outcomes, note) {
  return {
    passed: outcomes.reduce((sum, o) => sum + o.passed, 0),
    failed: outcomes.reduce((sum, o) => sum + o.failed, 0),
    status: outcomes.find((o) => o.status)?.status ?? 0,
    note,
  };
}

/** Before any clock moves: apt refuses package lists dated in its future. */
function ensureFaketime() {
  ensureDebianPackage(libfaketime, 'faketime');
  removeStaleFaketimeSegments();
}

await layer('api', async () => {
  ensurePdftotext();
  ensureFaketime();
  const [first] = clockMoments;
  console.log(`… de datumbestanden met de klok op ${first.at} (${first.dutch} in Nederland)`);
  // Side by side, each with its own database: the files at the machine's hour on two workers, the
  // files that compute a day on one, with the moved clock.
  return together(
    await Promise.all([
      jestBeside('api', { ignore: clockApiTests, label: 'api', maxWorkers: 2 }),
      jestBeside('api', { files: clockApiTests, env: shiftedClock(first.at), label: first.label }),
    ]),
    `${clockApiTests.length} files at ${first.dutch}`,
  );
});
await layer('browser', () => {
  ensureChromium();
  if (!buildClient()) return { passed: 0, failed: 1 };
  return jestLayer('browser');
});
await layer('clock', async () => {
  ensureFaketime();
  ensureChromium();
  if (!existsSync(join(root, 'client', 'dist', 'index.html')) && !buildClient())
    return { passed: 0, failed: 1 };
  const [first, ...later] = clockMoments;
  console.log(`… de plaatsingspagina met de klok op ${first.at} (${first.dutch} in Nederland)`);
  for (const moment of later) console.log(`… klok op ${moment.at} (${moment.dutch} in Nederland)`);
  // Each moment has its own clock, so its own processes and database: side by side, one worker
  // each, because their tests wait on the database more than on the processor.
  return together(
    await Promise.all([
      jestBeside('browser', {
        files: clockBrowserTests,
        env: shiftedClock(first.at),
        label: `${first.label}-pages`,
      }),
      ...later.map((moment) =>
        jestBeside('api', {
          files: clockApiCoreTests,
          env: shiftedClock(moment.at),
          label: `${moment.label}-api`,
        }),
      ),
    ]),
    `${clockMoments.length} moments`,
  );
});

const passed = layers.reduce((sum, l) => sum + l.passed, 0);
const failed = layers.reduce((sum, l) => sum + l.failed, 0);
console.log('\nlayer     time     passed  failed');
for (const l of layers)
  console.log(
    `${l.name.padEnd(9)} ${`${l.seconds.toFixed(1)} s`.padStart(7)}  ${String(l.passed).padStart(6)}  ${String(l.failed).padStart(6)}${l.note ? `  (${l.note})` : ''}`,
  );
console.log(`total     ${`${layers.reduce((s, l) => s + l.seconds, 0).toFixed(1)} s`.padStart(7)}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || layers.some((l) => l.status && l.status !== 0) ? 1 : 0);
