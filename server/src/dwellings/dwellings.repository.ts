import type { EntityManager } from 'typeorm';
import {
  addressKey,
  type Dwelling,
  type DwellingInput,
  type DwellingListQuery,
  type DwellingOccupancy,
  type DwellingStatus,
} from '@uitstroom/shared';
import { returnedRows, placeholderFor } from '../core/db';
import type { Actor } from '../core/request-context';
import { dwellingScope } from './dwellings.policy';

/** Every query of the dwellings. The service owns the transaction. */

export interface DwellingRow {
  id: string;
  region_id: string;
  organisation_id: string;
  organisation_name: string;
  municipality_code: string;
  street: string;
  house_number: string;
  postcode: string;
  neighbourhood: string;
  kind: Dwelling['kind'];
  rooms: number;
  rent: string;
  floor: number;
  has_lift: boolean;
  is_wheelchair_accessible: boolean;
  accessibility_notes: string | null;
  available_from: string;
  tenancy_form: Dwelling['tenancyForm'];
  conversion_date: string | null;
  conversion_conditions: string | null;
  status: DwellingStatus;
  occupancy: DwellingOccupancy;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

// Dates as 'YYYY-MM-DD' text: pg would otherwise make a `date` a JavaScript Date at local midnight.
const columns = `
  w.id, w.region_id, w.organisation_id, o.name AS organisation_name, trim(w.municipality_code) AS municipality_code, w.street, w.house_number,
  w.postcode, w.neighbourhood, w.kind, w.rooms, w.rent::text AS rent, w.floor, w.has_lift, w.is_wheelchair_accessible, w.accessibility_notes,
  w.available_from::text AS available_from, w.tenancy_form, w.conversion_date::text AS conversion_date, w.conversion_conditions, w.status,
  w.withdrawn_at, w.withdrawal_reason, w.version, w.created_at, w.updated_at,
  CASE WHEN EXISTS (SELECT 1 FROM offer f WHERE f.dwelling_id = w.id AND f.status = 'completed') THEN 'let'
       WHEN EXISTS (SELECT 1 FROM offer f WHERE f.dwelling_id = w.id AND f.status IN ('open', 'accepted')) THEN 'offered'
       ELSE 'free' END AS occupancy`;
const joins = 'FROM dwelling w JOIN organisation o ON o.id = w.organisation_id';

export function toDwelling(row: DwellingRow): Dwelling {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    occupancy: row.occupancy,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    street: row.street,
    houseNumber: row.house_number,
    postcode: row.postcode,
    municipalityCode: row.municipality_code,
    neighbourhood: row.neighbourhood,
    kind: row.kind,
    rooms: row.rooms,
    rent: Number(row.rent),
    floor: row.floor,
    hasLift: row.has_lift,
    isWheelchairAccessible: row.is_wheelchair_accessible,
    ...(row.accessibility_notes !== null ? { accessibilityNotes: row.accessibility_notes } : {}),
    availableFrom: row.available_from,
    tenancyForm: row.tenancy_form,
    ...(row.conversion_date !== null ? { conversionDate: row.conversion_date } : {}),
    ...(row.conversion_conditions !== null
      ? { conversionConditions: row.conversion_conditions }
      : {}),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawalReason: row.withdrawal_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A dwelling the actor reaches, or null (outside the scope it does not exist for them). */
export async function findDwellingInScope(
  db: EntityManager,
  actor: Actor,
  dwellingId: string,
  options: { lock?: boolean } = {},
): Promise<DwellingRow | null> {
  const params: unknown[] = [dwellingId];
  const scope = dwellingScope(actor, params);
  const rows: DwellingRow[] = await db.query(
    `SELECT ${columns} ${joins} WHERE w.id = $1 AND (${scope}) ${options.lock ? 'FOR UPDATE OF w' : ''}`,
    params,
  );
  return rows[0] ?? null;
}

/** The actor's dwellings, filtered; the ones that come free soonest first. */
export async function listDwellingsInScope(
  db: EntityManager,
  actor: Actor,
  query: Partial<DwellingListQuery> & { municipalities?: readonly string[]; isUnclaimed?: boolean },
): Promise<DwellingRow[]> {
  const params: unknown[] = [];
  const param = placeholderFor(params);
  const conditions = [`(${dwellingScope(actor, params)})`];
  if (query.status && query.status !== 'all') conditions.push(`w.status = ${param(query.status)}`);
  if (query.municipality) conditions.push(`w.municipality_code = ${param(query.municipality)}`);
  if (query.municipalities)
    conditions.push(`w.municipality_code = ANY(${param(query.municipalities)}::char(6)[])`);
  // Not held by an offer (open or accepted) nor let to a case that moved in (the offers of issue 12).
  if (query.isUnclaimed)
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM offer f WHERE f.dwelling_id = w.id AND f.status IN ('open', 'accepted', 'completed'))`,
    );
  if (query.q) {
    const like = param(`%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    conditions.push(
      `(w.street ILIKE ${like} OR w.postcode ILIKE ${like} OR w.neighbourhood ILIKE ${like} OR w.house_number ILIKE ${like})`,
    );
  }
  return db.query(
    `SELECT ${columns} ${joins} WHERE ${conditions.join(' AND ')}
      ORDER BY w.status, w.available_from, w.street, w.house_number, w.id`,
    params,
  );
}

function writeValues(input: DwellingInput) {
  return [
    input.municipalityCode,
    input.street,
    input.houseNumber,
    input.postcode,
    addressKey(input),
    input.neighbourhood,
    input.kind,
    input.rooms,
    input.rent,
    input.floor,
    input.hasLift,
    input.isWheelchairAccessible,
    input.accessibilityNotes ?? null,
    input.availableFrom,
    input.tenancyForm,
    input.conversionDate ?? null,
    input.conversionConditions ?? null,
  ];
}

export async function insertDwelling(
  db: EntityManager,
  actor: Actor,
  input: DwellingInput,
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO dwelling (region_id, organisation_id, created_by, updated_by, municipality_code, street, house_number, postcode, address_key, neighbourhood,
       kind, rooms, rent, floor, has_lift, is_wheelchair_accessible, accessibility_notes, available_from, tenancy_form, conversion_date, conversion_conditions)
     VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
    [actor.regionId, actor.organisationId, actor.userId, ...writeValues(input)],
  );
  return id;
}

/**
 * Many dwellings in one statement (a CSV import): all rows land, or the statement fails whole.
 * One statement, not a loop, so that a thousand rows cost one round trip.
 */
export async function insertDwellings(
  db: EntityManager,
  actor: Actor,
  inputs: readonly DwellingInput[],
): Promise<number> {
  const rows = inputs.map((input) => {
    const [
      municipality_code,
      street,
      house_number,
      postcode,
      address_key,
      neighbourhood,
      kind,
      rooms,
      rent,
      floor,
      has_lift,
      is_wheelchair_accessible,
      accessibility_notes,
      available_from,
      tenancy_form,
      conversion_date,
      conversion_conditions,
    ] = writeValues(input);
    return {
      municipality_code,
      street,
      house_number,
      postcode,
      address_key,
      neighbourhood,
      kind,
      rooms,
      rent,
      floor,
      has_lift,
      is_wheelchair_accessible,
      accessibility_notes,
      available_from,
      tenancy_form,
      conversion_date,
      conversion_conditions,
    };
  });
  const inserted = await db.query(
    `INSERT INTO dwelling (region_id, organisation_id, created_by, updated_by, municipality_code, street, house_number, postcode, address_key, neighbourhood,
       kind, rooms, rent, floor, has_lift, is_wheelchair_accessible, accessibility_notes, available_from, tenancy_form, conversion_date, conversion_conditions)
     SELECT $1, $2, $3, $3, r.municipality_code, r.street, r.house_number, r.postcode, r.address_key, r.neighbourhood, r.kind, r.rooms, r.rent, r.floor,
            r.has_lift, r.is_wheelchair_accessible, r.accessibility_notes, r.available_from, r.tenancy_form, r.conversion_date, r.conversion_conditions
       FROM jsonb_to_recordset($4::jsonb) AS r(
         municipality_code text, street text, house_number text, postcode text, address_key text, neighbourhood text, kind text, rooms smallint,
         rent numeric, floor smallint, has_lift boolean, is_wheelchair_accessible boolean, accessibility_notes text, available_from date,
         tenancy_form text, conversion_date date, conversion_conditions text)
     RETURNING id`,
    [actor.regionId, actor.organisationId, actor.userId, JSON.stringify(rows)],
  );
  return (inserted as unknown[]).length;
}

const writeColumns = [
  'municipality_code',
  'street',
  'house_number',
  'postcode',
  'address_key',
  'neighbourhood',
  'kind',
  'rooms',
  'rent',
  'floor',
  'has_lift',
  'is_wheelchair_accessible',
  'accessibility_notes',
  'available_from',
  'tenancy_form',
  'conversion_date',
  'conversion_conditions',
] as const;
const writeColumnTypes = `municipality_code text, street text, house_number text, postcode text, address_key text, neighbourhood text, kind text, rooms smallint,
  rent numeric, floor smallint, has_lift boolean, is_wheelchair_accessible boolean, accessibility_notes text, available_from date,
  tenancy_form text, conversion_date date, conversion_conditions text`;

/** A dwelling as an import writes it: its corporation, its key at the corporation and the digest of the row. */
export interface ImportedDwellingWrite {
  /** Set for a dwelling the import wrote before: it is updated. */
  id: string | null;
  organisationId: string;
  externalRef: string;
  digest: string;
  input: DwellingInput;
}

/**
 * Dwellings from an import, in two statements (new ones, changed ones) whatever their number.
 * A changed dwelling keeps its status and offers: the import owns its description, not its story.
 */
export async function writeImportedDwellings(
  db: EntityManager,
  actor: Actor,
  rows: readonly ImportedDwellingWrite[],
): Promise<void> {
  const records = (items: readonly ImportedDwellingWrite[]) =>
    JSON.stringify(
      items.map((r) => ({
        id: r.id,
        organisation_id: r.organisationId,
        external_ref: r.externalRef,
        import_digest: r.digest,
        ...Object.fromEntries(writeColumns.map((c, i) => [c, writeValues(r.input)[i]])),
      })),
    );
  const created = rows.filter((r) => r.id === null);
  const changed = rows.filter((r) => r.id !== null);
  if (created.length)
    await db.query(
      `INSERT INTO dwelling (region_id, created_by, updated_by, organisation_id, external_ref, import_digest, ${writeColumns.join(', ')})
       SELECT $1, $2, $2, r.organisation_id, r.external_ref, r.import_digest, ${writeColumns.map((c) => `r.${c}`).join(', ')}
         FROM jsonb_to_recordset($3::jsonb) AS r(organisation_id uuid, external_ref text, import_digest text, ${writeColumnTypes})`,
      [actor.regionId, actor.userId, records(created)],
    );
  if (changed.length)
    await db.query(
      `UPDATE dwelling d SET import_digest = r.import_digest, ${writeColumns.map((c) => `${c} = r.${c}`).join(', ')},
         updated_by = $1, updated_at = now(), version = d.version + 1
        FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, import_digest text, ${writeColumnTypes})
       WHERE d.id = r.id`,
      [actor.userId, records(changed)],
    );
}

/** The one way a dwelling's content changes: only on the version the writer read (false: stale, the caller answers 409). */
export async function updateDwellingIfVersion(
  db: EntityManager,
  actor: Actor,
  dwellingId: string,
  expectedVersion: number,
  input: DwellingInput,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE dwelling SET municipality_code = $4, street = $5, house_number = $6, postcode = $7, address_key = $8, neighbourhood = $9, kind = $10, rooms = $11,
       rent = $12, floor = $13, has_lift = $14, is_wheelchair_accessible = $15, accessibility_notes = $16, available_from = $17, tenancy_form = $18,
       conversion_date = $19, conversion_conditions = $20, updated_by = $3, updated_at = now(), version = version + 1
     WHERE id = $1 AND version = $2 AND status = 'available' RETURNING id`,
    [dwellingId, expectedVersion, actor.userId, ...writeValues(input)],
  );
  return returnedRows(result).length === 1;
}

export async function withdrawDwellingIfVersion(
  db: EntityManager,
  actor: Actor,
  dwellingId: string,
  expectedVersion: number,
  reason: string,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE dwelling SET status = 'withdrawn', withdrawn_at = now(), withdrawn_by = $3, withdrawal_reason = $4, updated_by = $3, updated_at = now(),
       version = version + 1
     WHERE id = $1 AND version = $2 AND status = 'available' RETURNING id`,
    [dwellingId, expectedVersion, actor.userId, reason],
  );
  return returnedRows(result).length === 1;
}

/** Of the given address keys, those the corporation already has as a dwelling that is not withdrawn. */
export async function findTakenAddressKeys(
  db: EntityManager,
  organisationId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const rows: { address_key: string }[] = await db.query(
    `SELECT address_key FROM dwelling WHERE organisation_id = $1 AND status <> 'withdrawn' AND address_key = ANY($2::text[])`,
    [organisationId, keys],
  );
  return new Set(rows.map((r) => r.address_key));
}

/** Whether an offer holds the dwelling now (open or accepted): then it cannot be withdrawn before the offer is. */
export async function isHeldByOffer(db: EntityManager, dwellingId: string): Promise<boolean> {
  return (
    (
      await db.query(
        `SELECT 1 FROM offer WHERE dwelling_id = $1 AND status IN ('open', 'accepted')`,
        [dwellingId],
      )
    ).length > 0
  );
}

/**
 * Serialises imports and registrations of one corporation: the address check and the insert
 * then see the same dwellings (the partial unique index is the last line of defence).
 */
export async function lockOrganisationForDwellings(
  db: EntityManager,
  organisationId: string,
): Promise<void> {
  await db.query('SELECT 1 FROM organisation WHERE id = $1 FOR NO KEY UPDATE', [organisationId]);
}
