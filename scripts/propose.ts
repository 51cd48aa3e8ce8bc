/**
 * The rule engine on the command line (rule-engine-contract.md):
 *
 *   npm run --silent propose -- path/to/case.json     # or the JSON on standard input
 *
 * Prints one JSON line, the proposal, and exits 0; for invalid input prints the error in the
 * API's shape and exits 2. Nothing else goes to standard output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateAndPropose, type ErrorBody } from '@uitstroom/shared';

const invalidExitCode = 2;

function main(args: readonly string[]): number {
  if (args.length > 1) return fail('Geef één bestand op, of stuur de JSON op standaardinvoer.');

  let text: string;
  const arg = args[0];
  if (arg !== undefined && arg !== '-') {
    // npm runs scripts from the repository root; INIT_CWD is the folder the user called npm in.
    const file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), arg);
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'bestaat niet'
          : code === 'EISDIR'
            ? 'is een map'
            : 'kan niet worden gelezen';
      return fail(`Het bestand ${file} ${reason}.`);
    }
  } else {
    if (process.stdin.isTTY)
      return fail('Geef een bestand op, of stuur de JSON op standaardinvoer.');
    try {
      text = readFileSync(0, 'utf8');
    } catch {
      return fail('De standaardinvoer kan niet worden gelezen.');
    }
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('De invoer is geen geldige JSON.');
  }

  const result = validateAndPropose(raw);
  if (!result.ok) return print(result.error, invalidExitCode);
  return print(result.proposal, 0);
}

/** Input that never reached the schema: reported at the root path "", in the API's shape. */
function fail(message: string): number {
  const body: ErrorBody = {
    error: {
      code: 'VALIDATION_FAILED',
      message: 'De invoer is ongeldig.',
      issues: [{ path: '', message }],
    },
  };
  return print(body, invalidExitCode);
}

function print(value: unknown, exitCode: number): number {
  process.stdout.write(`${JSON.stringify(value)}\n`);
  return exitCode;
}

// exitCode rather than exit(): let standard output drain when it is a pipe.
process.exitCode = main(process.argv.slice(2));
