import type { EntityManager } from 'typeorm';
import type {
  MoveIn,
  OfferStatus,
  ProviderContact,
  SupportIntensity,
  TenancyForm,
} from '@uitstroom/shared';
import { returnedRows } from '../core/db';
import type { Actor } from '../core/request-context';
import { dwellingScope } from '../dwellings';
import { corporationHousingReach } from '../cases';

/** Every query of offers, placements and moves. The service owns the transaction. */

export interface OfferRow {
  id: string;
  region_id: string;
  case_id: string;
  dwelling_id: string;
  organisation_id: string;
  organisation_name: string;
  status: OfferStatus;
  offered_at: Date;
  answer_due_on: string;
  waited_days: number | null;
  answered_at: Date | null;
  decline_reason: string | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  decided_at: Date | null;
  support_arranged: string | null;
  support_intensity: SupportIntensity | null;
  refusal_reason: string | null;
  completed_at: Date | null;
  version: number;
  // The dwelling, as it is now.
  municipality_code: string;
  street: string;
  house_number: string;
  postcode: string;
  neighbourhood: string;
  kind: 'studio' | 'apartment' | 'groundFloorHome' | 'house' | 'room';
  rooms: number;
  rent: string;
  floor: number;
  has_lift: boolean;
  is_wheelchair_accessible: boolean;
  available_from: string;
  tenancy_form: TenancyForm;
  conversion_date: string | null;
  conversion_conditions: string | null;
}

// Dates as text: pg would otherwise make a `date` a JavaScript Date at local midnight.
const offerColumns = `
  f.id, f.region_id, f.case_id, f.dwelling_id, f.organisation_id, o.name AS organisation_name, f.status, f.offered_at,
  f.answer_due_on::text AS answer_due_on, f.waited_days, f.answered_at, f.decline_reason, f.withdrawn_at, f.withdrawal_reason, f.decided_at,
  f.support_arranged, f.support_intensity, f.refusal_reason, f.completed_at, f.version,
  trim(w.municipality_code) AS municipality_code, w.street, w.house_number, w.postcode, w.neighbourhood, w.kind, w.rooms, w.rent::text AS rent,
  w.floor, w.has_lift, w.is_wheelchair_accessible, w.available_from::text AS available_from, w.tenancy_form, w.conversion_date::text AS conversion_date,
  w.conversion_conditions`;
const offerJoins =
  'FROM offer f JOIN organisation o ON o.id = f.organisation_id JOIN dwelling w ON w.id = f.dwelling_id';

/** Every offer a case ever had, newest first. */
export async function findOffersOfCase(db: EntityManager, caseId: string): Promise<OfferRow[]> {
  return db.query(
    `SELECT ${offerColumns} ${offerJoins} WHERE f.case_id = $1 ORDER BY f.offered_at DESC, f.id`,
    [caseId],
  );
}

/**
 * The offer that holds the case now (open or accepted), locked when asked: the answer, the
 * withdrawal and the municipality's decision on one offer then happen one after the other.
 */
export async function findLiveOffer(
  db: EntityManager,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<OfferRow | null> {
  const rows: OfferRow[] = await db.query(
    `SELECT ${offerColumns} ${offerJoins} WHERE f.case_id = $1 AND f.status IN ('open', 'accepted') ${options.lock ? 'FOR UPDATE OF f' : ''}`,
    [caseId],
  );
  return rows[0] ?? null;
}

/** Who holds a dwelling now (an open or accepted offer, or the tenant who moved in), or null. */
export async function findClaimOfDwelling(
  db: EntityManager,
  dwellingId: string,
): Promise<{ case_id: string; status: OfferStatus } | null> {
  const rows = await db.query(
    `SELECT case_id, status FROM offer WHERE dwelling_id = $1 AND status IN ('open', 'accepted', 'completed')`,
    [dwellingId],
  );
  return rows[0] ?? null;
}

/** The name of the corporation whose offer holds a case now (for the message to a corporation that came second). */
export async function findLiveOfferCorporation(
  db: EntityManager,
  caseId: string,
): Promise<{ organisation_id: string; name: string } | null> {
  const rows = await db.query(
    `SELECT f.organisation_id, o.name FROM offer f JOIN organisation o ON o.id = f.organisation_id WHERE f.case_id = $1 AND f.status IN ('open', 'accepted')`,
    [caseId],
  );
  return rows[0] ?? null;
}

/**
 * The corporation whose offer holds a case that the actor (a corporation) reached by its housing
 * while the case searched: a second offer that arrives after the first committed no longer reaches
 * the case, yet should hear that it came second rather than that the case does not exist.
 */
export async function findHolderOfCaseInHousingReach(
  db: EntityManager,
  actor: Actor,
  caseId: string,
): Promise<{ organisation_id: string; name: string } | null> {
  const params: unknown[] = [caseId];
  const reach = corporationHousingReach(actor, params);
  const rows = await db.query(
    `SELECT f.organisation_id, o.name FROM case_file c JOIN offer f ON f.case_id = c.id AND f.status IN ('open', 'accepted') JOIN organisation o ON o.id = f.organisation_id
      WHERE c.id = $1 AND ${reach}`,
    params,
  );
  return rows[0] ?? null;
}

export interface OfferableDwelling {
  id: string;
  organisation_id: string;
  municipality_code: string;
  status: 'available' | 'withdrawn';
  tenancy_form: TenancyForm;
}

/**
 * A dwelling of the actor's own corporation (the dwellings policy's scope), share-locked: a
 * withdrawal of the dwelling (which takes the row for update) waits for the offer, and the offer
 * for the withdrawal, so a withdrawn dwelling is never offered and an offered one never withdrawn
 * unseen. Many offers of one dwelling hold the share lock together; the unique index picks one.
 */
export async function findOfferableDwelling(
  db: EntityManager,
  actor: Actor,
  dwellingId: string,
): Promise<OfferableDwelling | null> {
  const params: unknown[] = [dwellingId];
  const scope = dwellingScope(actor, params);
  const rows: OfferableDwelling[] = await db.query(
    `SELECT w.id, w.organisation_id, trim(w.municipality_code) AS municipality_code, w.status, w.tenancy_form
       FROM dwelling w WHERE w.id = $1 AND (${scope}) FOR SHARE OF w`,
    params,
  );
  return rows[0] ?? null;
}

export async function insertOffer(
  db: EntityManager,
  offer: {
    regionId: string;
    caseId: string;
    dwellingId: string;
    organisationId: string;
    offeredBy: string;
    answerDueOn: string;
    waitedDays: number | null;
  },
): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO offer (region_id, case_id, dwelling_id, organisation_id, offered_by, answer_due_on, waited_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      offer.regionId,
      offer.caseId,
      offer.dwellingId,
      offer.organisationId,
      offer.offeredBy,
      offer.answerDueOn,
      offer.waitedDays,
    ],
  );
  return id;
}

/**
 * The one way an offer changes: a new status and what comes with it, only on the version the
 * writer read. False on a stale version (the caller answers 409).
 */
export async function updateOfferIfVersion(
  db: EntityManager,
  offerId: string,
  expectedVersion: number,
  change: {
    status: OfferStatus;
    actorUserId: string;
    answered?: boolean;
    declineReason?: string;
    withdrawalReason?: string;
    decided?: boolean;
    supportArranged?: string;
    supportIntensity?: SupportIntensity;
    refusalReason?: string;
    completed?: boolean;
  },
): Promise<boolean> {
  const result = await db.query(
    `UPDATE offer SET status = $3,
       answered_at = CASE WHEN $4::boolean THEN now() ELSE answered_at END,
       answered_by = CASE WHEN $4::boolean THEN $12::uuid ELSE answered_by END,
       decline_reason = coalesce($5, decline_reason),
       withdrawn_at = CASE WHEN $6::text IS NOT NULL THEN now() ELSE withdrawn_at END,
       withdrawn_by = CASE WHEN $6::text IS NOT NULL THEN $12::uuid ELSE withdrawn_by END,
       withdrawal_reason = coalesce($6, withdrawal_reason),
       decided_at = CASE WHEN $7::boolean THEN now() ELSE decided_at END,
       decided_by = CASE WHEN $7::boolean THEN $12::uuid ELSE decided_by END,
       support_arranged = coalesce($8, support_arranged),
       support_intensity = coalesce($9, support_intensity),
       refusal_reason = coalesce($10, refusal_reason),
       completed_at = CASE WHEN $11::boolean THEN now() ELSE completed_at END,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      offerId,
      expectedVersion,
      change.status,
      change.answered ?? false,
      change.declineReason ?? null,
      change.withdrawalReason ?? null,
      change.decided ?? false,
      change.supportArranged ?? null,
      change.supportIntensity ?? null,
      change.refusalReason ?? null,
      change.completed ?? false,
      change.actorUserId,
    ],
  );
  return returnedRows(result).length === 1;
}

/** When the case was first offered a dwelling (any offer, whatever became of it): the end of "waiting for an offer". */
export async function findFirstOfferAt(db: EntityManager, caseId: string): Promise<Date | null> {
  const [row] = await db.query('SELECT min(offered_at) AS first FROM offer WHERE case_id = $1', [
    caseId,
  ]);
  return row?.first ?? null;
}

/** A document of this case (the signed three-party agreement may be one of them). */
export async function isDocumentOfCase(
  db: EntityManager,
  documentId: string,
  caseId: string,
): Promise<boolean> {
  return (
    (
      await db.query('SELECT 1 FROM case_document WHERE id = $1 AND case_id = $2', [
        documentId,
        caseId,
      ])
    ).length > 0
  );
}

// ---- the move ----

export interface MoveInRow {
  key_handover_date: string;
  tenancy_form: TenancyForm;
  agreement_conditions: string;
  agreement_document_id: string | null;
  provider_contact_name: string;
  provider_contact_phone: string;
  provider_emergency_phone: string;
  waited_days_to_offer: number | null;
  waited_days_to_keys: number | null;
  recorded_at: Date;
  recorded_by_organisation: string;
}

export async function insertMoveIn(
  db: EntityManager,
  move: {
    caseId: string;
    offerId: string;
    input: MoveIn;
    providerContact: ProviderContact;
    tenancyForm: TenancyForm;
    waitedDaysToOffer: number | null;
    waitedDaysToKeys: number | null;
    recordedBy: string;
  },
): Promise<void> {
  const { input } = move;
  await db.query(
    `INSERT INTO move_in (case_id, offer_id, key_handover_date, tenancy_form, agreement_conditions, agreement_document_id, provider_contact_name,
       provider_contact_phone, provider_emergency_phone, waited_days_to_offer, waited_days_to_keys, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      move.caseId,
      move.offerId,
      input.keyHandoverDate,
      move.tenancyForm,
      input.agreementConditions,
      input.agreementDocumentId ?? null,
      move.providerContact.name,
      move.providerContact.phone,
      move.providerContact.emergencyPhone,
      move.waitedDaysToOffer,
      move.waitedDaysToKeys,
      move.recordedBy,
    ],
  );
}

export async function findMoveIn(db: EntityManager, caseId: string): Promise<MoveInRow | null> {
  const rows: MoveInRow[] = await db.query(
    `SELECT m.key_handover_date::text AS key_handover_date, m.tenancy_form, m.agreement_conditions, m.agreement_document_id, m.provider_contact_name,
            m.provider_contact_phone, m.provider_emergency_phone, m.waited_days_to_offer, m.waited_days_to_keys, m.recorded_at, o.name AS recorded_by_organisation
       FROM move_in m JOIN app_user u ON u.id = m.recorded_by JOIN organisation o ON o.id = u.organisation_id WHERE m.case_id = $1`,
    [caseId],
  );
  return rows[0] ?? null;
}

// ---- the table's decision behind the placement ----

/**
 * The table's latest decision on the case: its follow-up provider (the third party of the
 * agreement) and the distribution count it took from the ledger, if that count still stands.
 */
export async function findLatestDecision(
  db: EntityManager,
  caseId: string,
): Promise<{
  follow_up_provider: string | null;
  open_allocation_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  emergency_phone: string | null;
} | null> {
  const rows = await db.query(
    `SELECT p.name AS follow_up_provider, CASE WHEN a.returned_at IS NULL THEN d.allocation_id END AS open_allocation_id,
            p.contact_name, p.contact_phone, p.emergency_phone
       FROM table_decision d
       LEFT JOIN organisation p ON p.id = d.follow_up_provider_id
       LEFT JOIN distribution_allocation a ON a.id = d.allocation_id
      WHERE d.case_id = $1 AND d.corrected_at IS NULL ORDER BY d.decided_at DESC LIMIT 1`,
    [caseId],
  );
  return rows[0] ?? null;
}

// ---- neighbourhood load ----

export interface NeighbourhoodCountRow {
  municipality_code: string;
  neighbourhood_key: string;
  /** The spelling most moves used, for display. */
  neighbourhood: string;
  placements: number;
}

/**
 * Moves per neighbourhood of a region's municipalities since a day (the key handover date), the
 * given offers' own moves not counted. Neighbourhood names are free text: grouped case- and
 * space-insensitively (`key` must be the same normalisation as the shared `neighbourhoodKey`).
 */
export async function countMovesByNeighbourhood(
  db: EntityManager,
  filter: {
    regionId: string;
    since: string;
    municipalityCodes?: readonly string[];
    excludeOfferIds?: readonly string[];
  },
): Promise<NeighbourhoodCountRow[]> {
  return db.query(
    `SELECT trim(w.municipality_code) AS municipality_code, lower(regexp_replace(trim(w.neighbourhood), '\\s+', ' ', 'g')) AS neighbourhood_key,
            mode() WITHIN GROUP (ORDER BY trim(w.neighbourhood)) AS neighbourhood, count(*)::int AS placements
       FROM move_in m JOIN offer f ON f.id = m.offer_id JOIN dwelling w ON w.id = f.dwelling_id
      WHERE f.region_id = $1 AND m.key_handover_date >= $2::date
        AND ($3::char(6)[] IS NULL OR w.municipality_code = ANY($3::char(6)[]))
        AND NOT (f.id = ANY($4::uuid[]))
      GROUP BY 1, 2 ORDER BY 4 DESC, 3`,
    [filter.regionId, filter.since, filter.municipalityCodes ?? null, filter.excludeOfferIds ?? []],
  );
}

// ---- the dwelling's page ----

export interface DwellingOfferRow {
  id: string;
  case_id: string;
  pseudonym: string;
  status: OfferStatus;
  offered_at: Date;
  answer_due_on: string;
}

export async function findOffersOfDwelling(
  db: EntityManager,
  dwellingId: string,
): Promise<DwellingOfferRow[]> {
  return db.query(
    `SELECT f.id, f.case_id, c.pseudonym, f.status, f.offered_at, f.answer_due_on::text AS answer_due_on
       FROM offer f JOIN case_file c ON c.id = f.case_id WHERE f.dwelling_id = $1 ORDER BY f.offered_at DESC, f.id`,
    [dwellingId],
  );
}

// ---- tasks and contingents ----

export interface CaseOfferFacts {
  case_id: string;
  status: OfferStatus;
  organisation_id: string;
  answer_due_on: string;
}

/** The live offer of each of these cases (for "Mijn taken"). */
export async function findLiveOfferFacts(
  db: EntityManager,
  caseIds: readonly string[],
): Promise<CaseOfferFacts[]> {
  if (!caseIds.length) return [];
  return db.query(
    `SELECT case_id, status, organisation_id, answer_due_on::text AS answer_due_on FROM offer WHERE case_id = ANY($1::uuid[]) AND status IN ('open', 'accepted')`,
    [caseIds],
  );
}

/** Of these municipalities, those where the corporation has an available dwelling that no case holds. */
export async function findMunicipalitiesWithFreeDwelling(
  db: EntityManager,
  organisationId: string,
  municipalityCodes: readonly string[],
): Promise<Set<string>> {
  if (!municipalityCodes.length) return new Set();
  const rows: { code: string }[] = await db.query(
    `SELECT DISTINCT trim(w.municipality_code) AS code FROM dwelling w
      WHERE w.organisation_id = $1 AND w.status = 'available' AND w.municipality_code = ANY($2::char(6)[])
        AND NOT EXISTS (SELECT 1 FROM offer f WHERE f.dwelling_id = w.id AND f.status IN ('open', 'accepted', 'completed'))`,
    [organisationId, municipalityCodes],
  );
  return new Set(rows.map((r) => r.code));
}

// ---- the daily flag of overdue answers ----

export interface OverdueOfferRow {
  id: string;
  case_id: string;
  pseudonym: string;
  region_id: string;
  owner_user_id: string;
  organisation_id: string;
}

/** Open offers past their due day and not flagged yet: flagged now, each once. */
export async function flagOverdueOffers(
  db: EntityManager,
  today: string,
  at: Date,
): Promise<OverdueOfferRow[]> {
  return returnedRows<OverdueOfferRow>(
    await db.query(
      `UPDATE offer f SET overdue_flagged_at = $2
       FROM case_file c
      WHERE c.id = f.case_id AND f.status = 'open' AND f.overdue_flagged_at IS NULL AND f.answer_due_on < $1::date
      RETURNING f.id, f.case_id, c.pseudonym, c.region_id, c.owner_user_id, f.organisation_id`,
      [today, at],
    ),
  );
}
