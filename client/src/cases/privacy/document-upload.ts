import type { ConsentCategory } from '@uitstroom/shared';
import { ApiError } from '../../core/api';
import { checkDocumentFile, fileErrorOf } from './documents-api';

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** 1536 → "1,5 kB"; sizes in the units people see in their file manager. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${numberFormat.format(bytes / 1024)} kB`;
  return `${numberFormat.format(bytes / (1024 * 1024))} MB`;
}

/** The messages at the two fields of the upload form. */
export interface UploadFieldErrors {
  file?: string;
  category?: string;
}

/** What the browser can check before sending: the server checks all of it again, and the bytes. */
export function checkBeforeUpload(
  file: File | undefined,
  category: ConsentCategory | '',
): UploadFieldErrors {
  const errors: UploadFieldErrors = {};
  const fileError = checkDocumentFile(file);
  if (fileError) errors.file = fileError;
  if (!category) errors.category = 'Kies een categorie.';
  return errors;
}

/** Server issues at the field they concern; the rest as one message above the button. */
export function placeServerError(error: unknown): {
  fields: UploadFieldErrors;
  message: string | null;
} {
  if (!(error instanceof ApiError))
    return { fields: {}, message: 'Het toevoegen is niet gelukt. Probeer het opnieuw.' };
  const fields: UploadFieldErrors = {};
  const category = error.issues.find((i) => i.path === 'category');
  if (category) fields.category = category.message;
  const file = fileErrorOf(error);
  if (file) fields.file = file;
  const isPlaced = Boolean(fields.file || fields.category);
  return { fields, message: isPlaced ? null : error.message };
}
