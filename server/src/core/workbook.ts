import ExcelJS from 'exceljs';
import {
  amsterdamDate,
  formatDutchDateAtTime,
  formatDutchDateRange,
  formatDutchTime,
  neutralizeCell,
  toCents,
  toDutchDate,
  type ExportCell,
  type ExportColumnType,
  type ExportTable,
} from '@uitstroom/shared';

/**
 * The one workbook writer (.xlsx, ExcelJS) beside the one CSV writer: every export that offers a
 * CSV offers the same table as a workbook people can work with. Real types (a date is a date, a
 * rent a number in euros, a share a percentage), Dutch headers, a title row that says what the
 * sheet holds (period, filters, when it was made), the header row frozen and filterable, columns
 * as wide as their contents.
 *
 * Text goes through the CSV writer's own `neutralizeCell`: a name like `=HYPERLINK(…)` stays inert
 * text here too, and stays so when someone saves the sheet as CSV again. A suppressed count "<5"
 * is text in its numeric column, never a number that could be summed or guessed.
 */

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the title row says. `filters` are worded already ("gemeente Lelystad"); none reads "geen". */
export interface WorkbookTitle {
  subject: string;
  period?: { from: string; to: string } | null;
  filters: readonly string[];
  madeAt: Date;
}

export interface WorkbookSheet {
  /** The tab's name (cut to Excel's 31 characters, without the characters it refuses). */
  sheetName: string;
  title: WorkbookTitle;
  table: ExportTable;
}

/** The title row: "Woningen · Periode: … · Filters: … · Gemaakt op 7 december 2026 om 10:05". */
export function titleLine(title: WorkbookTitle): string {
  return [
    title.subject,
    ...(title.period
      ? [`Periode: ${formatDutchDateRange(title.period.from, title.period.to)}`]
      : []),
    `Filters: ${title.filters.length ? title.filters.join(', ') : 'geen'}`,
    `Gemaakt op ${formatDutchDateAtTime(title.madeAt)}`,
  ].join(' · ');
}

// Number formats are stored locale-free; Dutch Excel shows them with a decimal comma and a
// thousands dot. 413 is the locale id of nl-NL: the euro sign before the amount, as Dutch write it.
const numberFormat: Partial<Record<ExportColumnType, string>> = {
  date: 'dd-mm-yyyy',
  moment: 'dd-mm-yyyy hh:mm',
  // Plain whole numbers (a year, rooms, days); counts with a thousands separator.
  integer: '0',
  count: '#,##0',
  decimal: '#,##0.00',
  euro: '[$€-413] #,##0.00',
  percentage: '0.0%',
};

/** A calendar date (or a moment's Dutch day) as the spreadsheet's day: ExcelJS turns midnight UTC into that day's serial. */
function excelDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** A moment as the Dutch wall clock shows it; a spreadsheet has no time zones. */
function excelMoment(moment: string): Date {
  return new Date(`${amsterdamDate(moment)}T${formatDutchTime(moment, { withSeconds: true })}Z`);
}

type CellValue = string | number | Date | null;

/** One cell's value for its column type; text (also in a numeric column) is neutralised. */
export function workbookValue(type: ExportColumnType, cell: ExportCell): CellValue {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return null;
    return type === 'euro' ? toCents(cell) : cell;
  }
  if (type === 'date') return excelDay(toDutchDate(cell));
  if (type === 'moment') return excelMoment(cell);
  return neutralizeCell(cell);
}

const dutchNumber = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** About how many characters a cell shows, for a column that fits. */
function shownLength(type: ExportColumnType, value: CellValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return type === 'moment' ? 16 : 10;
  if (typeof value === 'number') {
    const shown = dutchNumber.format(type === 'percentage' ? value * 100 : value);
    return shown.length + (type === 'euro' ? 5 : type === 'percentage' ? 3 : 0);
  }
  return Math.max(...value.split('\n').map((line) => line.length));
}

const minWidth = 6;
const maxWidth = 60;

function sheetNameOf(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Blad1';
}

/** The sheet as the bytes of an .xlsx file. */
export async function writeWorkbook(sheet: WorkbookSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Uitstroomtafel';
  workbook.created = sheet.title.madeAt;
  workbook.modified = sheet.title.madeAt;
  const { columns, rows } = sheet.table;
  const headerRow = 2;
  const worksheet = workbook.addWorksheet(sheetNameOf(sheet.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });

  const title = worksheet.getCell(1, 1);
  title.value = neutralizeCell(titleLine(sheet.title));
  title.font = { bold: true, size: 12 };

  const header = worksheet.getRow(headerRow);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutralizeCell(column.header);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  const widths = columns.map((column) => column.header.length);
  rows.forEach((row, r) => {
    const line = worksheet.getRow(headerRow + 1 + r);
    columns.forEach((column, i) => {
      const value = workbookValue(column.type, row[i]);
      widths[i] = Math.max(widths[i]!, shownLength(column.type, value));
      if (value === null) return;
      const cell = line.getCell(i + 1);
      cell.value = value;
      const format = numberFormat[column.type];
      if (format && typeof value !== 'string') cell.numFmt = format;
      // A "<5" in a column of numbers stands where the numbers stand.
      if (format && typeof value === 'string') cell.alignment = { horizontal: 'right' };
    });
  });
  // Half a character to spare: ExcelJS takes a width of exactly 9 for its default and leaves it out.
  columns.forEach((_, i) => {
    worksheet.getColumn(i + 1).width = Math.min(maxWidth, Math.max(minWidth, widths[i]! + 2.5));
  });
  if (columns.length > 0)
    worksheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: columns.length },
    };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
