import type { EntityManager } from 'typeorm';
import type { RuleSetConfig, RuleSetMunicipality } from '@uitstroom/shared';

/** Every query of the rule sets and the distribution ledger. The service owns the transaction. */

export interface RuleSetRow {
  id: string;
  version: number;
  config: unknown;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  published_at: Date;
  published_by: string | null;
  published_by_name: string | null;
}

const ruleSetWithCreator = `
  SELECT rs.id, rs.version, rs.config, rs.created_at, rs.created_by, u.display_name AS created_by_name,
         rs.published_at, rs.published_by, p.display_name AS published_by_name
    FROM rule_set rs
    LEFT JOIN app_user u ON u.id = rs.created_by
    LEFT JOIN app_user p ON p.id = rs.published_by`;

export async function findCurrentRuleSet(
  db: EntityManager,
  regionId: string,
): Promise<RuleSetRow | null> {
  const rows: RuleSetRow[] = await db.query(
    `${ruleSetWithCreator} WHERE rs.region_id = $1 ORDER BY rs.version DESC LIMIT 1`,
    [regionId],
  );
  return rows[0] ?? null;
}

export async function findRuleSetVersion(
  db: EntityManager,
  regionId: string,
  version: number,
): Promise<RuleSetRow | null> {
  const rows: RuleSetRow[] = await db.query(
    `${ruleSetWithCreator} WHERE rs.region_id = $1 AND rs.version = $2`,
    [regionId, version],
  );
  return rows[0] ?? null;
}

/** Every version of a region, oldest first. */
export async function listRuleSets(db: EntityManager, regionId: string): Promise<RuleSetRow[]> {
  return db.query(`${ruleSetWithCreator} WHERE rs.region_id = $1 ORDER BY rs.version`, [regionId]);
}

/**
 * Serialises changes to one region's rule set: the second of two concurrent saves waits here,
 * then reads the version the first one wrote (each statement sees what committed before it).
 * NO KEY UPDATE, so that rows elsewhere may still reference the region meanwhile.
 */
export async function lockRegionForRuleSetChange(
  tx: EntityManager,
  regionId: string,
): Promise<boolean> {
  const rows: unknown[] = await tx.query('SELECT 1 FROM region WHERE id = $1 FOR NO KEY UPDATE', [
    regionId,
  ]);
  return rows.length > 0;
}

/**
 * A new current version. Saved in one step it is created and published by one person at once; a
 * published draft keeps who saved it and when (`created`), and the publisher publishes it now.
 */
export async function insertRuleSet(
  tx: EntityManager,
  regionId: string,
  version: number,
  config: RuleSetConfig,
  author: { createdBy: string | null; createdAt?: Date; publishedBy: string | null },
): Promise<RuleSetRow> {
  const [{ id }]: [{ id: string }] = await tx.query(
    `INSERT INTO rule_set (region_id, version, config, created_by, created_at, published_by)
     VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, now()), $6) RETURNING id`,
    [
      regionId,
      version,
      JSON.stringify(config),
      author.createdBy,
      author.createdAt ?? null,
      author.publishedBy,
    ],
  );
  const rows: RuleSetRow[] = await tx.query(`${ruleSetWithCreator} WHERE rs.id = $1`, [id]);
  return rows[0]!;
}

// ---------------------------------------------------------------------------------------------
// The draft of the next version: one per region.

export interface RuleSetDraftRow {
  based_on_version: number;
  revision: number;
  config: unknown;
  saved_at: Date;
  saved_by: string;
  saved_by_name: string;
}

export async function findRuleSetDraft(
  db: EntityManager,
  regionId: string,
): Promise<RuleSetDraftRow | null> {
  const rows: RuleSetDraftRow[] = await db.query(
    `SELECT d.based_on_version, d.revision, d.config, d.saved_at, d.saved_by, u.display_name AS saved_by_name
       FROM rule_set_draft d JOIN app_user u ON u.id = d.saved_by
      WHERE d.region_id = $1`,
    [regionId],
  );
  return rows[0] ?? null;
}

/** Writes the draft at its next revision; the caller holds the region's rule-set lock. */
export async function saveRuleSetDraft(
  tx: EntityManager,
  regionId: string,
  draft: { basedOnVersion: number; revision: number; config: RuleSetConfig; savedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO rule_set_draft (region_id, based_on_version, revision, config, saved_by, saved_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (region_id) DO UPDATE
        SET based_on_version = EXCLUDED.based_on_version, revision = EXCLUDED.revision,
            config = EXCLUDED.config, saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at`,
    [regionId, draft.basedOnVersion, draft.revision, JSON.stringify(draft.config), draft.savedBy],
  );
}

export async function deleteRuleSetDraft(tx: EntityManager, regionId: string): Promise<void> {
  await tx.query('DELETE FROM rule_set_draft WHERE region_id = $1', [regionId]);
}

/** Of the given codes, those the registry has under another region. */
export async function findMunicipalitiesOfOtherRegions(
  tx: EntityManager,
  regionId: string,
  codes: readonly string[],
): Promise<string[]> {
  const rows: { code: string }[] = await tx.query(
    'SELECT code FROM municipality WHERE code = ANY($1::char(6)[]) AND region_id <> $2',
    [codes, regionId],
  );
  return rows.map((row) => row.code);
}

/** Keeps the registry of codes (which organisations reference) in step with the newest rule set. */
export async function upsertMunicipalities(
  tx: EntityManager,
  regionId: string,
  municipalities: readonly RuleSetMunicipality[],
): Promise<void> {
  await tx.query(
    `INSERT INTO municipality (code, region_id, name, population, population_year)
     SELECT m.code, $1, m.name, m.population, m.population_year
       FROM jsonb_to_recordset($2::jsonb) AS m(code text, name text, population integer, population_year smallint)
     ON CONFLICT (code) DO UPDATE
        SET name = EXCLUDED.name, population = EXCLUDED.population, population_year = EXCLUDED.population_year
      WHERE municipality.region_id = EXCLUDED.region_id`,
    [
      regionId,
      JSON.stringify(
        municipalities.map((m) => ({
          code: m.code,
          name: m.name,
          population: m.population,
          population_year: m.populationYear,
        })),
      ),
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// The distribution ledger. Dates travel as 'YYYY-MM-DD' text both ways: pg would otherwise turn a
// `date` into a JavaScript Date at local midnight, and a time zone could move it a day.

export async function ensureLedger(
  tx: EntityManager,
  regionId: string,
  periodStart: string,
  periodEnd: string,
): Promise<void> {
  await tx.query(
    'INSERT INTO distribution_ledger (region_id, period_start, period_end) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [regionId, periodStart, periodEnd],
  );
}

/** The lock that makes allocations of one period land one after the other. */
export async function lockLedger(
  tx: EntityManager,
  regionId: string,
  periodStart: string,
): Promise<void> {
  await tx.query(
    'SELECT 1 FROM distribution_ledger WHERE region_id = $1 AND period_start = $2 FOR UPDATE',
    [regionId, periodStart],
  );
}

/** The allocations of a period that still count (not given back), per municipality. */
export async function countOpenAllocations(
  tx: EntityManager,
  regionId: string,
  periodStart: string,
): Promise<Record<string, number>> {
  const rows: { municipality_code: string; count: number }[] = await tx.query(
    `SELECT municipality_code, count(*)::int AS count FROM distribution_allocation
      WHERE region_id = $1 AND period_start = $2 AND returned_at IS NULL
      GROUP BY municipality_code`,
    [regionId, periodStart],
  );
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.municipality_code] = row.count;
  return counts;
}

export async function insertAllocation(
  tx: EntityManager,
  allocation: {
    regionId: string;
    periodStart: string;
    municipalityCode: string;
    caseId: string | null;
    ruleSetVersion: number;
  },
): Promise<string> {
  const [{ id }]: [{ id: string }] = await tx.query(
    // clock_timestamp, not now(): the moment under the ledger lock, so the rows' order is the order in
    // which allocations read the counts (now() would be each transaction's start).
    `INSERT INTO distribution_allocation (region_id, period_start, municipality_code, case_id, rule_set_version, allocated_at)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp()) RETURNING id`,
    [
      allocation.regionId,
      allocation.periodStart,
      allocation.municipalityCode,
      allocation.caseId,
      allocation.ruleSetVersion,
    ],
  );
  return id;
}

export async function findAllocation(
  tx: EntityManager,
  allocationId: string,
): Promise<{ region_id: string; period_start: string } | null> {
  const rows: { region_id: string; period_start: string }[] = await tx.query(
    'SELECT region_id, period_start::text AS period_start FROM distribution_allocation WHERE id = $1',
    [allocationId],
  );
  return rows[0] ?? null;
}

/** Gives a count back; false when it was given back already. */
export async function markAllocationReturned(
  tx: EntityManager,
  allocationId: string,
): Promise<boolean> {
  // clock_timestamp, not now(): this transaction may have begun before the allocation's did.
  // For an UPDATE, TypeORM's query() answers [rows, affected count], not the rows alone.
  const [, affected]: [unknown[], number] = await tx.query(
    'UPDATE distribution_allocation SET returned_at = clock_timestamp() WHERE id = $1 AND returned_at IS NULL',
    [allocationId],
  );
  return affected > 0;
}
