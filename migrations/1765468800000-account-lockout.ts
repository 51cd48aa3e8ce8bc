import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Limits per account as well as per address (issue 21): guesses spread over many addresses are
 * counted per account (by e-mail address, so an unknown address answers like a known one), and an
 * account past the limit is locked for a period. The lock is a row per e-mail address: its end, and
 * when a regio-beheerder lifted it; counting starts again after either.
 */
export class AccountLockout1765468800000 implements MigrationInterface {
  name = 'AccountLockout1765468800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX login_attempt_account_idx ON login_attempt(email, at) WHERE NOT succeeded;
      CREATE TABLE account_lock (
        email text PRIMARY KEY,
        locked_at timestamptz NOT NULL,
        locked_until timestamptz NOT NULL,
        lifted_at timestamptz,
        lifted_by uuid REFERENCES app_user(id),
        CHECK (locked_until > locked_at)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE account_lock; DROP INDEX login_attempt_account_idx;');
  }
}
