import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from './app-role';

/**
 * Notifications per user (in the app, and by e-mail at once, in a daily digest, or not), each
 * user's choice per kind, the record of scheduled runs that makes a job run once per period on
 * any number of nodes, and the flag that tells a precondition's owner of its due date once.
 *
 * A notification names a table or a case by reference and a title without personal data; it goes
 * with the case on erasure (ON DELETE CASCADE). The app role gets its rights by the default
 * privileges of the first migration; the job record is narrowed to INSERT and SELECT, because a
 * run that happened must not be undone by the application.
 */
export class Notifications1764604800000 implements MigrationInterface {
  name = 'Notifications1764604800000';

  async up(db: QueryRunner): Promise<void> {
    const app = appRoleName();
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('agendaPublished', 'decisionConcerns', 'offerToAnswer', 'placementToConfirm', 'preconditionDue', 'signal')),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
        case_id uuid REFERENCES case_file(id) ON DELETE CASCADE,
        table_id uuid REFERENCES outflow_table(id) ON DELETE CASCADE,
        precondition_id uuid REFERENCES precondition(id) ON DELETE CASCADE,
        -- The user's choice when it was made: a later change of preference does not re-send old ones.
        delivery text NOT NULL CHECK (delivery IN ('immediately', 'digest', 'none')),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        mailed_at timestamptz,
        CHECK (case_id IS NOT NULL OR table_id IS NOT NULL),
        CHECK (delivery <> 'none' OR mailed_at IS NULL),
        CHECK ((kind = 'preconditionDue') = (precondition_id IS NOT NULL))
      );
      CREATE INDEX notification_user_idx ON notification(user_id, created_at DESC);
      CREATE INDEX notification_unread_idx ON notification(user_id) WHERE read_at IS NULL;
      CREATE INDEX notification_unmailed_idx ON notification(delivery, user_id) WHERE mailed_at IS NULL AND delivery <> 'none';
      CREATE INDEX notification_case_idx ON notification(case_id);
      CREATE INDEX notification_table_idx ON notification(table_id);
      -- Once per precondition and user, whatever the scheduler does.
      CREATE UNIQUE INDEX notification_precondition_due_once ON notification(user_id, precondition_id) WHERE kind = 'preconditionDue';

      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('agendaPublished', 'decisionConcerns', 'offerToAnswer', 'placementToConfirm', 'preconditionDue', 'signal')),
        delivery text NOT NULL CHECK (delivery IN ('immediately', 'digest', 'none')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      );

      -- One row per job and period (a day, for the daily jobs): the second node, or the second tick
      -- in the same period, finds it and does nothing.
      CREATE TABLE scheduled_job_run (
        job text NOT NULL CHECK (job ~ '^[a-zA-Z][a-zA-Z0-9.]*$'),
        period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
        -- The scheduler's clock (injectable in tests) and the database's, for whoever reads the log.
        due_at timestamptz NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (job, period)
      );
      REVOKE UPDATE, DELETE, TRUNCATE ON scheduled_job_run FROM ${app};

      ALTER TABLE precondition ADD COLUMN due_flagged_at timestamptz;
      CREATE INDEX precondition_due_idx ON precondition(due_date) WHERE done_at IS NULL AND due_flagged_at IS NULL;
      CREATE INDEX precondition_owner_idx ON precondition(owner_organisation_id) WHERE done_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX precondition_owner_idx;
      DROP INDEX precondition_due_idx;
      ALTER TABLE precondition DROP COLUMN due_flagged_at;
      DROP TABLE scheduled_job_run;
      DROP TABLE notification_preference;
      DROP TABLE notification;
    `);
  }
}
