import type { EntityManager } from 'typeorm';
import type { ContingentProgress } from '@uitstroom/shared';
import { returnedRows } from '../core/db';
import type { Actor } from '../core/request-context';
import { contingentScope } from './dwellings.policy';

/** Every query of the contingents. The service owns the transaction. */

export interface ContingentRow {
  id: string;
  region_id: string;
  organisation_id: string;
  organisation_name: string;
  municipality_code: string;
  year: number;
  promised: number | null;
  version: number;
  updated_at: Date;
}

const columns = `k.id, k.region_id, k.organisation_id, o.name AS organisation_name, trim(k.municipality_code) AS municipality_code, k.year, k.promised,
  k.version, k.updated_at`;
const joins = 'FROM contingent k JOIN organisation o ON o.id = k.organisation_id';

export async function listContingentsInScope(
  db: EntityManager,
  actor: Actor,
  year: number,
): Promise<ContingentRow[]> {
  const params: unknown[] = [year];
  const scope = contingentScope(actor, params);
  return db.query(
    `SELECT ${columns} ${joins} JOIN municipality m ON m.code = k.municipality_code
      WHERE k.year = $1 AND (${scope}) ORDER BY o.name, m.name, k.id`,
    params,
  );
}

export async function findContingentInScope(
  db: EntityManager,
  actor: Actor,
  contingentId: string,
  lock = false,
): Promise<ContingentRow | null> {
  const params: unknown[] = [contingentId];
  const scope = contingentScope(actor, params);
  const rows: ContingentRow[] = await db.query(
    `SELECT ${columns} ${joins} WHERE k.id = $1 AND (${scope}) ${lock ? 'FOR UPDATE OF k' : ''}`,
    params,
  );
  return rows[0] ?? null;
}

export async function insertContingent(
  db: EntityManager,
  actor: Actor,
  contingent: {
    organisationId: string;
    municipalityCode: string;
    year: number;
    promised: number | null;
  },
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO contingent (region_id, organisation_id, municipality_code, year, promised, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [
      actor.regionId,
      contingent.organisationId,
      contingent.municipalityCode,
      contingent.year,
      contingent.promised,
      actor.userId,
    ],
  );
  return id;
}

export async function updatePromisedIfVersion(
  db: EntityManager,
  actor: Actor,
  contingentId: string,
  expectedVersion: number,
  promised: number | null,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE contingent SET promised = $3, updated_by = $4, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
    [contingentId, expectedVersion, promised, actor.userId],
  );
  return returnedRows(result).length === 1;
}

/** Whether an organisation is a corporation of the region (a regionAdmin names one for a contingent). */
export async function isCorporationOfRegion(
  db: EntityManager,
  organisationId: string,
  regionId: string,
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM organisation WHERE id = $1 AND region_id = $2 AND kind = 'corporation'`,
    [organisationId, regionId],
  );
  return rows.length > 0;
}

export interface ContingentKey {
  organisationId: string;
  municipalityCode: string;
  year: number;
}

export const contingentKeyOf = (key: ContingentKey) =>
  `${key.organisationId}|${key.municipalityCode}|${key.year}`;

/**
 * Progress against a contingent, from the offers (issue 12): the dwellings of the corporation in
 * that municipality offered to a case in that year, the placements the municipality confirmed that
 * year, and the moves (key handovers) that year. One query over the offers, in the offers module.
 */
export async function countContingentProgress(
  db: EntityManager,
  keys: readonly ContingentKey[],
): Promise<Map<string, ContingentProgress>> {
  const counted = new Map(
    keys.map((key) => [contingentKeyOf(key), { offered: 0, accepted: 0, movedIn: 0 }]),
  );
  for (const { offered, accepted, movedIn, ...key } of await countProgress(db, keys))
    counted.set(contingentKeyOf(key), { offered, accepted, movedIn });
  return counted;
}

interface ContingentProgressKey {
  organisationId: string;
  municipalityCode: string;
  year: number;
}

/**
 * Read here, not asked of the placements module, because placements already depend on dwellings:
 * the counts are a contingent's question put to the offers' tables.
 *
 * Progress against contingents: per corporation × municipality × year (Dutch calendar), the
 * dwellings offered that year, the placements confirmed that year, and the moves (keys) that year.
 */
async function countProgress(
  db: EntityManager,
  keys: readonly ContingentProgressKey[],
): Promise<(ContingentProgressKey & ContingentProgress)[]> {
  if (!keys.length) return [];
  const rows: {
    organisation_id: string;
    municipality_code: string;
    year: number;
    offered: number;
    accepted: number;
    moved_in: number;
  }[] = await db.query(
    `WITH k AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS k(organisation_id uuid, municipality_code text, year int))
     SELECT k.organisation_id, k.municipality_code, k.year,
       (SELECT count(DISTINCT f.dwelling_id)::int FROM offer f JOIN dwelling w ON w.id = f.dwelling_id
         WHERE f.organisation_id = k.organisation_id AND trim(w.municipality_code) = k.municipality_code
           AND extract(year FROM f.offered_at AT TIME ZONE 'Europe/Amsterdam')::int = k.year) AS offered,
       (SELECT count(*)::int FROM offer f JOIN dwelling w ON w.id = f.dwelling_id
         WHERE f.organisation_id = k.organisation_id AND trim(w.municipality_code) = k.municipality_code AND f.support_arranged IS NOT NULL
           AND extract(year FROM f.decided_at AT TIME ZONE 'Europe/Amsterdam')::int = k.year) AS accepted,
       (SELECT count(*)::int FROM move_in m JOIN offer f ON f.id = m.offer_id JOIN dwelling w ON w.id = f.dwelling_id
         WHERE f.organisation_id = k.organisation_id AND trim(w.municipality_code) = k.municipality_code
           AND extract(year FROM m.key_handover_date)::int = k.year) AS moved_in
       FROM k`,
    [
      JSON.stringify(
        keys.map((k) => ({
          organisation_id: k.organisationId,
          municipality_code: k.municipalityCode,
          year: k.year,
        })),
      ),
    ],
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    municipalityCode: r.municipality_code,
    year: r.year,
    offered: r.offered,
    accepted: r.accepted,
    movedIn: r.moved_in,
  }));
}

/**
 * Contingents from an import, in one statement: a new corporation × municipality × year is
 * added, an existing one gets the promised number of the file (its version goes up).
 */
export async function upsertImportedContingents(
  db: EntityManager,
  actor: Actor,
  rows: readonly {
    organisationId: string;
    municipalityCode: string;
    year: number;
    promised: number | null;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO contingent (region_id, organisation_id, municipality_code, year, promised, created_by, updated_by)
     SELECT $1, r.organisation_id, r.municipality_code, r.year, r.promised, $2, $2
       FROM jsonb_to_recordset($3::jsonb) AS r(organisation_id uuid, municipality_code text, year smallint, promised integer)
     ON CONFLICT ON CONSTRAINT contingent_one_per_year DO UPDATE
       SET promised = EXCLUDED.promised, updated_by = EXCLUDED.updated_by, updated_at = now(), version = contingent.version + 1`,
    [
      actor.regionId,
      actor.userId,
      JSON.stringify(
        rows.map((r) => ({
          organisation_id: r.organisationId,
          municipality_code: r.municipalityCode,
          year: r.year,
          promised: r.promised,
        })),
      ),
    ],
  );
}
