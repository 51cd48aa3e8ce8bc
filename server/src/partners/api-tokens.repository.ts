import type { EntityManager } from 'typeorm';
import { tokenStatusOf, type ApiToken, type Permission, type Seat } from '@uitstroom/shared';
import { returnedRows } from '../core/db';
import type { Actor } from '../core/request-context';

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  organisation_id: string;
  organisation_name: string;
  seat: Seat;
  permissions: Permission[];
  expires_on: string;
  expires_at: Date;
  created_at: Date;
  created_by_name: string | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const tokenQuery = `
  SELECT t.id, t.name, t.prefix, t.organisation_id, o.name AS organisation_name, t.seat, t.permissions,
         to_char(t.expires_on, 'YYYY-MM-DD') AS expires_on, t.expires_at, t.created_at,
         cu.display_name AS created_by_name, t.revoked_at, t.last_used_at
    FROM api_token t
    JOIN organisation o ON o.id = t.organisation_id
    LEFT JOIN app_user cu ON cu.id = t.created_by`;

function toApiToken(row: TokenRow, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    seat: row.seat,
    permissions: row.permissions,
    expiresOn: row.expires_on,
    status: tokenStatusOf({ revokedAt: row.revoked_at, expiresAt: row.expires_at }, now),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** The tokens of the administrator's region (its row scope), newest first. */
export async function listTokens(db: EntityManager, actor: Actor, now: Date): Promise<ApiToken[]> {
  const rows: TokenRow[] = await db.query(
    `${tokenQuery} WHERE t.region_id = $1 ORDER BY t.created_at DESC, t.name`,
    [actor.regionId],
  );
  return rows.map((row) => toApiToken(row, now));
}

export async function findTokenInRegion(
  db: EntityManager,
  actor: Actor,
  tokenId: string,
  now: Date,
): Promise<ApiToken | null> {
  const rows: TokenRow[] = await db.query(`${tokenQuery} WHERE t.region_id = $1 AND t.id = $2`, [
    actor.regionId,
    tokenId,
  ]);
  return rows[0] ? toApiToken(rows[0], now) : null;
}

/**
 * The token's own account (kind `apiToken`, never active, no password: the database holds it to
 * that) and the token, under one id: whatever the token does is recorded in that id's name.
 */
export async function insertToken(
  db: EntityManager,
  input: {
    id: string;
    regionId: string;
    organisationId: string;
    seat: Seat;
    name: string;
    prefix: string;
    tokenHash: string;
    permissions: readonly Permission[];
    expiresOn: string;
    expiresAt: Date;
    createdBy: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO app_user (id, organisation_id, email, display_name, seat, is_active, kind)
     VALUES ($1, $2, $3, $4, $5, false, 'apiToken')`,
    [
      input.id,
      input.organisationId,
      `token-${input.id}@api-token.invalid`,
      `API-token ${input.name}`,
      input.seat,
    ],
  );
  await db.query(
    `INSERT INTO api_token (id, region_id, organisation_id, seat, name, prefix, token_hash, permissions, expires_on, expires_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      input.id,
      input.regionId,
      input.organisationId,
      input.seat,
      input.name,
      input.prefix,
      input.tokenHash,
      input.permissions,
      input.expiresOn,
      input.expiresAt,
      input.createdBy,
    ],
  );
}

/** Ends a token of the region at once; false when it was already revoked. */
export async function revokeToken(
  db: EntityManager,
  actor: Actor,
  tokenId: string,
): Promise<boolean> {
  const rows = returnedRows(
    await db.query(
      `UPDATE api_token SET revoked_at = now(), revoked_by = $3
        WHERE id = $1 AND region_id = $2 AND revoked_at IS NULL RETURNING id`,
      [tokenId, actor.regionId, actor.userId],
    ),
  );
  return rows.length > 0;
}

export interface TokenCredentialRow {
  id: string;
  seat: Seat;
  permissions: Permission[];
  organisation_id: string;
  region_id: string;
  municipality_code: string | null;
  is_revoked: boolean;
  is_expired: boolean;
}

/** The token a hash belongs to, with what it acts as; the database's clock says whether it expired. */
export async function findTokenByHash(
  db: EntityManager,
  tokenHash: string,
): Promise<TokenCredentialRow | null> {
  const rows: TokenCredentialRow[] = await db.query(
    `SELECT t.id, t.seat, t.permissions, t.organisation_id, o.region_id, trim(o.municipality_code) AS municipality_code,
            t.revoked_at IS NOT NULL AS is_revoked, t.expires_at <= now() AS is_expired
       FROM api_token t JOIN organisation o ON o.id = t.organisation_id
      WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** The seat a token acts as: its organisation's, in its region, under the token's own id. */
export function toTokenActor(row: {
  id: string;
  seat: Seat;
  organisation_id: string;
  region_id: string;
  municipality_code: string | null;
}): Actor {
  return {
    userId: row.id,
    organisationId: row.organisation_id,
    regionId: row.region_id,
    seat: row.seat,
    municipalityCode: row.municipality_code,
  };
}

/**
 * Counts one request of a token in the database's current minute (so the count holds across
 * nodes) and notes its use; the number of requests in this minute so far, and when it ends.
 */
export async function countTokenRequest(
  db: EntityManager,
  tokenId: string,
): Promise<{ hits: number; resetAt: Date }> {
  const [row] = returnedRows<{ hits: number; reset_at: Date }>(
    await db.query(
      `UPDATE api_token
          SET rate_hits = CASE WHEN rate_window_start = date_trunc('minute', now()) THEN rate_hits + 1 ELSE 1 END,
              rate_window_start = date_trunc('minute', now()),
              last_used_at = now()
        WHERE id = $1
      RETURNING rate_hits AS hits, rate_window_start + interval '1 minute' AS reset_at`,
      [tokenId],
    ),
  );
  return { hits: row?.hits ?? 0, resetAt: row?.reset_at ?? new Date() };
}

/** A request that did not count after all (express-rate-limit's `skipFailedRequests` and the like). */
export async function uncountTokenRequest(db: EntityManager, tokenId: string): Promise<void> {
  await db.query(
    `UPDATE api_token SET rate_hits = greatest(rate_hits - 1, 0)
      WHERE id = $1 AND rate_window_start = date_trunc('minute', now())`,
    [tokenId],
  );
}
