import type { EntityManager } from 'typeorm';
import type { CaseListQuery, CaseOutcome, CaseState, TargetGroup } from '@uitstroom/shared';
import type { CaseDraft, LoggedStep } from '@uitstroom/shared';
import { returnedRows, placeholderFor } from '../core/db';
import type { Actor } from '../core/request-context';
import { caseScope } from './cases.policy';
import { readableFields, readableWhileHousing } from './cases.projection';

export interface CaseRow {
  id: string;
  pseudonym: string;
  region_id: string;
  owner_organisation_id: string;
  owner_organisation_name: string;
  owner_user_id: string;
  owner_name: string;
  state: CaseState;
  version: number;
  target_group: TargetGroup;
  sections: CaseDraft;
  origin_code: string | null;
  proposed_destination_code: string | null;
  decided_destination_code: string | null;
  proposal: unknown;
  rule_set_version: number | null;
  ready_at: Date | null;
  /** Since when the resident was ready by an import (`Uitstroomgereed op`): marking ready starts the clock there. */
  ready_on: string | null;
  outcome: CaseOutcome | null;
  closed_at: Date | null;
  /** The Dutch day of the key handover, once the move is recorded: the waiting clock stops there. */
  keys_on: string | null;
  created_at: Date;
  updated_at: Date;
  last_activity_at: Date;
  /**
   * The reader's organisation houses the resident: its offer on the case is open or accepted, or
   * the resident moved into its dwelling (completed). Read with the case, for the projection.
   */
  houses_resident: boolean;
}

const caseColumns = `
  c.id, c.pseudonym, c.region_id, c.owner_organisation_id, o.name AS owner_organisation_name, c.owner_user_id, u.display_name AS owner_name,
  c.state, c.version, c.target_group, c.sections, trim(c.origin_code) AS origin_code, trim(c.proposed_destination_code) AS proposed_destination_code,
  trim(c.decided_destination_code) AS decided_destination_code, c.proposal, c.rule_set_version, c.ready_at, to_char(c.ready_on, 'YYYY-MM-DD') AS ready_on, c.outcome, c.closed_at,
  (SELECT to_char(m.key_handover_date, 'YYYY-MM-DD') FROM move_in m WHERE m.case_id = c.id) AS keys_on, c.created_at, c.updated_at, c.last_activity_at`;
/**
 * The waiting days of a case in SQL, as `waitingOf` counts them: Dutch calendar days from
 * uitstroomgereed to the keys, else to a closing before the keys, else to today (a parameter: the
 * Dutch "today", never the database's `current_date`). Null for a case never ready.
 */
export function waitingDaysSql(todayParam: string): string {
  const end = `COALESCE((SELECT m.key_handover_date FROM move_in m WHERE m.case_id = c.id), (c.closed_at AT TIME ZONE 'Europe/Amsterdam')::date, ${todayParam}::date)`;
  return `GREATEST(0, ${end} - (c.ready_at AT TIME ZONE 'Europe/Amsterdam')::date)`;
}

/**
 * The columns of a case as one reader reads it: the case, and the reader's relation to it that the
 * projection weighs (domain.md §5: a corporation that houses the resident reads name and contact,
 * with consent). A declined, withdrawn, refused or cancelled offer is no such relation.
 */
function caseColumnsFor(actor: Actor, param: (value: unknown) => string): string {
  return `${caseColumns},
  EXISTS (SELECT 1 FROM offer f WHERE f.case_id = c.id AND f.organisation_id = ${param(actor.organisationId)}
    AND f.status IN ('open', 'accepted', 'completed')) AS houses_resident`;
}

const caseJoins = `FROM case_file c JOIN organisation o ON o.id = c.owner_organisation_id JOIN app_user u ON u.id = c.owner_user_id`;

/** A case the actor reaches, or null (outside the scope it does not exist for them). */
export async function findCaseInScope(
  db: EntityManager,
  actor: Actor,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<CaseRow | null> {
  const params: unknown[] = [caseId];
  const scope = caseScope(actor, params);
  const columns = caseColumnsFor(actor, placeholderFor(params));
  const rows: CaseRow[] = await db.query(
    `SELECT ${columns} ${caseJoins} WHERE c.id = $1 AND (${scope}) ${options.lock ? 'FOR UPDATE OF c' : ''}`,
    params,
  );
  return rows[0] ?? null;
}

/** The cases of these ids that lie in the actor's row scope (the others are left out). */
export async function findCasesInScope(
  db: EntityManager,
  actor: Actor,
  caseIds: readonly string[],
): Promise<CaseRow[]> {
  if (caseIds.length === 0) return [];
  const params: unknown[] = [caseIds];
  const scope = caseScope(actor, params);
  const columns = caseColumnsFor(actor, placeholderFor(params));
  return db.query(
    `SELECT ${columns} ${caseJoins} WHERE c.id = ANY($1::uuid[]) AND (${scope})`,
    params,
  );
}

export function generatePseudonym(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `R-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export interface CaseWrite {
  sections: CaseDraft;
  targetGroup: TargetGroup;
  searchName: string;
  originCode: string | null;
  proposedDestinationCode: string | null;
  proposal: unknown;
  ruleSetVersion: number | null;
}

export async function insertCase(
  db: EntityManager,
  actor: Actor,
  write: CaseWrite,
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO case_file (pseudonym, region_id, owner_organisation_id, owner_user_id, state, target_group, sections, search_name,
       origin_code, proposed_destination_code, proposal, rule_set_version)
     VALUES ($1, $2, $3, $4, 'intake', $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      generatePseudonym(),
      actor.regionId,
      actor.organisationId,
      actor.userId,
      write.targetGroup,
      JSON.stringify(write.sections),
      write.searchName,
      write.originCode,
      write.proposedDestinationCode,
      JSON.stringify(write.proposal),
      write.ruleSetVersion,
    ],
  );
  return id;
}

/**
 * The one way a case's content changes: only when nobody changed it since `expectedVersion` was
 * read. Returns false on a stale version (the caller answers 409), never overwrites silently.
 */
export async function updateCaseIfVersion(
  db: EntityManager,
  caseId: string,
  expectedVersion: number,
  write: CaseWrite,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE case_file SET sections = $3, target_group = $4, search_name = $5, origin_code = $6, proposed_destination_code = $7,
       proposal = $8, rule_set_version = $9, version = version + 1, updated_at = now(), last_activity_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      caseId,
      expectedVersion,
      JSON.stringify(write.sections),
      write.targetGroup,
      write.searchName,
      write.originCode,
      write.proposedDestinationCode,
      JSON.stringify(write.proposal),
      write.ruleSetVersion,
    ],
  );
  return returnedRows(result).length === 1;
}

export async function updateStateIfVersion(
  db: EntityManager,
  caseId: string,
  expectedVersion: number,
  change: {
    state: CaseState;
    readyAt: string | null;
    outcome?: CaseOutcome | null;
    closedAt?: string | null;
    decidedDestinationCode?: string | null;
  },
): Promise<boolean> {
  const result = await db.query(
    `UPDATE case_file SET state = $3, ready_at = $4, outcome = $5, closed_at = $6,
       decided_destination_code = CASE WHEN $7::boolean THEN $8 ELSE decided_destination_code END,
       version = version + 1, updated_at = now(), last_activity_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      caseId,
      expectedVersion,
      change.state,
      change.readyAt,
      change.outcome ?? null,
      change.closedAt ?? null,
      change.decidedDestinationCode !== undefined,
      change.decidedDestinationCode ?? null,
    ],
  );
  return returnedRows(result).length === 1;
}

export async function updateOwnerIfVersion(
  db: EntityManager,
  caseId: string,
  expectedVersion: number,
  ownerUserId: string,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE case_file SET owner_user_id = $3, version = version + 1, updated_at = now(), last_activity_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
    [caseId, expectedVersion, ownerUserId],
  );
  return returnedRows(result).length === 1;
}

export async function currentVersion(db: EntityManager, caseId: string): Promise<number> {
  const [row] = await db.query('SELECT version FROM case_file WHERE id = $1', [caseId]);
  return row?.version ?? 0;
}

export async function recordCaseEvent(
  db: EntityManager,
  caseId: string,
  actorUserId: string,
  kind: 'created' | 'transition' | 'handover' | 'correction',
  details: Record<string, unknown>,
): Promise<void> {
  await db.query(
    'INSERT INTO case_event (case_id, actor_user_id, kind, details) VALUES ($1, $2, $3, $4)',
    [caseId, actorUserId, kind, JSON.stringify(details)],
  );
}

/** A case file as an import writes it: its owner, its key in the region's own list and what the import wrote. */
export interface ImportedCaseWrite {
  id?: string;
  ownerUserId: string;
  ownerOrganisationId: string;
  externalRef: string;
  readyOn: string | null;
  digest: string;
  addressDigests: readonly string[];
  write: CaseWrite;
}

function importedCaseRecords(rows: readonly ImportedCaseWrite[]) {
  return rows.map((r) => ({
    id: r.id ?? null,
    pseudonym: generatePseudonym(),
    owner_user_id: r.ownerUserId,
    owner_organisation_id: r.ownerOrganisationId,
    external_ref: r.externalRef,
    ready_on: r.readyOn,
    import_digest: r.digest,
    import_address_digests: r.addressDigests,
    target_group: r.write.targetGroup,
    sections: r.write.sections,
    search_name: r.write.searchName,
    origin_code: r.write.originCode,
    proposed_destination_code: r.write.proposedDestinationCode,
    proposal: r.write.proposal,
    rule_set_version: r.write.ruleSetVersion,
  }));
}

const importedCaseColumns = `id uuid, pseudonym text, owner_user_id uuid, owner_organisation_id uuid, external_ref text, ready_on date,
  import_digest text, import_address_digests text[], target_group text, sections jsonb, search_name text, origin_code text,
  proposed_destination_code text, proposal jsonb, rule_set_version integer`;

/**
 * Many new cases in one statement (an import), each in intake with its "created" event; returns
 * their ids and pseudonyms in the order given. One statement, not a loop: a thousand cases cost
 * one round trip.
 */
export async function insertImportedCases(
  db: EntityManager,
  regionId: string,
  actorUserId: string,
  rows: readonly ImportedCaseWrite[],
): Promise<{ id: string; pseudonym: string }[]> {
  if (rows.length === 0) return [];
  const inserted: { id: string; pseudonym: string }[] = await db.query(
    `WITH input AS (
       SELECT r.*, o.ord FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS o(item, ord),
         LATERAL jsonb_to_record(o.item) AS r(${importedCaseColumns})
     ), created AS (
       INSERT INTO case_file (pseudonym, region_id, owner_organisation_id, owner_user_id, state, target_group, sections, search_name,
         origin_code, proposed_destination_code, proposal, rule_set_version, external_ref, ready_on, import_digest, import_address_digests)
       SELECT pseudonym, $1, owner_organisation_id, owner_user_id, 'intake', target_group, sections, search_name,
         origin_code, proposed_destination_code, proposal, rule_set_version, external_ref, ready_on, import_digest, import_address_digests
         FROM input ORDER BY ord
       RETURNING id, pseudonym
     ), events AS (
       INSERT INTO case_event (case_id, actor_user_id, kind, details)
       SELECT id, $3, 'created', '{"via":"import"}'::jsonb FROM created
     )
     SELECT c.id, c.pseudonym, i.ord FROM created c JOIN input i ON i.pseudonym = c.pseudonym ORDER BY i.ord`,
    [regionId, JSON.stringify(importedCaseRecords(rows)), actorUserId],
  );
  return inserted.map(({ id, pseudonym }) => ({ id, pseudonym }));
}

/**
 * Many imported cases changed in one statement: what the import owns (identity, stay, wish,
 * addresses, owner, ready day) as the caller merged it into the sections, the proposal again, and
 * the digests. A closed case is never touched (the caller refused it before).
 */
export async function updateImportedCases(
  db: EntityManager,
  rows: readonly (ImportedCaseWrite & { id: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `UPDATE case_file c SET owner_user_id = r.owner_user_id, owner_organisation_id = r.owner_organisation_id, ready_on = r.ready_on,
       import_digest = r.import_digest, import_address_digests = r.import_address_digests, target_group = r.target_group,
       sections = r.sections, search_name = r.search_name, origin_code = r.origin_code,
       proposed_destination_code = r.proposed_destination_code, proposal = r.proposal, rule_set_version = r.rule_set_version,
       version = c.version + 1, updated_at = now(), last_activity_at = now()
      FROM jsonb_to_recordset($1::jsonb) AS r(${importedCaseColumns})
     WHERE c.id = r.id AND c.state <> 'closed'`,
    [JSON.stringify(importedCaseRecords(rows))],
  );
}

/**
 * The newest two steps and corrections on the case's log, newest first (the id orders entries
 * written in one transaction, such as a decision and the search it starts), each with its Dutch day.
 */
export async function findStepLog(db: EntityManager, caseId: string): Promise<LoggedStep[]> {
  return db.query(
    `SELECT kind, details->>'transition' AS transition, details->>'from' AS "from", details->>'to' AS "to",
            actor_user_id AS "actorUserId", to_char(at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS "on"
       FROM case_event WHERE case_id = $1 AND kind IN ('transition', 'correction')
      ORDER BY id DESC LIMIT 2`,
    [caseId],
  );
}

export async function findCasemanagerColleague(
  db: EntityManager,
  organisationId: string,
  userId: string,
): Promise<{ id: string } | null> {
  const rows = await db.query(
    `SELECT id FROM app_user WHERE id = $1 AND organisation_id = $2 AND seat = 'casemanager' AND is_active`,
    [userId, organisationId],
  );
  return rows[0] ?? null;
}

export async function listCasemanagerColleagues(db: EntityManager, organisationId: string) {
  return db.query(
    `SELECT id AS "userId", display_name AS "displayName", seat FROM app_user WHERE organisation_id = $1 AND seat = 'casemanager' AND is_active ORDER BY display_name`,
    [organisationId],
  );
}

/**
 * Whether the actor may see the resident's name: their own organisation's case, or consent for
 * name and contact where the projection table gives the seat the name (always, or while its
 * organisation houses the resident). Searching and sorting by name use it too, so that neither
 * becomes a way to learn a name the projection withholds.
 */
function nameVisibleSql(actor: Actor, param: (value: unknown) => string, today: string): string {
  const organisation = param(actor.organisationId);
  const consented = `EXISTS (
    SELECT 1 FROM case_consent k WHERE k.case_id = c.id AND k.organisation_id = ${organisation} AND 'identityContact' = ANY(k.categories)
       AND k.withdrawn_at IS NULL AND k.given_on <= ${param(today)}::date AND (k.expires_on IS NULL OR k.expires_on >= ${param(today)}::date))`;
  const readsName = (readableFields[actor.seat] as readonly string[]).includes('identity')
    ? 'TRUE'
    : (readableWhileHousing[actor.seat] as readonly string[]).includes('identity')
      ? `EXISTS (SELECT 1 FROM offer f WHERE f.case_id = c.id AND f.organisation_id = ${organisation} AND f.status IN ('open', 'accepted', 'completed'))`
      : 'FALSE';
  return `(c.owner_organisation_id = ${organisation} OR (${readsName} AND ${consented}))`;
}

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (m) => `\\${m}`);
}

/**
 * The kenmerk prefix a search text stands for, or null: `R-5M38` (any case, spaces ignored) or the
 * code without `R-` from four characters on (`5m38jm94`), so that a short name fragment does not
 * match every kenmerk.
 */
export function kenmerkPrefix(q: string): string | null {
  const text = q.replace(/\s+/g, '').toUpperCase();
  const withPrefix = /^R-([0-9A-Z]{0,8})$/.exec(text);
  if (withPrefix) return `R-${withPrefix[1]}`;
  if (/^[0-9A-Z]{4,8}$/.test(text)) return `R-${text}`;
  return null;
}

/** The scoped, filtered, sorted page of cases and the total that matches. */
export async function listCasesInScope(
  db: EntityManager,
  actor: Actor,
  query: CaseListQuery,
  options: { today: string; stalledDays: number },
): Promise<{ rows: CaseRow[]; total: number }> {
  const params: unknown[] = [];
  const param = placeholderFor(params);
  const conditions = [`(${caseScope(actor, params)})`];
  if (query.state) conditions.push(`c.state = ${param(query.state)}`);
  if (query.targetGroup) conditions.push(`c.target_group = ${param(query.targetGroup)}`);
  if (query.municipality) {
    const code = param(query.municipality);
    conditions.push(
      `(c.origin_code = ${code} OR c.proposed_destination_code = ${code} OR c.decided_destination_code = ${code})`,
    );
  }
  if (query.minWaitingDays !== undefined)
    conditions.push(
      `c.ready_at IS NOT NULL AND ${waitingDaysSql(param(options.today))} >= ${param(query.minWaitingDays)}::int`,
    );
  if (query.q) {
    // By name where the seat may see the name; by kenmerk (a prefix, any case) for every seat
    // that reaches the case: the kenmerk is no secret to a seat that reaches the case.
    const byName = `(${nameVisibleSql(actor, param, options.today)} AND c.search_name LIKE ${param(`%${escapeLike(query.q.toLowerCase())}%`)})`;
    const kenmerk = kenmerkPrefix(query.q);
    conditions.push(kenmerk ? `(${byName} OR c.pseudonym LIKE ${param(`${kenmerk}%`)})` : byName);
  }
  if (query.isStalled !== undefined) {
    // Stalled from the threshold's Dutch day on: the last activity's Dutch day is that many days back or more.
    const stalled = `(c.state <> 'closed' AND (c.last_activity_at AT TIME ZONE 'Europe/Amsterdam')::date <= ${param(options.today)}::date - ${param(options.stalledDays)}::int)`;
    conditions.push(query.isStalled ? stalled : `NOT ${stalled}`);
  }
  const where = conditions.join(' AND ');
  const whereParamCount = params.length;
  // Waiting longest first is the most waiting days first; nulls (not yet ready) last either way.
  const direction = query.direction.toUpperCase();
  const sortColumns: Record<CaseListQuery['sort'], () => string> = {
    // Hidden names sort after the visible ones, by pseudonym.
    name: () =>
      `CASE WHEN ${nameVisibleSql(actor, param, options.today)} THEN c.search_name ELSE '~' || c.pseudonym END`,
    waitingDays: () => waitingDaysSql(param(options.today)),
    updatedAt: () => 'c.updated_at',
    state: () => 'c.state',
  };
  const order = `${sortColumns[query.sort]()} ${direction} NULLS LAST, c.id`;
  const [{ total }] = await db.query(
    `SELECT count(*)::int AS total FROM case_file c WHERE ${where}`,
    params.slice(0, whereParamCount),
  );
  const rows: CaseRow[] = await db.query(
    `SELECT ${caseColumnsFor(actor, param)} ${caseJoins} WHERE ${where} ORDER BY ${order} LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)}`,
    params,
  );
  return { rows, total };
}

/** The cases in the actor's reach that search a dwelling in a municipality (its decided destination), longest waiting first. */
export async function findSearchingCasesInScope(
  db: EntityManager,
  actor: Actor,
  municipalityCode: string,
): Promise<CaseRow[]> {
  const params: unknown[] = [municipalityCode];
  const scope = caseScope(actor, params);
  const columns = caseColumnsFor(actor, placeholderFor(params));
  return db.query(
    `SELECT ${columns} ${caseJoins} WHERE c.state = 'searching' AND c.decided_destination_code = $1 AND (${scope}) ORDER BY c.ready_at NULLS LAST, c.id`,
    params,
  );
}
