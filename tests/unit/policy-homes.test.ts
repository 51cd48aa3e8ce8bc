import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * One home for every access rule (issue 23, style.md "Authorization"): who may do what lives in
 * the module's `*.policy.ts`, beside its row scope, so a reviewer reads a resource's rules in one
 * file and a new rule has an obvious place. This scan fails when a service compares seats or
 * refuses with `FORBIDDEN` itself. The route's grant check (core/http) keeps its 403; projections
 * (what a seat sees) may key tables by seat, so seat comparisons are allowed there.
 */

const root = join(__dirname, '..', '..');
const scannedFolder = 'server/src';

interface Rule {
  name: string;
  pattern: RegExp;
  /** Files (paths relative to the repository) where the rule does not apply. */
  isExempt: (file: string) => boolean;
}

const isPolicy = (file: string) => file.endsWith('.policy.ts');
const isProjection = (file: string) => file.endsWith('.projection.ts');
const isRouteGrant = (file: string) => file.startsWith('server/src/core/http/');

export const rules: readonly Rule[] = [
  {
    name: 'a FORBIDDEN refusal outside a policy',
    pattern: /['"`]FORBIDDEN['"`]/,
    isExempt: (file) => isPolicy(file) || isRouteGrant(file),
  },
  {
    // The state table's seat column makes this a 403 for a seat not named: a refusal of the policy.
    name: 'a state-table refusal code outside a policy',
    pattern: /\btransitionRefusalCode\(/,
    isExempt: isPolicy,
  },
  {
    name: 'a seat comparison outside a policy',
    pattern: new RegExp(
      [
        /\bseat\s*[!=]==?/, // actor.seat === 'chair'
        /[!=]==?\s*[\w.?]*\bseat\b/, // 'chair' === actor.seat
        /\.includes\(\s*[\w.?]*\bseat\s*\)/, // ['chair', 'casemanager'].includes(actor.seat)
        /switch\s*\(\s*[\w.?]*\bseat\s*\)/, // switch (actor.seat)
      ]
        .map((part) => part.source)
        .join('|'),
    ),
    isExempt: (file) => isPolicy(file) || isProjection(file),
  },
];

/** The lines of a source file that break a rule, with the rule they break. */
export function findMisplacedChecks(
  file: string,
  source: string,
): { line: number; rule: string; text: string }[] {
  const found: { line: number; rule: string; text: string }[] = [];
  source.split('\n').forEach((text, index) => {
    // A comment may name what it does not do.
    const code = text.replace(/^\s*(\/\/|\*|\/\*).*$/, '').replace(/\s\/\/\s.*$/, '');
    for (const rule of rules)
      if (!rule.isExempt(file) && rule.pattern.test(code))
        found.push({ line: index + 1, rule: rule.name, text: text.trim() });
  });
  return found;
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

describe('every access rule lives in a policy', () => {
  const service = 'server/src/tables/tables.service.ts';
  it.each([
    ["if (actor.seat === 'chair') return;", 'a seat comparison outside a policy'],
    ["const isProvider = actor.seat !== 'provider';", 'a seat comparison outside a policy'],
    ["if ('corporation' === actor.seat) offer();", 'a seat comparison outside a policy'],
    ["if (seat == 'chair') x();", 'a seat comparison outside a policy'],
    [
      "if (!['chair', 'casemanager'].includes(actor.seat)) return;",
      'a seat comparison outside a policy',
    ],
    ['switch (actor.seat) {', 'a seat comparison outside a policy'],
    [
      "throw new AppError('FORBIDDEN', 'Alleen de voorzitter.');",
      'a FORBIDDEN refusal outside a policy',
    ],
    ['isForbidden ? "FORBIDDEN" : code', 'a FORBIDDEN refusal outside a policy'],
    [
      'throw new AppError(transitionRefusalCode(check), check.message);',
      'a state-table refusal code outside a policy',
    ],
  ])('the scan catches a planted %j in a service', (sample, rule) => {
    expect(findMisplacedChecks(service, `const x = 1;\n${sample}\n`)).toEqual([
      expect.objectContaining({ line: 2, rule }),
    ]);
  });

  it.each([
    ['server/src/tables/tables.policy.ts', "if (actor.seat === 'chair') return true;"],
    [
      'server/src/tables/tables.policy.ts',
      "throw new AppError('FORBIDDEN', 'Alleen de voorzitter.');",
    ],
    ['server/src/core/http/route.ts', "return next(new AppError('FORBIDDEN'));"],
    ['server/src/cases/cases.projection.ts', "const isChair = actor.seat === 'chair';"],
    [service, 'const fields = supportFieldsBySeat[actor.seat];'],
    [service, 'tasksFor(actor.seat, facts)'],
    [service, "`SELECT id FROM app_user WHERE seat = 'casemanager'`"],
    [service, '// never actor.seat === "chair" here: ask the policy'],
  ])('the scan lets %s pass %j', (file, sample) => {
    expect(findMisplacedChecks(file, sample)).toEqual([]);
  });

  it('a projection still may not refuse with FORBIDDEN', () => {
    expect(
      findMisplacedChecks(
        'server/src/cases/cases.projection.ts',
        "throw new AppError('FORBIDDEN');",
      ),
    ).toHaveLength(1);
  });

  it('finds no seat comparison and no FORBIDDEN in server/src outside the policies and core/http', () => {
    const files = sourceFiles(join(root, scannedFolder));
    expect(files.length).toBeGreaterThan(50);
    const offences = files
      .map((file) => relative(root, file).split(sep).join('/'))
      .flatMap((file) =>
        findMisplacedChecks(file, readFileSync(join(root, file), 'utf8')).map(
          (o) => `${file}:${o.line} ${o.rule}: ${o.text}`,
        ),
      );
    expect(offences).toEqual([]);
  });
});
