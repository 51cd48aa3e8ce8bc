import type { EntityManager } from 'typeorm';
import type { ConsentCategory, DocumentContentType } from '@uitstroom/shared';

export interface DocumentRow {
  id: string;
  category: ConsentCategory;
  filename: string;
  contentType: DocumentContentType;
  sizeBytes: number;
  uploadedAt: string;
  uploaderName: string;
  uploaderOrganisationName: string;
}

export interface NewDocument {
  category: ConsentCategory;
  filename: string;
  contentType: DocumentContentType;
  content: Buffer;
}

const summaryColumns = `
  d.id, d.category, d.filename, d.content_type AS "contentType", d.size_bytes AS "sizeBytes",
  to_char(d.uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "uploadedAt",
  u.display_name AS "uploaderName", o.name AS "uploaderOrganisationName"`;
const summaryJoins = `FROM case_document d JOIN app_user u ON u.id = d.uploaded_by JOIN organisation o ON o.id = u.organisation_id`;

export async function insertDocument(
  db: EntityManager,
  caseId: string,
  uploadedBy: string,
  document: NewDocument,
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO case_document (case_id, category, filename, content_type, size_bytes, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      caseId,
      document.category,
      document.filename,
      document.contentType,
      document.content.length,
      document.content,
      uploadedBy,
    ],
  );
  await db.query('UPDATE case_file SET last_activity_at = now() WHERE id = $1', [caseId]);
  return id;
}

/**
 * The documents of a case in the given categories, newest first. The categories are the reader's
 * visible ones, so a document the reader may not see never leaves the database.
 */
export async function findDocuments(
  db: EntityManager,
  caseId: string,
  categories: readonly ConsentCategory[],
): Promise<DocumentRow[]> {
  if (categories.length === 0) return [];
  return db.query(
    `SELECT ${summaryColumns} ${summaryJoins} WHERE d.case_id = $1 AND d.category = ANY($2::text[]) ORDER BY d.uploaded_at DESC, d.id`,
    [caseId, categories],
  );
}

/** One document with its bytes, only if it is of the case and in one of the given categories. */
export async function findDocumentContent(
  db: EntityManager,
  caseId: string,
  documentId: string,
  categories: readonly ConsentCategory[],
): Promise<(DocumentRow & { content: Buffer }) | null> {
  if (categories.length === 0) return null;
  const rows = await db.query(
    `SELECT ${summaryColumns}, d.content ${summaryJoins} WHERE d.id = $1 AND d.case_id = $2 AND d.category = ANY($3::text[])`,
    [documentId, caseId, categories],
  );
  return rows[0] ?? null;
}
