import type { EntityManager } from 'typeorm';
import { returnedRows } from '../core/db';

/** An organisation's identity provider, its client secret still sealed. */
export interface IdentityProviderRow {
  organisation_id: string;
  organisation_name: string;
  region_id: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  is_password_sign_in_allowed: boolean;
  version: number;
  email_domains: string[];
}

const providerQuery = `
  SELECT p.organisation_id, o.name AS organisation_name, o.region_id, p.issuer, p.client_id,
         p.client_secret_sealed, p.is_password_sign_in_allowed, p.version,
         coalesce((SELECT array_agg(d.domain ORDER BY d.domain) FROM identity_provider_domain d
                    WHERE d.organisation_id = p.organisation_id), '{}') AS email_domains
    FROM identity_provider p JOIN organisation o ON o.id = p.organisation_id`;

/** The provider that vouches for an e-mail domain (one at most, by the domain's primary key). */
export async function findProviderByDomain(
  db: EntityManager,
  domain: string,
): Promise<IdentityProviderRow | null> {
  const rows: IdentityProviderRow[] = await db.query(
    `${providerQuery} WHERE p.organisation_id = (SELECT organisation_id FROM identity_provider_domain WHERE domain = $1)`,
    [domain],
  );
  return rows[0] ?? null;
}

export async function findProviderOfOrganisation(
  db: EntityManager,
  organisationId: string,
  lock = false,
): Promise<IdentityProviderRow | null> {
  const rows: IdentityProviderRow[] = await db.query(
    `${providerQuery} WHERE p.organisation_id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
    [organisationId],
  );
  return rows[0] ?? null;
}

export async function insertProvider(
  tx: EntityManager,
  input: {
    organisationId: string;
    issuer: string;
    clientId: string;
    clientSecretSealed: string;
    isPasswordSignInAllowed: boolean;
    updatedBy: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO identity_provider (organisation_id, issuer, client_id, client_secret_sealed, is_password_sign_in_allowed, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      input.organisationId,
      input.issuer,
      input.clientId,
      input.clientSecretSealed,
      input.isPasswordSignInAllowed,
      input.updatedBy,
    ],
  );
}

/** One atomic step on the version read: false when someone else saved in between. */
export async function updateProvider(
  tx: EntityManager,
  input: {
    organisationId: string;
    version: number;
    issuer: string;
    clientId: string;
    clientSecretSealed: string;
    isPasswordSignInAllowed: boolean;
    updatedBy: string;
  },
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE identity_provider SET issuer = $3, client_id = $4, client_secret_sealed = $5,
            is_password_sign_in_allowed = $6, updated_by = $7, updated_at = now(), version = version + 1
      WHERE organisation_id = $1 AND version = $2 RETURNING organisation_id`,
    [
      input.organisationId,
      input.version,
      input.issuer,
      input.clientId,
      input.clientSecretSealed,
      input.isPasswordSignInAllowed,
      input.updatedBy,
    ],
  );
  return returnedRows(result).length > 0;
}

export async function replaceDomains(
  tx: EntityManager,
  organisationId: string,
  domains: readonly string[],
): Promise<void> {
  await tx.query('DELETE FROM identity_provider_domain WHERE organisation_id = $1', [
    organisationId,
  ]);
  await tx.query(
    'INSERT INTO identity_provider_domain (domain, organisation_id) SELECT unnest($2::text[]), $1',
    [organisationId, domains],
  );
}

export async function deleteProvider(tx: EntityManager, organisationId: string): Promise<boolean> {
  const result = await tx.query(
    'DELETE FROM identity_provider WHERE organisation_id = $1 RETURNING organisation_id',
    [organisationId],
  );
  return returnedRows(result).length > 0;
}

/** Whether the organisation has a provider that no longer lets its staff in with a password. */
export async function isPasswordRefusedFor(
  db: EntityManager,
  organisationId: string,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM identity_provider WHERE organisation_id = $1 AND NOT is_password_sign_in_allowed',
    [organisationId],
  );
  return rows.length > 0;
}

export interface ProviderUserRow {
  id: string;
  organisation_id: string;
  is_active: boolean;
  provider_issuer: string | null;
  provider_subject: string | null;
  has_open_invitation: boolean;
}

const providerUserQuery = `
  SELECT u.id, u.organisation_id, u.is_active, u.provider_issuer, u.provider_subject,
         EXISTS (SELECT 1 FROM user_token t WHERE t.user_id = u.id AND t.kind = 'invitation'
                    AND t.used_at IS NULL AND t.expires_at > now()) AS has_open_invitation
    FROM app_user u`;

/** The user a provider's `sub` was linked to (whatever the user's state now). */
export async function findUserBySubject(
  tx: EntityManager,
  issuer: string,
  subject: string,
): Promise<ProviderUserRow | null> {
  const rows: ProviderUserRow[] = await tx.query(
    `${providerUserQuery} WHERE u.provider_issuer = $1 AND u.provider_subject = $2 FOR UPDATE OF u`,
    [issuer, subject],
  );
  return rows[0] ?? null;
}

export async function findUserForLinking(
  tx: EntityManager,
  email: string,
): Promise<ProviderUserRow | null> {
  const rows: ProviderUserRow[] = await tx.query(
    `${providerUserQuery} WHERE u.email = $1 FOR UPDATE OF u`,
    [email],
  );
  return rows[0] ?? null;
}

/** Links the `sub` and uses up the invitation that allowed it: a second link needs a new invitation. */
export async function linkUserToSubject(
  tx: EntityManager,
  userId: string,
  issuer: string,
  subject: string,
): Promise<void> {
  await tx.query(
    `UPDATE app_user SET provider_issuer = $2, provider_subject = $3, provider_linked_at = now(), version = version + 1 WHERE id = $1`,
    [userId, issuer, subject],
  );
  await tx.query(
    `UPDATE user_token SET used_at = now() WHERE user_id = $1 AND kind = 'invitation' AND used_at IS NULL`,
    [userId],
  );
}
