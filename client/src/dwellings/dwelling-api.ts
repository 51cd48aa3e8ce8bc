import { z } from 'zod';
import {
  caseDwellingFitsSchema,
  contingentListSchema,
  contingentSchema,
  dwellingCaseFitsSchema,
  dwellingImportReportSchema,
  dwellingImportResultSchema,
  dwellingSchema,
  maxDwellingImportBytes,
  type CaseDwellingFits,
  type Contingent,
  type ContingentList,
  type CreateContingent,
  type Dwelling,
  type DwellingCaseFits,
  type DwellingImportReport,
  type DwellingImportResult,
  type DwellingInput,
  type ExportFormat,
} from '@uitstroom/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient, ApiError, apiUrl, fileBody, queryOf, request } from '../core/api';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';

/** The dwellings and contingents API as the client uses it; every answer is parsed with the server's schema. */

const onDwelling = (dwellingId: string) => ({ params: { path: { dwellingId } } });

export function fetchDwellings(query: URLSearchParams, signal?: AbortSignal): Promise<Dwelling[]> {
  return request(apiClient.GET('/api/dwellings', { params: { query: queryOf(query) }, signal }), {
    schema: z.array(dwellingSchema),
  });
}

export function fetchDwelling(id: string, signal?: AbortSignal): Promise<Dwelling> {
  return request(apiClient.GET('/api/dwellings/{dwellingId}', { ...onDwelling(id), signal }), {
    schema: dwellingSchema,
  });
}

export function createDwelling(body: DwellingInput): Promise<Dwelling> {
  return request(apiClient.POST('/api/dwellings', { body }), { schema: dwellingSchema });
}

export function updateDwelling(
  id: string,
  version: number,
  dwelling: DwellingInput,
): Promise<Dwelling> {
  return request(
    apiClient.PUT('/api/dwellings/{dwellingId}', {
      ...onDwelling(id),
      body: { version, dwelling },
    }),
    { schema: dwellingSchema },
  );
}

export function withdrawDwelling(id: string, version: number, reason: string): Promise<Dwelling> {
  return request(
    apiClient.POST('/api/dwellings/{dwellingId}/withdraw', {
      ...onDwelling(id),
      body: { version, reason },
    }),
    { schema: dwellingSchema },
  );
}

export function fetchDwellingCases(id: string, signal?: AbortSignal): Promise<DwellingCaseFits> {
  return request(
    apiClient.GET('/api/dwellings/{dwellingId}/cases', { ...onDwelling(id), signal }),
    { schema: dwellingCaseFitsSchema },
  );
}

export function fetchCaseDwellingFits(
  caseId: string,
  signal?: AbortSignal,
): Promise<CaseDwellingFits> {
  return request(
    apiClient.GET('/api/cases/{caseId}/dwelling-fits', { params: { path: { caseId } }, signal }),
    { schema: caseDwellingFitsSchema },
  );
}

export function dwellingsExportUrl(query: URLSearchParams, format: ExportFormat): string {
  return apiUrl(`/api/dwellings.${format}`, {}, query);
}

/** A stale write of a dwelling: the server's current dwelling, from the 409's details. */
export function asDwellingConflict(error: unknown): Dwelling | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const parsed = z.object({ current: dwellingSchema }).safeParse(error.details);
  return parsed.success ? parsed.data.current : null;
}

// ---- the CSV import ----

export type ImportOutcome =
  | { ok: true; result: DwellingImportResult }
  | { ok: false; message: string; report: DwellingImportReport | null };

export const tooLargeImportMessage =
  'Het bestand is groter dan 2 MB. Splits het in kleinere bestanden (hoogstens 5000 woningen per bestand).';

/** Sends the file itself; a refused file comes back with its report per row (nothing was saved). */
export async function importDwellingsCsv(file: File): Promise<ImportOutcome> {
  if (file.size > maxDwellingImportBytes)
    return { ok: false, message: tooLargeImportMessage, report: null };
  try {
    const result = await request(
      // Browsers name a .csv differently (text/csv, application/vnd.ms-excel, nothing); the server reads the bytes.
      apiClient.POST('/api/dwellings/import', fileBody(file, 'text/csv')),
      {
        schema: dwellingImportResultSchema,
        fallbackMessage: 'Het inlezen is niet gelukt. Probeer het later opnieuw.',
      },
    );
    return { ok: true, result };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0) throw error;
    if (error.status === 413) return { ok: false, message: tooLargeImportMessage, report: null };
    if (error.status === 401 || error.status === 403 || error.code === 'INTERNAL') throw error;
    const report = dwellingImportReportSchema.safeParse(error.details);
    return { ok: false, message: error.message, report: report.success ? report.data : null };
  }
}

// ---- contingents ----

export function fetchContingents(year: number, signal?: AbortSignal): Promise<ContingentList> {
  return request(apiClient.GET('/api/contingents', { params: { query: { year } }, signal }), {
    schema: contingentListSchema,
  });
}

export function createContingent(body: CreateContingent): Promise<Contingent> {
  return request(apiClient.POST('/api/contingents', { body }), { schema: contingentSchema });
}

export function updateContingent(
  id: string,
  version: number,
  promised: number | null,
): Promise<Contingent> {
  return request(
    apiClient.PATCH('/api/contingents/{contingentId}', {
      params: { path: { contingentId: id } },
      body: { version, promised },
    }),
    { schema: contingentSchema },
  );
}

export function contingentsExportUrl(year: number, format: ExportFormat): string {
  return apiUrl(`/api/contingents.${format}`, {}, { year });
}

/**
 * A write on a dwelling (register, change, withdraw; the call is the thunk given to `mutateAsync`):
 * its answer is the dwelling's new state; what is read beside it (fitting cases, offers) and the
 * lists of dwellings are read again.
 */
export function useDwellingWrite() {
  return useMutation({
    mutationFn: (call: () => Promise<Dwelling>) => call(),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.dwelling(next.id), next);
      void queryClient.invalidateQueries({
        queryKey: queryKeys.dwelling(next.id),
        predicate: (query) => query.queryKey.length > 2,
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dwellingLists });
    },
  });
}

/** Imports a CSV of dwellings: a successful import changes the lists of dwellings. */
export function useImportDwellings() {
  return useMutation({
    mutationFn: importDwellingsCsv,
    onSuccess: (outcome) => {
      if (outcome.ok) void queryClient.invalidateQueries({ queryKey: queryKeys.dwellings });
    },
  });
}

/**
 * A write on a contingent of `year` (the call is the thunk given to `mutateAsync`): a changed one
 * replaces its row at once; a new one makes the year's list read again.
 */
export function useContingentWrite(year: number) {
  return useMutation({
    mutationFn: (call: () => Promise<Contingent>) => call(),
    onSuccess: (saved) => {
      const key = queryKeys.contingents(year);
      const list = queryClient.getQueryData<ContingentList>(key);
      if (list?.items.some((c) => c.id === saved.id))
        queryClient.setQueryData<ContingentList>(key, {
          ...list,
          items: list.items.map((c) => (c.id === saved.id ? saved : c)),
        });
      else void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
