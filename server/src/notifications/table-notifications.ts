import type { EntityManager } from 'typeorm';
import type { NotificationEvent } from '@uitstroom/shared';
import { notify } from './notify';

/**
 * The table's events as the notification rules need them, read inside the transaction that shared
 * the agenda or recorded the decision (so they see exactly what commits with it).
 */

/** The agenda was shared: the invited organisations, and the case managers whose cases are on it. */
export async function notifyAgendaPublished(
  tx: EntityManager,
  tableId: string,
  actorUserId: string,
  /** Organisations invited to an agenda already shared: only they hear of it (the rest did when it was shared). */
  onlyOrganisationIds?: readonly string[],
): Promise<number> {
  if (onlyOrganisationIds?.length === 0) return 0;
  const [table] = await tx.query(
    `SELECT t.region_id, t.title, t.starts_at,
            coalesce((SELECT array_agg(i.organisation_id) FROM outflow_table_invitation i WHERE i.table_id = t.id), '{}') AS invited,
            coalesce((SELECT array_agg(DISTINCT c.owner_user_id) FROM agenda_item a JOIN case_file c ON c.id = a.case_id
                       WHERE a.table_id = t.id AND a.status = 'open'), '{}') AS owners
       FROM outflow_table t WHERE t.id = $1`,
    [tableId],
  );
  if (!table) return 0;
  const event: NotificationEvent = {
    kind: 'agendaPublished',
    regionId: table.region_id,
    tableId,
    tableTitle: table.title,
    startsAt: table.starts_at.toISOString(),
    invitedOrganisationIds: onlyOrganisationIds ?? table.invited,
    caseOwnerUserIds: onlyOrganisationIds ? [] : table.owners,
  };
  return notify(tx, event, { actorUserId });
}

/**
 * The chair cancelled the table: its invitees, and the case managers of the cases that were on its
 * agenda (given: their items are released in the same transaction).
 */
export async function notifyTableCancelled(
  tx: EntityManager,
  tableId: string,
  releasedCaseIds: readonly string[],
  actorUserId: string,
): Promise<number> {
  const [table] = await tx.query(
    `SELECT t.region_id, t.title, t.starts_at,
            coalesce((SELECT array_agg(i.organisation_id) FROM outflow_table_invitation i WHERE i.table_id = t.id), '{}') AS invited,
            coalesce((SELECT array_agg(DISTINCT c.owner_user_id) FROM case_file c WHERE c.id = ANY($2::uuid[])), '{}') AS owners
       FROM outflow_table t WHERE t.id = $1`,
    [tableId, releasedCaseIds],
  );
  if (!table) return 0;
  const event: NotificationEvent = {
    kind: 'tableCancelled',
    regionId: table.region_id,
    tableId,
    tableTitle: table.title,
    startsAt: table.starts_at.toISOString(),
    invitedOrganisationIds: table.invited,
    caseOwnerUserIds: table.owners,
  };
  return notify(tx, event, { actorUserId });
}

/** The table decided on a case: its destination, its follow-up provider, its case manager and the precondition owners. */
export async function notifyDecision(
  tx: EntityManager,
  decisionId: string,
  actorUserId: string,
): Promise<number> {
  const [decision] = await tx.query(
    `SELECT d.case_id, c.pseudonym, c.owner_user_id, c.region_id, trim(d.destination_code) AS destination_code, d.follow_up_provider_id,
            t.id AS table_id, t.title AS table_title,
            coalesce((SELECT array_agg(DISTINCT p.owner_organisation_id) FROM precondition p WHERE p.decision_id = d.id), '{}') AS precondition_owners
       FROM table_decision d JOIN case_file c ON c.id = d.case_id
       JOIN agenda_item a ON a.id = d.agenda_item_id JOIN outflow_table t ON t.id = a.table_id
      WHERE d.id = $1`,
    [decisionId],
  );
  if (!decision) return 0;
  const event: NotificationEvent = {
    kind: 'decisionConcerns',
    regionId: decision.region_id,
    tableId: decision.table_id,
    tableTitle: decision.table_title,
    caseId: decision.case_id,
    pseudonym: decision.pseudonym,
    caseOwnerUserId: decision.owner_user_id,
    destinationMunicipalityCode: decision.destination_code,
    followUpProviderId: decision.follow_up_provider_id,
    preconditionOwnerIds: decision.precondition_owners,
  };
  return notify(tx, event, { actorUserId });
}
