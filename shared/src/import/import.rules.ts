import { z } from 'zod';
import { isoDate } from '../primitives';
import { excelSerialToIsoDate } from '../calendar/calendar';
import { isFormulaLike } from '../csv/csv.rules';
import type { NamedMunicipality } from '../origin-rule/dutch-format';
import {
  canOrganisationHoldSeat,
  organisationKindLabel,
  seatLabel,
  type OrganisationKind,
  type Seat,
} from '../auth/seats';
import { createOrganisationSchema, createUserSchema } from '../auth/account.schemas';
import {
  caseAddressSchema,
  identitySchema,
  type CaseAddress,
  type CaseState,
} from '../cases/case.schemas';
import type { TargetGroup } from '../regions/rule-set.schemas';
import type { DwellingField, DwellingInput } from '../dwellings/dwelling.schemas';
import {
  addressKey,
  normalizeHeader,
  parseDutchAmount,
  parseDutchDate,
  readDwellingRow,
  dwellingCsvColumns,
} from '../dwellings/dwelling-import.rules';
import { contingentYearSchema, promisedSchema } from '../dwellings/contingent.schemas';
import {
  allowedValuesSheet,
  importColumns,
  importSheets,
  maxImportRows,
  type ImportChoice,
  type ImportColumn,
  type ImportSheet,
  type ImportSheetCount,
} from './import.schemas';

/**
 * Reading an import, pure: the server turns a workbook (or CSV files) into tables of cells; this
 * module checks their shape, reads every cell by its column, checks the rows against each other
 * and against what the region already holds, and says per row whether it creates, updates or
 * leaves unchanged. Every problem is an issue at `<sheet>.<row number>.<column name>` in Dutch.
 */

/** A cell as the file holds it: text, a number, a yes/no, an Excel date (its calendar day), or empty. */
export type ImportCell = string | number | boolean | { date: string } | null;

export interface ImportTable {
  /** The sheet's name (a CSV file's name without `.csv`). */
  name: string;
  header: readonly ImportCell[];
  /** Data rows with the row number a spreadsheet shows (the header is row 1). */
  rows: readonly { row: number; cells: readonly ImportCell[] }[];
}

export interface ImportIssue {
  path: string;
  message: string;
}

export const issueAt = (
  sheet: string,
  row: number | null,
  column: string | null,
  message: string,
): ImportIssue => ({
  path: [sheet, row, column].filter((part) => part !== null).join('.'),
  message,
});

// ---- cells ----

/** A cell as text: numbers as JavaScript writes them, dates as jjjj-mm-dd, booleans as ja/nee. */
export function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee';
  return cell.date;
}

const shortLabel = (label: string) =>
  label
    .replace(/\s*\(.*\)$/, '')
    .split(' / ')[0]!
    .trim();

/** A coded value by its Dutch label (also without its explanation in brackets) or by its code. */
export function findChoice(text: string, choices: readonly ImportChoice[]): ImportChoice | null {
  const wanted = text.trim().toLowerCase();
  return (
    choices.find(
      (c) =>
        c.label.toLowerCase() === wanted ||
        shortLabel(c.label).toLowerCase() === wanted ||
        c.code.toLowerCase() === wanted,
    ) ?? null
  );
}

type Parsed = { value: string | number | undefined } | { problem: string };

const formulaMessage =
  'Begint met =, +, -, @, een tab of een regeleinde: dat leest een spreadsheet als formule. Haal het teken weg.';
const dateMessage = 'Geen datum: gebruik een Excel-datum of dd-mm-jjjj, bijvoorbeeld 01-03-2026.';

function readDate(cell: ImportCell): Parsed {
  if (typeof cell === 'object' && cell !== null) return { value: cell.date };
  const date =
    typeof cell === 'number' ? excelSerialToIsoDate(cell) : parseDutchDate(cellText(cell));
  if (!date) return { problem: dateMessage };
  return isoDate.safeParse(date).success
    ? { value: date }
    : { problem: 'Deze datum bestaat niet.' };
}

/** One cell by its column's kind. Empty is `undefined`; whether that may be is the row's business. */
export function readCell(
  column: ImportColumn,
  cell: ImportCell,
  municipalities: readonly NamedMunicipality[],
): Parsed {
  const text = cellText(cell);
  if (text === '') return { value: undefined };
  switch (column.kind) {
    case 'date':
      return readDate(cell);
    case 'integer': {
      const value = typeof cell === 'number' ? cell : /^-?\d+$/.test(text) ? Number(text) : NaN;
      return Number.isInteger(value) ? { value } : { problem: 'Geen geheel getal.' };
    }
    case 'amount': {
      const value = typeof cell === 'number' ? cell : parseDutchAmount(text);
      return value === null ? { problem: 'Geen bedrag: schrijf bijvoorbeeld 612,50.' } : { value };
    }
    default:
      break;
  }
  if (typeof cell === 'string' && isFormulaLike(cell)) return { problem: formulaMessage };
  switch (column.kind) {
    case 'email':
      return z.email().safeParse(text.toLowerCase()).success
        ? { value: text.toLowerCase() }
        : { problem: 'Geen geldig e-mailadres.' };
    case 'choice': {
      const choice = findChoice(text, column.choices ?? []);
      return choice
        ? { value: choice.code }
        : {
            problem: `Onbekende waarde “${text}”: kies uit ${(column.choices ?? []).map((c) => c.label).join(', ')}.`,
          };
    }
    case 'regionMunicipality': {
      const wanted = text.toLowerCase();
      const found = municipalities.find(
        (m) => m.code.toLowerCase() === wanted || m.name.toLowerCase() === wanted,
      );
      if (found) return { value: found.code };
      return {
        problem: /^gm\d{4}$/i.test(text)
          ? `${text.toUpperCase()} is geen gemeente van uw regio: kies uit ${municipalities.map((m) => `${m.code} (${m.name})`).join(', ')}.`
          : 'Geen CBS-code: GM gevolgd door vier cijfers, bijvoorbeeld GM0034.',
      };
    }
    case 'municipalityCode': {
      const named = municipalities.find((m) => m.name.toLowerCase() === text.toLowerCase());
      if (named) return { value: named.code };
      return /^gm\d{4}$/i.test(text)
        ? { value: text.toUpperCase() }
        : { problem: 'Geen CBS-code: GM gevolgd door vier cijfers, bijvoorbeeld GM0034.' };
    }
    default:
      return { value: text };
  }
}

// ---- the shape of the file ----

/** `casussen`, ` Casussen ` → `Casussen`; a CSV file may be named in any case. */
export function sheetNamed(name: string): ImportSheet | null {
  const wanted = name.trim().toLowerCase();
  return importSheets.find((sheet) => sheet.toLowerCase() === wanted) ?? null;
}

interface SheetShape {
  sheet: ImportSheet;
  /** Column name → the cell index in the file. */
  indexOf: ReadonlyMap<string, number>;
  rows: ImportTable['rows'];
}

function matchHeader(table: ImportTable, sheet: ImportSheet, issues: ImportIssue[]): SheetShape {
  const columns = importColumns[sheet];
  const indexOf = new Map<string, number>();
  table.header.forEach((cell, index) => {
    const raw = cellText(cell);
    if (raw === '') return;
    const column = columns.find((c) => normalizeHeader(c.name) === normalizeHeader(raw));
    if (!column)
      issues.push(
        issueAt(
          sheet,
          1,
          raw,
          `Onbekende kolom “${raw}”: die wordt niet ingelezen. Haal haar weg of gebruik een kolom van het sjabloon.`,
        ),
      );
    else if (indexOf.has(column.name))
      issues.push(issueAt(sheet, 1, column.name, `De kolom “${column.name}” staat er twee keer.`));
    else indexOf.set(column.name, index);
  });
  for (const column of columns)
    if (column.isRequired && !indexOf.has(column.name))
      issues.push(issueAt(sheet, 1, column.name, `De kolom “${column.name}” ontbreekt.`));
  return { sheet, indexOf, rows: table.rows };
}

/** A row that repeats the template's example exactly: the template's own, skipped. */
function isExampleRow(sheet: ImportSheet, shape: SheetShape, cells: readonly ImportCell[]) {
  return importColumns[sheet].every((column) => {
    const index = shape.indexOf.get(column.name);
    const text = index === undefined ? '' : cellText(cells[index] ?? null);
    const example = String(column.example);
    return (
      text === example || (typeof column.example === 'number' && Number(text) === column.example)
    );
  });
}

// ---- the rows ----

export interface ImportedOrganisation {
  row: number;
  name: string;
  kind: OrganisationKind;
  municipalityCode: string | null;
}
export interface ImportedUser {
  row: number;
  email: string;
  displayName: string;
  organisationName: string;
  seat: Seat;
}
export interface ImportedAddress extends CaseAddress {
  row: number;
}
export interface ImportedCase {
  row: number;
  externalRef: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  targetGroup: TargetGroup;
  admissionDate: string;
  caseManagerEmail: string;
  readyOn: string | null;
  wish: string | null;
  addresses: ImportedAddress[];
}
export interface ImportedDwelling {
  row: number;
  externalRef: string;
  corporationName: string;
  dwelling: DwellingInput;
}
export interface ImportedContingent {
  row: number;
  corporationName: string;
  municipalityCode: string;
  year: number;
  promised: number | null;
}

export interface ImportData {
  organisations: ImportedOrganisation[];
  users: ImportedUser[];
  cases: ImportedCase[];
  dwellings: ImportedDwelling[];
  contingents: ImportedContingent[];
  /** The address rows with the case they name; each is also attached to that case. */
  addresses: (ImportedAddress & { externalRef: string })[];
  /** Data rows read, over all sheets (example rows left out). */
  rowCount: number;
  /** The sheets the file has: a sheet left out changes nothing (its rows are not "removed"). */
  sheets: Set<ImportSheet>;
}

type Values = Record<string, string | number | undefined>;

/** The cells of one row by column name, or its problems; a required column left empty is one. */
function readRow(
  sheet: ImportSheet,
  shape: SheetShape,
  row: number,
  cells: readonly ImportCell[],
  municipalities: readonly NamedMunicipality[],
  issues: ImportIssue[],
): Values | null {
  const values: Values = {};
  let isValid = true;
  for (const column of importColumns[sheet]) {
    const index = shape.indexOf.get(column.name);
    if (index === undefined) continue;
    if (column.dwellingField) continue; // the dwelling reader reads these
    const parsed = readCell(column, cells[index] ?? null, municipalities);
    if ('problem' in parsed) {
      issues.push(issueAt(sheet, row, column.name, parsed.problem));
      isValid = false;
    } else if (parsed.value === undefined && column.isRequired) {
      issues.push(issueAt(sheet, row, column.name, 'Vul deze kolom in.'));
      isValid = false;
    } else values[column.name] = parsed.value;
  }
  return isValid ? values : null;
}

/** A schema's verdict on a row, its messages at the columns its fields come from. */
const invalid = Symbol('invalid');

function judge<T>(
  schema: z.ZodType<T>,
  input: unknown,
  columnOf: Record<string, string>,
  at: (column: string, message: string) => void,
): T | typeof invalid {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    at(columnOf[String(issue.path[0] ?? '')] ?? Object.values(columnOf)[0]!, issue.message);
  return invalid;
}

const externalRefSchema = z
  .string()
  .trim()
  .max(100, { error: 'Hoogstens 100 tekens.' })
  .regex(/^[^\s].*$/, { error: 'Vul het kenmerk in.' });

const dwellingColumns = importColumns.Woningen.filter((c) => c.dwellingField);
/** The dwelling import's column names (lower case) by field: its reader reports problems by them. */
const dwellingHeaderOf = new Map<DwellingField, string>(
  dwellingCsvColumns.map((c) => [c.field, c.header]),
);
const dwellingDefaults: Partial<Record<DwellingField, string>> = {
  floor: '0',
  hasLift: 'nee',
  isWheelchairAccessible: 'nee',
};

function readDwelling(
  shape: SheetShape,
  row: number,
  cells: readonly ImportCell[],
  municipalities: readonly NamedMunicipality[],
  issues: ImportIssue[],
): DwellingInput | null {
  const texts: string[] = [];
  const indexOf = new Map<DwellingField, number>();
  for (const column of dwellingColumns) {
    const field = column.dwellingField!;
    const index = shape.indexOf.get(column.name);
    const cell = index === undefined ? null : (cells[index] ?? null);
    // A date cell is its day; a number as the dwelling reader reads Dutch numbers.
    const text = cellText(cell) || dwellingDefaults[field] || '';
    if (index === undefined && !dwellingDefaults[field]) continue;
    indexOf.set(field, texts.length);
    texts.push(
      typeof cell === 'number' && column.kind === 'date'
        ? (excelSerialToIsoDate(cell) ?? text)
        : text,
    );
  }
  const result = readDwellingRow(texts, indexOf, municipalities);
  if (result.ok) return result.dwelling;
  for (const problem of result.problems) {
    const field = [...dwellingHeaderOf].find(([, header]) => header === problem.column)?.[0];
    const column = dwellingColumns.find((c) => c.dwellingField === field)?.name ?? 'Straat';
    issues.push(issueAt('Woningen', row, column, problem.message));
  }
  return null;
}

/** Every row of every sheet read on its own; then keys repeated within the file. */
export function readImportTables(
  tables: readonly ImportTable[],
  municipalities: readonly NamedMunicipality[],
): { data: ImportData; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const data: ImportData = {
    organisations: [],
    users: [],
    cases: [],
    dwellings: [],
    contingents: [],
    addresses: [],
    rowCount: 0,
    sheets: new Set(),
  };
  const shapes = new Map<ImportSheet, SheetShape>();
  for (const table of tables) {
    const sheet = sheetNamed(table.name);
    if (table.name.trim().toLowerCase() === allowedValuesSheet.toLowerCase()) continue;
    if (!sheet) {
      if (table.rows.length || table.header.some((c) => cellText(c) !== ''))
        issues.push(
          issueAt(
            table.name,
            null,
            null,
            `Onbekend blad “${table.name}”: gebruik de bladen ${importSheets.join(', ')}.`,
          ),
        );
      continue;
    }
    if (shapes.has(sheet)) {
      issues.push(issueAt(sheet, null, null, `Het blad ${sheet} staat er twee keer in.`));
      continue;
    }
    shapes.set(sheet, matchHeader(table, sheet, issues));
    data.sheets.add(sheet);
  }
  const total = [...shapes.values()].reduce((sum, s) => sum + s.rows.length, 0);
  if (total > maxImportRows) {
    const [largest] = [...shapes.values()].sort((a, b) => b.rows.length - a.rows.length);
    issues.push(
      issueAt(
        largest!.sheet,
        largest!.rows[0]!.row + maxImportRows,
        null,
        `Het bestand heeft ${total} rijen; hoogstens ${maxImportRows} worden in één keer ingelezen. Splits het bestand.`,
      ),
    );
  }
  // A sheet whose header is wrong is not read further: its rows would all be refused twice.
  if (issues.length) return { data, issues };

  for (const [sheet, shape] of shapes) {
    for (const { row, cells } of shape.rows) {
      if (cells.every((c) => cellText(c) === '')) continue;
      if (isExampleRow(sheet, shape, cells)) continue;
      data.rowCount += 1;
      const at = (column: string, message: string) =>
        issues.push(issueAt(sheet, row, column, message));
      const values = readRow(sheet, shape, row, cells, municipalities, issues);
      if (sheet === 'Woningen') {
        const dwelling = readDwelling(shape, row, cells, municipalities, issues);
        if (values && dwelling)
          data.dwellings.push({
            row,
            externalRef: String(values['Extern kenmerk']),
            corporationName: String(values.Corporatie),
            dwelling,
          });
        continue;
      }
      if (!values) continue;
      readSheetRow(sheet, row, values, data, at);
    }
  }
  findRepeatedKeys(data, issues);
  return { data, issues };
}

function readSheetRow(
  sheet: Exclude<ImportSheet, 'Woningen'>,
  row: number,
  v: Values,
  data: ImportData,
  at: (column: string, message: string) => void,
): void {
  const text = (name: string) => (v[name] === undefined ? undefined : String(v[name]));
  switch (sheet) {
    case 'Organisaties': {
      const organisation = judge(
        createOrganisationSchema,
        { name: text('Naam'), kind: text('Soort'), municipalityCode: text('Gemeente (CBS-code)') },
        { name: 'Naam', kind: 'Soort', municipalityCode: 'Gemeente (CBS-code)' },
        at,
      );
      if (organisation !== invalid)
        data.organisations.push({
          row,
          name: organisation.name,
          kind: organisation.kind,
          municipalityCode: organisation.municipalityCode ?? null,
        });
      return;
    }
    case 'Gebruikers': {
      const user = judge(
        createUserSchema.omit({ organisationId: true }),
        { email: text('E-mail'), displayName: text('Naam'), seat: text('Rol') },
        { email: 'E-mail', displayName: 'Naam', seat: 'Rol' },
        at,
      );
      if (user !== invalid)
        data.users.push({ row, ...user, organisationName: text('Organisatie')! });
      return;
    }
    case 'Casussen': {
      const identity = judge(
        identitySchema.pick({ firstName: true, lastName: true, birthDate: true }),
        {
          firstName: text('Voornaam'),
          lastName: text('Achternaam'),
          birthDate: text('Geboortedatum'),
        },
        { firstName: 'Voornaam', lastName: 'Achternaam', birthDate: 'Geboortedatum' },
        at,
      );
      const ref = judge(externalRefSchema, text('Extern kenmerk'), { '': 'Extern kenmerk' }, at);
      if (identity === invalid || ref === invalid) return;
      data.cases.push({
        row,
        externalRef: ref,
        firstName: identity.firstName,
        lastName: identity.lastName,
        birthDate: identity.birthDate ?? null,
        targetGroup: text('Doelgroep') as TargetGroup,
        admissionDate: text('Opnamedatum')!,
        caseManagerEmail: text('Casemanager (e-mail)')!,
        readyOn: text('Uitstroomgereed op') ?? null,
        wish: text('Wens gemeente (CBS-code)') ?? null,
        addresses: [],
      });
      return;
    }
    case 'Adressen': {
      const address = judge(
        caseAddressSchema,
        {
          municipality: text('Gemeente (CBS-code)'),
          kind: text('Soort'),
          from: text('Van'),
          to: text('Tot'),
          source: text('Bron'),
        },
        {
          municipality: 'Gemeente (CBS-code)',
          kind: 'Soort',
          from: 'Van',
          to: 'Tot',
          source: 'Bron',
        },
        at,
      );
      if (address === invalid) return;
      // Attached to their case once every case is read (findRepeatedKeys).
      data.addresses.push({ ...address, row, externalRef: text('Extern kenmerk')! });
      return;
    }
    case 'Contingenten': {
      const year = judge(contingentYearSchema, v.Jaar, { '': 'Jaar' }, at);
      const promised = judge(promisedSchema, v.Aantal ?? null, { '': 'Aantal' }, at);
      if (year === invalid || promised === invalid) return;
      data.contingents.push({
        row,
        corporationName: text('Corporatie')!,
        municipalityCode: text('Gemeente (CBS-code)')!,
        year,
        promised,
      });
      return;
    }
  }
}

function findRepeatedKeys(data: ImportData, issues: ImportIssue[]): void {
  const repeated = <T extends { row: number }>(
    sheet: ImportSheet,
    column: string,
    rows: readonly T[],
    keyOf: (row: T) => string,
  ) => {
    const firstRow = new Map<string, number>();
    for (const item of rows) {
      const key = keyOf(item);
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, item.row);
      else issues.push(issueAt(sheet, item.row, column, `Dubbel: staat al op rij ${first}.`));
    }
  };
  repeated('Organisaties', 'Naam', data.organisations, (o) => o.name.toLowerCase());
  repeated('Gebruikers', 'E-mail', data.users, (u) => u.email);
  repeated('Casussen', 'Extern kenmerk', data.cases, (c) => c.externalRef);
  repeated('Woningen', 'Extern kenmerk', data.dwellings, (d) => d.externalRef);
  repeated(
    'Woningen',
    'Huisnummer',
    data.dwellings,
    (d) => `${d.corporationName}|${addressKey(d.dwelling)}`,
  );
  repeated(
    'Contingenten',
    'Jaar',
    data.contingents,
    (c) => `${c.corporationName}|${c.municipalityCode}|${c.year}`,
  );
  const addresses = data.addresses;
  repeated('Adressen', 'Van', addresses, (a) => `${a.externalRef}|${a.kind}|${a.from}`);
  const cases = new Map(data.cases.map((c) => [c.externalRef, c]));
  for (const { externalRef, ...address } of addresses) {
    const owner = cases.get(externalRef);
    if (!owner)
      issues.push(
        issueAt(
          'Adressen',
          address.row,
          'Extern kenmerk',
          `Geen casus met kenmerk “${externalRef}” op het blad Casussen.`,
        ),
      );
    else owner.addresses.push(address);
  }
  for (const item of data.cases)
    if (item.addresses.length > 50)
      issues.push(
        issueAt(
          'Adressen',
          item.addresses[50]!.row,
          'Extern kenmerk',
          'Hoogstens 50 adressen per casus.',
        ),
      );
}

// ---- against the region: references, and what each row would do ----

export type RowAction = 'create' | 'update' | 'unchanged';

/** What the region holds now under the keys the file names. */
export interface ExistingState {
  /** The region's organisations by name. */
  organisations: ReadonlyMap<string, { kind: OrganisationKind; municipalityCode: string | null }>;
  /** Users with an e-mail the file names, in any region. */
  users: ReadonlyMap<
    string,
    { displayName: string; seat: Seat; organisationName: string; isOwnRegion: boolean }
  >;
  /** The region's cases by external reference, with the digests of what the import wrote last. */
  cases: ReadonlyMap<
    string,
    { state: CaseState; digest: string | null; addressDigests: readonly string[] }
  >;
  /** The region's dwellings by external reference. */
  dwellings: ReadonlyMap<string, { corporationName: string; digest: string | null }>;
  /** Contingents by `corporation|municipality|year`. */
  contingents: ReadonlyMap<string, { promised: number | null }>;
}

export interface PlannedCase extends ImportedCase {
  action: RowAction;
  digest: string;
  addressDigests: string[];
  /** The addresses changed (some new, some gone): the case's address list is rewritten. */
  hasNewAddresses: boolean;
}

export interface ImportPlan {
  organisations: (ImportedOrganisation & { action: RowAction })[];
  users: (ImportedUser & { action: RowAction })[];
  cases: PlannedCase[];
  dwellings: (ImportedDwelling & { action: RowAction; digest: string })[];
  contingents: (ImportedContingent & { action: RowAction })[];
  counts: ImportSheetCount[];
}

export const contingentKey = (
  c: Pick<ImportedContingent, 'corporationName' | 'municipalityCode' | 'year'>,
) => `${c.corporationName}|${c.municipalityCode}|${c.year}`;

/** The content of an imported case that its digest covers: what the import owns of it. */
export function caseDigestContent(c: ImportedCase): unknown[] {
  return [
    c.firstName,
    c.lastName,
    c.birthDate,
    c.targetGroup,
    c.admissionDate,
    c.caseManagerEmail,
    c.readyOn,
    c.wish,
  ];
}

export function addressDigestContent(a: CaseAddress): unknown[] {
  return [a.municipality, a.kind, a.from, a.to ?? null, a.source];
}

export function dwellingDigestContent(d: ImportedDwelling): unknown[] {
  return [d.corporationName, ...Object.entries(d.dwelling).sort(([a], [b]) => a.localeCompare(b))];
}

/**
 * The file against the region: every name, e-mail and reference must lead somewhere, and each row
 * gets what it would do. `digestOf` hashes a row's content (the server's SHA-256; kept pure here).
 */
export function planImport(
  data: ImportData,
  existing: ExistingState,
  digestOf: (content: unknown) => string,
): { ok: true; plan: ImportPlan } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const at = (sheet: ImportSheet, row: number, column: string, message: string) =>
    issues.push(issueAt(sheet, row, column, message));

  const kindOf = new Map<string, OrganisationKind>();
  for (const [name, o] of existing.organisations) kindOf.set(name, o.kind);
  const organisations = data.organisations.map((o) => {
    const current = existing.organisations.get(o.name);
    kindOf.set(o.name, current?.kind ?? o.kind);
    if (current && current.kind !== o.kind)
      at(
        'Organisaties',
        o.row,
        'Soort',
        `${o.name} bestaat al als ${organisationKindLabel[current.kind].toLowerCase()}; een import verandert de soort niet.`,
      );
    const action: RowAction = !current
      ? 'create'
      : current.municipalityCode === o.municipalityCode
        ? 'unchanged'
        : 'update';
    return { ...o, action };
  });
  const organisationProblem = (name: string, wanted?: OrganisationKind) => {
    const kind = kindOf.get(name);
    if (!kind)
      return `Onbekende organisatie “${name}”: niet in de regio en niet op het blad Organisaties.`;
    if (wanted && kind !== wanted)
      return `${name} is geen ${organisationKindLabel[wanted].toLowerCase()} maar een ${organisationKindLabel[kind].toLowerCase()}.`;
    return null;
  };

  const seatOf = new Map<string, Seat>();
  for (const [email, u] of existing.users) if (u.isOwnRegion) seatOf.set(email, u.seat);
  const users = data.users.map((u) => {
    const current = existing.users.get(u.email);
    const problem = organisationProblem(u.organisationName);
    if (problem) at('Gebruikers', u.row, 'Organisatie', problem);
    else if (!canOrganisationHoldSeat(kindOf.get(u.organisationName)!, u.seat))
      at(
        'Gebruikers',
        u.row,
        'Rol',
        `Een ${organisationKindLabel[kindOf.get(u.organisationName)!].toLowerCase()} kan geen rol ‘${seatLabel[u.seat]}’ hebben.`,
      );
    if (current && !current.isOwnRegion)
      at(
        'Gebruikers',
        u.row,
        'E-mail',
        'Dit e-mailadres hoort bij een gebruiker van een andere regio.',
      );
    else if (current && current.organisationName !== u.organisationName)
      at(
        'Gebruikers',
        u.row,
        'Organisatie',
        `Deze gebruiker werkt al bij ${current.organisationName}; een import verplaatst geen gebruikers.`,
      );
    else if (current && current.seat !== u.seat)
      at(
        'Gebruikers',
        u.row,
        'Rol',
        `Deze gebruiker heeft al de rol ‘${seatLabel[current.seat]}’; een import verandert geen rollen.`,
      );
    if (!current) seatOf.set(u.email, u.seat);
    const action: RowAction = !current
      ? 'create'
      : current.displayName === u.displayName
        ? 'unchanged'
        : 'update';
    return { ...u, action };
  });

  const cases = data.cases.map((c): PlannedCase => {
    const manager = existing.users.get(c.caseManagerEmail);
    if (manager && !manager.isOwnRegion)
      at('Casussen', c.row, 'Casemanager (e-mail)', 'Deze casemanager hoort bij een andere regio.');
    else if (!seatOf.has(c.caseManagerEmail))
      at(
        'Casussen',
        c.row,
        'Casemanager (e-mail)',
        `Onbekende gebruiker ${c.caseManagerEmail}: niet in de regio en niet op het blad Gebruikers.`,
      );
    else if (seatOf.get(c.caseManagerEmail) !== 'casemanager')
      at(
        'Casussen',
        c.row,
        'Casemanager (e-mail)',
        `${c.caseManagerEmail} is geen casemanager maar ${seatLabel[seatOf.get(c.caseManagerEmail)!].toLowerCase()}.`,
      );
    const current = existing.cases.get(c.externalRef);
    const digest = digestOf(caseDigestContent(c));
    // Without the sheet Adressen the file says nothing about addresses: those of before stay.
    const addressDigests = data.sheets.has('Adressen')
      ? c.addresses.map((a) => digestOf(addressDigestContent(a)))
      : [...(current?.addressDigests ?? [])];
    const hasNewAddresses =
      !current ||
      addressDigests.length !== current.addressDigests.length ||
      addressDigests.some((d, i) => d !== current.addressDigests[i]);
    const isChanged = !current || current.digest !== digest || hasNewAddresses;
    if (current?.state === 'closed' && isChanged)
      at(
        'Casussen',
        c.row,
        'Extern kenmerk',
        'Deze casus is afgesloten; een import verandert haar niet meer.',
      );
    const action: RowAction = !current
      ? 'create'
      : current.digest === digest
        ? 'unchanged'
        : 'update';
    return { ...c, action, digest, addressDigests, hasNewAddresses };
  });

  const dwellings = data.dwellings.map((d) => {
    const problem = organisationProblem(d.corporationName, 'corporation');
    if (problem) at('Woningen', d.row, 'Corporatie', problem);
    const current = existing.dwellings.get(d.externalRef);
    if (current && current.corporationName !== d.corporationName)
      at(
        'Woningen',
        d.row,
        'Corporatie',
        `Deze woning hoort bij ${current.corporationName}; een import verhuist geen woning naar een andere corporatie.`,
      );
    const digest = digestOf(dwellingDigestContent(d));
    const action: RowAction = !current
      ? 'create'
      : current.digest === digest
        ? 'unchanged'
        : 'update';
    return { ...d, action, digest };
  });

  const contingents = data.contingents.map((c) => {
    const problem = organisationProblem(c.corporationName, 'corporation');
    if (problem) at('Contingenten', c.row, 'Corporatie', problem);
    const current = existing.contingents.get(contingentKey(c));
    const action: RowAction = !current
      ? 'create'
      : current.promised === c.promised
        ? 'unchanged'
        : 'update';
    return { ...c, action };
  });

  if (issues.length) return { ok: false, issues: sortIssues(issues) };
  const count = (sheet: ImportSheet, rows: readonly { action: RowAction }[]): ImportSheetCount => ({
    sheet,
    created: rows.filter((r) => r.action === 'create').length,
    updated: rows.filter((r) => r.action === 'update').length,
    unchanged: rows.filter((r) => r.action === 'unchanged').length,
  });
  const addressRows = cases.flatMap((c) => {
    if (!data.sheets.has('Adressen')) return [];
    const before = new Set(existing.cases.get(c.externalRef)?.addressDigests ?? []);
    return c.addressDigests.map(
      (d) => ({ action: before.has(d) ? 'unchanged' : 'create' }) as const,
    );
  });
  return {
    ok: true,
    plan: {
      organisations,
      users,
      cases,
      dwellings,
      contingents,
      counts: [
        count('Organisaties', organisations),
        count('Gebruikers', users),
        count('Casussen', cases),
        count('Adressen', addressRows),
        count('Woningen', dwellings),
        count('Contingenten', contingents),
      ],
    },
  };
}

/** Sheets in the template's order, then rows, then columns: the order a person fixes them in. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  const sheetIndex = (path: string) => {
    const index = importSheets.indexOf(path.split('.')[0] as ImportSheet);
    return index === -1 ? -1 : index;
  };
  const rowOf = (path: string) => Number(path.split('.')[1] ?? 0) || 0;
  return [...issues].sort(
    (a, b) => sheetIndex(a.path) - sheetIndex(b.path) || rowOf(a.path) - rowOf(b.path),
  );
}
