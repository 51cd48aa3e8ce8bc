import type { EntityManager } from 'typeorm';
import type { ConsentCategory, ConsentRecordLike, RecordConsent } from '@uitstroom/shared';
import { returnedRows } from '../core/db';

export interface ConsentRow extends ConsentRecordLike {
  id: string;
  caseId: string;
  organisationName: string;
  method: 'signedForm' | 'verbalWithWitness';
  witnessName: string | null;
  documentId: string | null;
  recordedBy: string;
}

const consentColumns = `
  k.id, k.case_id AS "caseId", k.organisation_id AS "organisationId", o.name AS "organisationName", k.categories,
  to_char(k.given_on, 'YYYY-MM-DD') AS "givenOn", to_char(k.expires_on, 'YYYY-MM-DD') AS "expiresOn", k.method,
  k.witness_name AS "witnessName", k.document_id AS "documentId", u.display_name AS "recordedBy",
  to_char(k.withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "withdrawnAt"`;

/** Consents of several cases at once (for a list), oldest first. */
export async function findConsents(
  db: EntityManager,
  caseIds: readonly string[],
): Promise<ConsentRow[]> {
  if (caseIds.length === 0) return [];
  return db.query(
    `SELECT ${consentColumns} FROM case_consent k JOIN organisation o ON o.id = k.organisation_id JOIN app_user u ON u.id = k.recorded_by
      WHERE k.case_id = ANY($1::uuid[]) ORDER BY k.recorded_at, k.id`,
    [caseIds],
  );
}

export async function insertConsent(
  db: EntityManager,
  caseId: string,
  recordedBy: string,
  input: RecordConsent,
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO case_consent (case_id, organisation_id, categories, given_on, expires_on, method, witness_name, document_id, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      caseId,
      input.organisationId,
      input.categories as ConsentCategory[],
      input.givenOn,
      input.expiresOn ?? null,
      input.method,
      input.method === 'verbalWithWitness' ? input.witnessName : null,
      input.documentId ?? null,
      recordedBy,
    ],
  );
  return id;
}

export async function withdrawConsent(
  db: EntityManager,
  caseId: string,
  consentId: string,
  userId: string,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE case_consent SET withdrawn_at = now(), withdrawn_by = $3 WHERE id = $1 AND case_id = $2 AND withdrawn_at IS NULL RETURNING id`,
    [consentId, caseId, userId],
  );
  return returnedRows(result).length === 1;
}

export async function isOrganisationInRegion(
  db: EntityManager,
  organisationId: string,
  regionId: string,
): Promise<boolean> {
  return (
    (
      await db.query('SELECT 1 FROM organisation WHERE id = $1 AND region_id = $2', [
        organisationId,
        regionId,
      ])
    ).length > 0
  );
}

export async function isDocumentOfCase(
  db: EntityManager,
  documentId: string,
  caseId: string,
): Promise<boolean> {
  return (
    (
      await db.query('SELECT 1 FROM case_document WHERE id = $1 AND case_id = $2', [
        documentId,
        caseId,
      ])
    ).length > 0
  );
}
