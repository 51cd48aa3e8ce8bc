import type { MigrationInterface, QueryRunner } from 'typeorm';
// The key comes from the environment; `npm start` and `npm run migrate` say so when it is the development key.
import {
  encryptionKeysFrom,
  isSealed,
  openSecret,
  sealSecret,
  sealedFor,
} from '../server/src/core/secret-box';

/**
 * Sign-in with the organisation's own identity provider (issue 30), and secrets sealed with the
 * application key.
 *
 * - `identity_provider`: per organisation its OpenID provider (issuer, client id, the client
 *   secret sealed with APP_ENCRYPTION_KEY) and whether password sign-in stays allowed there.
 * - `identity_provider_domain`: the e-mail domains a provider vouches for. The sign-in page decides
 *   on the domain before anyone is known, so a domain belongs to one provider in the whole database.
 * - `app_user.provider_issuer/provider_subject`: the provider's `sub`, linked at the user's first
 *   sign-in there; a `sub` belongs to one user.
 * - Existing TOTP secrets are sealed here, with the key from the environment (the development key
 *   outside production when none is set), and a CHECK keeps plain ones out from now on.
 */
export class IdentityProviders1765930000000 implements MigrationInterface {
  name = 'IdentityProviders1765930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity_provider (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        issuer text NOT NULL CHECK (issuer ~ '^https?://[^\\s]+$'),
        client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
        client_secret_sealed text NOT NULL CHECK (client_secret_sealed LIKE 'v1:%'),
        is_password_sign_in_allowed boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1
      );
      CREATE TABLE identity_provider_domain (
        domain text PRIMARY KEY CHECK (domain = lower(domain) AND domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
        organisation_id uuid NOT NULL REFERENCES identity_provider(organisation_id) ON DELETE CASCADE
      );
      CREATE INDEX identity_provider_domain_organisation_idx ON identity_provider_domain(organisation_id);

      ALTER TABLE app_user
        ADD COLUMN provider_issuer text,
        ADD COLUMN provider_subject text,
        ADD COLUMN provider_linked_at timestamptz,
        ADD CONSTRAINT app_user_provider_link_whole CHECK (
          (provider_issuer IS NULL) = (provider_subject IS NULL)
          AND (provider_subject IS NULL) = (provider_linked_at IS NULL)),
        ADD CONSTRAINT app_user_provider_subject_key UNIQUE (provider_issuer, provider_subject);
    `);
    const keys = encryptionKeysFrom(process.env);
    const plain: { id: string; totp_secret: string }[] = await db.query(
      'SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL FOR UPDATE',
    );
    const toSeal = plain.filter((row) => !isSealed(row.totp_secret));
    for (const row of toSeal)
      await db.query('UPDATE app_user SET totp_secret = $2 WHERE id = $1', [
        row.id,
        sealSecret(keys, row.totp_secret, sealedFor.totpSecret(row.id)),
      ]);
    await db.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_totp_secret_sealed CHECK (totp_secret IS NULL OR totp_secret LIKE 'v1:%')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE app_user DROP CONSTRAINT app_user_totp_secret_sealed');
    const keys = encryptionKeysFrom(process.env);
    const sealed: { id: string; totp_secret: string }[] = await db.query(
      'SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL FOR UPDATE',
    );
    for (const row of sealed.filter((r) => isSealed(r.totp_secret)))
      await db.query('UPDATE app_user SET totp_secret = $2 WHERE id = $1', [
        row.id,
        openSecret(keys, row.totp_secret, sealedFor.totpSecret(row.id)),
      ]);
    await db.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_provider_subject_key,
        DROP CONSTRAINT app_user_provider_link_whole,
        DROP COLUMN provider_linked_at,
        DROP COLUMN provider_subject,
        DROP COLUMN provider_issuer;
      DROP TABLE identity_provider_domain;
      DROP TABLE identity_provider;
    `);
  }
}
