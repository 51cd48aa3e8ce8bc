import type { DataSource } from 'typeorm';
import {
  amsterdamDate,
  agreementPeriodOn,
  ruleSetConfigSchema,
  storedRuleSetConfigSchema,
  type RuleSetConfig,
} from '@uitstroom/shared';
import { demoRegions } from './demo-regions';

/**
 * Years of generated history: cases that went the whole way (ready, a table's decision, offers, the
 * keys, follow-up support, the checks at 6 and 12 months, closing) and cases that are somewhere on
 * it today, so that the indicators (domain.md §6) have something to count. Two uses:
 * - the bench (`bench/indicators`): a national-scale data set, regions and all made here;
 * - the demo (`seedDemoHistory`): a few hundred cases in the demo regions, beside the hand-made ones.
 *
 * Everything is written set-based (generate_series, INSERT … SELECT): 250,000 cases one INSERT at a
 * time would take an hour. Every random choice is a hash of the case's number and the seed, so the
 * same seed and `now` give the same data (ids are random UUIDs; everything else repeats). The rows
 * satisfy every CHECK, foreign key and unique index of the migrations, and tell one consistent story
 * per case: the state today follows from the dates, and only what happened by `now` exists.
 *
 * Left out on purpose (the indicators do not read them, and the app shows their absence fine):
 * consents, documents, preconditions, invitations, support contacts, goals and signals, deferrals,
 * placements refused by a municipality, and departures from the proposal.
 */

/** A single connection: an EntityManager inside a transaction, or a connected pg Client (temporary tables live per session). */
export interface SqlConnection {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface HistoryOptions {
  /** Existing regions to fill (their municipalities, organisations and users are used as they are). */
  regionIds?: string[];
  /** Or: make this many regions (about 8.5 municipalities each), with organisations and users. */
  regionCount?: number;
  /** The password hash for the users of made regions (hash once, it is slow on purpose). */
  passwordHash?: string;
  casesPerRegion?: number;
  /** Spread over the regions by population; instead of `casesPerRegion`. */
  totalCases?: number;
  /** How far back the history goes. */
  years?: number;
  seed?: number;
  now?: Date;
  /** Told the time of every statement (for the bench's report). */
  onStatement?: (label: string, ms: number) => void;
}

export interface HistoryResult {
  regions: { id: string; slug: string; cases: number }[];
  counts: Record<string, number>;
}

/** The password of every user of a made (bench) region. */
export const benchPassword = 'uitstroom-bench';

const dayMs = 86_400_000;
const isoDay = (date: Date) => amsterdamDate(date);

async function rowsOf<T>(db: SqlConnection, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result = await db.query(sql, parameters);
  // TypeORM answers the rows; pg answers a result with them.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Generates the history; see the module comment. Returns the regions filled and the rows written per table. */
export async function generateHistory(
  connection: SqlConnection,
  options: HistoryOptions,
): Promise<HistoryResult> {
  const db = options.onStatement ? timed(connection, options.onStatement) : connection;
  const now = options.now ?? new Date();
  const years = options.years ?? 5;
  const seed = options.seed ?? 1;
  let regionIds = options.regionIds ?? [];
  if (options.regionCount) {
    if (!options.passwordHash)
      throw new Error('generateHistory: making regions needs a passwordHash for their users');
    regionIds = [
      ...regionIds,
      ...(await createRegions(
        db,
        options.regionCount,
        seed,
        options.passwordHash,
        new Date(now.getTime() - years * 365 * dayMs),
      )),
    ];
  }
  if (regionIds.length === 0)
    throw new Error('generateHistory: no regions (give regionIds or regionCount)');

  const regions = await rowsOf<{ id: string; slug: string; population: number; config: unknown }>(
    db,
    `SELECT r.id, r.slug, (SELECT sum(m.population)::float8 FROM municipality m WHERE m.region_id = r.id) AS population,
            (SELECT s.config FROM rule_set s WHERE s.region_id = r.id ORDER BY s.version DESC LIMIT 1) AS config
       FROM region r WHERE r.id = ANY($1::uuid[]) ORDER BY r.slug`,
    [regionIds],
  );
  if (regions.length !== regionIds.length)
    throw new Error('generateHistory: a region does not exist');
  const totalPopulation = regions.reduce((sum, r) => sum + r.population, 0);
  const caseCounts = regions.map(
    (r) =>
      options.casesPerRegion ??
      Math.round(((options.totalCases ?? 0) * r.population) / totalPopulation),
  );
  if (options.totalCases)
    caseCounts[0]! += options.totalCases - caseCounts.reduce((a, b) => a + b, 0);

  const existing = (
    await rowsOf<{ existing: number }>(db, 'SELECT count(*)::int AS existing FROM case_file')
  )[0]!.existing;
  const startAt = new Date(now.getTime() - years * 365 * dayMs);
  let offset = existing;
  const regionRows = regions.map((region, i) => {
    const cases = caseCounts[i]!;
    // Regions differ: the median wait to a first offer lies between about 55 and 115 days.
    const waitMedian = 55 + 60 * unit(seed, `wait:${region.slug}`);
    const row = {
      region_id: region.id,
      idx: i,
      cases,
      case_offset: offset,
      wait_median: waitMedian,
      cadence_days: cases / years > 300 ? 7 : 14,
    };
    offset += cases;
    return row;
  });

  await db.query(
    'DROP TABLE IF EXISTS gen_param, gen_region_input, gen_region, gen_group, gen_muni, gen_corp, gen_owner, gen_follow, gen_outside, gen_hood, gen_table, gen_group_pick, gen_muni_pick, gen_case',
  );
  // For this transaction only: the case steps are held in memory rather than written to temporary files.
  await db.query(`SELECT set_config('work_mem', '256MB', true)`);
  await db.query(
    'CREATE TEMP TABLE gen_param (seed bigint, now timestamptz, start_at timestamptz, span_days float8, pseudonym_offset bigint)',
  );
  await db.query('INSERT INTO gen_param VALUES ($1, $2, $3, $4, $5)', [
    seed,
    now.toISOString(),
    startAt.toISOString(),
    years * 365,
    (Math.abs(seed) * 7_919 + existing) % 1_000_000_007,
  ]);
  await defineRegions(db, regionRows);
  await defineLedgers(
    db,
    regions.map((r) => ({ id: r.id, config: storedRuleSetConfigSchema.parse(r.config) })),
    startAt,
    now,
  );
  await defineCases(db);
  const counts = await writeRows(db);
  await db.query(
    'DROP TABLE IF EXISTS gen_param, gen_region_input, gen_region, gen_group, gen_muni, gen_corp, gen_owner, gen_follow, gen_outside, gen_hood, gen_table, gen_group_pick, gen_muni_pick, gen_case',
  );
  return {
    regions: regions.map((r, i) => ({ id: r.id, slug: r.slug, cases: caseCounts[i]! })),
    counts,
  };
}

/**
 * The demo's history: a few hundred cases over four years in the demo regions, once (not in the
 * database the tests clone: they count the hand-made demo cases). A row in
 * `scheduled_job_run` marks it done (its primary key makes it once even with two nodes starting
 * together), so an existing demo database gets it on its next start and never twice.
 * Returns false when it was there already or there are no demo regions.
 */
export async function seedDemoHistory(
  dataSource: DataSource,
  now: Date = new Date(),
): Promise<boolean> {
  return dataSource.transaction(async (tx) => {
    // Only regions the demo seed made (its accounts end in .demo): never a real region that shares a slug.
    const regions: { id: string }[] = await tx.query(
      `SELECT r.id FROM region r WHERE r.slug = ANY($1)
          AND EXISTS (SELECT 1 FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE o.region_id = r.id AND u.email LIKE '%.demo')
        ORDER BY r.slug`,
      [demoRegions.map((r) => r.slug)],
    );
    if (regions.length === 0) return false;
    const marked: unknown[] = await tx.query(
      `INSERT INTO scheduled_job_run (job, period, due_at) VALUES ('demo.history', 'v1', $1) ON CONFLICT DO NOTHING RETURNING job`,
      [now.toISOString()],
    );
    if (marked.length === 0) return false;
    // About 115 cases a year over both regions, split by population: enough for every chart, few enough for the lists.
    await generateHistory(tx, {
      regionIds: regions.map((r) => r.id),
      totalCases: 460,
      years: 4,
      seed: 14,
      now,
    });
    return true;
  });
}

function timed(db: SqlConnection, report: (label: string, ms: number) => void): SqlConnection {
  return {
    async query(sql, parameters) {
      const startedAt = performance.now();
      const result = await db.query(sql, parameters);
      report(sql.replace(/\s+/g, ' ').trim().slice(0, 70), performance.now() - startedAt);
      return result;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Deterministic chance: the same seed and key give the same number, in SQL and in TypeScript.

/** A number in [0, 1) from the seed and a key (TypeScript side, for the made regions). */
function unit(seed: number, key: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995) >>> 0;
  h ^= h >>> 15;
  return (h >>> 0) / 4_294_967_296;
}

/** A number in [0, 1) per case and tag (SQL side): 53 bits of hashtextextended(case number, seed), from the row `alias` (n, seed). */
const u = (alias: string, tag: string) =>
  `(((hashtextextended(${alias}.n::text || ':${tag}', ${alias}.seed) >> 11) & 9007199254740991)::float8 / 9007199254740992.0)`;

// ---------------------------------------------------------------------------------------------
// Made regions (the bench): municipalities with populations like the Netherlands', organisations and users.

const namePrefixes = [
  'Aal',
  'Beek',
  'Berg',
  'Bos',
  'Brug',
  'Dal',
  'Dijk',
  'Eem',
  'Gaas',
  'Geer',
  'Hoog',
  'Kamp',
  'Laar',
  'Lind',
  'Maas',
  'Meer',
  'Nieuw',
  'Oost',
  'Ouden',
  'Ree',
  'Rijn',
  'Schoon',
  'Steen',
  'Ter',
  'Vel',
  'Vliet',
  'Wes',
  'Wolde',
  'Zand',
  'Zuider',
];
const nameSuffixes = [
  'dam',
  'dorp',
  'broek',
  'horst',
  'veen',
  'wijk',
  'hoven',
  'lo',
  'sum',
  'oord',
  'burg',
  'haven',
  'rode',
  'zande',
  'ijssel',
  'stad',
  'meer',
  'hout',
  'kerk',
  'werd',
];
const providerNames = [
  'Stichting Onderdak',
  'RIBW',
  'Leger des Heils',
  'Kwintes',
  'Limor',
  'Moviera',
];
const firstNames = [
  'Anna',
  'Bram',
  'Chantal',
  'Daan',
  'Esra',
  'Femke',
  'Gijs',
  'Hanna',
  'Ilias',
  'Jasmijn',
  'Kevin',
  'Lieke',
  'Mehmet',
  'Noa',
  'Omar',
  'Priya',
  'Quinten',
  'Rosa',
  'Sem',
  'Tamara',
  'Umut',
  'Vera',
  'Wessel',
  'Yara',
  'Zoë',
  'Achmed',
  'Bianca',
  'Corné',
  'Dewi',
  'Emre',
];
const lastNames = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Yilmaz',
  'El Idrissi',
  'Kaya',
  'Sahin',
  'Martina',
];

interface MadeRegion {
  slug: string;
  name: string;
  config: RuleSetConfig;
  organisations: {
    kind: 'municipality' | 'corporation' | 'provider' | 'coordination';
    name: string;
    municipalityCode: string | null;
    users: { email: string; displayName: string; seat: string }[];
  }[];
  /** Per corporation (by name), the municipalities where it has dwellings. */
  corporationMunicipalities: Record<string, string[]>;
}

/** Regions of 4 to 13 municipalities (about 8.5 on average, 340 for 40 regions), each with one town of 60,000 to 350,000 (one of 900,000). */
function makeRegions(count: number, seed: number, startAt: Date): MadeRegion[] {
  const sizes = Array.from(
    { length: count },
    (_, i) => 4 + Math.floor(unit(seed, `size:${i}`) * 10),
  );
  const target = Math.round(count * 8.5);
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) !== target && i < 10_000; i += 1) {
    const k = i % count;
    const diff = target - sizes.reduce((a, b) => a + b, 0);
    if (diff > 0 && sizes[k]! < 13) sizes[k]! += 1;
    if (diff < 0 && sizes[k]! > 4) sizes[k]! -= 1;
  }
  // Every prefix × suffix once, in an order of the seed's.
  const names = namePrefixes
    .flatMap((p) => nameSuffixes.map((s) => p + s))
    .sort((a, b) => unit(seed, `name:${a}`) - unit(seed, `name:${b}`));
  const firstPeriodStart = `${startAt.getUTCFullYear()}-01-01`;
  const firstPeriodEnd = `${startAt.getUTCFullYear() + 1}-12-31`;
  let next = 0;
  return sizes.map((size, r) => {
    const slug = `bench-${String(r + 1).padStart(2, '0')}`;
    const municipalities = Array.from({ length: size }, (_, k) => {
      const index = next++;
      const chance = unit(seed, `population:${index}`);
      const population =
        k === 0
          ? r === 0
            ? 930_000
            : 60_000 + Math.round(290_000 * chance * chance)
          : // Log-normal around 25,000, at least 6,000: most Dutch municipalities are small.
            Math.max(
              6_000,
              Math.round(
                25_000 *
                  Math.exp(
                    0.6 * normal(unit(seed, `pop-a:${index}`), unit(seed, `pop-b:${index}`)),
                  ),
              ),
            );
      return {
        code: `GM${5000 + index}`,
        name: names[index % names.length]!,
        population,
        populationYear: 2024,
      };
    });
    const centre = municipalities[0]!;
    const name = `Regio ${centre.name}`;
    const domain = `${slug}.bench`;
    const corporationCount = 3 + Math.floor(size / 3);
    const corporations = Array.from(
      { length: corporationCount },
      (_, k) => `${municipalities[k % size]!.name} Wonen${k >= size ? ` ${k}` : ''}`,
    );
    const corporationMunicipalities: Record<string, string[]> = Object.fromEntries(
      corporations.map((c) => [c, [] as string[]]),
    );
    municipalities.forEach((m, k) => {
      corporationMunicipalities[corporations[k % corporationCount]!]!.push(m.code);
      // The big town has three corporations, as Almere has.
      if (k === 0)
        for (const c of corporations.slice(1, 3)) corporationMunicipalities[c]!.push(m.code);
    });
    const providers = providerNames.slice(0, 3 + (r % 3));
    return {
      slug,
      name,
      config: ruleSetConfigSchema.parse({
        municipalities,
        targetGroups: ['protectedHousing', 'shelter', 'womensShelter', 'youthCare'],
        youthAgeBand: { from: 18, until: 23 },
        agreement: { firstPeriodStart, firstPeriodEnd, extensionYears: 2 },
        agendaPublicationDays: 5,
        stalledCaseDays: 14,
        waitingTargetDays: 90,
        offerAnswerDays: 10,
        neighbourhoodLoadThreshold: 3,
        retentionYears: 7,
        // The bench signs in with the password alone.
        twoFactorRequired: false,
        bindingTest: { isEnabled: false, minYears: 2, withinYears: 5 },
      }),
      organisations: [
        {
          kind: 'coordination',
          name: `Regionale coördinatie ${name}`,
          municipalityCode: null,
          users: [
            { email: `voorzitter@${domain}`, displayName: `Voorzitter ${name}`, seat: 'chair' },
            { email: `beheer@${domain}`, displayName: `Beheer ${name}`, seat: 'regionAdmin' },
          ],
        },
        ...municipalities.map((m) => ({
          kind: 'municipality' as const,
          name: `Gemeente ${m.name}`,
          municipalityCode: m.code,
          users: [
            {
              email: `gemeente.${m.code.toLowerCase()}@${domain}`,
              displayName: `Gemeente ${m.name}`,
              seat: 'municipality',
            },
          ],
        })),
        ...corporations.map((c, k) => ({
          kind: 'corporation' as const,
          name: c,
          municipalityCode: null,
          users: [
            {
              email: `corporatie${k + 1}@${domain}`,
              displayName: `Verhuur ${c}`,
              seat: 'corporation',
            },
          ],
        })),
        ...providers.map((p, k) => ({
          kind: 'provider' as const,
          name: p,
          municipalityCode: null,
          users: [
            {
              email: `regisseur${k + 1}@${domain}`,
              displayName: `Casemanager ${p}`,
              seat: 'casemanager',
            },
            {
              email: `aanbieder${k + 1}@${domain}`,
              displayName: `Begeleider ${p}`,
              seat: 'provider',
            },
          ],
        })),
      ],
      corporationMunicipalities,
    };
  });
}

function normal(a: number, b: number): number {
  return Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * b);
}

/** Inserts the made regions with everything around them; returns their ids. */
async function createRegions(
  db: SqlConnection,
  count: number,
  seed: number,
  passwordHash: string,
  startAt: Date,
): Promise<string[]> {
  const made = makeRegions(count, seed, startAt);
  const regions = await rowsOf<{ id: string; slug: string }>(
    db,
    `INSERT INTO region (slug, name) SELECT r.slug, r.name FROM jsonb_to_recordset($1::jsonb) AS r(slug text, name text) RETURNING id, slug`,
    [JSON.stringify(made.map((r) => ({ slug: r.slug, name: r.name })))],
  );
  const json = (value: unknown) => JSON.stringify(value);
  await db.query(
    `INSERT INTO municipality (code, region_id, name, population, population_year)
     SELECT m.code, r.id, m.name, m.population, m.population_year
       FROM jsonb_to_recordset($1::jsonb) AS m(slug text, code text, name text, population int, population_year smallint) JOIN region r ON r.slug = m.slug`,
    [
      json(
        made.flatMap((r) =>
          r.config.municipalities.map((m) => ({
            slug: r.slug,
            code: m.code,
            name: m.name,
            population: m.population,
            population_year: m.populationYear,
          })),
        ),
      ),
    ],
  );
  await db.query(
    `INSERT INTO rule_set (region_id, version, config) SELECT r.id, 1, s.config FROM jsonb_to_recordset($1::jsonb) AS s(slug text, config jsonb) JOIN region r ON r.slug = s.slug`,
    [json(made.map((r) => ({ slug: r.slug, config: r.config })))],
  );
  await db.query(
    `INSERT INTO organisation (region_id, kind, name, municipality_code)
     SELECT r.id, o.kind, o.name, o.municipality_code FROM jsonb_to_recordset($1::jsonb) AS o(slug text, kind text, name text, municipality_code text) JOIN region r ON r.slug = o.slug`,
    [
      json(
        made.flatMap((r) =>
          r.organisations.map((o) => ({
            slug: r.slug,
            kind: o.kind,
            name: o.name,
            municipality_code: o.municipalityCode,
          })),
        ),
      ),
    ],
  );
  await db.query(
    `INSERT INTO app_user (organisation_id, email, display_name, seat, password_hash)
     SELECT o.id, u.email, u.display_name, u.seat, $2 FROM jsonb_to_recordset($1::jsonb) AS u(slug text, organisation text, email text, display_name text, seat text)
       JOIN region r ON r.slug = u.slug JOIN organisation o ON o.region_id = r.id AND o.name = u.organisation`,
    [
      json(
        made.flatMap((r) =>
          r.organisations.flatMap((o) =>
            o.users.map((u) => ({
              slug: r.slug,
              organisation: o.name,
              email: u.email,
              display_name: u.displayName,
              seat: u.seat,
            })),
          ),
        ),
      ),
      passwordHash,
    ],
  );
  // Where each corporation works, as a contingent of the first year without a number: the generator
  // reads a corporation's municipalities from its dwellings and contingents.
  await db.query(
    `INSERT INTO contingent (region_id, organisation_id, municipality_code, year, promised)
     SELECT r.id, o.id, c.code, $2, NULL FROM jsonb_to_recordset($1::jsonb) AS c(slug text, corporation text, code text)
       JOIN region r ON r.slug = c.slug JOIN organisation o ON o.region_id = r.id AND o.name = c.corporation`,
    [
      json(
        made.flatMap((r) =>
          Object.entries(r.corporationMunicipalities).flatMap(([corporation, codes]) =>
            codes.map((code) => ({ slug: r.slug, corporation, code })),
          ),
        ),
      ),
      Math.max(2020, startAt.getUTCFullYear()),
    ],
  );
  return regions.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// What the cases are drawn from: per region its municipalities, corporations, case managers, providers.

async function defineRegions(db: SqlConnection, regionRows: object[]): Promise<void> {
  await db.query(
    'CREATE TEMP TABLE gen_region_input (region_id uuid, idx int, cases int, case_offset bigint, wait_median float8, cadence_days int)',
  );
  await db.query(
    `INSERT INTO gen_region_input SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(region_id uuid, idx int, cases int, case_offset bigint, wait_median float8, cadence_days int)`,
    [JSON.stringify(regionRows)],
  );
  await db.query(
    `CREATE TEMP TABLE gen_region AS
     SELECT r.region_id, r.idx, r.cases, r.case_offset, r.wait_median, r.cadence_days, rg.name AS region_name,
            rs.version AS rule_set_version, rs.config,
            coalesce((rs.config->>'offerAnswerDays')::int, 10) AS offer_answer_days,
            coalesce((rs.config->>'agendaPublicationDays')::int, 5) AS publication_days,
            chair.user_id AS chair_user_id, chair.organisation_id AS coordination_org_id,
            -- The first table: a Tuesday at 10:00 (Amsterdam) a month before the history starts.
            ((date_trunc('week', (p.start_at - interval '30 days') AT TIME ZONE 'Europe/Amsterdam') + interval '1 day 10 hours') AT TIME ZONE 'Europe/Amsterdam') AS t0
       FROM gen_region_input r
       CROSS JOIN gen_param p
       JOIN region rg ON rg.id = r.region_id
       JOIN LATERAL (SELECT version, config FROM rule_set s WHERE s.region_id = r.region_id ORDER BY version DESC LIMIT 1) rs ON true
       LEFT JOIN LATERAL (SELECT u.id AS user_id, o.id AS organisation_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
                           WHERE o.region_id = r.region_id AND u.seat = 'chair' ORDER BY u.email LIMIT 1) chair ON true`,
  );

  await db.query('ANALYZE gen_region');
  // The target groups of the region's rule set, weighted as the sector's numbers go.
  await db.query(`
    CREATE TEMP TABLE gen_group AS
    WITH g AS (
      SELECT r.region_id, t.target_group,
             CASE t.target_group WHEN 'protectedHousing' THEN 45 WHEN 'shelter' THEN 30 WHEN 'womensShelter' THEN 10 ELSE 15 END::float8 AS weight
        FROM gen_region r CROSS JOIN LATERAL jsonb_array_elements_text(r.config->'targetGroups') AS t(target_group))
    SELECT region_id, target_group,
           (sum(weight) OVER w - weight) / sum(weight) OVER (PARTITION BY region_id) AS lo,
           CASE WHEN row_number() OVER w = count(*) OVER (PARTITION BY region_id) THEN 2 ELSE sum(weight) OVER w / sum(weight) OVER (PARTITION BY region_id) END AS hi
      FROM g WINDOW w AS (PARTITION BY region_id ORDER BY target_group)`);

  await db.query('ANALYZE gen_group');
  // The municipalities of the current rule set, each with its share of the region's population.
  await db.query(`
    CREATE TEMP TABLE gen_muni AS
    SELECT m.region_id, m.code, m.name, m.population,
           (row_number() OVER w - 1)::int AS idx, (count(*) OVER (PARTITION BY m.region_id))::int AS cnt,
           (sum(m.population) OVER w - m.population)::float8 / sum(m.population) OVER (PARTITION BY m.region_id) AS lo,
           CASE WHEN row_number() OVER w = count(*) OVER (PARTITION BY m.region_id) THEN 2
                ELSE sum(m.population) OVER w::float8 / sum(m.population) OVER (PARTITION BY m.region_id) END AS hi,
           (row_number() OVER (ORDER BY m.code) - 1)::int AS midx,
           (row_number() OVER (PARTITION BY m.region_id ORDER BY m.population DESC, m.code) - 1)::int AS prank,
           -- Neighbourhoods: four in a village, up to sixteen in a city.
           least(16, 4 + m.population / 25000)::int AS hoods,
           mo.organisation_id AS org_id, mo.user_id
      FROM municipality m JOIN gen_region r ON r.region_id = m.region_id
      LEFT JOIN LATERAL (SELECT o.id AS organisation_id, (SELECT u.id FROM app_user u WHERE u.organisation_id = o.id AND u.seat = 'municipality' ORDER BY u.email LIMIT 1) AS user_id
                           FROM organisation o WHERE o.kind = 'municipality' AND o.municipality_code = m.code AND o.region_id = m.region_id ORDER BY o.name LIMIT 1) mo ON true
     WHERE m.code IN (SELECT x->>'code' FROM jsonb_array_elements(r.config->'municipalities') x)
    WINDOW w AS (PARTITION BY m.region_id ORDER BY m.code)`);

  await db.query('ANALYZE gen_muni');
  // Corporations where they have dwellings or contingents; a municipality without one gets one in turn.
  await db.query(`
    CREATE TEMP TABLE gen_corp AS
    WITH org AS (
      SELECT o.region_id, o.id AS org_id, u.id AS user_id,
             (row_number() OVER (PARTITION BY o.region_id ORDER BY o.name) - 1)::int AS idx, (count(*) OVER (PARTITION BY o.region_id))::int AS cnt
        FROM organisation o JOIN gen_region r ON r.region_id = o.region_id
        JOIN LATERAL (SELECT id FROM app_user WHERE organisation_id = o.id AND seat = 'corporation' AND is_active ORDER BY email LIMIT 1) u ON true
       WHERE o.kind = 'corporation'),
    known AS (
      SELECT DISTINCT org.region_id, org.org_id, org.user_id, m.code
        FROM org JOIN (SELECT organisation_id, municipality_code FROM dwelling UNION SELECT organisation_id, municipality_code FROM contingent) x ON x.organisation_id = org.org_id
        JOIN gen_muni m ON m.code = x.municipality_code AND m.region_id = org.region_id),
    pairs AS (
      SELECT * FROM known
      UNION
      SELECT org.region_id, org.org_id, org.user_id, m.code FROM gen_muni m JOIN org ON org.region_id = m.region_id AND org.idx = m.idx % org.cnt
       WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.code = m.code)
      UNION
      SELECT org.region_id, org.org_id, org.user_id, m.code FROM org JOIN gen_muni m ON m.region_id = org.region_id AND m.idx = org.idx % m.cnt
       WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.org_id = org.org_id))
    SELECT p.*, (SELECT count(*) FROM dwelling d WHERE d.organisation_id = p.org_id AND d.municipality_code = p.code)::int AS existing,
           (row_number() OVER (PARTITION BY p.code ORDER BY p.org_id) - 1)::int AS idx
      FROM pairs p`);
  await db.query('ANALYZE gen_corp');
  await db.query('ALTER TABLE gen_muni ADD COLUMN corp_cnt int');
  await db.query(
    'UPDATE gen_muni m SET corp_cnt = (SELECT count(*) FROM gen_corp c WHERE c.code = m.code)',
  );
  // Case managers own the cases; providers with a provider seat give the follow-up support.
  await db.query(`
    CREATE TEMP TABLE gen_owner AS
    SELECT o.region_id, o.id AS org_id, o.name AS org_name, u.id AS user_id,
           (row_number() OVER (PARTITION BY o.region_id ORDER BY u.email) - 1)::int AS idx, (count(*) OVER (PARTITION BY o.region_id))::int AS cnt
      FROM app_user u JOIN organisation o ON o.id = u.organisation_id JOIN gen_region r ON r.region_id = o.region_id
     WHERE u.seat = 'casemanager' AND u.is_active`);
  await db.query(`
    CREATE TEMP TABLE gen_follow AS
    SELECT o.region_id, o.id AS org_id, o.name AS org_name, u.user_id,
           (row_number() OVER (PARTITION BY o.region_id ORDER BY o.name) - 1)::int AS idx, (count(*) OVER (PARTITION BY o.region_id))::int AS cnt
      FROM organisation o JOIN gen_region r ON r.region_id = o.region_id
      JOIN LATERAL (SELECT id AS user_id FROM app_user WHERE organisation_id = o.id AND seat = 'provider' AND is_active ORDER BY email LIMIT 1) u ON true
     WHERE o.kind = 'provider'`);

  await db.query('ANALYZE gen_owner, gen_follow');
  // Origins outside the region, for referrals to the origin region: the big cities, and towns of other regions.
  await db.query(`
    CREATE TEMP TABLE gen_outside AS
    WITH x AS (
      SELECT r.region_id, c.code FROM gen_region r
       CROSS JOIN LATERAL (
         SELECT code FROM (SELECT m.code::text AS code FROM municipality m WHERE m.region_id <> r.region_id ORDER BY hashtext(m.code || r.region_id::text) LIMIT 4) o
         UNION SELECT unnest(ARRAY['GM0363', 'GM0344', 'GM0599', 'GM0518'])) c
       WHERE c.code NOT IN (SELECT code FROM gen_muni WHERE region_id = r.region_id))
    SELECT region_id, code, (row_number() OVER (PARTITION BY region_id ORDER BY code) - 1)::int AS idx, (count(*) OVER (PARTITION BY region_id))::int AS cnt FROM x`);

  await db.query('ANALYZE gen_outside');
  // Weighted choices as lookups: per region 100 buckets of target groups and 1000 of municipalities
  // (by population), so that every choice is a hash join on equality, never a range scan per case.
  await db.query(`
    CREATE TEMP TABLE gen_group_pick AS
    SELECT g.region_id, b, g.target_group FROM gen_group g CROSS JOIN generate_series(0, 99) b WHERE (b + 0.5) / 100 >= g.lo AND (b + 0.5) / 100 < g.hi`);
  await db.query(`
    CREATE TEMP TABLE gen_muni_pick AS
    SELECT m.region_id, b, m.code, m.idx, m.cnt FROM gen_muni m CROSS JOIN generate_series(0, 999) b WHERE (b + 0.5) / 1000 >= m.lo AND (b + 0.5) / 1000 < m.hi`);
  await db.query(`
    ALTER TABLE gen_region ADD COLUMN owner_cnt int, ADD COLUMN follow_cnt int, ADD COLUMN outside_cnt int, ADD COLUMN largest_idx int`);
  await db.query(`
    UPDATE gen_region r SET owner_cnt = (SELECT count(*) FROM gen_owner o WHERE o.region_id = r.region_id),
                            follow_cnt = (SELECT count(*) FROM gen_follow f WHERE f.region_id = r.region_id),
                            outside_cnt = (SELECT count(*) FROM gen_outside x WHERE x.region_id = r.region_id),
                            largest_idx = (SELECT m.idx FROM gen_muni m WHERE m.region_id = r.region_id AND m.prank = 0)`);
  await db.query('ANALYZE gen_group_pick, gen_muni_pick, gen_region');
  await db.query(`
    CREATE TEMP TABLE gen_hood AS
    SELECT m.code, k, (ARRAY['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Stadshart', 'De Haven', 'Oude Dorp', 'Het Park', 'De Velden', 'Molenwijk',
                             'Kerkbuurt', 'Stationsbuurt', 'Waterwijk', 'Bloemenbuurt', 'Bomenwijk'])[k + 1] AS name,
           (ARRAY['Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Stationsweg', 'Schoolstraat', 'Parklaan', 'Havenkade', 'Beukenlaan', 'Lindelaan',
                  'Julianastraat', 'Wilhelminastraat', 'Prins Bernhardstraat', 'Tulpstraat', 'Rozenstraat', 'Eikenlaan', 'Meidoornstraat'])[k + 1] AS street
      FROM gen_muni m CROSS JOIN LATERAL generate_series(0, m.hoods - 1) k`);

  await db.query('ANALYZE gen_hood');
  // The region's tables, weekly or fortnightly, up to ten weeks ahead (far enough for every case's table).
  await db.query(`
    CREATE TEMP TABLE gen_table AS
    SELECT r.region_id, k, gen_random_uuid() AS id,
           ((r.t0 AT TIME ZONE 'Europe/Amsterdam') + make_interval(days => k * r.cadence_days)) AT TIME ZONE 'Europe/Amsterdam' AS starts_at
      FROM gen_region r CROSS JOIN gen_param p
      CROSS JOIN LATERAL generate_series(0, ceil(extract(epoch FROM (p.now + interval '100 days' - r.t0)) / (86400 * r.cadence_days))::int) k`);
  await db.query('CREATE UNIQUE INDEX ON gen_table (region_id, k)');
  // Temporary tables are never analysed by autovacuum: without statistics the planner would join 250,000 rows by nested loops.
  await db.query('ANALYZE gen_table');

  const missing = (
    await rowsOf<{ slug: string; missing: string | null }>(
      db,
      `
    SELECT rg.slug, CASE WHEN r.chair_user_id IS NULL THEN 'a chair' WHEN NOT EXISTS (SELECT 1 FROM gen_owner o WHERE o.region_id = r.region_id) THEN 'a case manager'
                         WHEN NOT EXISTS (SELECT 1 FROM gen_follow f WHERE f.region_id = r.region_id) THEN 'a provider with a provider seat'
                         WHEN NOT EXISTS (SELECT 1 FROM gen_corp c WHERE c.region_id = r.region_id) THEN 'a corporation with a user'
                         WHEN (SELECT count(*) FROM gen_muni m WHERE m.region_id = r.region_id) < 2 THEN 'two municipalities' END AS missing
      FROM gen_region r JOIN region rg ON rg.id = r.region_id`,
    )
  ).find((r) => r.missing !== null);
  if (missing) throw new Error(`generateHistory: region ${missing.slug} has no ${missing.missing}`);
}

/** Every agreement period the history touches, as ledger rows (the allocations of exception C are counted per period). */
async function defineLedgers(
  db: SqlConnection,
  regions: { id: string; config: RuleSetConfig }[],
  startAt: Date,
  now: Date,
): Promise<void> {
  const rows: { region_id: string; period_start: string; period_end: string }[] = [];
  for (const region of regions) {
    const seen = new Set<string>();
    for (let t = startAt.getTime() - 60 * dayMs; t <= now.getTime() + 31 * dayMs; t += 15 * dayMs) {
      const period = agreementPeriodOn(region.config, isoDay(new Date(t)));
      if (!seen.has(period.start))
        rows.push({ region_id: region.id, period_start: period.start, period_end: period.end });
      seen.add(period.start);
    }
  }
  await db.query(
    `INSERT INTO distribution_ledger (region_id, period_start, period_end)
     SELECT region_id, period_start, period_end FROM jsonb_to_recordset($1::jsonb) AS l(region_id uuid, period_start date, period_end date) ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

// ---------------------------------------------------------------------------------------------
// The cases: first every choice, then the whole timeline, then where each stands on `now`.

async function defineCases(db: SqlConnection): Promise<void> {
  // Each step's time is built on the one before. A few steps are MATERIALIZED: inlined, the planner would
  // paste each expression into every later one that uses it, and the tree grows as 3^depth per row.
  // The chances are computed where they are used (u(alias, tag)), not carried from step to step.
  await db.query(`
    CREATE TEMP TABLE gen_case AS
    WITH c AS (
      SELECT b.region_id, b.n, b.seed, b.now, g.target_group,
             CASE WHEN ${u('b', 'rule')} < 0.70 THEN 'herkomst' WHEN ${u('b', 'rule')} < 0.76 THEN 'A' WHEN ${u('b', 'rule')} < 0.82 THEN 'B'
                  WHEN ${u('b', 'rule')} < 0.89 THEN 'C' WHEN ${u('b', 'rule')} < 0.95 THEN 'D' ELSE 'buiten_regio' END AS rule,
             -- Where they came from, by population (C has no traceable origin, outside the region is elsewhere); C's destination, by population.
             om.code AS origin_pick, om.idx AS origin_idx, om.cnt AS muni_cnt, cm.code AS c_pick,
             r.t0, r.cadence_days, r.wait_median, r.offer_answer_days, r.rule_set_version, r.chair_user_id, r.coordination_org_id, r.region_name,
             r.outside_cnt, r.owner_cnt, r.follow_cnt, r.largest_idx,
             b.start_at + (${u('b', 'created')} * (b.span_days - 2)) * interval '1 day' AS created_at,
             3 + 45 * ${u('b', 'intake')} * ${u('b', 'intake')} AS intake_days
        FROM (SELECT r.region_id, (r.case_offset + i)::bigint AS n, p.seed, p.now, p.start_at, p.span_days
                FROM gen_region r CROSS JOIN gen_param p CROSS JOIN LATERAL generate_series(1, r.cases) i) b
        JOIN gen_region r ON r.region_id = b.region_id
        JOIN gen_group_pick g ON g.region_id = b.region_id AND g.b = floor(${u('b', 'group')} * 100)::int
        JOIN gen_muni_pick om ON om.region_id = b.region_id AND om.b = floor(${u('b', 'origin')} * 1000)::int
        JOIN gen_muni_pick cm ON cm.region_id = b.region_id AND cm.b = floor(${u('b', 'dest')} * 1000)::int
    ), d AS MATERIALIZED (
      SELECT c.*,
             CASE c.rule WHEN 'C' THEN NULL WHEN 'buiten_regio' THEN xo.code ELSE c.origin_pick END AS origin_code,
             CASE c.rule WHEN 'herkomst' THEN c.origin_pick WHEN 'C' THEN c.c_pick WHEN 'buiten_regio' THEN NULL ELSE am.code END AS dest_code,
             ow.org_id AS owner_org_id, ow.org_name AS owner_name, ow.user_id AS owner_user_id,
             fo.org_id AS follow_org_id, fo.org_name AS follow_name, fo.user_id AS follow_user_id,
             -- The town of the facility: mostly the region's biggest town.
             fm.code AS facility_code, fm.name AS facility_town,
             c.created_at + c.intake_days * interval '1 day' AS ready_at
        FROM c
        -- A, B and D: another town of the region than the origin.
        JOIN gen_muni am ON am.region_id = c.region_id AND am.idx = (c.origin_idx + 1 + floor(${u('c', 'dest')} * (c.muni_cnt - 1))::int) % c.muni_cnt
        JOIN gen_outside xo ON xo.region_id = c.region_id AND xo.idx = floor(${u('c', 'origin')} * c.outside_cnt)::int
        JOIN gen_owner ow ON ow.region_id = c.region_id AND ow.idx = floor(${u('c', 'owner')} * c.owner_cnt)::int
        JOIN gen_follow fo ON fo.region_id = c.region_id AND fo.idx = floor(${u('c', 'follow')} * c.follow_cnt)::int
        JOIN gen_muni fm ON fm.region_id = c.region_id AND fm.idx = CASE WHEN ${u('c', 'follow')} < 0.6 THEN c.largest_idx ELSE c.origin_idx END
    ), t3 AS MATERIALIZED (
      SELECT d.*, tb.id AS table_id, tb.starts_at AS table_at,
             greatest(tb.starts_at + (5 + floor(${u('d', 'decmin')} * 200)) * interval '1 minute' + (1 + 9 * ${u('d', 'gap1')}) * interval '1 day',
                      d.ready_at + least(1500, exp(ln(d.wait_median * CASE d.target_group WHEN 'womensShelter' THEN 0.8 WHEN 'youthCare' THEN 1.25 WHEN 'shelter' THEN 1.1 ELSE 1 END)
                             + 0.6 * sqrt(-2 * ln(1 - ${u('d', 'w1')})) * cos(2 * pi() * ${u('d', 'w2')}))) * interval '1 day') AS offer1_at,
             greatest(d.ready_at + interval '2 hours', tb.starts_at - interval '10 days') AS added_at,
             tb.starts_at + (5 + floor(${u('d', 'decmin')} * 200)) * interval '1 minute' AS decided_at,
             -- Days from ready to a first offer: log-normal around the region's median (long tail), slower for
             -- young people and the shelter, faster for the women's shelter (priority).
             least(1500, exp(ln(d.wait_median * CASE d.target_group WHEN 'womensShelter' THEN 0.8 WHEN 'youthCare' THEN 1.25 WHEN 'shelter' THEN 1.1 ELSE 1 END)
                             + 0.6 * sqrt(-2 * ln(1 - ${u('d', 'w1')})) * cos(2 * pi() * ${u('d', 'w2')}))) AS wait_days,
             -- The first offer: mostly accepted; some declined by the resident, a few withdrawn by the corporation.
             CASE WHEN ${u('d', 'fate')} < 0.16 THEN 'declined' WHEN ${u('d', 'fate')} < 0.19 THEN 'withdrawn' ELSE 'accepted' END AS fate1,
             -- Days after the first offer: its answer (or withdrawal), a second offer and its answer, the municipality's confirmation, the keys.
             1 + 8 * ${u('d', 'end1')} AS d_end1,
             CASE WHEN ${u('d', 'fate')} < 0.19 THEN 7 + 45 * ${u('d', 'gap2')} END AS d_gap2,
             CASE WHEN ${u('d', 'fate')} < 0.19 THEN 7 + 45 * ${u('d', 'gap2')} + 1 + 8 * ${u('d', 'ans2')} ELSE 0 END AS d_again,
             0.5 + 5 * ${u('d', 'conf')} + 4 + 26 * ${u('d', 'keys')} AS d_keys,
             0.5 + 5 * ${u('d', 'conf')} AS d_conf
        FROM d JOIN gen_table tb ON tb.region_id = d.region_id
         -- The table: the first that meets 4 to 28 days after the case is ready (the agenda fills up; some wait).
         AND tb.k = greatest(0, ceil(extract(epoch FROM (d.ready_at + (4 + 24 * ${u('d', 'wait')} * ${u('d', 'wait')}) * interval '1 day' - d.t0)) / (86400.0 * d.cadence_days)))::int
    ), t4 AS MATERIALIZED (
      SELECT t3.*, t3.offer1_at + t3.d_end1 * interval '1 day' AS end1_at,
             t3.offer1_at + (t3.d_end1 + t3.d_gap2) * interval '1 day' AS offer2_at,
             t3.offer1_at + (t3.d_end1 + t3.d_again) * interval '1 day' AS final_answered_at,
             t3.offer1_at + (t3.d_end1 + t3.d_again + t3.d_conf) * interval '1 day' AS confirmed_at,
             ((t3.offer1_at + (t3.d_end1 + t3.d_again + t3.d_keys) * interval '1 day') AT TIME ZONE 'Europe/Amsterdam')::date AS keys_date,
             -- About one in nine leaves before a dwelling: during the intake, while waiting for the table, or while searching.
             CASE WHEN ${u('t3', 'exit')} >= 0.11 THEN NULL
                  WHEN ${u('t3', 'phase')} < 0.3 THEN t3.created_at + t3.intake_days * (0.2 + 0.7 * ${u('t3', 'exitat')}) * interval '1 day'
                  WHEN ${u('t3', 'phase')} < 0.6 THEN t3.ready_at + (t3.added_at - t3.ready_at) * (0.1 + 0.8 * ${u('t3', 'exitat')})
                  WHEN t3.rule <> 'buiten_regio' THEN t3.decided_at + (t3.offer1_at - t3.decided_at) * (0.1 + 0.8 * ${u('t3', 'exitat')}) END AS exit_at,
             CASE WHEN ${u('t3', 'exitout')} < 0.55 THEN 'withdrawn' ELSE 'droppedOut' END AS exit_outcome,
             -- Where they live at the end: the Flevoland mix, mostly on their own.
             CASE WHEN ${u('t3', 'out')} < 0.75 THEN 'independentLiving' WHEN ${u('t3', 'out')} < 0.85 THEN 'housingFirst' WHEN ${u('t3', 'out')} < 0.90 THEN 'intermediateFacility'
                  WHEN ${u('t3', 'out')} < 0.92 THEN 'wlz' WHEN ${u('t3', 'out')} < 0.96 THEN 'backToProtectedHousing' ELSE 'droppedOut' END AS outcome_after,
             ${u('t3', 'out')} < 0.85 AS is_housed
        FROM t3
    ), t5 AS (
      SELECT t4.*, least(t4.now, coalesce(t4.exit_at, 'infinity')) AS cutoff,
             ((t4.keys_date + time '16:00') AT TIME ZONE 'Europe/Amsterdam') + (40 * ${u('t4', 'rec')}) * interval '1 hour' AS moved_at,
             ((t4.keys_date + time '16:00') AT TIME ZONE 'Europe/Amsterdam') + (40 * ${u('t4', 'rec')} + 2 + 230 * ${u('t4', 'start')}) * interval '1 hour' AS started_at,
             ((t4.keys_date + time '16:00') AT TIME ZONE 'Europe/Amsterdam') + (40 * ${u('t4', 'rec')} + 2 + 230 * ${u('t4', 'start')}) * interval '1 hour'
               + CASE WHEN t4.is_housed THEN 240 + 420 * ${u('t4', 'dur')} ELSE 80 + 260 * ${u('t4', 'dur')} END * interval '1 day' AS closed_after_at
        FROM t4
    ), s AS MATERIALIZED (
      SELECT t5.*,
             CASE WHEN t5.exit_at <= t5.now THEN 'closed'
                  WHEN t5.now < t5.ready_at THEN 'intake'
                  WHEN t5.now < t5.added_at THEN 'ready'
                  WHEN t5.now < t5.decided_at THEN 'scheduled'
                  WHEN t5.rule = 'buiten_regio' THEN 'closed'
                  WHEN t5.now < t5.offer1_at THEN 'searching'
                  WHEN t5.fate1 <> 'accepted' AND t5.now < t5.end1_at THEN 'offered'
                  WHEN t5.fate1 <> 'accepted' AND t5.now < t5.offer2_at THEN 'searching'
                  WHEN t5.now < t5.confirmed_at THEN 'offered'
                  WHEN t5.now < t5.moved_at THEN 'confirmed'
                  WHEN t5.now < t5.started_at THEN 'moved'
                  WHEN t5.now < t5.closed_after_at THEN 'aftercare'
                  ELSE 'closed' END AS state
        FROM t5
    )
    SELECT s.*, gen_random_uuid() AS id,
           s.ready_at <= s.cutoff AS is_ready,
           s.added_at <= s.cutoff AS is_on_agenda,
           s.decided_at <= s.cutoff AS is_decided,
           s.rule <> 'buiten_regio' AND s.offer1_at <= s.cutoff AS has_offer1,
           s.rule <> 'buiten_regio' AND s.fate1 <> 'accepted' AND s.offer2_at <= s.cutoff AS has_offer2,
           s.rule <> 'buiten_regio' AND s.exit_at IS NULL AND s.moved_at <= s.now AS is_moved,
           s.rule <> 'buiten_regio' AND s.exit_at IS NULL AND s.started_at <= s.now AS is_supported,
           CASE WHEN s.exit_at <= s.now THEN s.exit_at WHEN s.rule = 'buiten_regio' AND s.decided_at <= s.now THEN s.decided_at
                WHEN s.state = 'closed' THEN s.closed_after_at END AS closed_at,
           CASE WHEN s.exit_at <= s.now THEN s.exit_outcome WHEN s.rule = 'buiten_regio' AND s.decided_at <= s.now THEN 'referredToOriginRegion'
                WHEN s.state = 'closed' THEN s.outcome_after END AS outcome,
           -- When the case entered the state it is in: the last thing that happened to it.
           CASE WHEN s.exit_at <= s.now THEN s.exit_at
                WHEN s.state = 'intake' THEN s.created_at WHEN s.state = 'ready' THEN s.ready_at WHEN s.state = 'scheduled' THEN s.added_at
                WHEN s.rule = 'buiten_regio' THEN s.decided_at
                WHEN s.state = 'searching' THEN CASE WHEN s.fate1 <> 'accepted' AND s.end1_at <= s.now THEN s.end1_at ELSE s.decided_at END
                WHEN s.state = 'offered' THEN CASE WHEN s.offer2_at <= s.now THEN s.offer2_at ELSE s.offer1_at END
                WHEN s.state = 'confirmed' THEN s.confirmed_at WHEN s.state = 'moved' THEN s.moved_at WHEN s.state = 'aftercare' THEN s.started_at
                ELSE s.closed_after_at END AS state_at,
           CASE s.state WHEN 'intake' THEN 2 WHEN 'ready' THEN 3 WHEN 'scheduled' THEN 4 WHEN 'searching' THEN 6 WHEN 'offered' THEN 7 WHEN 'confirmed' THEN 8
                        WHEN 'moved' THEN 9 WHEN 'aftercare' THEN 10 ELSE 5 END
             + CASE WHEN s.fate1 <> 'accepted' AND s.end1_at <= s.cutoff THEN 2 ELSE 0 END AS version,
           c1.org_id AS corp1_org_id, c1.user_id AS corp1_user_id, c1.existing AS corp1_existing,
           c2.org_id AS corp2_org_id, c2.user_id AS corp2_user_id, c2.existing AS corp2_existing,
           dm.org_id AS dest_org_id, dm.user_id AS dest_user_id, dm.name AS dest_name, dm.midx AS dest_midx, dm.hoods AS dest_hoods,
           om.name AS origin_name
      FROM s
      LEFT JOIN gen_muni dm ON dm.code = s.dest_code
      LEFT JOIN gen_corp c1 ON c1.code = s.dest_code AND c1.idx = floor(${u('s', 'corp1')} * dm.corp_cnt)::int
      LEFT JOIN gen_corp c2 ON c2.code = s.dest_code AND c2.idx = floor(${u('s', 'corp2')} * dm.corp_cnt)::int
      LEFT JOIN gen_muni om ON om.code = s.origin_code`);
  await db.query('CREATE UNIQUE INDEX ON gen_case (id)');
  await db.query(
    'ANALYZE gen_case (id, region_id, dest_code, table_id, is_on_agenda, is_decided, is_moved, is_supported)',
  );
}

/** Eight base-36 digits of a number below 36^8, as one SQL expression (a subquery per row would cost a plan node each). */
function pseudonymDigits(value: string): string {
  return Array.from(
    { length: 8 },
    (_, i) =>
      `substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ((${value} / ${36 ** (7 - i)}) % 36)::int + 1, 1)`,
  ).join(' || ');
}

// ---------------------------------------------------------------------------------------------
// The rows, table by table, in the order of the foreign keys.

async function writeRows(db: SqlConnection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = async (table: string, sql: string) => {
    const [row] = await rowsOf<{ n: number }>(
      db,
      `WITH ins AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    counts[table] = (counts[table] ?? 0) + row!.n;
  };

  // Tables that met are closed; the next ones are published (agenda shared) or planned.
  await count(
    'outflow_table',
    `
    INSERT INTO outflow_table (id, region_id, title, starts_at, location, state, chair_user_id, published_at, closed_at, created_at)
    SELECT t.id, t.region_id, 'Uitstroomtafel ' || r.region_name || ' ' || to_char(t.starts_at AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY'),
           t.starts_at, 'Stadhuis, zaal 2',
           CASE WHEN t.starts_at + interval '4 hours' <= p.now THEN 'closed' WHEN t.starts_at - r.publication_days * interval '1 day' <= p.now THEN 'published' ELSE 'planned' END,
           r.chair_user_id,
           CASE WHEN t.starts_at - r.publication_days * interval '1 day' <= p.now THEN t.starts_at - r.publication_days * interval '1 day' END,
           CASE WHEN t.starts_at + interval '4 hours' <= p.now THEN t.starts_at + interval '4 hours' END,
           least(p.now, t.starts_at - interval '30 days')
      FROM gen_table t JOIN gen_region r ON r.region_id = t.region_id CROSS JOIN gen_param p
     WHERE t.starts_at <= p.now + 3 * r.cadence_days * interval '1 day'`,
  );

  const firstNameList = `ARRAY[${firstNames.map((n) => `'${n}'`).join(', ')}]`;
  const lastNameList = `ARRAY[${lastNames.map((n) => `'${n.replace(/'/g, "''")}'`).join(', ')}]`;
  await count(
    'case_file',
    `
    INSERT INTO case_file (id, pseudonym, region_id, owner_organisation_id, owner_user_id, state, version, target_group, sections, search_name,
                           origin_code, proposed_destination_code, decided_destination_code, proposal, rule_set_version, ready_at, outcome, closed_at,
                           created_at, updated_at, last_activity_at)
    SELECT c.id,
           -- R- and eight base-36 digits of a bijection of the case number: unique without a retry.
           'R-' || ${pseudonymDigits('((c.n * 1000003 + p.pseudonym_offset) % 2821109907456)')},
           c.region_id, c.owner_org_id, c.owner_user_id, c.state, c.version, c.target_group,
           jsonb_build_object(
             'identity', jsonb_build_object('firstName', nm.first_name, 'lastName', nm.last_name, 'birthDate', to_char(c.created_at - ((CASE WHEN c.target_group = 'youthCare' THEN 18 + 4 * ${u('c', 'age')} ELSE 21 + 43 * ${u('c', 'age')} END) * 365.25 + 30) * interval '1 day', 'YYYY-MM-DD')),
             'contact', jsonb_build_object('note', 'Bereikbaar via de persoonlijk begeleider op de locatie.'),
             'household', jsonb_build_object('adults', 1, 'children', CASE WHEN c.target_group = 'womensShelter' THEN 1 + floor(${u('c', 'age')} * 3)::int ELSE 0 END),
             'stay', jsonb_build_object('targetGroup', c.target_group, 'facility', c.owner_name || ', locatie ' || c.facility_town,
                                        'admissionDate', to_char(c.created_at - (200 + 500 * ${u('c', 'intake')}) * interval '1 day', 'YYYY-MM-DD')),
             'addresses', CASE WHEN c.origin_code IS NULL
                               THEN jsonb_build_array(jsonb_build_object('municipality', c.facility_code, 'kind', 'instelling', 'from', to_char(c.created_at - (200 + 500 * ${u('c', 'intake')}) * interval '1 day', 'YYYY-MM-DD'), 'source', 'providerFile'))
                               ELSE jsonb_build_array(
                                 jsonb_build_object('municipality', c.origin_code, 'kind', 'woonadres', 'from', to_char(c.created_at - (2000 + 3000 * ${u('c', 'age')}) * interval '1 day', 'YYYY-MM-DD'),
                                                    'to', to_char(c.created_at - (200 + 500 * ${u('c', 'intake')}) * interval '1 day', 'YYYY-MM-DD'), 'source', 'brp'),
                                 jsonb_build_object('municipality', c.facility_code, 'kind', 'instelling', 'from', to_char(c.created_at - (200 + 500 * ${u('c', 'intake')}) * interval '1 day', 'YYYY-MM-DD'), 'source', 'providerFile')) END,
             'isOriginUntraceable', c.rule = 'C',
             'wishes', jsonb_build_object('municipalities', CASE WHEN c.dest_code IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(c.dest_code) END,
                                          'dwellingType', (ARRAY['studio', 'apartment', 'groundFloorHome', 'room', 'any'])[1 + floor(${u('c', 'kind1')} * 5)::int],
                                          'ownWords', 'Een eigen plek met rust om me heen, dicht bij mijn werk en mijn familie.'),
             'housingNeeds', jsonb_build_object('rooms', 1 + floor(${u('c', 'kind2')} * 3)::int, 'maxRent', 450 + 50 * floor(${u('c', 'kind2')} * 6)::int),
             'supportNeeds', jsonb_build_object(
               'incomeAndDebts', (ARRAY['Uitkering; budgetbeheer via de gemeente.', 'Werkt parttime; geen schulden.', 'Schulden van enkele duizenden euro''s; een regeling loopt.'])[1 + floor(${u('c', 'reason')} * 3)::int],
               'housing', 'Kan zelfstandig wonen met hulp bij de administratie en de vaste lasten.',
               'supportAndCare', (ARRAY['Ambulante begeleiding 2 uur per week.', 'Ambulante begeleiding 4 uur per week; het FACT-team blijft betrokken.', 'Lichte begeleiding, afbouwen na een half jaar.'])[1 + floor(${u('c', 'intensity')} * 3)::int],
               'participation', (ARRAY['Vrijwilligerswerk, twee dagen per week.', 'Volgt een mbo-opleiding.', 'Zoekt werk met hulp van de gemeente.'])[1 + floor(${u('c', 'touch')} * 3)::int]),
             'sensitive', '{}'::jsonb,
             'exceptions', CASE c.rule
               WHEN 'A' THEN jsonb_build_array(jsonb_build_object('kind', 'A', 'motivation', 'In de gemeente van herkomst is terugval te verwachten: het oude netwerk gebruikt en de veiligheid is niet te waarborgen.'))
               WHEN 'B' THEN jsonb_build_array(jsonb_build_object('kind', 'B', 'municipality', c.dest_code, 'ground', CASE WHEN ${u('c', 'reason')} < 0.5 THEN 'netwerk' ELSE 'daginvulling' END,
                                                                  'canTravelFromOrigin', false, 'motivation', 'Werk en steunend netwerk liggen in de gekozen gemeente en zijn vanuit de herkomst niet te bereizen.'))
               WHEN 'D' THEN jsonb_build_array(jsonb_build_object('kind', 'D', 'municipality', c.dest_code, 'motivation', 'Behandeling en zorg zijn alleen in de gekozen gemeente vol te houden; de herkomst is niet passend.'))
               ELSE '[]'::jsonb END,
             'excluded', CASE WHEN c.rule = 'A' THEN jsonb_build_array(c.origin_code) ELSE '[]'::jsonb END),
           lower(nm.first_name || ' ' || nm.last_name),
           c.origin_code, c.dest_code, CASE WHEN c.is_decided THEN c.dest_code END,
           jsonb_build_object('ruleSetVersion', c.rule_set_version, 'result', jsonb_build_object('outcome', c.rule, 'origin', c.origin_code, 'destination', c.dest_code,
             'reasons', jsonb_build_array(CASE c.rule
               WHEN 'herkomst' THEN 'De bewoner woonde het langst in ' || c.origin_name || ': dat is de gemeente van herkomst.'
               WHEN 'A' THEN 'Uitzondering A: belemmeringen in de gemeente van herkomst; de wens van de bewoner is de bestemming.'
               WHEN 'B' THEN 'Uitzondering B: betere kansen in ' || c.dest_name || '.'
               WHEN 'C' THEN 'Uitzondering C: de herkomst is niet te achterhalen; de verdeling naar inwonertal wijst ' || c.dest_name || ' aan.'
               WHEN 'D' THEN 'Uitzondering D: anders niet passend; ' || c.dest_name || ' is de bestemming.'
               ELSE 'De herkomst ligt buiten de regio: verwijzen naar de herkomstregio.' END))),
           c.rule_set_version,
           CASE WHEN c.is_ready THEN c.ready_at END, c.outcome, c.closed_at,
           c.created_at,
           CASE WHEN c.state = 'closed' THEN c.closed_at ELSE least(c.now, greatest(c.state_at, c.now - 25 * ${u('c', 'touch')} * ${u('c', 'touch')} * interval '1 day')) END,
           CASE WHEN c.state = 'closed' THEN c.closed_at ELSE least(c.now, greatest(c.state_at, c.now - 25 * ${u('c', 'touch')} * ${u('c', 'touch')} * interval '1 day')) END
      FROM gen_case c CROSS JOIN gen_param p
      CROSS JOIN LATERAL (SELECT (${firstNameList})[1 + floor(${u('c', 'first')} * ${firstNames.length})::int] AS first_name,
                                 (${lastNameList})[1 + floor(${u('c', 'last')} * ${lastNames.length})::int] AS last_name) nm`,
  );

  // The events: the creation, and the step that brought the case where it is.
  await count(
    'case_event',
    `
    INSERT INTO case_event (case_id, at, actor_user_id, kind, details)
    SELECT c.id, c.created_at, c.owner_user_id, 'created', '{}'::jsonb FROM gen_case c
    UNION ALL
    SELECT c.id, c.state_at, CASE WHEN c.state IN ('scheduled', 'searching') OR c.outcome = 'referredToOriginRegion' THEN c.chair_user_id
                                  WHEN c.state = 'confirmed' THEN c.dest_user_id WHEN c.state = 'offered' THEN c.corp1_user_id
                                  WHEN c.state = 'aftercare' OR (c.state = 'closed' AND c.is_moved) THEN c.follow_user_id ELSE c.owner_user_id END,
           'transition', jsonb_build_object('transition', t.name, 'to', c.state)
             || CASE WHEN c.state = 'closed' THEN jsonb_build_object('outcome', c.outcome) ELSE '{}'::jsonb END
      FROM gen_case c CROSS JOIN LATERAL (SELECT CASE
             WHEN c.outcome IN ('withdrawn', 'droppedOut') AND NOT c.is_moved THEN 'withdraw' WHEN c.outcome = 'referredToOriginRegion' THEN 'referToOriginRegion'
             WHEN c.state = 'closed' THEN 'close' WHEN c.state = 'ready' THEN 'markReady' WHEN c.state = 'scheduled' THEN 'schedule'
             WHEN c.state = 'searching' THEN CASE WHEN c.fate1 = 'declined' AND c.end1_at <= c.now THEN 'declineOffer' WHEN c.fate1 = 'withdrawn' AND c.end1_at <= c.now THEN 'withdrawOffer' ELSE 'startSearch' END
             WHEN c.state = 'offered' THEN 'offerDwelling' WHEN c.state = 'confirmed' THEN 'confirmPlacement' WHEN c.state = 'moved' THEN 'moveIn'
             ELSE 'startAftercare' END AS name) t
     WHERE c.state <> 'intake'`,
  );

  await db.query(`
    CREATE TEMP TABLE gen_agenda AS
    SELECT c.id AS case_id, gen_random_uuid() AS item_id, gen_random_uuid() AS decision_id,
           CASE WHEN c.rule = 'C' AND c.is_decided THEN gen_random_uuid() END AS allocation_id,
           row_number() OVER (PARTITION BY c.table_id ORDER BY c.decided_at, c.n)::int AS position
      FROM gen_case c WHERE c.is_on_agenda`);
  await db.query('CREATE UNIQUE INDEX ON gen_agenda (case_id)');
  await db.query('ANALYZE gen_agenda');
  await count(
    'agenda_item',
    `
    INSERT INTO agenda_item (id, table_id, case_id, position, status, added_by, added_at, kind)
    SELECT a.item_id, c.table_id, c.id, a.position, CASE WHEN c.is_decided THEN 'decided' ELSE 'open' END, c.owner_user_id, c.added_at, 'placement'
      FROM gen_agenda a JOIN gen_case c ON c.id = a.case_id`,
  );

  // Exception C takes its municipality from the ledger of the agreement period of the decision.
  await count(
    'distribution_allocation',
    `
    INSERT INTO distribution_allocation (id, region_id, period_start, municipality_code, case_id, rule_set_version, allocated_at)
    SELECT a.allocation_id, c.region_id, l.period_start, c.dest_code, c.id, c.rule_set_version, c.decided_at
      FROM gen_agenda a JOIN gen_case c ON c.id = a.case_id
      CROSS JOIN LATERAL (SELECT period_start FROM distribution_ledger l WHERE l.region_id = c.region_id AND l.period_end >= (c.decided_at AT TIME ZONE 'Europe/Amsterdam')::date
                           ORDER BY l.period_end LIMIT 1) l
     WHERE a.allocation_id IS NOT NULL`,
  );

  await count(
    'table_decision',
    `
    INSERT INTO table_decision (id, agenda_item_id, case_id, rule, destination_code, proposed_destination_code, departs_from_proposal, motivation,
                                rule_set_version, allocation_id, follow_up_provider_id, present, votes, referral_summary, decided_by, decided_at)
    SELECT a.decision_id, a.item_id, c.id, c.rule, c.dest_code, c.dest_code, false,
           CASE c.rule WHEN 'A' THEN 'Terugkeer naar de herkomst is niet veilig; de tafel volgt het advies van de casemanager.'
                       WHEN 'B' THEN 'Werk en netwerk liggen in de gemeente van bestemming; vanuit de herkomst niet te bereizen.'
                       WHEN 'D' THEN 'Zorg en behandeling zijn alleen in de gemeente van bestemming vol te houden.' END,
           c.rule_set_version, a.allocation_id, CASE WHEN c.rule <> 'buiten_regio' THEN c.follow_org_id END,
           jsonb_build_array(jsonb_build_object('organisationId', c.coordination_org_id, 'seat', 'chair'),
                             jsonb_build_object('organisationId', c.owner_org_id, 'seat', 'casemanager'))
             || CASE WHEN c.dest_org_id IS NOT NULL THEN jsonb_build_array(jsonb_build_object('organisationId', c.dest_org_id, 'seat', 'municipality')) ELSE '[]'::jsonb END,
           CASE WHEN c.dest_org_id IS NOT NULL THEN jsonb_build_array(jsonb_build_object('organisationId', c.dest_org_id, 'seat', 'municipality', 'position', 'agree')) ELSE '[]'::jsonb END,
           CASE WHEN c.rule = 'buiten_regio' THEN 'De bewoner komt uit een andere regio; de herkomstregio neemt de casus over met dit dossier.' END,
           c.chair_user_id, c.decided_at
      FROM gen_agenda a JOIN gen_case c ON c.id = a.case_id WHERE c.is_decided`,
  );

  // One dwelling per offer, of the offering corporation, in the destination, in one of its neighbourhoods.
  await db.query(`
    CREATE TEMP TABLE gen_offer AS
    SELECT c.id AS case_id, 1 AS nr, gen_random_uuid() AS offer_id, gen_random_uuid() AS dwelling_id, c.corp1_org_id AS org_id, c.corp1_user_id AS user_id,
           c.corp1_existing AS existing, c.offer1_at AS offered_at, ${u('c', 'hood1')} AS u_hood, ${u('c', 'kind1')} AS u_kind, ${u('c', 'tenancy1')} AS u_tenancy,
           CASE WHEN c.fate1 = 'accepted' THEN 'final' ELSE c.fate1 END AS fate
      FROM gen_case c WHERE c.has_offer1
    UNION ALL
    SELECT c.id, 2, gen_random_uuid(), gen_random_uuid(), c.corp2_org_id, c.corp2_user_id, c.corp2_existing, c.offer2_at, ${u('c', 'hood2')}, ${u('c', 'kind2')}, ${u('c', 'tenancy2')}, 'final'
      FROM gen_case c WHERE c.has_offer2`);
  await db.query(
    `ALTER TABLE gen_offer ADD COLUMN k int, ADD COLUMN kind text, ADD COLUMN tenancy_form text`,
  );
  await db.query('CREATE UNIQUE INDEX ON gen_offer (offer_id)');
  await db.query('ANALYZE gen_offer');
  await db.query(`
    UPDATE gen_offer o SET
      k = x.k,
      kind = CASE WHEN o.u_kind < 0.25 THEN 'studio' WHEN o.u_kind < 0.70 THEN 'apartment' WHEN o.u_kind < 0.82 THEN 'groundFloorHome' WHEN o.u_kind < 0.90 THEN 'house' ELSE 'room' END,
      tenancy_form = CASE WHEN o.u_tenancy < 0.35 THEN 'regular' WHEN o.u_tenancy < 0.65 THEN 'viaProvider' WHEN o.u_tenancy < 0.75 THEN 'housingFirst'
                          WHEN o.u_tenancy < 0.85 THEN 'viaMunicipality' WHEN o.u_tenancy < 0.92 THEN 'temporary' WHEN o.u_tenancy < 0.97 THEN 'clustered' ELSE 'unconventional' END
      FROM (SELECT o2.offer_id, o2.existing + row_number() OVER (PARTITION BY o2.org_id, c.dest_code ORDER BY o2.offered_at, o2.offer_id) - 1 AS k
              FROM gen_offer o2 JOIN gen_case c ON c.id = o2.case_id) x
     WHERE x.offer_id = o.offer_id`);
  await db.query('CREATE INDEX ON gen_offer (case_id)');
  await db.query('ANALYZE gen_offer');

  // Postcodes: a block of numbers per municipality, the letters X? (no demo address has them), so that
  // an address is unique per corporation, as the partial unique index wants.
  const munis = (
    await rowsOf<{ munis: number }>(db, 'SELECT count(*)::int AS munis FROM gen_muni')
  )[0]!.munis;
  const step = Math.max(1, Math.floor(8999 / Math.max(1, munis)));
  await count(
    'dwelling',
    `
    INSERT INTO dwelling (id, region_id, organisation_id, municipality_code, street, house_number, postcode, address_key, neighbourhood, kind, rooms, rent, floor,
                          has_lift, is_wheelchair_accessible, available_from, tenancy_form, created_by, created_at, updated_by, updated_at)
    SELECT o.dwelling_id, c.region_id, o.org_id, c.dest_code, h.street, a.house_number, a.postcode, replace(a.postcode, ' ', '') || '|' || a.house_number, h.name, o.kind,
           CASE o.kind WHEN 'studio' THEN 0 WHEN 'room' THEN 1 WHEN 'house' THEN 3 + floor(o.u_hood * 2)::int ELSE 2 + floor(o.u_hood * 2)::int END,
           round((380 + 420 * o.u_kind)::numeric, 2),
           f.floor, f.floor > 2, o.u_tenancy > 0.9,
           (o.offered_at AT TIME ZONE 'Europe/Amsterdam')::date - (3 + floor(25 * o.u_hood))::int,
           o.tenancy_form, o.user_id, o.offered_at - interval '30 days', o.user_id, o.offered_at - interval '30 days'
      FROM gen_offer o JOIN gen_case c ON c.id = o.case_id
      JOIN gen_hood h ON h.code = c.dest_code AND h.k = floor(power(o.u_hood, 1.4) * c.dest_hoods)::int
      CROSS JOIN LATERAL (SELECT (1000 + c.dest_midx * ${step} + o.k % ${step})::text || ' X' || chr(65 + (o.k / ${step}) % 26) AS postcode,
                                 (o.k / ${step * 26} + 1)::text AS house_number) a
      CROSS JOIN LATERAL (SELECT CASE WHEN o.kind IN ('groundFloorHome', 'house') THEN 0 ELSE floor(o.u_kind * 7)::int END AS floor) f`,
  );

  // The offers as they stand on 'now': open, answered, confirmed by the municipality, completed by the move.
  await count(
    'offer',
    `
    INSERT INTO offer (id, region_id, case_id, dwelling_id, organisation_id, status, offered_by, offered_at, answer_due_on, waited_days, answered_by, answered_at,
                       decline_reason, withdrawn_by, withdrawn_at, withdrawal_reason, decided_by, decided_at, support_arranged, support_intensity, completed_at, updated_at)
    SELECT o.offer_id, c.region_id, c.id, o.dwelling_id, o.org_id, x.status, o.user_id, o.offered_at,
           (o.offered_at AT TIME ZONE 'Europe/Amsterdam')::date + c.offer_answer_days,
           (o.offered_at AT TIME ZONE 'Europe/Amsterdam')::date - (c.ready_at AT TIME ZONE 'Europe/Amsterdam')::date,
           CASE WHEN x.status IN ('declined', 'accepted', 'completed') THEN c.owner_user_id END,
           CASE WHEN x.status = 'declined' THEN c.end1_at WHEN x.status IN ('accepted', 'completed') THEN c.final_answered_at END,
           CASE WHEN x.status = 'declined' THEN (ARRAY['De woning ligt te ver van het werk van de bewoner.', 'De bewoner vindt de woning te klein voor de kinderen die op bezoek komen.',
                                                       'De buurt is voor de bewoner niet veilig: oude contacten wonen in de straat.'])[1 + floor(${u('c', 'reason')} * 3)::int] END,
           CASE WHEN x.status = 'withdrawn' THEN o.user_id END, CASE WHEN x.status = 'withdrawn' THEN c.end1_at END,
           CASE WHEN x.status = 'withdrawn' THEN 'De woning is bij de oplevering afgekeurd; herstel duurt maanden.' END,
           CASE WHEN x.is_confirmed THEN c.dest_user_id END, CASE WHEN x.is_confirmed THEN c.confirmed_at END,
           CASE WHEN x.is_confirmed THEN 'Ambulante begeleiding door ' || c.follow_name || ' vanaf de sleuteloverdracht.' END,
           CASE WHEN x.is_confirmed THEN (ARRAY['light', 'regular', 'intensive'])[1 + floor(${u('c', 'intensity')} * 3)::int] END,
           CASE WHEN x.status = 'completed' THEN c.moved_at END,
           least(c.now, CASE x.status WHEN 'open' THEN o.offered_at WHEN 'declined' THEN c.end1_at WHEN 'withdrawn' THEN c.end1_at WHEN 'completed' THEN c.moved_at
                                  ELSE CASE WHEN x.is_confirmed THEN c.confirmed_at ELSE c.final_answered_at END END)
      FROM gen_offer o JOIN gen_case c ON c.id = o.case_id
      CROSS JOIN LATERAL (SELECT CASE WHEN o.fate <> 'final' THEN CASE WHEN c.now < c.end1_at THEN 'open' ELSE o.fate END
                                      WHEN c.now < c.final_answered_at THEN 'open' WHEN c.now < c.moved_at THEN 'accepted' ELSE 'completed' END AS status,
                                 o.fate = 'final' AND c.confirmed_at <= c.now AS is_confirmed) x`,
  );

  await count(
    'move_in',
    `
    INSERT INTO move_in (case_id, offer_id, key_handover_date, tenancy_form, agreement_conditions, provider_contact_name, provider_contact_phone,
                         provider_emergency_phone, waited_days_to_offer, waited_days_to_keys, recorded_by, recorded_at)
    SELECT c.id, o.offer_id, c.keys_date, o.tenancy_form,
           'Huurovereenkomst met begeleidingsafspraken: huur op tijd, begeleiding volgens plan, overlast wordt gemeld.',
           'Begeleider ' || c.follow_name, '088 123 45 67', '088 123 45 00',
           (c.offer1_at AT TIME ZONE 'Europe/Amsterdam')::date - (c.ready_at AT TIME ZONE 'Europe/Amsterdam')::date,
           c.keys_date - (c.ready_at AT TIME ZONE 'Europe/Amsterdam')::date,
           o.user_id, c.moved_at
      FROM gen_case c JOIN gen_offer o ON o.case_id = c.id AND o.fate = 'final' WHERE c.is_moved`,
  );

  await count(
    'follow_up_support',
    `
    INSERT INTO follow_up_support (case_id, provider_organisation_id, landlord_organisation_id, key_handover_date, started_on, started_by, started_at)
    SELECT c.id, c.follow_org_id, o.org_id, c.keys_date, (c.started_at AT TIME ZONE 'Europe/Amsterdam')::date, c.follow_user_id, c.started_at
      FROM gen_case c JOIN gen_offer o ON o.case_id = c.id AND o.fate = 'final' WHERE c.is_supported`,
  );
  await count(
    'support_intensity',
    `
    INSERT INTO support_intensity (case_id, effective_on, hours_per_week, direction, reason, recorded_by, recorded_at)
    SELECT c.id, (c.started_at AT TIME ZONE 'Europe/Amsterdam')::date, (ARRAY[1.5, 3, 6])[1 + floor(${u('c', 'intensity')} * 3)::int], 'start', 'Start van de nazorg',
           c.follow_user_id, c.started_at
      FROM gen_case c WHERE c.is_supported`,
  );

  // The checks at 6 and 12 months after the keys, asked on their day; most answered within a month.
  // Who ended in their own home mostly still lives there; who went back or dropped out mostly not.
  await count(
    'follow_up_check',
    `
    INSERT INTO follow_up_check (case_id, months, due_on, asked_at, still_lives_there, tenancy_converted, answered_by, answered_at)
    SELECT x.case_id, x.months, x.due_on, x.asked_at,
           CASE WHEN x.is_answered THEN x.still END, CASE WHEN x.is_answered THEN x.still AND x.converted END,
           CASE WHEN x.is_answered THEN x.follow_user_id END, CASE WHEN x.is_answered THEN x.answered_at END
      FROM (SELECT c.id AS case_id, m.months, m.due_on, m.asked_at, c.follow_user_id,
                   m.asked_at + (1 + 30 * m.u_answer) * interval '1 day' AS answered_at,
                   m.u_answer < 0.93 AND m.asked_at + (1 + 30 * m.u_answer) * interval '1 day' <= c.now AS is_answered,
                   CASE WHEN c.is_housed THEN m.u_still < 0.97 WHEN m.months = 6 THEN m.u_still < 0.55 ELSE m.u_still < 0.1 END AS still,
                   m.u_still < CASE WHEN m.months = 6 THEN 0.15 ELSE 0.55 END AS converted
              FROM gen_case c
              CROSS JOIN LATERAL (VALUES (6, ${u('c', 'c6')}, ${u('c', 'v6')}), (12, ${u('c', 'c12')}, ${u('c', 'v12')})) AS v(months, u_answer, u_still)
              CROSS JOIN LATERAL (SELECT v.months, v.u_answer, v.u_still, (c.keys_date + make_interval(months => v.months))::date AS due_on,
                                         (((c.keys_date + make_interval(months => v.months))::date + time '06:00') AT TIME ZONE 'Europe/Amsterdam') AS asked_at) m
             WHERE c.is_supported AND m.asked_at <= c.now) x`,
  );

  // The contingents of each year: what each corporation placed in each municipality, give or take a third; some years without a number.
  await count(
    'contingent',
    `
    INSERT INTO contingent (region_id, organisation_id, municipality_code, year, promised, created_at, updated_at)
    SELECT y.region_id, y.org_id, y.code, y.year,
           CASE WHEN ((hashtextextended(y.org_id::text || y.code || y.year, p.seed) >> 11) & 1023) < 100 THEN NULL
                ELSE greatest(1, round(y.placed * (0.7 + 0.6 * (((hashtextextended(y.code || y.org_id::text || y.year, p.seed) >> 11) & 1023) / 1024.0))))::int END,
           make_date(y.year, 1, 1)::timestamptz, make_date(y.year, 1, 1)::timestamptz
      FROM (SELECT c.region_id, o.org_id, c.dest_code AS code, extract(year FROM o.offered_at AT TIME ZONE 'Europe/Amsterdam')::int AS year, count(*) AS placed
              FROM gen_offer o JOIN gen_case c ON c.id = o.case_id WHERE o.fate = 'final' GROUP BY 1, 2, 3, 4) y
      CROSS JOIN gen_param p
     WHERE y.year BETWEEN 2020 AND 2100
    -- A number agreed by a person stays; the made regions' first year (where each corporation works, no number yet) gets one.
    ON CONFLICT (organisation_id, municipality_code, year) DO UPDATE SET promised = EXCLUDED.promised
      WHERE contingent.promised IS NULL AND contingent.created_by IS NULL`,
  );

  // Who sits at each table (issue 26): the municipalities its cases concern (origin, proposed and
  // decided destination), as scheduling a case invites them, and the corporations with a contingent
  // in a destination that year, as the chair invites them. Without them a municipality or corporation
  // of a case on an upcoming table would find the table out of its reach.
  await count(
    'outflow_table_invitation',
    `
    INSERT INTO outflow_table_invitation (table_id, organisation_id)
    SELECT DISTINCT t.id, o.id
      FROM gen_table g JOIN outflow_table t ON t.id = g.id
      JOIN agenda_item a ON a.table_id = t.id
      JOIN case_file c ON c.id = a.case_id
      JOIN organisation o ON o.region_id = t.region_id AND o.kind = 'municipality'
       AND trim(o.municipality_code) IN (trim(c.origin_code), trim(c.proposed_destination_code), trim(c.decided_destination_code))
    UNION
    SELECT DISTINCT t.id, k.organisation_id
      FROM gen_table g JOIN outflow_table t ON t.id = g.id
      JOIN agenda_item a ON a.table_id = t.id
      JOIN case_file c ON c.id = a.case_id
      JOIN contingent k ON k.region_id = t.region_id
       AND k.year = extract(year FROM t.starts_at AT TIME ZONE 'Europe/Amsterdam')::int
       AND trim(k.municipality_code) IN (trim(c.proposed_destination_code), trim(c.decided_destination_code))
    ON CONFLICT DO NOTHING`,
  );

  await db.query('DROP TABLE IF EXISTS gen_agenda, gen_offer');
  return counts;
}
