// For tests/unit/house-rules.test.ts: runs dependency-cruiser, ESLint and Prettier with the house's
// own config files through their JavaScript APIs, many jobs in one process (each command line would
// pay one to two seconds of start-up per job). ESM, in a child process: the three are ES modules,
// and jest runs test files as CommonJS.
//   node tests/support/house-tools.mjs jobs.json   → prints one JSON result per job
// A job is { tool: 'depcruise', folder } (cruises server/src, shared/src and client/src in folder
// with .dependency-cruiser.cjs), { tool: 'eslint', file, text } or { tool: 'prettier', file, text }
// (the text is checked as if it were the file, a path relative to the repository).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const eslint = new ESLint({ cwd: root });

async function depcruise({ folder }) {
  // Paths in the rules are relative to the working folder, as with the command line.
  process.chdir(folder);
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(options.tsConfig.fileName);
  const { output } = await cruise(
    ['server/src', 'shared/src', 'client/src'],
    { ...options, outputType: 'json' },
    {},
    { tsConfig },
  );
  const result = JSON.parse(output);
  return {
    violations: result.summary.violations.map(({ rule, from, to }) => ({
      rule: rule.name,
      from,
      to,
    })),
    dependencies: result.modules.flatMap((module) =>
      module.dependencies.map((dependency) => ({
        from: module.source,
        to: dependency.resolved,
        types: dependency.dependencyTypes,
      })),
    ),
  };
}

async function lint({ file, text }) {
  const [result] = await eslint.lintText(text, { filePath: join(root, file) });
  return { rules: result.messages.map((message) => message.ruleId ?? message.message) };
}

async function format({ file, text }) {
  const filepath = join(root, file);
  const options = await prettier.resolveConfig(filepath);
  return { formatted: await prettier.check(text, { ...options, filepath }) };
}

const tools = { depcruise, eslint: lint, prettier: format };
const results = [];
for (const job of jobs) results.push(await tools[job.tool](job));
process.stdout.write(JSON.stringify(results));
