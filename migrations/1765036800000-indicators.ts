import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the indicators need to be read region first (issue 14, domain.md §6). No new facts: the
 * indicators are read from what the other modules keep.
 *
 * Every indicator starts from one region and one period. Offers and cases carry their region; the
 * decisions, the moves and the follow-up checks did not, and reaching them through the region's
 * cases means probing every case the region ever had (or every region's rows of the period) for
 * the few of one year. So they get the region of their case as a column, with an index on
 * (region, the moment the indicator counts). A trigger fills it from the case on every insert, so
 * no writer changes and none can get it wrong; a case never changes region. Measured on 250,000
 * cases in 40 regions, a year's decisions of one region went from ~50 ms to ~3 ms this way.
 *
 * Indexes:
 * - `offer_region_offered_idx`, `offer_region_answered_idx`: the offers made and accepted in a
 *   period (waiting to offer, dwellings against contingents); the first-offer test uses
 *   `offer_case_idx`.
 * - `move_in_region_keys_idx`: moves by key handover (waiting to keys, placements per neighbourhood).
 * - `table_decision_region_decided_idx`: decisions by rule.
 * - `follow_up_check_region_due_idx`: still housed after 6 and 12 months.
 * - `case_file_region_closed_idx`: outcomes of the cases closed in a period.
 * - `case_file_region_open_idx`: today's open cases (closed cases are the bulk of a region after a
 *   few years, and never an open case).
 */
export class Indicators1765036800000 implements MigrationInterface {
  name = 'Indicators1765036800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION set_region_of_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The case decides, whatever the writer sent.
        SELECT region_id INTO NEW.region_id FROM case_file WHERE id = NEW.case_id;
        RETURN NEW;
      END $$;

      ALTER TABLE table_decision ADD COLUMN region_id uuid REFERENCES region(id);
      UPDATE table_decision d SET region_id = c.region_id FROM case_file c WHERE c.id = d.case_id;
      ALTER TABLE table_decision ALTER COLUMN region_id SET NOT NULL;
      CREATE TRIGGER table_decision_region BEFORE INSERT OR UPDATE OF case_id ON table_decision
        FOR EACH ROW EXECUTE FUNCTION set_region_of_case();
      CREATE INDEX table_decision_region_decided_idx ON table_decision(region_id, decided_at);

      ALTER TABLE move_in ADD COLUMN region_id uuid REFERENCES region(id);
      UPDATE move_in m SET region_id = c.region_id FROM case_file c WHERE c.id = m.case_id;
      ALTER TABLE move_in ALTER COLUMN region_id SET NOT NULL;
      CREATE TRIGGER move_in_region BEFORE INSERT OR UPDATE OF case_id ON move_in
        FOR EACH ROW EXECUTE FUNCTION set_region_of_case();
      CREATE INDEX move_in_region_keys_idx ON move_in(region_id, key_handover_date);

      ALTER TABLE follow_up_check ADD COLUMN region_id uuid REFERENCES region(id);
      UPDATE follow_up_check k SET region_id = c.region_id FROM case_file c WHERE c.id = k.case_id;
      ALTER TABLE follow_up_check ALTER COLUMN region_id SET NOT NULL;
      CREATE TRIGGER follow_up_check_region BEFORE INSERT OR UPDATE OF case_id ON follow_up_check
        FOR EACH ROW EXECUTE FUNCTION set_region_of_case();
      CREATE INDEX follow_up_check_region_due_idx ON follow_up_check(region_id, due_on);

      CREATE INDEX offer_region_offered_idx ON offer(region_id, offered_at);
      CREATE INDEX offer_region_answered_idx ON offer(region_id, answered_at) WHERE answered_at IS NOT NULL;
      CREATE INDEX case_file_region_closed_idx ON case_file(region_id, closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX case_file_region_open_idx ON case_file(region_id, state) WHERE state <> 'closed';
      CREATE INDEX case_file_region_municipality_idx ON case_file(region_id, (coalesce(decided_destination_code, proposed_destination_code, origin_code)));
      CREATE INDEX dwelling_region_facts_idx ON dwelling(region_id) INCLUDE (id, municipality_code, neighbourhood);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX dwelling_region_facts_idx;
      DROP INDEX case_file_region_municipality_idx;
      DROP INDEX case_file_region_open_idx;
      DROP INDEX case_file_region_closed_idx;
      DROP INDEX offer_region_answered_idx;
      DROP INDEX offer_region_offered_idx;
      DROP TRIGGER follow_up_check_region ON follow_up_check;
      ALTER TABLE follow_up_check DROP COLUMN region_id;
      DROP TRIGGER move_in_region ON move_in;
      ALTER TABLE move_in DROP COLUMN region_id;
      DROP TRIGGER table_decision_region ON table_decision;
      ALTER TABLE table_decision DROP COLUMN region_id;
      DROP FUNCTION set_region_of_case();
    `);
  }
}
