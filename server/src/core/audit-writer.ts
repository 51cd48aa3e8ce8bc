import type { EntityManager } from 'typeorm';
import type { AuditAction, AuditOutcome, AuditPurpose } from '@uitstroom/shared';
import type { RequestContext } from '../core/request-context';

export interface AuditRecord {
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  /** The resident, by pseudonymous id only: erasure unlinks the id from the person, never edits the log. */
  subjectPseudonym?: string | null;
  fields?: readonly string[];
  purpose: AuditPurpose;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
  /** Who, when the request has no signed-in actor but names a user (a refused request on an ended session). */
  actorUserId?: string | null;
}

/**
 * The one way anything is written to the audit log. Call it with the transaction's entity manager,
 * so the entry commits (or rolls back) with the change it records.
 */
export async function writeAudit(
  tx: EntityManager,
  context: Pick<RequestContext, 'actor' | 'requestId' | 'clientAddress' | 'correlationId'>,
  record: AuditRecord,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_user_id, actor_organisation_id, actor_seat, action, object_type, object_id,
       subject_pseudonym, fields, purpose, outcome, client_address, request_id, correlation_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      context.actor?.userId ?? record.actorUserId ?? null,
      context.actor?.organisationId ?? null,
      context.actor?.seat ?? null,
      record.action,
      record.objectType,
      record.objectId ?? null,
      record.subjectPseudonym ?? null,
      record.fields ?? [],
      record.purpose,
      record.outcome,
      context.clientAddress,
      context.requestId,
      context.correlationId ?? null,
      JSON.stringify(record.details ?? {}),
    ],
  );
}

/**
 * Many audit entries in one statement (an import writes one per case): the same rows as
 * `writeAudit` one by one, sealed by the same trigger, row after row in the given order.
 */
export async function writeAudits(
  tx: EntityManager,
  context: Pick<RequestContext, 'actor' | 'requestId' | 'clientAddress' | 'correlationId'>,
  records: readonly AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO audit_log (actor_user_id, actor_organisation_id, actor_seat, action, object_type, object_id,
       subject_pseudonym, fields, purpose, outcome, client_address, request_id, correlation_id, details)
     SELECT $1, $2, $3, r.action, r.object_type, r.object_id, r.subject_pseudonym,
            ARRAY(SELECT jsonb_array_elements_text(r.fields)), r.purpose, r.outcome, $4, $5, $6, r.details
       FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS o(item, ord),
            LATERAL jsonb_to_record(o.item) AS r(action text, object_type text, object_id text, subject_pseudonym text,
              fields jsonb, purpose text, outcome text, details jsonb)
      ORDER BY o.ord`,
    [
      context.actor?.userId ?? null,
      context.actor?.organisationId ?? null,
      context.actor?.seat ?? null,
      context.clientAddress,
      context.requestId,
      context.correlationId ?? null,
      JSON.stringify(
        records.map((r) => ({
          action: r.action,
          object_type: r.objectType,
          object_id: r.objectId ?? null,
          subject_pseudonym: r.subjectPseudonym ?? null,
          fields: r.fields ?? [],
          purpose: r.purpose,
          outcome: r.outcome,
          details: r.details ?? {},
        })),
      ),
    ],
  );
}
