import { z } from 'zod';
import { safeText } from '../primitives';
import '../validation';
import { consentCategorySchema } from './consent.schemas';

/**
 * Documents on the case (a signed consent form, a BRP extract, a care plan). Each carries one of
 * the consent categories and follows the same rule as the case's fields: a seat sees a document
 * only where it may read that category of the case (document.rules.ts).
 */
export const documentContentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const documentContentTypeSchema = z.enum(documentContentTypes, {
  error: 'Alleen PDF, PNG of JPEG.',
});
export type DocumentContentType = z.infer<typeof documentContentTypeSchema>;
export const documentContentTypeLabel: Record<DocumentContentType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** 10 MiB, as the database's CHECK on `case_document.size_bytes`. */
export const maxDocumentBytes = 10 * 1024 * 1024;

// Separators would let a name pose as a path when saved; control and bidi-override characters let
// "rapport\u202Efdp.exe" look like a PDF. Neither has a place in a file name shown to others.
const pathSeparator = /[/\\]/;
const controlCharacter = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export const documentFilenameSchema = safeText({ error: 'Geef de bestandsnaam mee.' })
  .trim()
  .min(1, { error: 'Geef de bestandsnaam mee.' })
  .max(200, { error: 'De bestandsnaam is te lang (hoogstens 200 tekens).' })
  .refine((name) => !pathSeparator.test(name), { error: 'Een bestandsnaam bevat geen / of \\.' })
  .refine((name) => !controlCharacter.test(name), {
    error: 'De bestandsnaam bevat een ongeldig teken.',
  })
  .refine((name) => name !== '.' && name !== '..', { error: 'Geen geldige bestandsnaam.' });

/** The upload's metadata travels in the query; the body is the file itself. */
export const documentUploadQuerySchema = z.strictObject({
  category: consentCategorySchema,
  filename: documentFilenameSchema,
});
export type DocumentUploadQuery = z.infer<typeof documentUploadQuerySchema>;

export const documentParamsSchema = z.strictObject({
  caseId: z.uuid({ error: 'Onbekende casus.' }),
  documentId: z.uuid({ error: 'Onbekend document.' }),
});

export const documentSummarySchema = z.object({
  id: z.uuid(),
  category: consentCategorySchema,
  filename: safeText(),
  contentType: documentContentTypeSchema,
  sizeBytes: z.int(),
  uploadedAt: safeText(),
  /** The uploader's name; the organisation's name for a seat that does not see staff names. */
  uploadedBy: safeText(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export const documentListSchema = z.array(documentSummarySchema);
