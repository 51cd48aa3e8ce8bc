import type { EntityManager } from 'typeorm';
import type { ScopedFilter } from './indicators.policy';
import { placeholderFor } from '../core/db';

/**
 * Every query of the indicators (issue 14, domain.md §6). Aggregates only: each query groups and
 * counts in PostgreSQL (percentile_cont, FILTER, GROUPING SETS) and returns a handful of rows per
 * section; no case leaves the database. Each starts from one region and one period, on the
 * indexes of migration 1765036800000.
 *
 * The indicators read the facts the other modules keep (offers, moves, decisions, follow-up
 * checks); they never write them.
 *
 * Definitions, the same for every seat (the seat only narrows the filters):
 * - The period [from, to] holds whole Dutch calendar days: a moment counts on its day in
 *   Europe/Amsterdam, a date column as it is.
 * - A case's municipality is where the table decided it goes, else where the rule proposed it
 *   goes, else where it came from: coalesce(decided, proposed, origin).
 * - A dwelling's municipality (the dwellings, neighbourhoods) is where the dwelling lies: the
 *   contingent's and the neighbourhood's municipality.
 * - A corporation is the one that made the offer (which owns the dwelling).
 */

export interface IndicatorQuery extends ScopedFilter {
  regionId: string;
  from: string;
  to: string;
  /** Also count this municipality's own figures, in the same pass (a municipality's dashboard beside the region's). */
  own?: string | null;
}

const zone = `'Europe/Amsterdam'`;
export const caseMunicipalitySql =
  'coalesce(c.decided_destination_code, c.proposed_destination_code, c.origin_code)';

class Sql {
  readonly params: unknown[] = [];
  readonly param = placeholderFor(this.params);
  /** The first moment of the period's first Dutch day. */
  periodStart(q: IndicatorQuery): string {
    return `(${this.param(q.from)}::date::timestamp AT TIME ZONE ${zone})`;
  }
  /** The first moment after the period's last Dutch day. */
  periodEnd(q: IndicatorQuery): string {
    return `((${this.param(q.to)}::date + 1)::timestamp AT TIME ZONE ${zone})`;
  }
  /** A timestamptz column within the period's Dutch days (half-open, so the index is used). */
  inPeriod(column: string, q: IndicatorQuery): string {
    return `${column} >= ${this.periodStart(q)} AND ${column} < ${this.periodEnd(q)}`;
  }
  /** A date column within the period. */
  datesInPeriod(column: string, q: IndicatorQuery): string {
    return `${column} BETWEEN ${this.param(q.from)}::date AND ${this.param(q.to)}::date`;
  }
  /** The filters on the case (`c`): its municipality and target group. */
  caseFilters(q: ScopedFilter): string[] {
    const conditions: string[] = [];
    if (q.municipalityCode)
      conditions.push(`${caseMunicipalitySql} = ${this.param(q.municipalityCode)}`);
    if (q.targetGroup) conditions.push(`c.target_group = ${this.param(q.targetGroup)}`);
    return conditions;
  }
}

const where = (conditions: readonly string[]) => conditions.join('\n        AND ');

// ---- waiting times ----

/** One group of a waiting time; `dimension` says which grouping set it belongs to. */
export interface WaitingRow {
  dimension: 'total' | 'municipality' | 'corporation' | 'targetGroup';
  /** The municipality code, corporation id or target group; null for the total (or a case without any municipality). */
  key: string | null;
  count: number;
  median: number | null;
  p75: number | null;
  over_target: number;
}

/**
 * The total and the groups per municipality, corporation and target group in one pass
 * (GROUPING SETS), from rows of (days, municipality_code, corporation_id, target_group).
 * Median and 75th percentile by linear interpolation (percentile_cont: 1..100 → 50.5 and 75.25);
 * over target is strictly more days than the region's target.
 */
function waitingFigures(sql: Sql, source: string, targetDays: number, own?: string | null): string {
  const target = sql.param(targetDays);
  const ownParam = own ? sql.param(own) : null;
  return `
    WITH w0 AS (${source}), w AS (SELECT w0.*, ${ownParam ? `coalesce(w0.municipality_code = ${ownParam}, false)` : 'false'} AS is_own FROM w0)
    SELECT CASE ${
      ownParam
        ? `WHEN GROUPING(w.is_own) = 0 AND GROUPING(w.corporation_id) = 0 THEN CASE WHEN w.is_own THEN 'ownCorporation' ELSE 'otherCorporation' END
                WHEN GROUPING(w.is_own) = 0 AND GROUPING(w.target_group) = 0 THEN CASE WHEN w.is_own THEN 'ownTargetGroup' ELSE 'otherTargetGroup' END`
        : ''
    }
                WHEN GROUPING(w.municipality_code) = 0 THEN 'municipality'
                WHEN GROUPING(w.corporation_id) = 0 THEN 'corporation'
                WHEN GROUPING(w.target_group) = 0 THEN 'targetGroup'
                ELSE 'total' END AS dimension,
           coalesce(trim(w.municipality_code), w.corporation_id::text, w.target_group) AS key,
           count(*)::int AS count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY w.days) AS median,
           percentile_cont(0.75) WITHIN GROUP (ORDER BY w.days) AS p75,
           count(*) FILTER (WHERE w.days > ${target}::int)::int AS over_target
      FROM w
     GROUP BY GROUPING SETS ((), (w.municipality_code), (w.corporation_id), (w.target_group)${ownParam ? ', (w.is_own, w.corporation_id), (w.is_own, w.target_group)' : ''})`;
}

/**
 * Waiting from "uitstroomgereed" to the first dwelling offer: per case its very first offer
 * (the earliest `offered_at`, whatever became of it), counted in the period that offer fell in,
 * with the days the offer recorded (`offer.waited_days`). A later offer to the same case is not a
 * new wait. By corporation: the corporation of that first offer.
 *
 * The first offers are found in one ordered pass over the region's offers up to the period's end
 * (DISTINCT ON), not by asking for each offer of the period whether an earlier one exists: the
 * same cost for a quarter as for five years (measured on 250,000 cases: 50 ms against 100 ms
 * for five years of one region, equal for one year).
 */
export async function waitingToOffer(
  db: EntityManager,
  q: IndicatorQuery,
  targetDays: number,
): Promise<WaitingRow[]> {
  const sql = new Sql();
  const region = sql.param(q.regionId);
  const end = sql.periodEnd(q);
  const conditions = [
    `f.offered_at >= ${sql.periodStart(q)}`,
    'f.waited_days IS NOT NULL',
    ...sql.caseFilters(q),
  ];
  if (q.corporationId) conditions.push(`f.organisation_id = ${sql.param(q.corporationId)}`);
  const source = `
    SELECT f.waited_days AS days, ${caseMunicipalitySql} AS municipality_code, f.organisation_id AS corporation_id, c.target_group
      FROM (SELECT DISTINCT ON (o.case_id) o.case_id, o.offered_at, o.waited_days, o.organisation_id
              FROM offer o WHERE o.region_id = ${region} AND o.offered_at < ${end}
             ORDER BY o.case_id, o.offered_at, o.id) f
      JOIN case_file c ON c.id = f.case_id AND c.region_id = ${region}
     WHERE ${where(conditions)}`;
  return db.query(waitingFigures(sql, source, targetDays, q.own), sql.params);
}

/**
 * Waiting from "uitstroomgereed" to the keys: the moves whose key handover fell in the period,
 * with the days the move recorded (`move_in.waited_days_to_keys`). By corporation: the
 * corporation whose offer the resident moved in on.
 */
export async function waitingToKeys(
  db: EntityManager,
  q: IndicatorQuery,
  targetDays: number,
): Promise<WaitingRow[]> {
  const sql = new Sql();
  const region = sql.param(q.regionId);
  const conditions = [
    `m.region_id = ${region}`,
    `f.region_id = ${region}`,
    `c.region_id = ${region}`,
    sql.datesInPeriod('m.key_handover_date', q),
    'm.waited_days_to_keys IS NOT NULL',
    ...sql.caseFilters(q),
  ];
  if (q.corporationId) conditions.push(`f.organisation_id = ${sql.param(q.corporationId)}`);
  const source = `
    SELECT m.waited_days_to_keys AS days, ${caseMunicipalitySql} AS municipality_code, f.organisation_id AS corporation_id, c.target_group
      FROM move_in m JOIN offer f ON f.id = m.offer_id JOIN case_file c ON c.id = m.case_id
     WHERE ${where(conditions)}`;
  return db.query(waitingFigures(sql, source, targetDays, q.own), sql.params);
}

// ---- open cases (today's, not the period's) ----

export interface OpenCasesRow {
  state: string;
  count: number;
  stalled: number;
  waiting_over_target: number;
  own_count?: number;
  own_stalled?: number;
  own_waiting_over_target?: number;
}

/**
 * Today's open cases (not closed; an erased case is always closed) per state. Stalled: no
 * activity since the region's `stalledCaseDays`, by the very condition the case list's "stalled"
 * filter uses. Waiting over target: ready longer ago than the target (in Dutch days) and no
 * dwelling offer that is open, accepted or let.
 */
export async function openCases(
  db: EntityManager,
  q: IndicatorQuery,
  today: string,
  thresholds: { stalledDays: number; targetDays: number },
): Promise<OpenCasesRow[]> {
  const sql = new Sql();
  const conditions = [
    `c.region_id = ${sql.param(q.regionId)}`,
    `c.state <> 'closed'`,
    ...sql.caseFilters(q),
  ];
  const todayParam = sql.param(today);
  const stalledSql = `(c.last_activity_at AT TIME ZONE ${zone})::date <= ${todayParam}::date - ${sql.param(thresholds.stalledDays)}::int`;
  const waitingSql = `(c.ready_at AT TIME ZONE ${zone})::date < ${todayParam}::date - ${sql.param(thresholds.targetDays)}::int AND live.case_id IS NULL`;
  const own = q.own ? `${caseMunicipalitySql} = ${sql.param(q.own)}` : 'false';
  return db.query(
    `SELECT c.state, count(*)::int AS count,
            count(*) FILTER (WHERE ${stalledSql})::int AS stalled,
            count(*) FILTER (WHERE ${waitingSql})::int AS waiting_over_target,
            count(*) FILTER (WHERE ${own})::int AS own_count,
            count(*) FILTER (WHERE ${own} AND ${stalledSql})::int AS own_stalled,
            count(*) FILTER (WHERE ${own} AND ${waitingSql})::int AS own_waiting_over_target
       FROM case_file c
       LEFT JOIN (SELECT DISTINCT f.case_id FROM offer f WHERE f.region_id = ${sql.param(q.regionId)} AND f.status IN ('open', 'accepted', 'completed')) live
         ON live.case_id = c.id
      WHERE ${where(conditions)}
      GROUP BY c.state`,
    sql.params,
  );
}

// ---- decisions, outcomes ----

export interface KeyCountRow {
  key: string;
  count: number;
  own_count?: number;
}

/** The table's decisions taken in the period, per rule (a case decided twice counts twice). */
export async function decisionsByRule(
  db: EntityManager,
  q: IndicatorQuery,
): Promise<KeyCountRow[]> {
  const sql = new Sql();
  const caseFilters = sql.caseFilters(q);
  const region = sql.param(q.regionId);
  const joinsCase = caseFilters.length > 0 || !!q.own;
  const conditions = [
    `d.region_id = ${region}`,
    // A corrected decision (herstel) was set aside: it is not counted.
    'd.corrected_at IS NULL',
    sql.inPeriod('d.decided_at', q),
    ...caseFilters,
    ...(joinsCase ? [`c.region_id = ${region}`] : []),
  ];
  const own = q.own ? `${caseMunicipalitySql} = ${sql.param(q.own)}` : 'false';
  return db.query(
    `SELECT d.rule AS key, count(*)::int AS count, count(*) FILTER (WHERE ${own})::int AS own_count
       FROM table_decision d ${joinsCase ? 'JOIN case_file c ON c.id = d.case_id' : ''}
      WHERE ${where(conditions)}
      GROUP BY d.rule`,
    sql.params,
  );
}

/** The cases closed in the period, per outcome (erased cases too: their outcome is an anonymous fact). */
export async function outcomes(db: EntityManager, q: IndicatorQuery): Promise<KeyCountRow[]> {
  const sql = new Sql();
  const conditions = [
    `c.region_id = ${sql.param(q.regionId)}`,
    'c.closed_at IS NOT NULL',
    sql.inPeriod('c.closed_at', q),
    ...sql.caseFilters(q),
  ];
  return db.query(
    `SELECT c.outcome AS key, count(*)::int AS count, count(*) FILTER (WHERE ${q.own ? `${caseMunicipalitySql} = ${sql.param(q.own)}` : 'false'})::int AS own_count
       FROM case_file c WHERE ${where(conditions)} GROUP BY c.outcome`,
    sql.params,
  );
}

// ---- the distribution ledger ----

export interface DistributionRow {
  period_start: string;
  period_end: string;
  /** Null on the single row of a period without allocations. */
  municipality_code: string | null;
  allocated: number;
}

/**
 * The allocations by population that still count (not given back) in the ledger period that
 * holds `on`, per municipality. A region without a ledger row for that day yet (no allocation
 * made in it) gets the agreement period the rule set gives for the day (`fallback`), with none.
 */
export async function distribution(
  db: EntityManager,
  regionId: string,
  on: string,
  fallback: { start: string; end: string },
): Promise<DistributionRow[]> {
  return db.query(
    `WITH p AS (
       SELECT period_start, period_end FROM (
         SELECT period_start, period_end, 1 AS preference FROM distribution_ledger
          WHERE region_id = $1 AND period_start <= $2::date AND period_end >= $2::date
         UNION ALL SELECT $3::date, $4::date, 2
       ) candidates ORDER BY preference, period_start DESC LIMIT 1)
     SELECT p.period_start::text AS period_start, p.period_end::text AS period_end,
            trim(a.municipality_code) AS municipality_code, count(a.id)::int AS allocated
       FROM p LEFT JOIN distribution_allocation a
         ON a.region_id = $1 AND a.period_start = p.period_start AND a.returned_at IS NULL
      GROUP BY p.period_start, p.period_end, a.municipality_code`,
    [regionId, on, fallback.start, fallback.end],
  );
}

// ---- dwellings against contingents ----

export interface DwellingRow {
  organisation_id: string;
  organisation_name: string;
  municipality_code: string;
  promised: number | null;
  offered: number;
  accepted: number;
}

/**
 * Per corporation × the dwelling's municipality: the offers made in the period, and the offers the
 * resident accepted in the period (answered accepted, or since let), against what the
 * corporation promised for that municipality in the contingents of the calendar years the period
 * touches (summed; null where no number was agreed for any of them). The target group narrows the
 * offers, not the promises (a contingent is not per target group).
 */
export async function dwellingsAgainstContingents(
  db: EntityManager,
  q: IndicatorQuery,
): Promise<DwellingRow[]> {
  const sql = new Sql();
  const region = sql.param(q.regionId);
  const offered = sql.inPeriod('f.offered_at', q);
  const accepted = sql.inPeriod('f.answered_at', q);
  // The dwelling's region too (an offer's dwelling is of its region): the planner may then read
  // the region's dwellings from one index instead of looking each offered one up.
  const offerConditions = [
    `f.region_id = ${region}`,
    `w.region_id = ${region}`,
    `((${offered}) OR (${accepted}))`,
  ];
  const contingentConditions = [
    `k.region_id = ${region}`,
    `k.year BETWEEN ${sql.param(Number(q.from.slice(0, 4)))}::int AND ${sql.param(Number(q.to.slice(0, 4)))}::int`,
  ];
  if (q.corporationId) {
    const corporation = sql.param(q.corporationId);
    offerConditions.push(`f.organisation_id = ${corporation}`);
    contingentConditions.push(`k.organisation_id = ${corporation}`);
  }
  if (q.municipalityCode) {
    const municipality = sql.param(q.municipalityCode);
    offerConditions.push(`w.municipality_code = ${municipality}`);
    contingentConditions.push(`k.municipality_code = ${municipality}`);
  }
  const caseJoin = q.targetGroup ? 'JOIN case_file c ON c.id = f.case_id' : '';
  if (q.targetGroup)
    offerConditions.push(`c.target_group = ${sql.param(q.targetGroup)}`, `c.region_id = ${region}`);
  return db.query(
    `WITH counted AS (
       SELECT f.organisation_id, w.municipality_code,
              count(*) FILTER (WHERE ${offered})::int AS offered,
              count(*) FILTER (WHERE f.status IN ('accepted', 'completed') AND ${accepted})::int AS accepted
         FROM offer f JOIN dwelling w ON w.id = f.dwelling_id ${caseJoin}
        WHERE ${where(offerConditions)}
        GROUP BY f.organisation_id, w.municipality_code),
     promised AS (
       SELECT k.organisation_id, k.municipality_code, sum(k.promised)::int AS promised
         FROM contingent k
        WHERE ${where(contingentConditions)}
        GROUP BY k.organisation_id, k.municipality_code)
     SELECT o.id AS organisation_id, o.name AS organisation_name, trim(x.municipality_code) AS municipality_code,
            p.promised, coalesce(n.offered, 0) AS offered, coalesce(n.accepted, 0) AS accepted
       FROM (SELECT organisation_id, municipality_code FROM counted WHERE offered + accepted > 0
             UNION SELECT organisation_id, municipality_code FROM promised) x
       JOIN organisation o ON o.id = x.organisation_id
       LEFT JOIN counted n ON n.organisation_id = x.organisation_id AND n.municipality_code = x.municipality_code
       LEFT JOIN promised p ON p.organisation_id = x.organisation_id AND p.municipality_code = x.municipality_code
      ORDER BY o.name, o.id, x.municipality_code`,
    sql.params,
  );
}

// ---- placements per neighbourhood ----

export interface NeighbourhoodRow {
  municipality_code: string;
  neighbourhood: string;
  moves: number;
}

/**
 * The moves (key handovers) in the period per neighbourhood of the dwelling. A neighbourhood is
 * one name however it was typed (case and spaces aside), shown as most often written: the same
 * rule as the neighbourhood load beside an offer (placements module).
 */
export async function movesByNeighbourhood(
  db: EntityManager,
  q: IndicatorQuery,
): Promise<NeighbourhoodRow[]> {
  const sql = new Sql();
  const region = sql.param(q.regionId);
  const conditions = [
    `m.region_id = ${region}`,
    `f.region_id = ${region}`,
    `w.region_id = ${region}`,
    sql.datesInPeriod('m.key_handover_date', q),
  ];
  if (q.corporationId) conditions.push(`f.organisation_id = ${sql.param(q.corporationId)}`);
  if (q.municipalityCode) conditions.push(`w.municipality_code = ${sql.param(q.municipalityCode)}`);
  if (q.targetGroup)
    conditions.push(`c.target_group = ${sql.param(q.targetGroup)}`, `c.region_id = ${region}`);
  return db.query(
    `SELECT trim(w.municipality_code) AS municipality_code,
            mode() WITHIN GROUP (ORDER BY trim(w.neighbourhood)) AS neighbourhood, count(*)::int AS moves
       FROM move_in m JOIN offer f ON f.id = m.offer_id JOIN dwelling w ON w.id = f.dwelling_id
       ${q.targetGroup ? 'JOIN case_file c ON c.id = m.case_id' : ''}
      WHERE ${where(conditions)}
      GROUP BY w.municipality_code, lower(regexp_replace(trim(w.neighbourhood), '\\s+', ' ', 'g'))
      ORDER BY moves DESC, municipality_code, neighbourhood`,
    sql.params,
  );
}

// ---- still housed ----

export interface StillHousedRow {
  months: number;
  due: number;
  answered: number;
  still_housed: number;
  own_due?: number;
  own_answered?: number;
  own_still_housed?: number;
}

/**
 * The follow-up checks at 6 and 12 months after the keys that fell due in the period: how many,
 * how many answered, and of those how many still live there. For a corporation: the checks of
 * the moves into its own dwellings.
 */
export async function stillHoused(db: EntityManager, q: IndicatorQuery): Promise<StillHousedRow[]> {
  const sql = new Sql();
  const caseFilters = sql.caseFilters(q);
  const region = sql.param(q.regionId);
  const joinsCase = caseFilters.length > 0 || !!q.own;
  const conditions = [
    `k.region_id = ${region}`,
    sql.datesInPeriod('k.due_on', q),
    ...caseFilters,
    ...(joinsCase ? [`c.region_id = ${region}`] : []),
  ];
  const own = q.own ? `${caseMunicipalitySql} = ${sql.param(q.own)}` : 'false';
  if (q.corporationId)
    conditions.push(
      `EXISTS (SELECT 1 FROM move_in m JOIN offer f ON f.id = m.offer_id WHERE m.case_id = k.case_id AND f.organisation_id = ${sql.param(q.corporationId)})`,
    );
  return db.query(
    `SELECT k.months::int AS months, count(*)::int AS due, count(k.answered_at)::int AS answered,
            count(*) FILTER (WHERE k.still_lives_there)::int AS still_housed,
            count(*) FILTER (WHERE ${own})::int AS own_due, count(k.answered_at) FILTER (WHERE ${own})::int AS own_answered,
            count(*) FILTER (WHERE ${own} AND k.still_lives_there)::int AS own_still_housed
       FROM follow_up_check k ${joinsCase ? 'JOIN case_file c ON c.id = k.case_id' : ''}
      WHERE ${where(conditions)}
      GROUP BY k.months`,
    sql.params,
  );
}

// ---- labels and choices ----

export async function findRegionName(db: EntityManager, regionId: string): Promise<string | null> {
  const rows: { name: string }[] = await db.query('SELECT name FROM region WHERE id = $1', [
    regionId,
  ]);
  return rows[0]?.name ?? null;
}

/** The region's corporations, by name: the labels and the filter's choices. */
export async function listCorporations(
  db: EntityManager,
  regionId: string,
): Promise<{ id: string; name: string }[]> {
  return db.query(
    `SELECT id, name FROM organisation WHERE region_id = $1 AND kind = 'corporation' ORDER BY name, id`,
    [regionId],
  );
}

/** Names of municipalities by code, of any region (a case may come from outside the region). */
export async function findMunicipalityNames(
  db: EntityManager,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows: { code: string; name: string }[] = await db.query(
    'SELECT trim(code) AS code, name FROM municipality WHERE code = ANY($1::char(6)[])',
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}
