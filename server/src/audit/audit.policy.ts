import type { Actor } from '../core/request-context';
import { placeholderFor } from '../core/db';

/**
 * The row scope of the audit search: the privacy officer (regionAdmin) of a region reaches the
 * rows about their region and no other: rows by a member of one of the region's organisations,
 * and rows about one of the region's cases, users or organisations (a failed sign-in has no
 * actor, only the user it was for). One SQL condition on `audit_log a`, used by every query of it.
 */
export function regionAuditScope(actor: Actor, params: unknown[]): string {
  if (actor.seat !== 'regionAdmin') return 'FALSE';
  const region = placeholderFor(params)(actor.regionId);
  return `(
    a.actor_organisation_id IN (SELECT id FROM organisation WHERE region_id = ${region})
    OR a.subject_pseudonym IN (SELECT pseudonym FROM case_file WHERE region_id = ${region})
    OR (a.object_type = 'case' AND a.object_id IN (SELECT id::text FROM case_file WHERE region_id = ${region}))
    OR (a.object_type = 'user' AND a.object_id IN (
      SELECT u.id::text FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE o.region_id = ${region}))
    OR (a.object_type = 'organisation' AND a.object_id IN (SELECT id::text FROM organisation WHERE region_id = ${region}))
  )`;
}
