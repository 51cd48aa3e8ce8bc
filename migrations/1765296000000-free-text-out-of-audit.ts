import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free text about a resident never belongs in the audit log (issue 21): a deferral's or removal's
 * reason was copied into the details of the `unschedule` transition, where erasure cannot reach it
 * (the log is append-only). From now on those rows name the field (`textFields: ["note"]`) and the
 * text lives on the agenda item only. This one-time redaction, run as the owner, replaces the
 * reasons already copied. It cannot be undone: the text is gone by design.
 */
export class FreeTextOutOfAudit1765296000000 implements MigrationInterface {
  name = 'FreeTextOutOfAudit1765296000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
      UPDATE audit_log SET details = (details - 'reason') || '{"textFields": ["note"]}'::jsonb
       WHERE action = 'case.transition' AND details->>'transition' = 'unschedule' AND details ? 'reason';
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
      UPDATE case_event SET details = (details - 'reason') || '{"textFields": ["note"]}'::jsonb
       WHERE kind = 'transition' AND details->>'transition' = 'unschedule' AND details ? 'reason';
    `);
  }

  async down(): Promise<void> {
    // Nothing to restore: the redacted text is gone on purpose, and the code no longer writes it.
  }
}
