import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A region's configuration as versioned rule sets, and the distribution ledger per agreement
 * period (domain.md §3.3 and §3.6). A rule set is never updated: every change is a new row with
 * the next version, so that a decision can always show the configuration it was taken under.
 * The `municipality` table stays the registry of CBS codes that organisations reference; the
 * service upserts a new rule set's municipalities into it.
 */
export class RuleSets1764086400000 implements MigrationInterface {
  name = 'RuleSets1764086400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rule_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        version integer NOT NULL CHECK (version > 0),
        config jsonb NOT NULL CHECK (jsonb_typeof(config) = 'object'),
        -- NULL: made by the system (the demo seed), not by a person.
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Two saves on the same version cannot both become the next one.
        UNIQUE (region_id, version)
      );

      -- Allocations by population (exception C, and A without an eligible wish) are counted per
      -- region and agreement period. Its row is the lock that makes concurrent allocations land
      -- one after the other, so that no two read the same counts.
      CREATE TABLE distribution_ledger (
        region_id uuid NOT NULL REFERENCES region(id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, period_start),
        CHECK (period_end >= period_start)
      );

      CREATE TABLE distribution_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL,
        period_start date NOT NULL,
        municipality_code char(6) NOT NULL REFERENCES municipality(code),
        -- No foreign key yet: cases come with a later migration.
        case_id uuid,
        rule_set_version integer NOT NULL,
        allocated_at timestamptz NOT NULL DEFAULT now(),
        -- A refused placement gives its count back; the row stays as the record of what happened.
        returned_at timestamptz,
        FOREIGN KEY (region_id, period_start) REFERENCES distribution_ledger(region_id, period_start),
        FOREIGN KEY (region_id, rule_set_version) REFERENCES rule_set(region_id, version),
        CHECK (returned_at IS NULL OR returned_at >= allocated_at)
      );
      CREATE INDEX distribution_allocation_open_idx ON distribution_allocation(region_id, period_start) WHERE returned_at IS NULL;
      -- A case holds at most one allocation that counts.
      CREATE UNIQUE INDEX distribution_allocation_case_key ON distribution_allocation(case_id) WHERE returned_at IS NULL AND case_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE distribution_allocation;
      DROP TABLE distribution_ledger;
      DROP TABLE rule_set;
    `);
  }
}
