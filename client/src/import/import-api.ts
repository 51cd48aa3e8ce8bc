import {
  importReportSchema,
  maxImportBytes,
  type ErrorIssue,
  type ImportReport,
} from '@uitstroom/shared';
import { ApiError, apiClient, apiUrl, request } from '../core/api';
import { queryClient } from '../core/query/query-client';
import { useWrite } from '../core/query/use-write';

export type ImportOutcome =
  { ok: true; report: ImportReport } | { ok: false; message: string; issues: ErrorIssue[] };

export const templateUrl = apiUrl('/api/import/template.xlsx');

export const tooLargeMessage = `Het bestand is groter dan ${maxImportBytes / 1024 / 1024} MB; splits het in kleinere bestanden.`;

/**
 * Sends the chosen file(s) as a form (field `file`): a workbook, or CSV files named after their
 * sheets. A refused file comes back with its problems at `<blad>.<rij>.<kolom>`; nothing was saved.
 */
export async function sendImport(
  files: readonly File[],
  isDryRun: boolean,
): Promise<ImportOutcome> {
  if (files.some((file) => file.size > maxImportBytes))
    return { ok: false, message: tooLargeMessage, issues: [] };
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  try {
    const report = await request(
      apiClient.POST('/api/import', {
        params: { query: isDryRun ? { dryRun: 'true' } : {} },
        body: form as never,
        bodySerializer: (body: unknown) => body as FormData,
      }),
      {
        schema: importReportSchema,
        fallbackMessage: 'Het inlezen is niet gelukt. Probeer het later opnieuw.',
      },
    );
    return { ok: true, report };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    return { ok: false, message: error.message, issues: error.issues };
  }
}

/** A proef or an import; after an import every list may have changed, so all of them read again. */
export function useImport() {
  return useWrite({
    write: ({ files, isDryRun }: { files: readonly File[]; isDryRun: boolean }) =>
      sendImport(files, isDryRun),
  });
}

export function refreshAfterImport(): Promise<void> {
  return queryClient.invalidateQueries();
}

/** `Casussen.12.Geboortedatum` → blad, rij and kolom for the table of problems. */
export function placeOf(path: string): { sheet: string; row: string; column: string } {
  const [sheet = '', row = '', ...column] = path.split('.');
  return /^\d+$/.test(row)
    ? { sheet, row, column: column.join('.') }
    : { sheet: path, row: '', column: '' };
}
