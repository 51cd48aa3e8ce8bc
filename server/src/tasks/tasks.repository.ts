import type { EntityManager } from 'typeorm';
import type { CaseDraft, CaseState, LifeDomain, TableState } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { caseScope } from '../cases';
import { tableScope } from '../tables';
import { ownTasksCondition } from './tasks.policy';

/**
 * The facts "Mijn taken" is derived from, each query inside the seat's own row scope (the cases and
 * tables policies): a task never points at something the seat cannot reach.
 */

export interface TaskCaseRow {
  id: string;
  pseudonym: string;
  state: CaseState;
  owner_user_id: string;
  decided_destination_code: string | null;
  /** Only for cases in intake: what is missing is computed from them. */
  sections: CaseDraft | null;
  has_consent: boolean;
  is_on_open_agenda: boolean;
  decided_at: Date | null;
  follow_up_provider_id: string | null;
  letter_at: Date | null;
}

/** The open cases in the seat's reach (a case manager: those they own), with what the state table asks of them. */
export async function listOpenCases(db: EntityManager, actor: Actor): Promise<TaskCaseRow[]> {
  const params: unknown[] = [];
  const scope = caseScope(actor, params);
  const own = ownTasksCondition(actor, params);
  return db.query(
    `SELECT c.id, c.pseudonym, c.state, c.owner_user_id, trim(c.decided_destination_code) AS decided_destination_code,
            CASE WHEN c.state = 'intake' THEN c.sections END AS sections,
            EXISTS (SELECT 1 FROM case_consent cc WHERE cc.case_id = c.id) AS has_consent,
            EXISTS (SELECT 1 FROM agenda_item a WHERE a.case_id = c.id AND a.status = 'open') AS is_on_open_agenda,
            d.decided_at, d.follow_up_provider_id,
            -- The decision letter opened since the decision: its audit row says so (case.letter).
            (SELECT max(l.at) FROM audit_log l WHERE l.subject_pseudonym = c.pseudonym AND l.action = 'case.letter') AS letter_at
       FROM case_file c
       LEFT JOIN LATERAL (SELECT td.decided_at, td.follow_up_provider_id FROM table_decision td WHERE td.case_id = c.id AND td.corrected_at IS NULL ORDER BY td.decided_at DESC LIMIT 1) d ON true
      WHERE c.state <> 'closed' AND (${scope})${own}
      ORDER BY c.created_at`,
    params,
  );
}

export interface TaskTableRow {
  id: string;
  title: string;
  starts_at: Date;
  created_at: Date;
  state: TableState;
  open_items: number;
}

/** The tables in the seat's reach that are not closed nor cancelled. */
export async function listOpenTables(db: EntityManager, actor: Actor): Promise<TaskTableRow[]> {
  const params: unknown[] = [];
  const scope = tableScope(actor, params);
  return db.query(
    `SELECT t.id, t.title, t.starts_at, t.created_at, t.state,
            (SELECT count(*)::int FROM agenda_item a WHERE a.table_id = t.id AND a.status = 'open') AS open_items
       FROM outflow_table t WHERE t.state NOT IN ('closed', 'cancelled') AND (${scope}) ORDER BY t.starts_at`,
    params,
  );
}

export interface TaskPreconditionRow {
  id: string;
  case_id: string;
  pseudonym: string;
  life_domain: LifeDomain;
  due_date: string;
  is_case_reachable: boolean;
  table_id: string | null;
}

/**
 * The open preconditions the actor's organisation owns, due by `until`, of cases still open. The
 * case and the table are links only where the seat reaches them.
 */
export async function listOwnedPreconditions(
  db: EntityManager,
  actor: Actor,
  until: string,
): Promise<TaskPreconditionRow[]> {
  const params: unknown[] = [actor.organisationId, until];
  const cases = caseScope(actor, params);
  const tables = tableScope(actor, params);
  return db.query(
    `SELECT p.id, p.case_id, cf.pseudonym, p.life_domain, to_char(p.due_date, 'YYYY-MM-DD') AS due_date,
            EXISTS (SELECT 1 FROM case_file c WHERE c.id = p.case_id AND (${cases})) AS is_case_reachable,
            (SELECT t.id FROM outflow_table t WHERE t.id = a.table_id AND (${tables})) AS table_id
       FROM precondition p
       JOIN case_file cf ON cf.id = p.case_id
       JOIN table_decision d ON d.id = p.decision_id AND d.corrected_at IS NULL
       JOIN agenda_item a ON a.id = d.agenda_item_id
      WHERE p.owner_organisation_id = $1 AND p.done_at IS NULL AND p.due_date <= $2::date AND cf.state <> 'closed'
      ORDER BY p.due_date`,
    params,
  );
}
