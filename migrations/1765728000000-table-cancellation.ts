import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 26: a planned or shared table can be cancelled by its chair, with a reason. A cancelled
 * table stays readable as such (its state, when and why); its cases went back to uitstroomgereed.
 * Its invitees are told: a notification kind of its own.
 */
export class TableCancellation1765728000000 implements MigrationInterface {
  name = 'TableCancellation1765728000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ DECLARE c record; BEGIN
        FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'outflow_table'::regclass AND contype = 'c'
                   AND pg_get_constraintdef(oid) LIKE '%state%' LOOP
          EXECUTE format('ALTER TABLE outflow_table DROP CONSTRAINT %I', c.conname);
        END LOOP;
        FOR c IN SELECT conrelid::regclass::text AS tbl, conname FROM pg_constraint
                  WHERE conrelid IN ('notification'::regclass, 'notification_preference'::regclass) AND contype = 'c'
                    AND pg_get_constraintdef(oid) LIKE '%agendaPublished%' LOOP
          EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', c.tbl, c.conname);
        END LOOP;
      END $$;

      ALTER TABLE outflow_table
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancel_reason text,
        ADD CONSTRAINT outflow_table_state_check CHECK (state IN ('planned', 'published', 'closed', 'cancelled')),
        -- A cancelled table may have been planned or shared: published_at tells which.
        ADD CONSTRAINT outflow_table_published_check CHECK (state = 'cancelled' OR (state = 'planned') = (published_at IS NULL)),
        ADD CONSTRAINT outflow_table_closed_check CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
        ADD CONSTRAINT outflow_table_cancelled_check CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL));

      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
        CHECK (kind IN ('agendaPublished', 'decisionConcerns', 'offerToAnswer', 'placementToConfirm', 'preconditionDue', 'signal', 'tableCancelled'));
      ALTER TABLE notification_preference ADD CONSTRAINT notification_preference_kind_check
        CHECK (kind IN ('agendaPublished', 'decisionConcerns', 'offerToAnswer', 'placementToConfirm', 'preconditionDue', 'signal', 'tableCancelled'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM notification WHERE kind = 'tableCancelled';
      DELETE FROM notification_preference WHERE kind = 'tableCancelled';
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
        CHECK (kind IN ('agendaPublished', 'decisionConcerns', 'offerToAnswer', 'placementToConfirm', 'preconditionDue', 'signal'));
      ALTER TABLE notification_preference DROP CONSTRAINT notification_preference_kind_check;
      ALTER TABLE notification_preference ADD CONSTRAINT notification_preference_kind_check
        CHECK (kind IN ('agendaPublished', 'decisionConcerns', 'offerToAnswer', 'placementToConfirm', 'preconditionDue', 'signal'));
      ALTER TABLE outflow_table
        DROP CONSTRAINT outflow_table_cancelled_check,
        DROP CONSTRAINT outflow_table_published_check,
        DROP CONSTRAINT outflow_table_state_check,
        DROP COLUMN cancelled_at,
        DROP COLUMN cancel_reason;
      ALTER TABLE outflow_table
        ADD CONSTRAINT outflow_table_state_check CHECK (state IN ('planned', 'published', 'closed')),
        ADD CONSTRAINT outflow_table_published_check CHECK ((state = 'planned') = (published_at IS NULL));
    `);
  }
}
