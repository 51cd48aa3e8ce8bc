import { isFormulaLike } from '../csv/csv.rules';
import type { NamedMunicipality } from '../origin-rule/dutch-format';
import {
  dwellingInputSchema,
  dwellingKindLabel,
  dwellingKinds,
  tenancyFormLabel,
  tenancyForms,
  type DwellingField,
  type DwellingInput,
  type DwellingKind,
  type TenancyForm,
} from './dwelling.schemas';

/**
 * Reading dwellings from a CSV, row by row, with the same schema as the form. Pure: the caller
 * parses the CSV into cells; this module says which columns there must be, turns each row's text
 * into a dwelling (Dutch numbers, dates, yes/no, names of municipalities and kinds), and says for
 * every cell what is wrong with it, by the column's own name.
 */

type CellKind =
  'text' | 'integer' | 'amount' | 'yesNo' | 'date' | 'municipality' | 'kind' | 'tenancyForm';

export interface DwellingCsvColumn {
  readonly field: DwellingField;
  /** The column's name in the file (lower case, as the template writes it). */
  readonly header: string;
  readonly isRequired: boolean;
  readonly kind: CellKind;
}

/** The columns, in the order of the template and the export. */
export const dwellingCsvColumns: readonly DwellingCsvColumn[] = [
  { field: 'street', header: 'straat', isRequired: true, kind: 'text' },
  { field: 'houseNumber', header: 'huisnummer', isRequired: true, kind: 'text' },
  { field: 'postcode', header: 'postcode', isRequired: true, kind: 'text' },
  { field: 'municipalityCode', header: 'gemeente', isRequired: true, kind: 'municipality' },
  { field: 'neighbourhood', header: 'wijk', isRequired: true, kind: 'text' },
  { field: 'kind', header: 'type', isRequired: true, kind: 'kind' },
  { field: 'rooms', header: 'kamers', isRequired: true, kind: 'integer' },
  { field: 'rent', header: 'huur', isRequired: true, kind: 'amount' },
  { field: 'floor', header: 'verdieping', isRequired: true, kind: 'integer' },
  { field: 'hasLift', header: 'lift', isRequired: true, kind: 'yesNo' },
  {
    field: 'isWheelchairAccessible',
    header: 'rolstoeltoegankelijk',
    isRequired: true,
    kind: 'yesNo',
  },
  { field: 'accessibilityNotes', header: 'toegankelijkheid', isRequired: false, kind: 'text' },
  { field: 'availableFrom', header: 'beschikbaar vanaf', isRequired: true, kind: 'date' },
  { field: 'tenancyForm', header: 'huurvorm', isRequired: true, kind: 'tenancyForm' },
  { field: 'conversionDate', header: 'omzetdatum', isRequired: false, kind: 'date' },
  { field: 'conversionConditions', header: 'omzetvoorwaarden', isRequired: false, kind: 'text' },
];

/** `Beschikbaar_Vanaf ` → `beschikbaar vanaf`: a header as typed by hand still finds its column. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

export type HeaderMatch =
  | { ok: true; indexOf: ReadonlyMap<DwellingField, number> }
  | { ok: false; missing: string[]; unknown: string[]; duplicate: string[] };

/**
 * The header row against the columns. Every required column must be there; a column the product
 * does not know is refused too, rather than silently left out (its data would be lost unseen).
 */
export function matchDwellingHeader(header: readonly string[]): HeaderMatch {
  const indexOf = new Map<DwellingField, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((raw, index) => {
    const name = normalizeHeader(raw);
    if (name === '' && index === header.length - 1) return; // a trailing delimiter
    const column = dwellingCsvColumns.find((c) => c.header === name);
    if (!column) unknown.push(raw.trim() || `(kolom ${index + 1} zonder naam)`);
    else if (indexOf.has(column.field)) duplicate.push(column.header);
    else indexOf.set(column.field, index);
  });
  const missing = dwellingCsvColumns
    .filter((c) => c.isRequired && !indexOf.has(c.field))
    .map((c) => c.header);
  return missing.length || unknown.length || duplicate.length
    ? { ok: false, missing, unknown, duplicate }
    : { ok: true, indexOf };
}

export interface CellProblem {
  column: string;
  message: string;
}

export type RowResult =
  { ok: true; dwelling: DwellingInput } | { ok: false; problems: CellProblem[] };

const formulaMessage =
  'Begint met =, +, -, @, een tab of een regeleinde: dat leest een spreadsheet als formule. Zo’n cel wordt niet ingelezen; haal het teken weg.';

type Parsed = { value: unknown } | { problem: string };

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1']);
const no = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

/** `1-3-2026`, `01-03-2026`, `1/3/2026` (as Dutch Excel shows a date) or `2026-03-01` → `2026-03-01`. */
export function parseDutchDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  return dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : null;
}

/** `612,50`, `612.50`, `€ 612,50` → 612.5. Thousands separators are refused: `1.050` could be either. */
export function parseDutchAmount(text: string): number | null {
  const plain = text.replace(/^€\s*/, '').replace(/\s+/g, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(plain)) return null;
  return Number(plain.replace(',', '.'));
}

function byLabelOrCode<T extends string>(
  text: string,
  codes: readonly T[],
  labels: Record<T, string>,
): T | null {
  const wanted = text.toLowerCase();
  return (
    codes.find((code) => code.toLowerCase() === wanted || labels[code].toLowerCase() === wanted) ??
    null
  );
}

function parseCell(
  kind: CellKind,
  raw: string,
  municipalities: readonly NamedMunicipality[],
): Parsed {
  const text = raw.trim();
  // Numbers are read as numbers: `-5` in a numeric column is a negative number the schema judges,
  // not a formula. Anything else that looks like a formula is refused as one.
  if ((kind === 'integer' || kind === 'amount') && /^-?\d/.test(text)) {
    const value =
      kind === 'integer' ? (/^-?\d+$/.test(text) ? Number(text) : null) : parseDutchAmount(text);
    return value === null
      ? {
          problem:
            kind === 'integer' ? 'Geen geheel getal.' : 'Geen bedrag: schrijf bijvoorbeeld 612,50.',
        }
      : { value };
  }
  if (isFormulaLike(raw)) return { problem: formulaMessage };
  if (text === '') return { value: undefined };
  switch (kind) {
    case 'text':
      return { value: text };
    case 'integer':
      return { problem: 'Geen geheel getal.' };
    case 'amount': {
      const amount = parseDutchAmount(text);
      return amount === null
        ? { problem: 'Geen bedrag: schrijf bijvoorbeeld 612,50.' }
        : { value: amount };
    }
    case 'yesNo': {
      const word = text.toLowerCase();
      return yes.has(word)
        ? { value: true }
        : no.has(word)
          ? { value: false }
          : { problem: 'Vul ja of nee in.' };
    }
    case 'date': {
      const date = parseDutchDate(text);
      return date
        ? { value: date }
        : { problem: 'Geen datum: schrijf dd-mm-jjjj, bijvoorbeeld 01-03-2026.' };
    }
    case 'municipality': {
      const wanted = text.toLowerCase();
      const found = municipalities.find(
        (m) => m.code.toLowerCase() === wanted || m.name.toLowerCase() === wanted,
      );
      return found
        ? { value: found.code }
        : {
            problem: `Geen gemeente van uw regio: kies uit ${municipalities.map((m) => m.name).join(', ')}.`,
          };
    }
    case 'kind': {
      const kindFound = byLabelOrCode<DwellingKind>(text, dwellingKinds, dwellingKindLabel);
      return kindFound
        ? { value: kindFound }
        : {
            problem: `Onbekend type: kies uit ${dwellingKinds.map((k) => dwellingKindLabel[k]).join(', ')}.`,
          };
    }
    case 'tenancyForm': {
      // The label without its explanation in brackets also counts: "Regulier".
      const shortLabels = Object.fromEntries(
        tenancyForms.map((f) => [f, tenancyFormLabel[f].replace(/\s*\(.*\)$/, '')]),
      ) as Record<TenancyForm, string>;
      const form =
        byLabelOrCode<TenancyForm>(text, tenancyForms, tenancyFormLabel) ??
        byLabelOrCode<TenancyForm>(text, tenancyForms, shortLabels);
      return form
        ? { value: form }
        : {
            problem: `Onbekende huurvorm: kies uit ${tenancyForms.map((f) => shortLabels[f]).join(', ')}.`,
          };
    }
  }
}

const headerOf = (field: PropertyKey | undefined) =>
  dwellingCsvColumns.find((c) => c.field === field)?.header ?? 'rij';

/**
 * One data row as a dwelling, or every problem in it. Each cell is read first (formula, number,
 * date, name); the dwelling is then judged by the form's own schema, whose messages are reported
 * under the column's name.
 */
export function readDwellingRow(
  cells: readonly string[],
  indexOf: ReadonlyMap<DwellingField, number>,
  municipalities: readonly NamedMunicipality[],
): RowResult {
  const problems: CellProblem[] = [];
  const input: Record<string, unknown> = {};
  for (const column of dwellingCsvColumns) {
    const index = indexOf.get(column.field);
    if (index === undefined) continue;
    const parsed = parseCell(column.kind, cells[index] ?? '', municipalities);
    if ('problem' in parsed) problems.push({ column: column.header, message: parsed.problem });
    else if (parsed.value !== undefined) input[column.field] = parsed.value;
  }
  const result = dwellingInputSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const column = headerOf(issue.path[0]);
      // A cell already refused is not refused twice (a refused cell is also missing to the schema).
      // The cells were typed above, so a wrong type can only mean an empty cell.
      if (!problems.some((p) => p.column === column))
        problems.push({
          column,
          message: issue.code === 'invalid_type' ? 'Vul deze kolom in.' : issue.message,
        });
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, dwelling: result.data! };
}

/** The key of an address within one corporation: the same postcode and number is the same dwelling. */
export function addressKey(dwelling: Pick<DwellingInput, 'postcode' | 'houseNumber'>): string {
  return `${dwelling.postcode.replace(/\s/g, '').toUpperCase()}|${dwelling.houseNumber.replace(/[\s-]/g, '').toUpperCase()}`;
}

/** Rows (by their index) whose address an earlier row of the same file already has. */
export function findRepeatedAddresses(
  dwellings: readonly Pick<DwellingInput, 'postcode' | 'houseNumber'>[],
): Map<number, number> {
  const firstAt = new Map<string, number>();
  const repeated = new Map<number, number>();
  dwellings.forEach((dwelling, index) => {
    const key = addressKey(dwelling);
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, index);
    else repeated.set(index, first);
  });
  return repeated;
}
