import type { EntityManager } from 'typeorm';
import type { RelapsePlanInput, StartSupport, SupportEntry } from '@uitstroom/shared';
import { returnedRows } from '../core/db';

/** Every query of follow-up support. The service has checked the case's reach before any of these runs. */

export interface SupportRow {
  case_id: string;
  provider_organisation_id: string;
  provider_name: string;
  landlord_organisation_id: string | null;
  landlord_name: string | null;
  key_handover_date: string;
  started_on: string;
}

export async function findSupport(db: EntityManager, caseId: string): Promise<SupportRow | null> {
  const rows: SupportRow[] = await db.query(
    `SELECT s.case_id, s.provider_organisation_id, p.name AS provider_name, s.landlord_organisation_id, l.name AS landlord_name,
            to_char(s.key_handover_date, 'YYYY-MM-DD') AS key_handover_date, to_char(s.started_on, 'YYYY-MM-DD') AS started_on
       FROM follow_up_support s JOIN organisation p ON p.id = s.provider_organisation_id LEFT JOIN organisation l ON l.id = s.landlord_organisation_id
      WHERE s.case_id = $1`,
    [caseId],
  );
  return rows[0] ?? null;
}

/** The follow-up provider the table's latest decision named for this case. */
export async function findDecidedProvider(
  db: EntityManager,
  caseId: string,
): Promise<string | null> {
  const [row] = await db.query(
    'SELECT follow_up_provider_id FROM table_decision WHERE case_id = $1 AND corrected_at IS NULL ORDER BY decided_at DESC LIMIT 1',
    [caseId],
  );
  return row?.follow_up_provider_id ?? null;
}

/** The move-in the placements module recorded for this case: the key handover date and the offering corporation (the landlord). */
export async function findRecordedMove(
  db: EntityManager,
  caseId: string,
): Promise<{
  keyHandoverDate: string;
  landlordOrganisationId: string;
  landlordName: string;
} | null> {
  const [row] = await db.query(
    `SELECT to_char(m.key_handover_date, 'YYYY-MM-DD') AS key_handover_date, f.organisation_id, o.name
       FROM move_in m JOIN offer f ON f.id = m.offer_id JOIN organisation o ON o.id = f.organisation_id
      WHERE m.case_id = $1 AND f.status = 'completed'
      ORDER BY m.key_handover_date DESC LIMIT 1`,
    [caseId],
  );
  return row
    ? {
        keyHandoverDate: row.key_handover_date,
        landlordOrganisationId: row.organisation_id,
        landlordName: row.name,
      }
    : null;
}

export async function isCorporationOfRegion(
  db: EntityManager,
  organisationId: string,
  regionId: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM organisation WHERE id = $1 AND region_id = $2 AND kind = 'corporation'`,
    [organisationId, regionId],
  );
  return rows.length === 1;
}

export async function insertSupport(
  db: EntityManager,
  caseId: string,
  providerId: string,
  userId: string,
  input: StartSupport & { keyHandoverDate: string; landlordOrganisationId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO follow_up_support (case_id, provider_organisation_id, landlord_organisation_id, key_handover_date, started_on, started_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      caseId,
      providerId,
      input.landlordOrganisationId,
      input.keyHandoverDate,
      input.startedOn,
      userId,
    ],
  );
  await db.query(
    `INSERT INTO support_intensity (case_id, effective_on, hours_per_week, direction, reason, recorded_by) VALUES ($1, $2, $3, 'start', 'Start van de nazorg', $4)`,
    [caseId, input.startedOn, input.hoursPerWeek, userId],
  );
}

export async function currentHours(db: EntityManager, caseId: string): Promise<number | null> {
  const [row] = await db.query(
    'SELECT hours_per_week FROM support_intensity WHERE case_id = $1 ORDER BY effective_on DESC, recorded_at DESC LIMIT 1',
    [caseId],
  );
  return row ? Number(row.hours_per_week) : null;
}

/** Writes one log entry; returns false when a goal to update is not this case's. */
export async function insertEntry(
  db: EntityManager,
  caseId: string,
  userId: string,
  entry: SupportEntry,
  direction: 'start' | 'up' | 'down',
): Promise<boolean> {
  switch (entry.type) {
    case 'contact':
      await db.query(
        'INSERT INTO support_contact (case_id, contact_date, kind, duration_minutes, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [caseId, entry.date, entry.kind, entry.durationMinutes, entry.note, userId],
      );
      return true;
    case 'intensity':
      await db.query(
        'INSERT INTO support_intensity (case_id, effective_on, hours_per_week, direction, reason, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [caseId, entry.date, entry.hoursPerWeek, direction, entry.reason, userId],
      );
      return true;
    case 'goal':
      await db.query(
        'INSERT INTO support_goal (case_id, life_domain, description, progress, recorded_by) VALUES ($1, $2, $3, $4, $5)',
        [caseId, entry.lifeDomain, entry.description, entry.progress, userId],
      );
      return true;
    case 'goalProgress': {
      const rows = await db.query(
        'UPDATE support_goal SET progress = $3, updated_at = now() WHERE id = $1 AND case_id = $2 RETURNING id',
        [entry.goalId, caseId, entry.progress],
      );
      return returnedRows(rows).length === 1;
    }
    case 'respite':
      await db.query(
        'INSERT INTO support_respite (case_id, from_date, to_date, place, reason, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [caseId, entry.from, entry.to, entry.place, entry.reason, userId],
      );
      return true;
  }
}

export async function insertSignal(
  db: EntityManager,
  caseId: string,
  userId: string,
  signal: {
    kind: string;
    severity: string;
    date: string;
    description: string;
    agendaItemId: string | null;
  },
): Promise<string> {
  const [{ id }] = await db.query(
    'INSERT INTO support_signal (case_id, kind, severity, signal_date, description, agenda_item_id, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [
      caseId,
      signal.kind,
      signal.severity,
      signal.date,
      signal.description,
      signal.agendaItemId,
      userId,
    ],
  );
  return id;
}

export async function latestPlanVersion(db: EntityManager, caseId: string): Promise<number> {
  const [row] = await db.query(
    'SELECT coalesce(max(version), 0)::int AS version FROM relapse_plan WHERE case_id = $1',
    [caseId],
  );
  return row.version;
}

/** A new version of the plan; the drafting provider agrees to what it wrote. The unique (case, version) settles two drafts at once. */
export async function insertPlanVersion(
  db: EntityManager,
  caseId: string,
  version: number,
  userId: string,
  plan: RelapsePlanInput,
): Promise<void> {
  await db.query(
    `INSERT INTO relapse_plan (case_id, version, who_takes_over, how_to_scale_up, final_say, drafted_by, provider_agreed_by, provider_agreed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, now())`,
    [caseId, version, plan.whoTakesOver, plan.howToScaleUp, plan.finalSay, userId],
  );
}

export async function agreePlan(
  db: EntityManager,
  caseId: string,
  version: number,
  side: 'provider' | 'municipality',
  userId: string,
): Promise<void> {
  const column = side === 'provider' ? 'provider' : 'municipality';
  await db.query(
    `UPDATE relapse_plan SET ${column}_agreed_by = $3, ${column}_agreed_at = now() WHERE case_id = $1 AND version = $2 AND ${column}_agreed_at IS NULL`,
    [caseId, version, userId],
  );
}

export async function answerCheck(
  db: EntityManager,
  caseId: string,
  checkId: string,
  userId: string,
  answer: { stillLivesThere: boolean; tenancyConverted: boolean },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE follow_up_check SET still_lives_there = $3, tenancy_converted = $4, answered_by = $5, answered_at = now()
      WHERE id = $1 AND case_id = $2 AND answered_at IS NULL RETURNING id`,
    [checkId, caseId, answer.stillLivesThere, answer.tenancyConverted, userId],
  );
  return returnedRows(rows).length === 1;
}

export async function touchCase(db: EntityManager, caseId: string): Promise<void> {
  await db.query('UPDATE case_file SET last_activity_at = now() WHERE id = $1', [caseId]);
}

/** Everything of the log, for the projection to cut per seat. */
export async function loadLog(db: EntityManager, caseId: string) {
  // One after the other: inside a transaction these share one connection, which runs one query at a time anyway
  // (pg warns of queries queued on a busy client).
  const intensity = await db.query(
    `SELECT id, to_char(effective_on, 'YYYY-MM-DD') AS date, hours_per_week::float AS "hoursPerWeek", direction, reason FROM support_intensity WHERE case_id = $1 ORDER BY effective_on, recorded_at`,
    [caseId],
  );
  const goals = await db.query(
    `SELECT id, life_domain AS "lifeDomain", description, progress, updated_at AS "updatedAt" FROM support_goal WHERE case_id = $1 ORDER BY recorded_at`,
    [caseId],
  );
  const contacts = await db.query(
    `SELECT c.id, to_char(c.contact_date, 'YYYY-MM-DD') AS date, c.kind, c.duration_minutes AS "durationMinutes", c.note, u.display_name AS "recordedBy"
                FROM support_contact c JOIN app_user u ON u.id = c.recorded_by WHERE c.case_id = $1 ORDER BY c.contact_date DESC, c.recorded_at DESC`,
    [caseId],
  );
  const respite = await db.query(
    `SELECT id, to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to", place, reason FROM support_respite WHERE case_id = $1 ORDER BY from_date`,
    [caseId],
  );
  const signals = await db.query(
    `SELECT s.id, s.kind, s.severity, to_char(s.signal_date, 'YYYY-MM-DD') AS date, s.description, t.id AS "tableId", t.title AS "tableTitle"
                FROM support_signal s LEFT JOIN agenda_item a ON a.id = s.agenda_item_id LEFT JOIN outflow_table t ON t.id = a.table_id
               WHERE s.case_id = $1 ORDER BY s.signal_date DESC, s.recorded_at DESC`,
    [caseId],
  );
  const plans = await db.query(
    `SELECT version, who_takes_over AS "whoTakesOver", how_to_scale_up AS "howToScaleUp", final_say AS "finalSay", drafted_at AS "draftedAt",
                     provider_agreed_at AS "providerAgreedAt", municipality_agreed_at AS "municipalityAgreedAt"
                FROM relapse_plan WHERE case_id = $1 ORDER BY version DESC LIMIT 1`,
    [caseId],
  );
  const checks = await db.query(
    `SELECT id, months, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", still_lives_there AS "stillLivesThere", tenancy_converted AS "tenancyConverted", answered_at AS "answeredAt"
                FROM follow_up_check WHERE case_id = $1 ORDER BY months`,
    [caseId],
  );
  return { intensity, goals, contacts, respite, signals, plan: plans[0] ?? null, checks };
}

// ---- the scheduler's follow-up checks ----

/** Cases in follow-up support (or closed, not erased) whose 6- or 12-month check is due by `today` and not asked yet. */
export async function findDueChecks(
  db: EntityManager,
  today: string,
): Promise<{ case_id: string; key_handover_date: string; asked: number[] }[]> {
  return db.query(
    `SELECT s.case_id, to_char(s.key_handover_date, 'YYYY-MM-DD') AS key_handover_date,
            coalesce(array_agg(k.months) FILTER (WHERE k.months IS NOT NULL), '{}')::int[] AS asked
       FROM follow_up_support s JOIN case_file c ON c.id = s.case_id LEFT JOIN follow_up_check k ON k.case_id = s.case_id
      WHERE c.erased_at IS NULL AND c.state IN ('aftercare', 'closed') AND s.key_handover_date <= ($1::date - interval '6 months')
      GROUP BY s.case_id, s.key_handover_date HAVING count(k.id) < 2`,
    [today],
  );
}

export async function insertCheck(
  db: EntityManager,
  caseId: string,
  months: number,
  dueOn: string,
  at: Date,
): Promise<boolean> {
  const rows = await db.query(
    'INSERT INTO follow_up_check (case_id, months, due_on, asked_at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id, months) DO NOTHING RETURNING id',
    [caseId, months, dueOn, at],
  );
  return rows.length === 1;
}
