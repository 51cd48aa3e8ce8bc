import type { EntityManager } from 'typeorm';
import type { CaseOutcome } from '@uitstroom/shared';

/** Every query of erasure and retention. The region's administrator reaches closed, not yet erased cases of its own region only. */

export interface ClosedCaseRow {
  id: string;
  pseudonym: string;
  closed_on: string;
  outcome: CaseOutcome;
}

export async function listClosedCases(
  db: EntityManager,
  regionId: string,
): Promise<ClosedCaseRow[]> {
  return db.query(
    `SELECT id, pseudonym, to_char(closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS closed_on, outcome
       FROM case_file WHERE region_id = $1 AND state = 'closed' AND erased_at IS NULL ORDER BY closed_at, id LIMIT 500`,
    [regionId],
  );
}

export async function findClosedCase(
  db: EntityManager,
  regionId: string,
  caseId: string,
): Promise<ClosedCaseRow | null> {
  const rows: ClosedCaseRow[] = await db.query(
    `SELECT id, pseudonym, to_char(closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS closed_on, outcome
       FROM case_file WHERE id = $1 AND region_id = $2 AND state = 'closed' AND erased_at IS NULL FOR UPDATE`,
    [caseId, regionId],
  );
  return rows[0] ?? null;
}

/**
 * Removes the resident's personal data (AVG art. 17) and keeps the anonymous facts the indicators
 * count: state, target group, outcome, clocks, origin and destination codes, the table's rule,
 * the intensity in hours, signal kinds and dates, goal progress and the follow-up checks. What goes:
 * the file's sections (name, BSN, birth date, contact, addresses, needs, sensitive notes), the
 * search name, the engine's proposal (its reasons quote the file), documents, consents (with the
 * witness's name), notifications, and every free text written about the resident. The pseudonym
 * stays: without the file it points at nobody, and the audit log (never edited) keeps using it.
 */
export async function erasePersonalData(db: EntityManager, caseId: string): Promise<void> {
  const erased = 'Gewist (AVG art. 17)';
  await db.query('DELETE FROM notification WHERE case_id = $1', [caseId]);
  await db.query('DELETE FROM case_consent WHERE case_id = $1', [caseId]);
  await db.query('DELETE FROM case_document WHERE case_id = $1', [caseId]);
  await db.query(
    `UPDATE case_file SET sections = jsonb_build_object('identity', '{}'::jsonb, 'stay', jsonb_build_object('targetGroup', target_group)),
       search_name = '', proposal = NULL, external_ref = NULL, import_digest = NULL, import_address_digests = NULL, erased_at = now(), version = version + 1, updated_at = now()
     WHERE id = $1`,
    [caseId],
  );
  // Events keep which step was taken when; reasons and other free text go.
  await db.query(
    `UPDATE case_event SET details = coalesce((SELECT jsonb_object_agg(key, value) FROM jsonb_each(details) WHERE key IN ('transition', 'from', 'to', 'outcome', 'tableId')), '{}'::jsonb)
     WHERE case_id = $1`,
    [caseId],
  );
  await db.query(
    'UPDATE agenda_item SET note = CASE WHEN note IS NULL THEN NULL ELSE $2 END WHERE case_id = $1',
    [caseId, erased],
  );
  // An objection's reason is free text about the resident too: the vote (who, agree or object) stays, its reason goes.
  await db.query(
    `UPDATE table_decision SET motivation = CASE WHEN motivation IS NULL THEN NULL ELSE $2 END, referral_summary = NULL,
       votes = (SELECT coalesce(jsonb_agg(CASE WHEN v ? 'reason' THEN jsonb_set(v, '{reason}', to_jsonb($2::text)) ELSE v END ORDER BY n), '[]'::jsonb)
                  FROM jsonb_array_elements(votes) WITH ORDINALITY AS e(v, n))
     WHERE case_id = $1`,
    [caseId, erased],
  );
  await db.query('UPDATE precondition SET description = $2 WHERE case_id = $1', [caseId, erased]);
  await db.query('UPDATE support_contact SET note = NULL WHERE case_id = $1', [caseId]);
  await db.query('UPDATE support_intensity SET reason = NULL WHERE case_id = $1', [caseId]);
  await db.query('UPDATE support_goal SET description = NULL WHERE case_id = $1', [caseId]);
  await db.query('UPDATE support_respite SET place = NULL, reason = NULL WHERE case_id = $1', [
    caseId,
  ]);
  await db.query('UPDATE support_signal SET description = NULL WHERE case_id = $1', [caseId]);
  await db.query('DELETE FROM relapse_plan WHERE case_id = $1', [caseId]);
  // Offers and the move (issue 12): the reasons, the support arranged and the agreement are free text about the resident.
  await db.query(
    `UPDATE offer SET decline_reason = CASE WHEN decline_reason IS NULL THEN NULL ELSE $2 END,
       withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE $2 END, refusal_reason = CASE WHEN refusal_reason IS NULL THEN NULL ELSE $2 END,
       support_arranged = CASE WHEN support_arranged IS NULL THEN NULL ELSE $2 END
     WHERE case_id = $1`,
    [caseId, erased],
  );
  await db.query('UPDATE move_in SET agreement_conditions = $2 WHERE case_id = $1', [
    caseId,
    erased,
  ]);
}
