import type { EntityManager } from 'typeorm';
import type { OrganisationKind, OrganisationSummary, Seat, UserSummary } from '@uitstroom/shared';

export async function listOrganisations(
  db: EntityManager,
  regionId: string,
): Promise<OrganisationSummary[]> {
  const rows = await db.query(
    `SELECT o.id, o.kind, o.name, o.municipality_code, count(u.id)::int AS user_count
       FROM organisation o LEFT JOIN app_user u ON u.organisation_id = o.id AND u.kind = 'person'
      WHERE o.region_id = $1
      GROUP BY o.id ORDER BY o.kind, o.name`,
    [regionId],
  );
  return rows.map(
    (r: {
      id: string;
      kind: OrganisationKind;
      name: string;
      municipality_code: string | null;
      user_count: number;
    }) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      municipalityCode: r.municipality_code?.trim() ?? null,
      userCount: r.user_count,
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
         u.totp_enabled_at IS NOT NULL AS has_two_factor, u.created_at,
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
    status: !row.is_active ? 'deactivated' : row.has_password ? 'active' : 'invited',
    hasTwoFactor: row.has_two_factor,
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
