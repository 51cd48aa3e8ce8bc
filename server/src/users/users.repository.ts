import type { EntityManager } from 'typeorm';
import type { OrganisationKind, OrganisationSummary, Seat, UserSummary } from '@uitstroom/shared';

export async function listOrganisations(
  db: EntityManager,
  regionId: string,
): Promise<OrganisationSummary[]> {
  return queryOrganisations(db, 'o.region_id = $1', [regionId]);
}

export async function findOrganisationSummary(
  db: EntityManager,
  regionId: string,
  organisationId: string,
): Promise<OrganisationSummary | null> {
  const [organisation] = await queryOrganisations(db, 'o.region_id = $1 AND o.id = $2', [
    regionId,
    organisationId,
  ]);
  return organisation ?? null;
}

/** Organisations with their user count and identity provider (never its client secret). */
async function queryOrganisations(
  db: EntityManager,
  condition: string,
  params: unknown[],
): Promise<OrganisationSummary[]> {
  const rows = await db.query(
    `SELECT o.id, o.kind, o.name, o.municipality_code,
            (SELECT count(*)::int FROM app_user u WHERE u.organisation_id = o.id AND u.kind = 'person') AS user_count,
            p.issuer, p.client_id, p.is_password_sign_in_allowed, p.version,
            (SELECT array_agg(d.domain ORDER BY d.domain) FROM identity_provider_domain d
              WHERE d.organisation_id = o.id) AS email_domains
       FROM organisation o LEFT JOIN identity_provider p ON p.organisation_id = o.id
      WHERE ${condition}
      ORDER BY o.kind, o.name`,
    params,
  );
  return rows.map(
    (r: {
      id: string;
      kind: OrganisationKind;
      name: string;
      municipality_code: string | null;
      user_count: number;
      issuer: string | null;
      client_id: string;
      is_password_sign_in_allowed: boolean;
      version: number;
      email_domains: string[] | null;
    }) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      municipalityCode: r.municipality_code?.trim() ?? null,
      userCount: r.user_count,
      identityProvider: r.issuer
        ? {
            issuer: r.issuer,
            clientId: r.client_id,
            emailDomains: r.email_domains ?? [],
            isPasswordSignInAllowed: r.is_password_sign_in_allowed,
            version: r.version,
          }
        : null,
    }),
  );
}

export async function findOrganisationInRegion(
  db: EntityManager,
  regionId: string,
  organisationId: string,
): Promise<{ id: string; kind: OrganisationKind; name: string } | null> {
  const rows = await db.query(
    'SELECT id, kind, name FROM organisation WHERE id = $1 AND region_id = $2',
    [organisationId, regionId],
  );
  return rows[0] ?? null;
}

export async function insertOrganisation(
  db: EntityManager,
  regionId: string,
  input: { kind: OrganisationKind; name: string; municipalityCode?: string },
): Promise<string> {
  const [{ id }] = await db.query(
    'INSERT INTO organisation (region_id, kind, name, municipality_code) VALUES ($1, $2, $3, $4) RETURNING id',
    [regionId, input.kind, input.name, input.municipalityCode ?? null],
  );
  return id;
}

const userSummaryQuery = `
  SELECT u.id, u.email, u.display_name, u.seat, u.is_active, u.password_hash IS NOT NULL AS has_password,
         u.totp_enabled_at IS NOT NULL AS has_two_factor, u.provider_subject IS NOT NULL AS is_linked_to_provider, u.created_at,
         o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
         (SELECT l.locked_until FROM account_lock l WHERE l.email = u.email AND l.lifted_at IS NULL AND l.locked_until > now()) AS locked_until
    FROM app_user u JOIN organisation o ON o.id = u.organisation_id AND u.kind = 'person'`;

interface UserSummaryRow {
  id: string;
  email: string;
  display_name: string;
  seat: Seat;
  is_active: boolean;
  has_password: boolean;
  has_two_factor: boolean;
  is_linked_to_provider: boolean;
  created_at: Date;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  locked_until: Date | null;
}

function toUserSummary(row: UserSummaryRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    seat: row.seat,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      kind: row.organisation_kind,
    },
    status: !row.is_active
      ? 'deactivated'
      : row.has_password || row.is_linked_to_provider
        ? 'active'
        : 'invited',
    hasTwoFactor: row.has_two_factor,
    isLinkedToProvider: row.is_linked_to_provider,
    createdAt: row.created_at.toISOString(),
    lockedUntil: row.locked_until?.toISOString() ?? null,
  };
}

export async function listUsers(
  db: EntityManager,
  regionId: string,
  organisationId?: string,
): Promise<UserSummary[]> {
  const rows: UserSummaryRow[] = await db.query(
    `${userSummaryQuery} WHERE o.region_id = $1 AND ($2::uuid IS NULL OR o.id = $2) ORDER BY o.name, u.display_name`,
    [regionId, organisationId ?? null],
  );
  return rows.map(toUserSummary);
}

export async function findUserInRegion(
  db: EntityManager,
  regionId: string,
  userId: string,
  lock = false,
): Promise<UserSummary | null> {
  const rows: UserSummaryRow[] = await db.query(
    `${userSummaryQuery} WHERE o.region_id = $1 AND u.id = $2 ${lock ? 'FOR UPDATE OF u' : ''}`,
    [regionId, userId],
  );
  return rows[0] ? toUserSummary(rows[0]) : null;
}

export async function insertUser(
  db: EntityManager,
  input: { organisationId: string; email: string; displayName: string; seat: Seat },
): Promise<string> {
  const [{ id }] = await db.query(
    'INSERT INTO app_user (organisation_id, email, display_name, seat) VALUES ($1, $2, $3, $4) RETURNING id',
    [input.organisationId, input.email, input.displayName, input.seat],
  );
  return id;
}

export async function setUserActive(
  db: EntityManager,
  userId: string,
  isActive: boolean,
): Promise<void> {
  await db.query('UPDATE app_user SET is_active = $2, version = version + 1 WHERE id = $1', [
    userId,
    isActive,
  ]);
}

export async function resetTwoFactor(db: EntityManager, userId: string): Promise<void> {
  await db.query(
    'UPDATE app_user SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, version = version + 1 WHERE id = $1',
    [userId],
  );
  await db.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
}

export async function regionName(db: EntityManager, regionId: string): Promise<string> {
  const [{ name }] = await db.query('SELECT name FROM region WHERE id = $1', [regionId]);
  return name;
}

/**
 * The demo outbox shows only mail to demo addresses (`….demo`): otherwise a regio-beheerder could
 * send a real user of the region a reset, read the link here and take the account over.
 */
export async function listOutbox(db: EntityManager, regionId: string) {
  const rows = await db.query(
    `SELECT id::text, to_address, subject, text_body, created_at FROM mail_outbox
      WHERE region_id = $1 AND lower(to_address) LIKE '%.demo' ORDER BY id DESC LIMIT 200`,
    [regionId],
  );
  return rows.map(
    (r: {
      id: string;
      to_address: string;
      subject: string;
      text_body: string;
      created_at: Date;
    }) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      text: r.text_body,
      createdAt: r.created_at.toISOString(),
    }),
  );
}

/** New organisations of an import, and the municipality code of existing ones, in one statement. */
export async function upsertOrganisations(
  db: EntityManager,
  regionId: string,
  rows: readonly { name: string; kind: OrganisationKind; municipalityCode: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO organisation (region_id, kind, name, municipality_code)
     SELECT $1, r.kind, r.name, r.municipality_code FROM jsonb_to_recordset($2::jsonb) AS r(kind text, name text, municipality_code text)
     ON CONFLICT (region_id, name) DO UPDATE SET municipality_code = EXCLUDED.municipality_code
       WHERE organisation.municipality_code IS DISTINCT FROM EXCLUDED.municipality_code`,
    [
      regionId,
      JSON.stringify(
        rows.map((r) => ({ kind: r.kind, name: r.name, municipality_code: r.municipalityCode })),
      ),
    ],
  );
}

export async function organisationIdsByName(
  db: EntityManager,
  regionId: string,
): Promise<Map<string, string>> {
  const rows: { id: string; name: string }[] = await db.query(
    'SELECT id, name FROM organisation WHERE region_id = $1',
    [regionId],
  );
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** New users of an import (without a password: they get an invitation) and changed names, in one statement. */
export async function upsertUsers(
  db: EntityManager,
  rows: readonly { organisationId: string; email: string; displayName: string; seat: Seat }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO app_user (organisation_id, email, display_name, seat)
     SELECT r.organisation_id, r.email, r.display_name, r.seat
       FROM jsonb_to_recordset($1::jsonb) AS r(organisation_id uuid, email text, display_name text, seat text)
     ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, version = app_user.version + 1
       WHERE app_user.display_name <> EXCLUDED.display_name AND app_user.organisation_id = EXCLUDED.organisation_id`,
    [
      JSON.stringify(
        rows.map((r) => ({
          organisation_id: r.organisationId,
          email: r.email,
          display_name: r.displayName,
          seat: r.seat,
        })),
      ),
    ],
  );
}

export async function userIdsByEmail(
  db: EntityManager,
  regionId: string,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const rows: { id: string; email: string }[] = await db.query(
    `SELECT u.id, u.email FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE o.region_id = $1 AND u.email = ANY($2::text[])`,
    [regionId, emails],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}
