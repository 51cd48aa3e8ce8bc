import type { EntityManager } from 'typeorm';
import { grantsBySeat, type Me, type OrganisationKind, type Seat } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { returnedRows } from '../core/db';
import { seatReadsNames } from '../cases';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  seat: Seat;
  password_hash: string | null;
  is_active: boolean;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  municipality_code: string | null;
  region_id: string;
  region_slug: string;
  region_name: string;
}

const userWithOrganisation = `
  SELECT u.id, u.email, u.display_name, u.seat, u.password_hash, u.is_active, u.totp_secret, u.totp_enabled_at, u.totp_last_step,
         o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, trim(o.municipality_code) AS municipality_code,
         r.id AS region_id, r.slug AS region_slug, r.name AS region_name
    FROM app_user u
    JOIN organisation o ON o.id = u.organisation_id
    JOIN region r ON r.id = o.region_id`;

export async function findUserByEmail(db: EntityManager, email: string): Promise<UserRow | null> {
  const rows: UserRow[] = await db.query(`${userWithOrganisation} WHERE u.email = $1`, [email]);
  return rows[0] ?? null;
}

export async function findActiveUserById(db: EntityManager, id: string): Promise<UserRow | null> {
  const rows: UserRow[] = await db.query(
    `${userWithOrganisation} WHERE u.id = $1 AND u.is_active`,
    [id],
  );
  return rows[0] ?? null;
}

export function toActor(row: UserRow): Actor {
  return {
    userId: row.id,
    organisationId: row.organisation_id,
    regionId: row.region_id,
    seat: row.seat,
    municipalityCode: row.municipality_code,
  };
}

export function toMe(row: UserRow): Me {
  return {
    user: { id: row.id, email: row.email, displayName: row.display_name },
    seat: row.seat,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      kind: row.organisation_kind,
    },
    region: { id: row.region_id, slug: row.region_slug, name: row.region_name },
    grants: [...grantsBySeat[row.seat]],
    readsNames: seatReadsNames(row.seat),
  };
}

/**
 * Serialises sign-in attempts of one account, from whatever address (a transaction-scoped advisory
 * lock on every node), so that concurrent guesses cannot all slip under a limit together.
 */
export async function lockLoginAttempts(tx: EntityManager, email: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`login:${email}`]);
}

export interface AccountFailures {
  /** Failed attempts of the account from any address since counting (re)started. */
  count: number;
  /** Seconds since the last of them (null without any). */
  secondsSinceLast: number | null;
  /** Seconds left of a lock still in force (null when not locked). */
  lockedForSeconds: number | null;
}

/**
 * The account's failures from every address within the window, counted from the end of its last
 * lock or the moment a regio-beheerder lifted it, whichever is later: after a lock a legitimate
 * user starts with a clean slate.
 */
export async function countAccountFailures(
  tx: EntityManager,
  email: string,
  windowSeconds: number,
): Promise<AccountFailures> {
  const [row] = await tx.query(
    `WITH lock AS (SELECT locked_until, lifted_at FROM account_lock WHERE email = $1),
          since AS (SELECT greatest(now() - make_interval(secs => $2),
                                    (SELECT CASE WHEN lifted_at IS NOT NULL THEN lifted_at ELSE locked_until END FROM lock)) AS at)
     SELECT count(*)::int AS count,
            extract(epoch FROM now() - max(a.at))::float8 AS "secondsSinceLast",
            (SELECT CASE WHEN lifted_at IS NULL AND locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()))::int END FROM lock) AS "lockedForSeconds"
       FROM login_attempt a
      WHERE a.email = $1 AND NOT a.succeeded AND a.at > (SELECT at FROM since)`,
    [email, windowSeconds],
  );
  return {
    count: row.count,
    secondsSinceLast: row.secondsSinceLast,
    lockedForSeconds: row.lockedForSeconds,
  };
}

/** Locks the account (by e-mail address) for a period; a lock already in force is not extended. */
export async function lockAccount(
  tx: EntityManager,
  email: string,
  lockSeconds: number,
): Promise<Date> {
  const [row] = await tx.query(
    `INSERT INTO account_lock (email, locked_at, locked_until) VALUES ($1, now(), now() + make_interval(secs => $2))
     ON CONFLICT (email) DO UPDATE SET locked_at = now(), locked_until = now() + make_interval(secs => $2), lifted_at = NULL, lifted_by = NULL
     RETURNING locked_until`,
    [email, lockSeconds],
  );
  return row.locked_until;
}

/** Lifts a lock in force at once; false when there was none. */
export async function liftAccountLock(
  tx: EntityManager,
  email: string,
  liftedBy: string,
): Promise<boolean> {
  const result = await tx.query(
    'UPDATE account_lock SET lifted_at = now(), lifted_by = $2 WHERE email = $1 AND lifted_at IS NULL AND locked_until > now() RETURNING email',
    [email, liftedBy],
  );
  return returnedRows(result).length > 0;
}

export async function countRecentFailures(
  tx: EntityManager,
  email: string,
  clientAddress: string,
  windowSeconds: number,
): Promise<number> {
  const [{ count }] = await tx.query(
    `SELECT count(*)::int AS count FROM login_attempt
      WHERE email = $1 AND client_address = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3)`,
    [email, clientAddress, windowSeconds],
  );
  return count;
}

export async function recordLoginAttempt(
  tx: EntityManager,
  email: string,
  clientAddress: string,
  succeeded: boolean,
): Promise<void> {
  await tx.query(
    'INSERT INTO login_attempt (email, client_address, succeeded) VALUES ($1, $2, $3)',
    [email, clientAddress, succeeded],
  );
}

export async function acceptTotpStep(
  tx: EntityManager,
  userId: string,
  step: number,
): Promise<boolean> {
  // Atomic: of two requests with the same code, only one moves the step forward.
  const result = await tx.query(
    `UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    [userId, step],
  );
  return returnedRows(result).length > 0;
}

export async function useRecoveryCode(
  tx: EntityManager,
  userId: string,
  codeHash: string,
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
    [userId, codeHash],
  );
  return returnedRows(result).length > 0;
}

/** `sealedSecret`: the TOTP secret sealed with the application key (a CHECK refuses a plain one). */
export async function enableTotp(
  tx: EntityManager,
  userId: string,
  sealedSecret: string,
  step: number,
  recoveryCodeHashes: string[],
): Promise<void> {
  await tx.query(
    `UPDATE app_user SET totp_secret = $2, totp_enabled_at = now(), totp_last_step = $3, version = version + 1 WHERE id = $1`,
    [userId, sealedSecret, step],
  );
  await tx.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
  await tx.query('INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])', [
    userId,
    recoveryCodeHashes,
  ]);
}

export async function countUnusedRecoveryCodes(db: EntityManager, userId: string): Promise<number> {
  const [{ count }] = await db.query(
    'SELECT count(*)::int AS count FROM recovery_code WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
  return count;
}

export async function setPassword(
  tx: EntityManager,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await tx.query(
    'UPDATE app_user SET password_hash = $2, password_changed_at = now(), version = version + 1 WHERE id = $1',
    [userId, passwordHash],
  );
}

/** Ends a user's sessions on every node at once (they all read sessions from this table). */
export async function endSessionsOfUser(
  tx: EntityManager,
  userId: string,
  exceptSessionId: string | null = null,
): Promise<void> {
  await tx.query(
    `DELETE FROM session WHERE sess->>'userId' = $1 AND ($2::text IS NULL OR sid <> $2)`,
    [userId, exceptSessionId],
  );
}
