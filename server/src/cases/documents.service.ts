import type { DataSource, EntityManager } from 'typeorm';
import {
  fieldsOfSeat,
  AppError,
  detectContentType,
  documentContentTypeSchema,
  visibleDocumentCategories,
  type DocumentReader,
  type DocumentSummary,
  type DocumentUploadQuery,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { publishAfterCommit } from '../core/live-events';
import { assertCanOnDocument } from './cases.policy';
import { recipientOf, requireCase } from './cases.service';
import type { CaseRow } from './cases.repository';
import * as repository from './documents.repository';
import type { DocumentRow } from './documents.repository';

const purpose = 'case_coordination' as const;

/**
 * The actor as a reader of this case's documents: the seat's readable fields (with what it reads
 * while it houses the resident), and the case's recipient rule (the owning organisation keeps the
 * whole file; others what is consented to).
 */
async function readerOf(tx: EntityManager, actor: Actor, row: CaseRow): Promise<DocumentReader> {
  return {
    seat: actor.seat,
    readableFields: fieldsOfSeat(actor.seat, { housesResident: row.houses_resident }),
    recipient: await recipientOf(tx, actor, row),
  };
}

/** Staff are named to the seats that see the case's owner; the others see the organisation. */
function toSummary(row: DocumentRow, reader: DocumentReader): DocumentSummary {
  return {
    id: row.id,
    category: row.category,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt,
    uploadedBy: reader.readableFields.includes('owner')
      ? row.uploaderName
      : row.uploaderOrganisationName,
  };
}

/**
 * The declared type must be one of ours and the bytes must say the same: a browser believes the
 * Content-Type it is later served, so an HTML page declared as a PDF would otherwise be stored
 * and handed to the next reader.
 */
function checkContent(declaredType: string | undefined, content: Buffer) {
  const declared = documentContentTypeSchema.safeParse(declaredType);
  if (!declared.success) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Alleen PDF, PNG of JPEG kunnen worden toegevoegd.',
      [{ path: 'contentType', message: 'Alleen PDF, PNG of JPEG.' }],
    );
  }
  if (content.length === 0)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'body', message: 'Het bestand is leeg.' },
    ]);
  if (detectContentType(content) !== declared.data) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'body',
        message: 'Het bestand is geen PDF, PNG of JPEG (de inhoud klopt niet met het type).',
      },
    ]);
  }
  return declared.data;
}

export async function uploadDocument(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  query: DocumentUploadQuery,
  declaredType: string | undefined,
  content: Buffer,
): Promise<DocumentSummary> {
  const contentType = checkContent(declaredType, content);
  return db.transaction(async (tx) => {
    // Locked, so that the case cannot close between the check and the insert.
    const row = await requireCase(tx, actor, caseId, { lock: true });
    assertCanOnDocument(actor, 'add', row);
    if (row.state === 'closed') throw new AppError('CASE_CLOSED', 'Deze casus is afgesloten.');
    const id = await repository.insertDocument(tx, row.id, actor.userId, {
      category: query.category,
      filename: query.filename,
      contentType,
      content,
    });
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    // The file name may name the resident; the log keeps the pseudonym only.
    await writeAudit(tx, context, {
      action: 'case.document.upload',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['documents'],
      details: { documentId: id, category: query.category, contentType, sizeBytes: content.length },
    });
    const reader = await readerOf(tx, actor, row);
    return toSummary(
      (await repository.findDocuments(tx, row.id, [query.category])).find((d) => d.id === id)!,
      reader,
    );
  });
}

/** The documents the actor may see; the others are not counted, not hinted at, not there. */
export async function listDocuments(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<DocumentSummary[]> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const reader = await readerOf(tx, actor, row);
    const categories = visibleDocumentCategories(reader, row.target_group);
    const documents = await repository.findDocuments(tx, row.id, categories);
    await writeAudit(tx, context, {
      action: 'case.document.list',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['documents'],
      details: { count: documents.length },
    });
    return documents.map((d) => toSummary(d, reader));
  });
}

export interface DocumentDownload {
  summary: DocumentSummary;
  content: Buffer;
}

/** One document's bytes. One the actor may not see is the same 404 as one that does not exist. */
export async function downloadDocument(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  documentId: string,
): Promise<DocumentDownload> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const reader = await readerOf(tx, actor, row);
    const document = await repository.findDocumentContent(
      tx,
      row.id,
      documentId,
      visibleDocumentCategories(reader, row.target_group),
    );
    if (!document)
      throw new AppError('NOT_FOUND', 'Dit document bestaat niet of valt buiten uw bereik.');
    await writeAudit(tx, context, {
      action: 'case.document.read',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['documents'],
      details: { documentId: document.id, category: document.category },
    });
    return { summary: toSummary(document, reader), content: document.content };
  });
}
