import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that let a dashboard read one region's facts in a few index-only passes (issue 14,
 * measured by `npm run bench:indicators`: 40 regions, 250,000 cases, the biggest region 18,700).
 *
 * Each indicator joins the region's offers, moves, decisions or checks of a period to the case's
 * municipality and target group. Looked up case by case, that is a few thousand probes into
 * case_file, whose rows carry the whole file (about 2 kB each, 500 MB at this scale, far more than
 * the default 128 MB of shared buffers): 20 to 40 ms per query. These covering indexes hold just
 * the facts, so the planner reads the region's slice of each once and joins by hash, provided the
 * query names the region on every table it joins (`c.region_id = $region`, `f.region_id = $region`):
 * without that condition PostgreSQL 18 may skip-scan the whole case index instead.
 *
 * - `case_file_region_facts_idx`: a case's municipality as the indicators define it (decided, else
 *   proposed, else origin) and its target group, by region. Replaces
 *   `case_file_region_municipality_idx` of 1765036800000, which had the same key without the facts.
 * - `case_file_region_municipality_stats`: a municipality lies in one region, so the planner's
 *   assumption that region and municipality are independent underestimates a municipality's cases
 *   tenfold (784 estimated, 10,649 found) and it then probes per case. Measured: a municipality's
 *   decisions 62 → 10 ms, its waits to the keys 87 → 23 ms.
 * - `offer_region_facts_idx`: the region's offers by moment, with what the first-offer pass, the
 *   corporation's counts and the joins from the moves need. Replaces `offer_region_offered_idx`.
 * - `move_in_region_facts_idx`: the moves by key date with their case, offer and wait. Replaces
 *   `move_in_region_keys_idx`; without it the biggest region's dashboard took 340 instead of 230 ms.
 */
export class IndicatorIndexes1765123200000 implements MigrationInterface {
  name = 'IndicatorIndexes1765123200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX case_file_region_facts_idx ON case_file (region_id, (coalesce(decided_destination_code, proposed_destination_code, origin_code)))
        INCLUDE (id, target_group, decided_destination_code, proposed_destination_code, origin_code);
      CREATE STATISTICS case_file_region_municipality_stats (mcv)
        ON region_id, (coalesce(decided_destination_code, proposed_destination_code, origin_code)) FROM case_file;
      CREATE INDEX offer_region_facts_idx ON offer (region_id, offered_at)
        INCLUDE (id, case_id, dwelling_id, organisation_id, waited_days, status, answered_at);
      CREATE INDEX move_in_region_facts_idx ON move_in (region_id, key_handover_date)
        INCLUDE (case_id, offer_id, waited_days_to_keys);
      DROP INDEX IF EXISTS case_file_region_municipality_idx;
      DROP INDEX IF EXISTS offer_region_offered_idx;
      DROP INDEX IF EXISTS move_in_region_keys_idx;
      ANALYZE case_file;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX IF NOT EXISTS move_in_region_keys_idx ON move_in(region_id, key_handover_date);
      CREATE INDEX IF NOT EXISTS offer_region_offered_idx ON offer(region_id, offered_at);
      CREATE INDEX IF NOT EXISTS case_file_region_municipality_idx ON case_file(region_id, (coalesce(decided_destination_code, proposed_destination_code, origin_code)));
      DROP INDEX move_in_region_facts_idx;
      DROP INDEX offer_region_facts_idx;
      DROP STATISTICS case_file_region_municipality_stats;
      DROP INDEX case_file_region_facts_idx;
    `);
  }
}
