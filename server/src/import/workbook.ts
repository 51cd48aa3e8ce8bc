import ExcelJS from 'exceljs';
import {
  AppError,
  allowedValuesSheet,
  cellText,
  codedImportColumns,
  dayOfZonelessDate,
  decodeCsvBytes,
  importColumns,
  importSheets,
  maxImportRows,
  sheetNamed,
  sortIssues,
  type ImportCell,
  type ImportIssue,
  type ImportTable,
  type NamedMunicipality,
} from '@uitstroom/shared';
import { readCsvRecords } from '../core/csv-records';
import type { UploadedFile } from '../core/http/multipart';

/**
 * The workbook side of the import: the template a region fills in, and the cells of what it
 * sends back (an .xlsx workbook, or one CSV file per sheet). What a cell means is decided in
 * shared/src/import; here only what a file format can get wrong: no workbook at all, formulas,
 * merged cells, error values, an unreadable CSV.
 */

export const workbookContentType =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows of the data sheets that offer the allowed values as a drop-down list. */
const validatedRows = 1000;

const columnLetter = (index: number): string =>
  index < 26
    ? String.fromCharCode(65 + index)
    : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26);

/** exceljs keeps a sheet's data validations by address (a range too) but does not type them. */
const validationsOf = (worksheet: ExcelJS.Worksheet) =>
  (
    worksheet as unknown as {
      dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
    }
  ).dataValidations;

/**
 * The template: per sheet a bold header with a note per column and one example row, and the sheet
 * of allowed values with one column per coded field (headed by the field's column name; a note
 * names the sheet, since `Soort` is on two), plus the region's municipalities with their names.
 */
export async function buildTemplate(municipalities: readonly NamedMunicipality[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Uitstroomtafel';
  const allowed = [
    ...codedImportColumns.map(({ sheet, column }) => ({
      header: column.name,
      note: `Blad ${sheet}, kolom ${column.name}.`,
      values: column.choices!.map((c) => c.label),
      sheet,
      column: column.name,
    })),
    {
      header: 'Gemeente (CBS-code)',
      note: 'De gemeenten van uw regio, voor elke kolom Gemeente (CBS-code) en Wens gemeente (CBS-code). Een adres mag ook een gemeente buiten de regio hebben.',
      values: municipalities.map((m) => m.code),
      sheet: null,
      column: null,
    },
    {
      header: 'Gemeentenaam',
      note: 'De naam bij de CBS-code links.',
      values: municipalities.map((m) => m.name),
      sheet: null,
      column: null,
    },
  ];
  for (const sheet of importSheets) {
    const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns = importColumns[sheet];
    worksheet.columns = columns.map((c) => ({
      header: c.name,
      width: Math.max(14, c.name.length + 4),
    }));
    worksheet.getRow(1).font = { bold: true };
    columns.forEach((column, index) => {
      worksheet.getCell(1, index + 1).note =
        `${column.isRequired ? 'Verplicht. ' : 'Niet verplicht. '}${column.note}${index === 0 ? ' Rij 2 is een voorbeeld: overschrijf of verwijder die (ongewijzigd wordt ze overgeslagen).' : ''}`;
    });
    worksheet.addRow(columns.map((c) => c.example));
    columns.forEach((column, index) => {
      const list = allowed.findIndex((a) => a.sheet === sheet && a.column === column.name);
      if (list === -1) return;
      const letter = columnLetter(list);
      const last = allowed[list]!.values.length + 1;
      validationsOf(worksheet).add(
        `${columnLetter(index)}2:${columnLetter(index)}${validatedRows}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [`'${allowedValuesSheet}'!$${letter}$2:$${letter}$${last}`],
          showErrorMessage: true,
          errorTitle: 'Onbekende waarde',
          error: `Kies een waarde van het blad ${allowedValuesSheet}.`,
        },
      );
    });
  }
  const sheet = workbook.addWorksheet(allowedValuesSheet);
  sheet.columns = allowed.map((a) => ({ header: a.header, width: 30 }));
  sheet.getRow(1).font = { bold: true };
  allowed.forEach((a, index) => {
    sheet.getCell(1, index + 1).note = a.note;
    a.values.forEach((value, row) => {
      sheet.getCell(row + 2, index + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---- reading ----

export class FileRefused extends AppError {
  constructor(issues: ImportIssue[], message?: string) {
    super(
      'VALIDATION_FAILED',
      message ??
        `Het bestand is niet ingelezen: ${issues.length === 1 ? '1 probleem' : `${issues.length} problemen`}. Er is niets opgeslagen; verbeter het bestand en lees het opnieuw in.`,
      sortIssues(issues).slice(0, 500),
      { problemCount: issues.length },
    );
  }
}

const refuseFile = (message: string): never => {
  throw new FileRefused([{ path: 'file', message }], message);
};

const isZip = (content: Buffer) => content.length > 4 && content.readUInt32LE(0) === 0x04034b50;

/** The tables of the upload: one workbook, or CSV files named after their sheets. */
export async function readUpload(files: readonly UploadedFile[]): Promise<ImportTable[]> {
  if (files.length === 1 && isZip(files[0]!.content)) return readWorkbook(files[0]!.content);
  const tables: ImportTable[] = [];
  const issues: ImportIssue[] = [];
  for (const file of files) {
    if (isZip(file.content))
      refuseFile('Stuur één werkmap (.xlsx), of alleen CSV-bestanden (één per blad).');
    const isCsv = /\.csv$/i.test(file.name);
    const sheet = sheetNamed(file.name.replace(/\.csv$/i, ''));
    if (!isCsv)
      refuseFile(
        `${file.name} is geen Excel-werkmap (.xlsx) en geen CSV-bestand. Gebruik het sjabloon, of CSV-bestanden met de naam van hun blad (bijvoorbeeld Casussen.csv).`,
      );
    if (!sheet) {
      issues.push({
        path: file.name,
        message: `Een CSV-bestand heet naar zijn blad: ${importSheets.map((s) => `${s}.csv`).join(', ')}.`,
      });
      continue;
    }
    const decoded = decodeCsvBytes(file.content);
    if (!decoded.ok) {
      issues.push({ path: sheet, message: decoded.message });
      continue;
    }
    const parsed = readCsvRecords(decoded.text);
    if (!parsed.ok) {
      issues.push({ path: sheet, message: parsed.message });
      continue;
    }
    const [header, ...rows] = parsed.records;
    tables.push({
      name: sheet,
      header: header?.cells ?? [],
      rows: rows.map((r) => ({ row: r.line, cells: r.cells })),
    });
  }
  if (issues.length) throw new FileRefused(issues);
  return tables;
}

async function readWorkbook(content: Buffer): Promise<ImportTable[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    refuseFile(
      'Dit bestand is geen Excel-werkmap (.xlsx) die gelezen kan worden. Sla het op als Excel-werkmap en probeer het opnieuw.',
    );
  }
  const rowCount = workbook.worksheets.reduce(
    (sum, w) => sum + Math.max(0, w.actualRowCount - 1),
    0,
  );
  if (rowCount > maxImportRows)
    refuseFile(
      `Het bestand heeft ${rowCount} rijen; hoogstens ${maxImportRows} worden in één keer ingelezen. Splits het bestand.`,
    );
  const issues: ImportIssue[] = [];
  const tables = workbook.worksheets
    .filter((w) => w.name.trim().toLowerCase() !== allowedValuesSheet.toLowerCase())
    .map((worksheet) => readWorksheet(worksheet, issues));
  if (issues.length) throw new FileRefused(issues);
  return tables;
}

function readWorksheet(worksheet: ExcelJS.Worksheet, issues: ImportIssue[]): ImportTable {
  const name = sheetNamed(worksheet.name) ?? worksheet.name;
  const header: ImportCell[] = [];
  worksheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellValue(cell);
  });
  const columnName = (column: number) =>
    cellText(header[column - 1] ?? null) || `kolom ${columnLetter(column - 1)}`;
  for (const range of (worksheet.model as { merges?: string[] }).merges ?? []) {
    const topLeft = worksheet.getCell(range.split(':')[0]!);
    issues.push({
      path: `${name}.${topLeft.row}.${columnName(Number(topLeft.col))}`,
      message: `Samengevoegde cellen (${range}) worden niet ingelezen: maak ze los en zet in elke cel haar eigen waarde.`,
    });
  }
  const rows: { row: number; cells: ImportCell[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: ImportCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const at = `${name}.${rowNumber}.${columnName(column)}`;
      if (cell.type === ExcelJS.ValueType.Formula)
        issues.push({
          path: at,
          message:
            'Deze cel bevat een formule; die wordt niet ingelezen. Zet er de waarde zelf in (kopiëren, plakken als waarde).',
        });
      else if (cell.type === ExcelJS.ValueType.Error)
        issues.push({
          path: at,
          message: 'Deze cel bevat een foutwaarde (zoals #N/B); zet er de juiste waarde in.',
        });
      else cells[column - 1] = cellValue(cell);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { name, header: Array.from(header, (c) => c ?? null), rows };
}

function cellValue(cell: ExcelJS.Cell): ImportCell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: dayOfZonelessDate(value) };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return cell.text;
}
