import type { EntityManager } from 'typeorm';
import { dutchToday, startOfDutchDay } from '@uitstroom/shared';
import type {
  DecisionRule,
  Precondition,
  ProposalBinding,
  Seat,
  TableDetails,
  TableState,
} from '@uitstroom/shared';
import { returnedRows, placeholderFor } from '../core/db';
import type { Actor } from '../core/request-context';
import { tableScope } from './tables.policy';

export interface TableRow {
  id: string;
  region_id: string;
  municipality_code: string | null;
  title: string;
  starts_at: Date;
  location: string | null;
  video_url: string | null;
  state: TableState;
  chair_user_id: string;
  chair_name: string;
  published_at: Date | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
}

export async function findTableInScope(
  db: EntityManager,
  actor: Actor,
  tableId: string,
  lock = false,
): Promise<TableRow | null> {
  const params: unknown[] = [tableId];
  const rows: TableRow[] = await db.query(
    `SELECT t.id, t.region_id, trim(t.municipality_code) AS municipality_code, t.title, t.starts_at, t.location, t.video_url, t.state,
            t.chair_user_id, u.display_name AS chair_name, t.published_at, t.closed_at,
            t.cancelled_at, t.cancel_reason, t.version, t.created_at
       FROM outflow_table t JOIN app_user u ON u.id = t.chair_user_id
      WHERE t.id = $1 AND (${tableScope(actor, params)}) ${lock ? 'FOR UPDATE OF t' : ''}`,
    params,
  );
  return rows[0] ?? null;
}

export async function listTablesInScope(
  db: EntityManager,
  actor: Actor,
  filter: { state?: TableState; upcoming?: boolean },
) {
  const params: unknown[] = [];
  const param = placeholderFor(params);
  const conditions = [tableScope(actor, params)];
  if (filter.state) conditions.push(`t.state = ${param(filter.state)}`);
  // Upcoming: from the start of today's Dutch day (a table of this morning still shows today).
  if (filter.upcoming) conditions.push(`t.starts_at >= ${param(startOfDutchDay(dutchToday()))}`);
  return db
    .query(
      `SELECT t.id, t.title, t.starts_at AS "startsAt", t.state, trim(t.municipality_code) AS "municipalityCode", t.location, t.video_url AS "videoUrl",
            (SELECT count(*)::int FROM agenda_item a WHERE a.table_id = t.id AND a.status IN ('open', 'decided')) AS "agendaCount"
       FROM outflow_table t WHERE ${conditions.join(' AND ')} ORDER BY t.starts_at`,
      params,
    )
    .then((rows: { startsAt: Date }[]) =>
      rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() })),
    );
}

export async function insertTable(
  db: EntityManager,
  actor: Actor,
  details: TableDetails,
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO outflow_table (region_id, municipality_code, title, starts_at, location, video_url, chair_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      actor.regionId,
      details.municipalityCode ?? null,
      details.title,
      details.startsAt,
      details.location ?? null,
      details.videoUrl ?? null,
      actor.userId,
    ],
  );
  return id;
}

export async function updateTableDetails(
  db: EntityManager,
  tableId: string,
  version: number,
  details: TableDetails,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE outflow_table SET municipality_code = $3, title = $4, starts_at = $5, location = $6, video_url = $7, version = version + 1
      WHERE id = $1 AND version = $2 RETURNING id`,
    [
      tableId,
      version,
      details.municipalityCode ?? null,
      details.title,
      details.startsAt,
      details.location ?? null,
      details.videoUrl ?? null,
    ],
  );
  return returnedRows(result).length === 1;
}

export async function replaceInvitations(
  db: EntityManager,
  tableId: string,
  organisationIds: readonly string[],
): Promise<void> {
  await db.query('DELETE FROM outflow_table_invitation WHERE table_id = $1', [tableId]);
  if (organisationIds.length)
    await db.query(
      'INSERT INTO outflow_table_invitation (table_id, organisation_id) SELECT $1, unnest($2::uuid[])',
      [tableId, organisationIds],
    );
}

export async function listInvited(
  db: EntityManager,
  tableId: string,
): Promise<{ id: string; name: string; kind: string }[]> {
  return db.query(
    'SELECT o.id, o.name, o.kind FROM outflow_table_invitation i JOIN organisation o ON o.id = i.organisation_id WHERE i.table_id = $1 ORDER BY o.kind, o.name',
    [tableId],
  );
}

/** Moves the table's version on (any change to it or its agenda); false when someone else did first. */
export async function bumpTableVersion(
  db: EntityManager,
  tableId: string,
  version: number,
  change: { state?: TableState } = {},
): Promise<boolean> {
  const result = await db.query(
    `UPDATE outflow_table SET version = version + 1,
       state = coalesce($3, state),
       published_at = CASE WHEN $3 = 'published' THEN now() ELSE published_at END,
       closed_at = CASE WHEN $3 = 'closed' THEN now() ELSE closed_at END
     WHERE id = $1 AND version = $2 RETURNING id`,
    [tableId, version, change.state ?? null],
  );
  return returnedRows(result).length === 1;
}

/** Cancels the table with the chair's reason; false when someone else changed it first. */
export async function cancelTable(
  db: EntityManager,
  tableId: string,
  version: number,
  reason: string,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE outflow_table SET version = version + 1, state = 'cancelled', cancelled_at = now(), cancel_reason = $3
     WHERE id = $1 AND version = $2 RETURNING id`,
    [tableId, version, reason],
  );
  return returnedRows(result).length === 1;
}

/**
 * The municipal organisations of the region for these CBS codes that are not invited to the table
 * yet: the municipalities a case on its agenda concerns.
 */
export async function uninvitedMunicipalities(
  db: EntityManager,
  tableId: string,
  regionId: string,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows: { id: string }[] = await db.query(
    `SELECT o.id FROM organisation o
      WHERE o.region_id = $2 AND o.kind = 'municipality' AND trim(o.municipality_code) = ANY($3::text[])
        AND NOT EXISTS (SELECT 1 FROM outflow_table_invitation i WHERE i.table_id = $1 AND i.organisation_id = o.id)
      ORDER BY o.name`,
    [tableId, regionId, codes],
  );
  return rows.map((r) => r.id);
}

export async function addInvitations(
  db: EntityManager,
  tableId: string,
  organisationIds: readonly string[],
): Promise<void> {
  if (organisationIds.length === 0) return;
  await db.query(
    `INSERT INTO outflow_table_invitation (table_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [tableId, organisationIds],
  );
}

export async function countOrganisationsInRegion(
  db: EntityManager,
  regionId: string,
  ids: readonly string[],
  kind?: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const [{ n }] = await db.query(
    `SELECT count(*)::int AS n FROM organisation WHERE region_id = $1 AND id = ANY($2::uuid[]) AND ($3::text IS NULL OR kind = $3)`,
    [regionId, ids, kind ?? null],
  );
  return n;
}

export interface AgendaRow {
  id: string;
  case_id: string;
  pseudonym: string;
  position: number;
  status: 'open' | 'decided' | 'deferred' | 'removed';
  note: string | null;
  /** 'escalation': put on the agenda from follow-up support; the case stays in aftercare, its state never moves with the item. */
  kind: 'placement' | 'escalation';
}

export async function listAgenda(db: EntityManager, tableId: string): Promise<AgendaRow[]> {
  return db.query(
    `SELECT a.id, a.case_id, c.pseudonym, a.position, a.status, a.note, a.kind FROM agenda_item a JOIN case_file c ON c.id = a.case_id
      WHERE a.table_id = $1 AND a.status <> 'removed' ORDER BY a.position, a.added_at`,
    [tableId],
  );
}

export async function findAgendaItem(
  db: EntityManager,
  tableId: string,
  itemId: string,
): Promise<AgendaRow | null> {
  const rows: AgendaRow[] = await db.query(
    `SELECT a.id, a.case_id, c.pseudonym, a.position, a.status, a.note, a.kind FROM agenda_item a JOIN case_file c ON c.id = a.case_id WHERE a.table_id = $1 AND a.id = $2`,
    [tableId, itemId],
  );
  return rows[0] ?? null;
}

export async function insertAgendaItem(
  db: EntityManager,
  tableId: string,
  caseId: string,
  addedBy: string,
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO agenda_item (table_id, case_id, position, added_by)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE table_id = $1), $3) RETURNING id`,
    [tableId, caseId, addedBy],
  );
  return id;
}

/**
 * An escalation from follow-up support: an agenda item that does not move the case (it stays in
 * aftercare). The partial unique index still allows one open item per case.
 */
export async function insertEscalationItem(
  db: EntityManager,
  tableId: string,
  caseId: string,
  addedBy: string,
  note: string,
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO agenda_item (table_id, case_id, position, added_by, kind, note)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE table_id = $1), $3, 'escalation', $4) RETURNING id`,
    [tableId, caseId, addedBy, note],
  );
  return id;
}

/** The region's tables still to meet, for escalation: title and date only (no agenda, no cases). */
export async function listUpcomingTablesOfRegion(
  db: EntityManager,
  regionId: string,
  tableId?: string,
): Promise<{ id: string; title: string; starts_at: Date; version: number }[]> {
  return db.query(
    `SELECT id, title, starts_at, version FROM outflow_table WHERE region_id = $1 AND state IN ('planned', 'published') AND starts_at > now() AND ($2::uuid IS NULL OR id = $2)
      ORDER BY starts_at LIMIT 50`,
    [regionId, tableId ?? null],
  );
}

export async function setAgendaItemStatus(
  db: EntityManager,
  itemId: string,
  status: AgendaRow['status'],
  note: string | null,
): Promise<void> {
  await db.query('UPDATE agenda_item SET status = $2, note = $3 WHERE id = $1', [
    itemId,
    status,
    note,
  ]);
}

export async function setAgendaOrder(
  db: EntityManager,
  tableId: string,
  itemIds: readonly string[],
): Promise<void> {
  await db.query(
    `UPDATE agenda_item a SET position = o.ordinality FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ordinality) WHERE a.id = o.id AND a.table_id = $1`,
    [tableId, itemIds],
  );
}

export interface DecisionRow {
  id: string;
  agenda_item_id: string;
  case_id: string;
  rule: DecisionRule;
  destination_code: string | null;
  proposed_destination_code: string | null;
  departs_from_proposal: boolean;
  motivation: string | null;
  rule_set_version: number;
  allocation_id: string | null;
  follow_up_provider_id: string | null;
  follow_up_provider_name: string | null;
  is_disputed: boolean;
  /** As the decision input gave them (jsonb, validated by the shared schema before it was stored). */
  present: { organisationId: string; seat: Seat }[];
  votes: { organisationId: string; seat: Seat; position: 'agree' | 'object'; reason?: string }[];
  referral_summary: string | null;
  /** The proposal's minimum-binding figures at the decision (jsonb); null without a test. */
  binding: ProposalBinding | null;
  decided_at: Date;
  decided_by: string;
  decided_by_name: string;
}

export async function findDecisions(
  db: EntityManager,
  itemIds: readonly string[],
): Promise<DecisionRow[]> {
  if (!itemIds.length) return [];
  return db.query(
    `SELECT d.id, d.agenda_item_id, d.case_id, d.rule, trim(d.destination_code) AS destination_code, trim(d.proposed_destination_code) AS proposed_destination_code,
            d.departs_from_proposal, d.motivation, d.rule_set_version, d.allocation_id, d.follow_up_provider_id, p.name AS follow_up_provider_name,
            d.present, d.votes, d.is_disputed, d.referral_summary, d.binding, d.decided_at, d.decided_by, u.display_name AS decided_by_name
       FROM table_decision d JOIN app_user u ON u.id = d.decided_by LEFT JOIN organisation p ON p.id = d.follow_up_provider_id
      WHERE d.agenda_item_id = ANY($1::uuid[]) AND d.corrected_at IS NULL`,
    [itemIds],
  );
}

export async function findPreconditions(
  db: EntityManager,
  decisionIds: readonly string[],
): Promise<(Precondition & { decisionId: string })[]> {
  if (!decisionIds.length) return [];
  return db.query(
    `SELECT p.id, p.decision_id AS "decisionId", p.life_domain AS "lifeDomain", p.description, o.name AS "ownerName", p.owner_organisation_id AS "ownerOrganisationId",
            to_char(p.due_date, 'YYYY-MM-DD') AS "dueDate", p.done_at IS NOT NULL AS "isDone"
       FROM precondition p JOIN organisation o ON o.id = p.owner_organisation_id WHERE p.decision_id = ANY($1::uuid[]) ORDER BY p.due_date`,
    [decisionIds],
  );
}

/** Names of organisations by id (the seats present at a decision). */
export async function findOrganisationNames(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; name: string }[] = await db.query(
    'SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The tables whose agenda (as `listAgenda` shows it) holds any of these cases. */
export async function findTablesShowingCases(
  db: EntityManager,
  caseIds: readonly string[],
): Promise<string[]> {
  const rows: { table_id: string }[] = await db.query(
    "SELECT DISTINCT table_id FROM agenda_item WHERE case_id = ANY($1) AND status <> 'removed'",
    [caseIds],
  );
  return rows.map((r) => r.table_id);
}
