import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultErrorMessage,
  errorBodySchema,
  errorCodes,
  errorStatus,
  transitionRefusalCode,
} from '@uitstroom/shared';

/**
 * The code → status table in shared/src/errors.ts against the source that throws: every code the
 * server (or the command line) can answer is in the table, every code in the table is thrown
 * somewhere, and the generic `CONFLICT` is gone: each 409 names its reason.
 */
const root = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The text of the first argument of a call that starts at `open` (just after its parenthesis). */
function firstArgument(text: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return text.slice(open, i);
      depth--;
    } else if (c === ',' && depth === 0) return text.slice(open, i);
  }
  throw new Error(`unclosed call at ${open}`);
}

// A code that is not a literal at the throw comes from the state table (typed as a union of codes,
// asked here for each reason) or from the users service's unique-violation helper `conflictOn(code,
// …)`, whose callers pass literals that are scanned as throws of their own.
const refusalCodes = (['wrongSeat', 'wrongState', 'unmetRequirement'] as const).map((reason) =>
  transitionRefusalCode(
    reason === 'unmetRequirement'
      ? { ok: false, reason, requirement: 'reason', message: '' }
      : { ok: false, reason, message: '' },
  ),
);
const codesOf = (expression: string): string[] => [
  ...[...expression.matchAll(/'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]!),
  ...(expression.includes('transitionRefusalCode(') ? refusalCodes : []),
];

const throws = ['server/src', 'shared/src', 'scripts'].flatMap(sourceFiles).flatMap((file) => {
  const text = readFileSync(join(root, file), 'utf8');
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const calls = [...text.matchAll(/new AppError\(/g)].map((m) => ({
    where: `${file}:${lineOf(m.index)}`,
    expression: firstArgument(text, m.index + m[0].length).trim(),
  }));
  const helperCalls = [...text.matchAll(/conflictOn\(\s*('[A-Z_]+')/g)].map((m) => ({
    where: `${file}:${lineOf(m.index)}`,
    expression: m[1]!,
  }));
  return [...calls, ...helperCalls];
});
const isHelperParameter = ({ where, expression }: { where: string; expression: string }) =>
  expression === 'code' && where.startsWith('server/src/users/users.service.ts');

const thrownCodes = new Set(throws.flatMap(({ expression }) => codesOf(expression)));

describe('the error code table', () => {
  it('finds the throws it scans (the scan itself works)', () => {
    expect(throws.length).toBeGreaterThan(150);
    expect(thrownCodes).toContain('OFFER_TAKEN');
    expect(thrownCodes).toContain('DUPLICATE_EMAIL');
    expect(thrownCodes).toContain('CASE_REQUIREMENT_UNMET');
  });

  it('has every code the server throws, with a status and a Dutch default message', () => {
    const unknown = throws.filter(
      (call) =>
        !isHelperParameter(call) &&
        (codesOf(call.expression).length === 0 ||
          codesOf(call.expression).some((code) => !(code in errorStatus))),
    );
    expect(unknown).toEqual([]);
    for (const code of errorCodes) {
      expect([400, 401, 403, 404, 409, 413, 415, 429, 500, 503]).toContain(errorStatus[code]);
      expect(defaultErrorMessage[code]).toMatch(/^[A-Z].+\.$/);
    }
  });

  it('throws every code in the table somewhere: no code stands in the table unused', () => {
    expect(errorCodes.filter((code) => !thrownCodes.has(code))).toEqual([]);
  });

  it('has no generic CONFLICT: each 409 names its reason, a stale version keeps its own code', () => {
    expect(errorCodes).not.toContain('CONFLICT');
    expect(thrownCodes).not.toContain('CONFLICT');
    expect(errorStatus.VERSION_CONFLICT).toBe(409);
    const conflicts = errorCodes.filter((code) => errorStatus[code] === 409);
    expect(conflicts.length).toBeGreaterThan(30);
  });

  it('lists the codes in the error schema, so the OpenAPI document names them', () => {
    expect(errorBodySchema.shape.error.shape.code.options).toEqual(errorCodes);
    expect(
      errorBodySchema.safeParse({ error: { code: 'CONFLICT', message: 'x', issues: [] } }).success,
    ).toBe(false);
    expect(
      errorBodySchema.safeParse({ error: { code: 'OFFER_TAKEN', message: 'x', issues: [] } })
        .success,
    ).toBe(true);
  });
});
