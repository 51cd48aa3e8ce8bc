import type { Seat } from '../auth/seats';
import type { TargetGroup } from '../regions/rule-set.schemas';
import type { CaseViewField } from './case.schemas';
import { fieldsByConsentCategory } from './consent.rules';
import { consentCategories, type ConsentCategory } from './consent.schemas';
import type { DocumentContentType } from './document.schemas';

const signatures: readonly (readonly [DocumentContentType, readonly number[]])[] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], // \x89PNG\r\n\x1a\n
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/**
 * The type the bytes say they are, by their magic number; null for anything else. The declared
 * Content-Type is the uploader's claim; this is what the server believes.
 */
export function detectContentType(bytes: Uint8Array): DocumentContentType | null {
  for (const [type, signature] of signatures) {
    if (bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte))
      return type;
  }
  return null;
}

/** Who receives the case: its owning organisation, or another with the categories consented to. */
export type ConsentRecipient =
  | { isOwningOrganisation: true }
  | { isOwningOrganisation: false; consented: ReadonlySet<ConsentCategory> };

export interface DocumentReader {
  seat: Seat;
  /** The case fields the seat reads: its row of the server's projection table (`readableFields`). */
  readableFields: readonly CaseViewField[];
  recipient: ConsentRecipient;
}

/**
 * The one place that decides whether a seat sees a document of a category. A document may hold
 * anything of its category, so the seat must (a) read every field of that category (a diagnosis in
 * a 'sensitive' report must not reach a seat that reads the exception motivations but not the
 * sensitive section) and (b) belong to the owning organisation or have the resident's consent for
 * the category (the housing profile needs none: `consentedCategories` always includes it).
 * For a resident from a women's shelter the address history is for the case manager alone
 * (domain.md §3, decision 5), as in the case's projection; an identity document or BRP extract
 * shows that address, so for the other seats those documents fall away with it.
 */
export function canSeeDocumentCategory(
  reader: DocumentReader,
  category: ConsentCategory,
  targetGroup?: TargetGroup | null,
): boolean {
  const isAddressHidden = targetGroup === 'womensShelter' && reader.seat !== 'casemanager';
  const readsAll = fieldsByConsentCategory[category].every(
    (field) => reader.readableFields.includes(field) && !(isAddressHidden && field === 'addresses'),
  );
  return (
    readsAll && (reader.recipient.isOwningOrganisation || reader.recipient.consented.has(category))
  );
}

/** The categories of documents the reader sees on a case: the filter of every document query. */
export function visibleDocumentCategories(
  reader: DocumentReader,
  targetGroup?: TargetGroup | null,
): ConsentCategory[] {
  return consentCategories.filter((category) =>
    canSeeDocumentCategory(reader, category, targetGroup),
  );
}
