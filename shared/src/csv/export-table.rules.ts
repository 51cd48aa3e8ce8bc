import { formatDutchTime, formatShortDutchDate } from '../calendar/calendar';
import { toCsv, type CsvCell } from './csv.rules';

/**
 * One table per export, written by two writers: the CSV writer (`toCsv`, here) and the workbook
 * writer on the server (`server/src/core/workbook.ts`). The columns carry their type, so that a
 * workbook can hold real dates, numbers and percentages while the CSV of the same export keeps
 * what Dutch Excel reads from text. Both writers neutralise text with the one `neutralizeCell`.
 *
 * - text: any text (a number is written as it is);
 * - date: a calendar date ('2026-03-01'); a moment: a timestamp, shown as its Dutch day and time;
 * - integer, decimal: numbers; euro: an amount in euros with two decimals;
 * - count: a whole number, or the suppressed count "<5" kept as text;
 * - percentage: a share from 0 to 1 (the CSV writes it as a percentage with one decimal);
 * - yesNo: a boolean, written "ja" or "nee".
 * A text in a numeric column (a suppressed "<5", a dash) is kept as text; empty is null.
 */
export const exportColumnTypes = [
  'text',
  'date',
  'moment',
  'integer',
  'decimal',
  'euro',
  'count',
  'percentage',
  'yesNo',
] as const;
export type ExportColumnType = (typeof exportColumnTypes)[number];

export interface ExportColumn {
  /** The Dutch header, as the CSV has always written it. */
  header: string;
  type: ExportColumnType;
}

export type ExportCell = string | number | boolean | null | undefined;

export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportCell[])[];
}

/** The formats an export is offered in; the file name's extension. */
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A share 0..1 as a percentage with one decimal (0.4567 → 45.7); empty where it is not shown. */
export const percentage = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10;

/** An amount rounded to whole cents. */
export const toCents = (amount: number) => Math.round(amount * 100) / 100;

/** One cell as the CSV writes it: dates as Dutch dates (dd-mm-jjjj), a share as a percentage. */
export function toCsvCell(type: ExportColumnType, cell: ExportCell): CsvCell {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'string') {
    if (type === 'date') return formatShortDutchDate(cell);
    if (type === 'moment') return `${formatShortDutchDate(cell)} ${formatDutchTime(cell)}`;
    return cell;
  }
  if (typeof cell === 'number') {
    if (type === 'percentage') return percentage(cell);
    if (type === 'euro') return toCents(cell);
  }
  return cell;
}

/** The table as a CSV through the one safe writer: header first, as the file has always begun. */
export function exportTableToCsv(table: ExportTable): string {
  return toCsv(
    table.columns.map((c) => c.header),
    table.rows.map((row) => table.columns.map((column, i) => toCsvCell(column.type, row[i]))),
  );
}
