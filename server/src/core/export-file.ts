import { exportTableToCsv, type ExportFormat } from '@uitstroom/shared';
import type { DownloadFile } from './http/download';
import { writeWorkbook, xlsxContentType, type WorkbookSheet } from './workbook';

/** The content type each export format is served with (and declared with in the API description). */
export const exportContentType: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: xlsxContentType,
};

/** What a format is called in a route's summary. */
export const exportFormatName: Record<ExportFormat, string> = {
  csv: 'CSV (; en decimale komma)',
  xlsx: 'Excel-werkboek (.xlsx)',
};

/**
 * One export's table as the file of a format: the CSV (header first, no title row, so that a
 * file of dwellings can go back in) or the workbook (with its title row). `baseName` is the file
 * name without its extension.
 */
export async function renderExport(
  format: ExportFormat,
  baseName: string,
  sheet: WorkbookSheet,
): Promise<DownloadFile> {
  return format === 'csv'
    ? {
        filename: `${baseName}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: exportTableToCsv(sheet.table),
      }
    : {
        filename: `${baseName}.xlsx`,
        contentType: xlsxContentType,
        body: await writeWorkbook(sheet),
      };
}
