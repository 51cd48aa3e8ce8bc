import type { Actor } from '../core/request-context';

/**
 * Whose tasks "Mijn taken" holds. The cases come from the cases policy's row scope; within it a
 * case manager's tasks are about the cases they own (a colleague's case is the colleague's work).
 * The region's administrator works on no case, table or precondition: no tasks.
 */
export function hasTasks(actor: Actor): boolean {
  return actor.seat !== 'regionAdmin';
}

/** The extra condition on `case_file c` for the actor's own tasks: a case manager's own cases. */
export function ownTasksCondition(actor: Actor, params: unknown[]): string {
  return actor.seat === 'casemanager' ? ` AND c.owner_user_id = $${params.push(actor.userId)}` : '';
}
