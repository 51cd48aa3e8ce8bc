import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: one-time links (invitation, password reset), two-factor sign-in with TOTP and
 * recovery codes, and the demo outbox. Tokens and recovery codes are stored as SHA-256 hashes
 * only: they are long random strings, so a fast hash is enough and a database leak gives nothing.
 */
export class Accounts1764172800000 implements MigrationInterface {
  name = 'Accounts1764172800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        -- The last 30-second step a code was accepted for: a code is never accepted twice.
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN password_changed_at timestamptz,
        ADD CONSTRAINT app_user_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL);

      CREATE TABLE user_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_at > created_at)
      );
      CREATE INDEX user_token_user_idx ON user_token(user_id);

      CREATE TABLE recovery_code (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id),
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, code_hash)
      );

      -- Demo mode only (no SMTP_URL): mails land here and the regio-beheerder reads them on a page.
      CREATE TABLE mail_outbox (
        id bigserial PRIMARY KEY,
        region_id uuid REFERENCES region(id),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mail_outbox_region_idx ON mail_outbox(region_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE mail_outbox;
      DROP TABLE recovery_code;
      DROP TABLE user_token;
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_totp_enabled_has_secret,
        DROP COLUMN password_changed_at,
        DROP COLUMN totp_last_step,
        DROP COLUMN totp_enabled_at,
        DROP COLUMN totp_secret;
    `);
  }
}
