import { z } from 'zod';
import {
  caseDwellingFitsSchema,
  contingentListSchema,
  contingentSchema,
  dwellingCaseFitsSchema,
  dwellingImportReportSchema,
  dwellingImportResultSchema,
  dwellingSchema,
  errorBodySchema,
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
} from '@uitstroom/shared';
import { api, ApiError } from '../core/api';

/** The dwellings and contingents API as the client uses it; every answer is parsed with the server's schema. */

const dwellingPath = (id: string) => `/api/dwellings/${encodeURIComponent(id)}`;

export function fetchDwellings(query: URLSearchParams, signal?: AbortSignal): Promise<Dwelling[]> {
  return api('GET', `/api/dwellings?${query.toString()}`, {
    schema: z.array(dwellingSchema),
    signal,
  });
}

export function fetchDwelling(id: string, signal?: AbortSignal): Promise<Dwelling> {
  return api('GET', dwellingPath(id), { schema: dwellingSchema, signal });
}

export function createDwelling(body: DwellingInput): Promise<Dwelling> {
  return api('POST', '/api/dwellings', { body, schema: dwellingSchema });
}

export function updateDwelling(
  id: string,
  version: number,
  dwelling: DwellingInput,
): Promise<Dwelling> {
  return api('PUT', dwellingPath(id), { body: { version, dwelling }, schema: dwellingSchema });
}

export function withdrawDwelling(id: string, version: number, reason: string): Promise<Dwelling> {
  return api('POST', `${dwellingPath(id)}/withdraw`, {
    body: { version, reason },
    schema: dwellingSchema,
  });
}

export function fetchDwellingCases(id: string, signal?: AbortSignal): Promise<DwellingCaseFits> {
  return api('GET', `${dwellingPath(id)}/cases`, { schema: dwellingCaseFitsSchema, signal });
}

export function fetchCaseDwellingFits(
  caseId: string,
  signal?: AbortSignal,
): Promise<CaseDwellingFits> {
  return api('GET', `/api/cases/${encodeURIComponent(caseId)}/dwelling-fits`, {
    schema: caseDwellingFitsSchema,
    signal,
  });
}

export function dwellingsExportUrl(query: URLSearchParams): string {
  return `/api/dwellings.csv?${query.toString()}`;
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
  let response: Response;
  try {
    response = await fetch('/api/dwellings/import', {
      method: 'POST',
      credentials: 'same-origin',
      // Browsers name a .csv differently (text/csv, application/vnd.ms-excel, nothing); the server reads the bytes.
      headers: { Accept: 'application/json', 'Content-Type': 'text/csv' },
      body: file,
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    );
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, result: dwellingImportResultSchema.parse(payload) };
  if (response.status === 413) return { ok: false, message: tooLargeImportMessage, report: null };
  const parsed = errorBodySchema.safeParse(payload);
  if (!parsed.success)
    throw new ApiError(
      response.status,
      'INTERNAL',
      'Het inlezen is niet gelukt. Probeer het later opnieuw.',
    );
  const { code, message, issues, details } = parsed.data.error;
  if (response.status === 401 || response.status === 403)
    throw new ApiError(response.status, code, message, issues, details);
  const report = dwellingImportReportSchema.safeParse(details);
  return { ok: false, message, report: report.success ? report.data : null };
}

// ---- contingents ----

export function fetchContingents(year: number, signal?: AbortSignal): Promise<ContingentList> {
  return api('GET', `/api/contingents?year=${year}`, { schema: contingentListSchema, signal });
}

export function createContingent(body: CreateContingent): Promise<Contingent> {
  return api('POST', '/api/contingents', { body, schema: contingentSchema });
}

export function updateContingent(
  id: string,
  version: number,
  promised: number | null,
): Promise<Contingent> {
  return api('PATCH', `/api/contingents/${encodeURIComponent(id)}`, {
    body: { version, promised },
    schema: contingentSchema,
  });
}

export function contingentsExportUrl(year: number): string {
  return `/api/contingents.csv?year=${year}`;
}
