import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What a seat may do on a page comes from its grants (`useCan`) and a record's
 * `allowedTransitions`; wording that differs per seat comes from a table keyed by seat in
 * client/src/core/seats.ts. No client module compares seats itself: this scan fails the build on
 * `seat === …`, `… !== role`, or a `switch` on a seat anywhere under client/src but core/.
 */

const root = join(__dirname, '..', '..');
const clientSource = join(root, 'client', 'src');

const comparison =
  /\b(seat|role)\s*[!=]==?|[!=]==?\s*[\w.]*\b(seat|role)\b(?!\w)|switch\s*\(\s*[\w.]*\b(seat|role)\s*\)/;

/** The lines of a source that compare seats, comments left out. */
export function findSeatComparisons(source: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  source.split('\n').forEach((text, index) => {
    const code = text.replace(/^\s*(\/\/|\*|\/\*).*$/, '').replace(/\s\/\/\s.*$/, '');
    if (comparison.test(code)) found.push({ line: index + 1, text: text.trim() });
  });
  return found;
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

describe('no seat comparison in the client', () => {
  it.each([
    ["{me.seat === 'casemanager' && <Button />}"],
    ["const isChair = seat === 'chair';"],
    ["if (user.role !== 'provider') return null;"],
    ["{'corporation' === me.seat ? 'uw aanbod' : 'het aanbod'}"],
    ['switch (me.seat) {'],
  ])('catches a planted comparison: %s', (planted) => {
    expect(findSeatComparisons(`const a = 1;\n${planted}\n`)).toEqual([{ line: 2, text: planted }]);
  });

  it.each([
    ["{can('case:decide') && <Button />}"],
    ['const side = relapsePlanSide[me.seat];'],
    ["// never `seat === 'chair'` in a component"],
    ["const corporations = all.filter((o) => o.kind === 'corporation');"],
    ['{seats.map((seat) => <option key={seat}>{seatLabel[seat]}</option>)}'],
  ])('lets a clean line pass: %s', (clean) => {
    expect(findSeatComparisons(clean)).toEqual([]);
  });

  it('finds none under client/src outside core/', () => {
    const found = sourceFiles(clientSource)
      .map((file) => relative(root, file).split(sep).join('/'))
      .filter((file) => !file.startsWith('client/src/core/'))
      .flatMap((file) =>
        findSeatComparisons(readFileSync(join(root, file), 'utf8')).map(
          (hit) => `${file}:${hit.line}: ${hit.text}`,
        ),
      );
    expect(found).toEqual([]);
  });
});
