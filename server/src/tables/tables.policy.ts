import { AppError } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { isOwnOrganisationCase } from '../cases';
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

/** The chair and the case managers prepare the region's tables (the agenda before it is shared). */
export function preparesTables(actor: Actor): boolean {
  return actor.seat === 'chair' || actor.seat === 'casemanager';
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

/**
 * What a seat may do with a table it reaches (the row scope above has answered whether it reaches
 * it at all):
 * - `chair`: plan, publish, decide and close: the chair of the table's region only;
 * - `seeAgenda`: the chair and the case managers prepare the agenda, the invited organisations
 *   read it once it is shared;
 * - `schedule`: the chair and the case managers put a case on the agenda.
 */
export type TableAction = 'chair' | 'seeAgenda' | 'schedule';

export function canOnTable(
  actor: Actor,
  action: TableAction,
  table: { region_id: string; state: string },
): boolean {
  switch (action) {
    case 'chair':
      return isChairOf(actor, table.region_id);
    case 'seeAgenda':
      return preparesTables(actor) || table.state !== 'planned';
    case 'schedule':
      return preparesTables(actor);
  }
}

const tableRefusals: Partial<Record<TableAction, string>> = {
  chair: 'Alleen de tafelvoorzitter doet dit.',
};

/** A table in reach, an act not allowed: 403. */
export function assertCanOnTable(
  actor: Actor,
  action: TableAction,
  table: { region_id: string; state: string },
): void {
  if (!canOnTable(actor, action, table)) throw new AppError('FORBIDDEN', tableRefusals[action]);
}

/** Agenda item preconditions: `complete` (mayCompletePrecondition). */
export type PreconditionAction = 'complete';

export function assertCanOnPrecondition(
  actor: Actor,
  action: PreconditionAction,
  precondition: { ownerOrganisationId: string; regionId: string },
): void {
  if (action === 'complete' && !mayCompletePrecondition(actor, precondition))
    throw new AppError(
      'FORBIDDEN',
      'Alleen de organisatie die de randvoorwaarde regelt, of de tafelvoorzitter, meldt haar gereed.',
    );
}

/**
 * The letter to the resident about the table's decision goes through the resident's own case
 * manager (the owning organisation), no one else.
 */
export function assertCanOnDecisionLetter(
  actor: Actor,
  action: 'read',
  c: { owner_organisation_id: string },
): void {
  if (action === 'read' && !isOwnOrganisationCase(actor, c.owner_organisation_id))
    throw new AppError('FORBIDDEN', 'De brief gaat via de casemanager van de bewoner.');
}
