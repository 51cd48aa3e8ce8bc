// `npm run lint`, and the lint layer of `npm test`: the three checks that guard the house, side by
// side (each uses one core), each printed after it ends with the number of faults it found.
//   eslint    – typescript-eslint everywhere, the React hooks rules in the client (eslint.config.mjs)
//   prettier  – one format, print width 100 (.prettierrc.json, .prettierignore)
//   depcruise – the import rules: no cycles, front doors, core knows no domain (.dependency-cruiser.cjs)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** The folders dependency-cruiser judges; scripts/module-graph.mjs draws server/src of them. */
export const cruisedTrees = ['server/src', 'shared/src', 'client/src'];

const countMatch = (pattern) => (output) => Number(pattern.exec(output)?.[1] ?? 0);

export const lintChecks = [
  {
    name: 'eslint',
    command: bin('eslint'),
    args: ['.'],
    unit: 'problems',
    count: countMatch(/✖ (\d+) problems?/),
  },
  {
    name: 'prettier',
    command: bin('prettier'),
    args: ['--check', '**/*.{ts,tsx,js,mjs,cjs}'],
    unit: 'files not formatted',
    count: (output) => (output.match(/^\[warn\] (?!Code style issues)/gm) ?? []).length,
  },
  {
    name: 'depcruise',
    command: bin('depcruise'),
    args: ['--config', '.dependency-cruiser.cjs', ...cruisedTrees],
    unit: 'dependency violations',
    count: countMatch(/(\d+) dependency violations?/),
  },
];

/** Runs one check with its output held back, so checks that run side by side print in turn. */
function runCheck(check) {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(check.command, check.args, { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => {
      const status = code ?? 1;
      // A check that fails without a countable fault (a crash, a bad config) still counts as one.
      const faults = Math.max(check.count(output), status === 0 ? 0 : 1);
      resolve({
        name: check.name,
        unit: check.unit,
        status,
        faults,
        seconds: (Date.now() - startedAt) / 1000,
        output,
      });
    });
  });
}

/** Runs every check; prints each one's faults (and its output when it failed). */
export async function runLint() {
  const results = await Promise.all(lintChecks.map(runCheck));
  for (const result of results) {
    console.log(
      `${result.name.padEnd(9)} ${`${result.seconds.toFixed(1)} s`.padStart(7)}  ${result.faults} ${result.unit}`,
    );
    if (result.status !== 0) console.log(result.output.trimEnd());
  }
  return results.map(({ output: _output, ...result }) => result);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await runLint();
  process.exit(results.some((result) => result.status !== 0) ? 1 : 0);
}
