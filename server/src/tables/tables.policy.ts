import type { Actor } from '../core/request-context';
import { placeholderFor } from '../core/db';

/**
 * Which tables a seat reaches: the chair and the case managers the tables of their region (case
 * managers to put their cases on an agenda); every other seat only the tables its organisation is
 * invited to, and only once the agenda is shared. Outside the reach a table does not exist (404).
 */
export function tableScope(actor: Actor, params: unknown[]): string {
  const param = placeholderFor(params);
  switch (actor.seat) {
    case 'chair':
    case 'casemanager':
      return `t.region_id = ${param(actor.regionId)}`;
    case 'municipality':
    case 'corporation':
    case 'provider':
      return `t.state <> 'planned' AND EXISTS (SELECT 1 FROM outflow_table_invitation i WHERE i.table_id = t.id AND i.organisation_id = ${param(actor.organisationId)})`;
    case 'regionAdmin':
      return 'FALSE';
  }
}

/** Only the chair of the region plans, publishes, decides and closes. */
export function isChairOf(actor: Actor, regionId: string): boolean {
  return actor.seat === 'chair' && actor.regionId === regionId;
}

/**
 * A precondition is marked done by the organisation that owns it (any of its seats: the one that
 * does the work knows it is done) or by the chair of the region, who keeps the table's promises.
 */
export function mayCompletePrecondition(
  actor: Actor,
  precondition: { ownerOrganisationId: string; regionId: string },
): boolean {
  return (
    actor.organisationId === precondition.ownerOrganisationId ||
    isChairOf(actor, precondition.regionId)
  );
}
