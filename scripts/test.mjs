// `npm test`: the whole suite, layer by layer, each with its own time.
//   types   – tsc over every package (jest only transpiles, for speed)
//   unit    – pure domain rules in shared/ and the command line
//   api     – jest + supertest against a real embedded PostgreSQL
//   browser – the built client in Debian's Chromium (installed with apt-get when missing)
// Ends with one plain line "N passed, N failed" and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const resultsDir = join(root, 'test-results');
rmSync(join(resultsDir, 'layers'), { recursive: true, force: true });
mkdirSync(join(resultsDir, 'layers'), { recursive: true });
const only = process.argv.slice(2);
const layers = [];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

function layer(name, body) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n━━━ ${name} ━━━`);
  const startedAt = Date.now();
  const outcome = body();
  layers.push({ name, seconds: (Date.now() - startedAt) / 1000, ...outcome });
}

function jestLayer(project) {
  const outputFile = join(resultsDir, 'layers', `${project}.json`);
  const status = run('npx', ['jest', '--selectProjects', project, '--json', '--outputFile', outputFile, '--maxWorkers=2'], { env: { NODE_ENV: 'test' } });
  if (!existsSync(outputFile)) return { passed: 0, failed: 1, status };
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  const failedSuites = report.numFailedTestSuites + (report.numRuntimeErrorTestSuites ?? 0);
  return { passed: report.numPassedTests, failed: report.numFailedTests + failedSuites, status };
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  console.log('Chromium ontbreekt: installeren met apt-get (Debian-pakket chromium)…');
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const cmd = (args) => (asRoot.length ? run('sudo', args) : run(args[0], args.slice(1)));
  cmd(['apt-get', 'update', '-qq']);
  if (cmd(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']) !== 0) {
    throw new Error('Installing Chromium with apt-get failed');
  }
}

layer('types', () => {
  const projects = ['shared', 'server', 'client', 'tests'];
  const failed = projects.filter((project) => run('npx', ['tsc', '-p', project, '--noEmit']) !== 0);
  return { passed: projects.length - failed.length, failed: failed.length, note: 'projects type-checked' };
});
layer('unit', () => jestLayer('unit'));
layer('api', () => jestLayer('api'));
layer('browser', () => {
  ensureChromium();
  if (run('npm', ['run', 'build', '--workspace', 'client', '--silent']) !== 0) return { passed: 0, failed: 1 };
  return jestLayer('browser');
});

const passed = layers.reduce((sum, l) => sum + l.passed, 0);
const failed = layers.reduce((sum, l) => sum + l.failed, 0);
console.log('\nlayer     time     passed  failed');
for (const l of layers) console.log(`${l.name.padEnd(9)} ${`${l.seconds.toFixed(1)} s`.padStart(7)}  ${String(l.passed).padStart(6)}  ${String(l.failed).padStart(6)}${l.note ? `  (${l.note})` : ''}`);
console.log(`total     ${`${layers.reduce((s, l) => s + l.seconds, 0).toFixed(1)} s`.padStart(7)}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || layers.some((l) => l.status && l.status !== 0) ? 1 : 0);
