import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 32. A region's rule set is saved as a draft first and becomes the current version only
 * when the regio-beheerder publishes it (the Akkoord is reviewed every two years, and a new
 * version should not take effect the moment it is typed):
 * - `rule_set_draft`: at most one draft per region, the version it was made on and a revision
 *   that makes two saves of the same draft land one after the other;
 * - `rule_set.published_by` / `published_at`: who made a version current, and when. Versions
 *   before this migration took effect when they were saved, so they were published by their
 *   author at that moment.
 * - `table_decision.binding`: the minimum-binding test's figures of the proposal a decision was
 *   taken on (municipality, days bound, days required, holds); NULL when the region had no test.
 */
export class RuleSetDraftsAndBinding1765900000000 implements MigrationInterface {
  name = 'RuleSetDraftsAndBinding1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE rule_set
        ADD COLUMN published_by uuid REFERENCES app_user(id),
        ADD COLUMN published_at timestamptz;
      UPDATE rule_set SET published_by = created_by, published_at = created_at;
      ALTER TABLE rule_set
        ALTER COLUMN published_at SET NOT NULL,
        ALTER COLUMN published_at SET DEFAULT now(),
        ADD CONSTRAINT rule_set_published_after_created CHECK (published_at >= created_at);

      CREATE TABLE rule_set_draft (
        region_id uuid PRIMARY KEY REFERENCES region(id),
        based_on_version integer NOT NULL CHECK (based_on_version >= 0),
        revision integer NOT NULL CHECK (revision > 0),
        config jsonb NOT NULL CHECK (jsonb_typeof(config) = 'object'),
        saved_by uuid NOT NULL REFERENCES app_user(id),
        saved_at timestamptz NOT NULL DEFAULT now()
      );

      ALTER TABLE table_decision
        ADD COLUMN binding jsonb CHECK (binding IS NULL OR jsonb_typeof(binding) = 'object');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE table_decision DROP COLUMN binding;
      DROP TABLE rule_set_draft;
      ALTER TABLE rule_set
        DROP CONSTRAINT rule_set_published_after_created,
        DROP COLUMN published_at,
        DROP COLUMN published_by;
    `);
  }
}
