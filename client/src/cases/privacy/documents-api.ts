import {
  documentContentTypes,
  documentFilenameSchema,
  documentSummarySchema,
  documentListSchema,
  maxDocumentBytes,
  type ConsentCategory,
  type DocumentContentType,
  type DocumentSummary,
} from '@uitstroom/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiClient, ApiError, apiUrl, fileBody, request } from '../../core/api';
import { queryClient } from '../../core/query/query-client';
import { queryKeys } from '../../core/query/query-keys';

/**
 * Uploading a document of a case: the documents panel and the consent form (the signed form)
 * both send files this way, and check them the same way first.
 */

export const tooLargeMessage =
  'Het bestand is groter dan 10 MB. Kies een kleiner bestand of verklein het (bijvoorbeeld een scan in lagere resolutie).';

export function documentUrl(caseId: string, documentId: string): string {
  return apiUrl('/api/cases/{caseId}/documents/{documentId}', { caseId, documentId });
}

export function fetchDocuments(caseId: string, signal?: AbortSignal): Promise<DocumentSummary[]> {
  return request(
    apiClient.GET('/api/cases/{caseId}/documents', { params: { path: { caseId } }, signal }),
    { schema: documentListSchema },
  );
}

function isDocumentType(type: string): type is DocumentContentType {
  return (documentContentTypes as readonly string[]).includes(type);
}

/** What the browser can check of a file before sending it; the server checks it again, and the bytes. Null: fine. */
export function checkDocumentFile(
  file: File | undefined | null,
  missing = 'Kies een bestand.',
): string | null {
  if (!file) return missing;
  if (file.size === 0) return 'Het bestand is leeg.';
  if (file.size > maxDocumentBytes) return tooLargeMessage;
  if (!isDocumentType(file.type)) return 'Alleen PDF, PNG of JPEG kunnen worden toegevoegd.';
  const name = documentFilenameSchema.safeParse(file.name);
  return name.success ? null : (name.error.issues[0]?.message ?? 'Geen geldige bestandsnaam.');
}

/** Sends the file itself as the body; category and name go in the query. */
export async function uploadDocument(
  caseId: string,
  file: File,
  category: ConsentCategory,
): Promise<DocumentSummary> {
  try {
    return await request(
      apiClient.POST('/api/cases/{caseId}/documents', {
        params: { path: { caseId }, query: { category, filename: file.name } },
        ...fileBody(file),
      }),
      {
        schema: documentSummarySchema,
        fallbackMessage: 'Het toevoegen is niet gelukt. Probeer het later opnieuw.',
      },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 413)
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE', tooLargeMessage);
    throw error;
  }
}

/** An upload's error that concerns the file itself (its bytes, type, name or size), or null. */
export function fileErrorOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'PAYLOAD_TOO_LARGE') return error.message;
  return (
    error.issues.find((i) => i.path === 'body' || i.path === 'filename' || i.path === 'contentType')
      ?.message ?? null
  );
}

/** The documents of a case this seat may see. */
export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: queryKeys.caseDocuments(caseId),
    queryFn: ({ signal }) => fetchDocuments(caseId, signal),
  });
}

/** Adds a document: it shows at once at the top of the case's list, which is then read again. */
export function useUploadDocument(caseId: string) {
  return useMutation({
    mutationFn: ({ file, category }: { file: File; category: ConsentCategory }) =>
      uploadDocument(caseId, file, category),
    onSuccess: (document) => {
      queryClient.setQueryData<DocumentSummary[]>(queryKeys.caseDocuments(caseId), (current) =>
        current ? [document, ...current.filter((d) => d.id !== document.id)] : current,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseDocuments(caseId) });
    },
  });
}
