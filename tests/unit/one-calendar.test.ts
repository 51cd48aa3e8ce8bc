import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * One Dutch calendar (issue 19, style.md "Time"): every date the product computes or shows comes
 * from shared/src/calendar. This scan fails the build when another way creeps back in: a UTC day
 * sliced from an ISO string, the local getters of a Date (the machine's or the browser's zone), a
 * locale date string, a hand-made Intl date format, or SQL reading the database session's day.
 */

const root = join(__dirname, '..', '..');
const scannedFolders = ['server/src', 'shared/src', 'client/src', 'scripts'];
const calendarModule = 'shared/src/calendar/';

export const forbidden: readonly { name: string; pattern: RegExp }[] = [
  {
    name: 'a UTC day sliced from an ISO string',
    pattern: /toISOString\(\)\s*\.\s*(slice|substring|substr)\(\s*0\s*,\s*10\s*\)/,
  },
  { name: 'a local getter of a Date', pattern: /\.get(Date|Day|Month|FullYear|Hours|Minutes)\(\)/ },
  { name: 'a local setter of a Date', pattern: /\.set(Date|Month|FullYear|Hours)\(/ },
  { name: 'a locale date string', pattern: /toLocale(Date|Time)String\(/ },
  { name: 'a hand-made date format', pattern: /Intl\.DateTimeFormat\(/ },
  { name: "the database session's day", pattern: /\bcurrent_date\b|now\(\)\s*::\s*date/i },
];

/** The lines of a source that break the rule, with the rule they break. */
export function findOtherCalendars(source: string): { line: number; rule: string; text: string }[] {
  const found: { line: number; rule: string; text: string }[] = [];
  source.split('\n').forEach((text, index) => {
    // A comment may name what is forbidden (this file does).
    const code = text.replace(/^\s*(\/\/|\*|\/\*).*$/, '').replace(/\s\/\/\s.*$/, '');
    for (const rule of forbidden)
      if (rule.pattern.test(code))
        found.push({ line: index + 1, rule: rule.name, text: text.trim() });
  });
  return found;
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.'))
      continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs|cjs)$/.test(entry.name)) files.push(path);
  }
  return files;
}

describe('one Dutch calendar', () => {
  it.each([
    ['const today = new Date().toISOString().slice(0, 10);', 'a UTC day sliced from an ISO string'],
    ['const day = moment.toISOString() .substring(0, 10);', 'a UTC day sliced from an ISO string'],
    [
      'return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;',
      'a local getter of a Date',
    ],
    ['const hour = date.getHours();', 'a local getter of a Date'],
    ['first.setDate(1);', 'a local setter of a Date'],
    ['new Date().toLocaleDateString("nl-NL")', 'a locale date string'],
    [
      "const f = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' });",
      'a hand-made date format',
    ],
    ['WHERE due_date <= current_date', "the database session's day"],
    ['WHERE due_date <= now()::date', "the database session's day"],
  ])('the scan catches a planted %j', (sample, rule) => {
    expect(findOtherCalendars(`const x = 1;\n${sample}\n`)).toEqual([
      expect.objectContaining({ line: 2, rule }),
    ]);
  });

  it.each([
    ['const day = amsterdamDate(new Date());'],
    ['const utc = new Date(Date.UTC(y, m, 0)).getUTCDate();'],
    ["(c.ready_at AT TIME ZONE 'Europe/Amsterdam')::date"],
    ['// never toISOString().slice(0, 10): that is a UTC day'],
    ['const text = `${n.toLocaleString("nl-NL")} regels`;'],
  ])('the scan lets %j pass', (sample) => {
    expect(findOtherCalendars(sample)).toEqual([]);
  });

  it('finds no other calendar in the server, shared, client and scripts outside shared/src/calendar', () => {
    const files = scannedFolders.flatMap((folder) => sourceFiles(join(root, folder)));
    expect(files.length).toBeGreaterThan(100);
    const offences = files
      .map((file) => relative(root, file).split(sep).join('/'))
      .filter((file) => !file.startsWith(calendarModule))
      .flatMap((file) =>
        findOtherCalendars(readFileSync(join(root, file), 'utf8')).map(
          (o) => `${file}:${o.line} ${o.rule}: ${o.text}`,
        ),
      );
    expect(offences).toEqual([]);
  });
});
