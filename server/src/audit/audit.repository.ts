import type { EntityManager } from 'typeorm';
import {
  describedDetailKeys,
  type AuditOutcome,
  type AuditSearchQuery,
  type ConsentCategory,
  type DescribedDetails,
  type Seat,
} from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { regionAuditScope } from './audit.policy';
import { placeholderFor } from '../core/db';

export interface AuditLogRow {
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  actorOrganisationId: string | null;
  actorOrganisationName: string | null;
  actorSeat: Seat | null;
  action: string;
  objectType: string;
  objectId: string | null;
  subjectPseudonym: string | null;
  fields: string[];
  purpose: string;
  outcome: AuditOutcome;
  clientAddress: string | null;
  requestId: string | null;
  /** Only the keys that describe the row (describedDetailKeys): details may hold a search term, i.e. a name. */
  details: DescribedDetails;
}

const describedDetails = `jsonb_strip_nulls(jsonb_build_object(${describedDetailKeys.map((key) => `'${key}', a.details->'${key}'`).join(', ')}))`;

const logColumns = `
  a.id::text AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  a.actor_user_id AS "actorUserId", u.display_name AS "actorName", a.actor_organisation_id AS "actorOrganisationId",
  o.name AS "actorOrganisationName", a.actor_seat AS "actorSeat", a.action, a.object_type AS "objectType", a.object_id AS "objectId",
  a.subject_pseudonym AS "subjectPseudonym", a.fields, a.purpose, a.outcome, a.client_address AS "clientAddress",
  a.request_id AS "requestId", ${describedDetails} AS details`;
const logJoins = `FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_user_id LEFT JOIN organisation o ON o.id = a.actor_organisation_id`;

/** Every row about one resident (by pseudonym), newest first. */
export async function findRowsOfSubject(
  db: EntityManager,
  pseudonym: string,
): Promise<AuditLogRow[]> {
  return db.query(
    `SELECT ${logColumns} ${logJoins} WHERE a.subject_pseudonym = $1 ORDER BY a.at DESC, a.id DESC`,
    [pseudonym],
  );
}

/**
 * The documents of a case for its own case manager's export: names and categories, never the
 * bytes. The owning organisation sees every category, so no consent filter applies here.
 */
export async function findDocumentsOfCase(
  db: EntityManager,
  caseId: string,
): Promise<
  {
    filename: string;
    category: ConsentCategory;
    contentType: string;
    sizeBytes: number;
    uploadedAt: string;
  }[]
> {
  return db.query(
    `SELECT filename, category, content_type AS "contentType", size_bytes AS "sizeBytes",
            to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "uploadedAt"
       FROM case_document WHERE case_id = $1 ORDER BY uploaded_at, id`,
    [caseId],
  );
}

/** The pseudonym of a case of the region, or null (a case of another region is not the admin's business). */
export async function findPseudonymInRegion(
  db: EntityManager,
  regionId: string,
  caseId: string,
): Promise<string | null> {
  const rows = await db.query('SELECT pseudonym FROM case_file WHERE id = $1 AND region_id = $2', [
    caseId,
    regionId,
  ]);
  return rows[0]?.pseudonym ?? null;
}

export async function isPseudonymInRegion(
  db: EntityManager,
  regionId: string,
  pseudonym: string,
): Promise<boolean> {
  return (
    (
      await db.query('SELECT 1 FROM case_file WHERE pseudonym = $1 AND region_id = $2', [
        pseudonym,
        regionId,
      ])
    ).length > 0
  );
}

/** One page of the region's audit log with the filters of the query, newest first, and the total. */
export async function searchRegionLog(
  db: EntityManager,
  actor: Actor,
  query: AuditSearchQuery,
): Promise<{ rows: AuditLogRow[]; total: number }> {
  const params: unknown[] = [];
  const param = placeholderFor(params);
  const conditions = [regionAuditScope(actor, params)];
  if (query.caseId) {
    const caseId = param(query.caseId);
    conditions.push(
      `((a.object_type = 'case' AND a.object_id = ${caseId}) OR a.subject_pseudonym = (SELECT pseudonym FROM case_file WHERE id = ${caseId}::uuid))`,
    );
  }
  if (query.pseudonym) conditions.push(`a.subject_pseudonym = ${param(query.pseudonym)}`);
  if (query.userId) conditions.push(`a.actor_user_id = ${param(query.userId)}`);
  if (query.organisationId)
    conditions.push(`a.actor_organisation_id = ${param(query.organisationId)}`);
  // Days as the region lives them: a day runs from midnight to midnight Dutch time.
  if (query.from)
    conditions.push(
      `a.at >= (${param(query.from)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  if (query.to)
    conditions.push(
      `a.at < ((${param(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  if (query.action) conditions.push(`a.action = ${param(query.action)}`);
  const where = conditions.join(' AND ');
  const [{ total }] = await db.query(
    `SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
    params,
  );
  const limit = param(query.pageSize);
  const offset = param((query.page - 1) * query.pageSize);
  const rows = await db.query(
    `SELECT ${logColumns} ${logJoins} WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { rows, total };
}

/** The region's name and those a search filters by, for the title of its export: only a user or organisation of the region. */
export async function findFilterNames(
  db: EntityManager,
  regionId: string,
  ids: { userId?: string; organisationId?: string },
): Promise<{ regionName: string; userName: string | null; organisationName: string | null }> {
  const [row] = await db.query(
    `SELECT (SELECT r.name FROM region r WHERE r.id = $3) AS "regionName",
            (SELECT u.display_name FROM app_user u JOIN organisation o ON o.id = u.organisation_id
              WHERE u.id = $1 AND o.region_id = $3) AS "userName",
            (SELECT o.name FROM organisation o WHERE o.id = $2 AND o.region_id = $3) AS "organisationName"`,
    [ids.userId ?? null, ids.organisationId ?? null, regionId],
  );
  return row;
}
