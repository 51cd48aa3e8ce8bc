import type { EntityManager } from 'typeorm';
import type { Me, OrganisationKind, Seat } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';

interface UserRow {
  id: string; email: string; display_name: string; seat: Seat; password_hash: string | null; is_active: boolean;
  organisation_id: string; organisation_name: string; organisation_kind: OrganisationKind;
  region_id: string; region_slug: string; region_name: string;
}

const userWithOrganisation = `
  SELECT u.id, u.email, u.display_name, u.seat, u.password_hash, u.is_active,
         o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
         r.id AS region_id, r.slug AS region_slug, r.name AS region_name
    FROM app_user u
    JOIN organisation o ON o.id = u.organisation_id
    JOIN region r ON r.id = o.region_id`;

export async function findUserByEmail(db: EntityManager, email: string): Promise<UserRow | null> {
  const rows: UserRow[] = await db.query(`${userWithOrganisation} WHERE u.email = $1`, [email]);
  return rows[0] ?? null;
}

export async function findActiveUserById(db: EntityManager, id: string): Promise<UserRow | null> {
  const rows: UserRow[] = await db.query(`${userWithOrganisation} WHERE u.id = $1 AND u.is_active`, [id]);
  return rows[0] ?? null;
}

export function toActor(row: UserRow): Actor {
  return { userId: row.id, organisationId: row.organisation_id, regionId: row.region_id, seat: row.seat };
}

export function toMe(row: UserRow): Me {
  return {
    user: { id: row.id, email: row.email, displayName: row.display_name },
    seat: row.seat,
    organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind },
    region: { id: row.region_id, slug: row.region_slug, name: row.region_name },
  };
}

/**
 * Serialises sign-in attempts of one account from one address (a transaction-scoped advisory
 * lock), so that concurrent guesses cannot all slip under the limit together.
 */
export async function lockLoginAttempts(tx: EntityManager, email: string, clientAddress: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`login:${email}:${clientAddress}`]);
}

export async function countRecentFailures(tx: EntityManager, email: string, clientAddress: string, windowSeconds: number): Promise<number> {
  const [{ count }] = await tx.query(
    `SELECT count(*)::int AS count FROM login_attempt
      WHERE email = $1 AND client_address = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3)`,
    [email, clientAddress, windowSeconds],
  );
  return count;
}

export async function recordLoginAttempt(tx: EntityManager, email: string, clientAddress: string, succeeded: boolean): Promise<void> {
  await tx.query('INSERT INTO login_attempt (email, client_address, succeeded) VALUES ($1, $2, $3)', [email, clientAddress, succeeded]);
}
