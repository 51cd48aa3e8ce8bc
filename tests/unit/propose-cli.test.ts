import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contractExample } from '../../shared/src/origin-rule/origin-rule.test-support';

// The real command line in a child process: `npm run --silent propose -- case.json`.
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let folder: string;

const exampleProposal = {
  outcome: 'herkomst',
  origin: 'GM0995',
  destination: 'GM0995',
  reasons: [
    'Het laatste woonadres vóór de opname op 1 maart 2022 lag in Lelystad (1 augustus 2013 tot 15 november 2021).',
    'Het verblijf in een instelling in Almere telt niet mee voor de herkomst.',
    'Uitzondering B geldt niet: Dronten is vanuit Lelystad te bereizen.',
    'De bewoner wil graag naar Zeewolde; zonder uitzondering A of B blijft Lelystad de bestemming.',
  ],
};

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'propose-cli-'));
  writeFileSync(path.join(folder, 'case.json'), JSON.stringify(contractExample(), null, 2));
  const invalid = contractExample();
  (invalid['exceptions'] as { motivation: string }[])[0]!.motivation = '  kort ';
  writeFileSync(path.join(folder, 'invalid.json'), JSON.stringify(invalid));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs a command; the env has no INIT_CWD unless given (jest itself may run under npm). */
function run(
  command: string,
  args: string[],
  options: SpawnSyncOptions & { initCwd?: string } = {},
) {
  const env = { ...process.env };
  delete env['INIT_CWD'];
  if (options.initCwd) env['INIT_CWD'] = options.initCwd;
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000, ...options, env });
  const stdout = String(result.stdout);
  return {
    status: result.status,
    stdout,
    lines: stdout.split('\n').filter((line) => line !== ''),
    json: () => JSON.parse(stdout) as unknown,
  };
}

describe('npm run propose', () => {
  it('takes a relative path from the folder npm was called in, and prints one JSON line', () => {
    const result = run(npm, ['run', '--silent', '--prefix', root, 'propose', '--', 'case.json'], {
      cwd: folder,
    });
    expect(result.status).toBe(0);
    expect(result.lines).toHaveLength(1);
    expect(result.json()).toEqual(exampleProposal);
  });

  it('resolves a relative path against INIT_CWD when run from the repository root', () => {
    const result = run(tsx, ['scripts/propose.ts', 'case.json'], { cwd: root, initCwd: folder });
    expect(result.status).toBe(0);
    expect(result.json()).toEqual(exampleProposal);
  });

  it('reads the case from standard input without a path', () => {
    const result = run(tsx, ['scripts/propose.ts'], {
      cwd: root,
      input: JSON.stringify(contractExample()),
    });
    expect(result.status).toBe(0);
    expect(result.json()).toEqual(exampleProposal);
  });

  it('exits 2 with the API error for input the schema refuses', () => {
    const result = run(tsx, ['scripts/propose.ts', path.join(folder, 'invalid.json')], {
      cwd: root,
    });
    expect(result.status).toBe(2);
    expect(result.lines).toHaveLength(1);
    expect(result.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'De invoer is ongeldig.',
        issues: [
          { path: 'exceptions.0.motivation', message: 'Een motivering heeft minstens 10 tekens.' },
        ],
      },
    });
  });

  it.each([
    [
      'malformed JSON on standard input',
      ['scripts/propose.ts'],
      '{"referenceDate": ',
      'De invoer is geen geldige JSON.',
    ],
    [
      'a file that does not exist',
      ['scripts/propose.ts', 'missing.json'],
      undefined,
      `Het bestand ${path.join(root, 'missing.json')} bestaat niet.`,
    ],
  ])('exits 2 for %s', (_name, args, input, message) => {
    const result = run(tsx, args, { cwd: root, input: input ?? '' });
    expect(result.status).toBe(2);
    expect(result.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'De invoer is ongeldig.',
        issues: [{ path: '', message }],
      },
    });
  });
});
