import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 27.2, herstel (domain.md §4): a step is corrected, never deleted. The case's log gets a
 * third kind of entry besides the steps, `correction`. A table's decision that is corrected stays
 * where it is, marked with who set it aside and when; the agenda item can then be decided again,
 * so "one decision per agenda item" holds for the decisions that stand (a partial unique index
 * instead of the column's UNIQUE).
 */
export class StepCorrections1765950000000 implements MigrationInterface {
  name = 'StepCorrections1765950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_event DROP CONSTRAINT case_event_kind_check;
      ALTER TABLE case_event ADD CONSTRAINT case_event_kind_check
        CHECK (kind IN ('created', 'transition', 'handover', 'correction'));
      ALTER TABLE table_decision
        ADD COLUMN corrected_at timestamptz,
        ADD COLUMN corrected_by uuid REFERENCES app_user(id),
        ADD CONSTRAINT table_decision_corrected_by_check CHECK ((corrected_at IS NULL) = (corrected_by IS NULL));
      ALTER TABLE table_decision DROP CONSTRAINT table_decision_agenda_item_id_key;
      CREATE UNIQUE INDEX table_decision_standing_per_item ON table_decision(agenda_item_id) WHERE corrected_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // Corrected decisions and correction entries have no place in the old schema: they go.
    await db.query(`
      DELETE FROM table_decision WHERE corrected_at IS NOT NULL;
      DROP INDEX table_decision_standing_per_item;
      ALTER TABLE table_decision ADD CONSTRAINT table_decision_agenda_item_id_key UNIQUE (agenda_item_id);
      ALTER TABLE table_decision DROP CONSTRAINT table_decision_corrected_by_check,
        DROP COLUMN corrected_by, DROP COLUMN corrected_at;
      DELETE FROM case_event WHERE kind = 'correction';
      ALTER TABLE case_event DROP CONSTRAINT case_event_kind_check;
      ALTER TABLE case_event ADD CONSTRAINT case_event_kind_check
        CHECK (kind IN ('created', 'transition', 'handover'));
    `);
  }
}
