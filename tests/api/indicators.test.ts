import type request from 'supertest';
import { addDays, amsterdamDate } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { pdfText } from '../support/pdf-text';

/**
 * The indicators (issue 14) against generated data whose answers are known: a region of its own
 * ("Testregio", three municipalities, two corporations — one named like a spreadsheet formula),
 * filled by SQL, beside the seeded demo regions whose data must never count. One seeding for the
 * whole file; every test reads.
 *
 * What is in it (period Q1 2025 unless said):
 * - 100 cases whose first offer fell in the period after 1..100 days (odd days: Noordstad, even:
 *   Zuiddorp; days 1..70 Woonstede, 71..100 the formula corporation; days 1..20 shelter, the rest
 *   protected housing). Days 1..10 were declined and got a second offer (20 days later): not a new
 *   wait. One case's first offer fell in 2024 and its second in the period, one fell at 00:30 on
 *   1 April in Amsterdam (still 31 March in UTC): neither counts.
 * - 10 moves in February, 10..100 days to the keys (Woonstede; six in "Centrum"/"centrum " of
 *   Noordstad, four in a neighbourhood named `=HYPERLINK(…)` of Zuiddorp), with their 6- and
 *   12-month checks.
 * - Today's open cases: 3 ready (one stalled, one over the target without an offer), 2 searching
 *   (one over the target without an offer, one with an open offer), 1 in intake.
 * - 9 decisions (6 origin, 2 C, 1 outside the region) and one in 2024; allocations 3/4/1 (+1
 *   given back); 7 cases closed in the period (5 independent living, 2 Housing First).
 */

let t: TestApp;
const a = {} as Record<
  'chair' | 'admin' | 'noordstad' | 'woonstede' | 'casemanager',
  request.Agent
>;
const ids = {} as Record<'region' | 'woonstede' | 'formula' | 'centrada', string>;
const formulaName = '=HYPERLINK("http://evil.example","klik")';
const q1 = 'from=2025-01-01&to=2025-03-31';

beforeAll(async () => {
  t = await startTestApp();
  await seedTestRegion();
  a.chair = await t.signIn('voorzitter@testregio.test');
  a.admin = await t.signIn('beheer@testregio.test');
  a.noordstad = await t.signIn('gemeente@noordstad.test');
  a.woonstede = await t.signIn('corporatie@woonstede.test');
  a.casemanager = await t.signIn('regisseur@testzorg.test');
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function seedTestRegion(): Promise<void> {
  await t.db.transaction((tx) => seed((sql, params = []) => tx.query(sql, params)));
}

async function seed(q: (sql: string, params?: unknown[]) => Promise<any>): Promise<void> {
  const [{ password_hash: hash }] = await q(
    `SELECT password_hash FROM app_user WHERE email = 'voorzitter@almere.demo'`,
  );
  const [{ id: region }] = await q(
    `INSERT INTO region (slug, name) VALUES ('testregio', 'Testregio') RETURNING id`,
  );
  ids.region = region;
  const municipalities = [
    ['GM9901', 'Noordstad', 60000],
    ['GM9902', 'Zuiddorp', 30000],
    ['GM9903', 'Oosthaven', 10000],
  ] as const;
  for (const [code, name, population] of municipalities) {
    await q(
      'INSERT INTO municipality (code, region_id, name, population, population_year) VALUES ($1, $2, $3, $4, 2024)',
      [code, region, name, population],
    );
  }
  const config = {
    municipalities: municipalities.map(([code, name, population]) => ({
      code,
      name,
      population,
      populationYear: 2024,
    })),
    targetGroups: ['protectedHousing', 'shelter', 'womensShelter', 'youthCare'],
    youthAgeBand: { from: 18, until: 23 },
    agreement: { firstPeriodStart: '2024-01-01', firstPeriodEnd: '2025-12-31', extensionYears: 2 },
    agendaPublicationDays: 5,
    stalledCaseDays: 14,
    waitingTargetDays: 90,
    offerAnswerDays: 10,
    neighbourhoodLoadThreshold: 3,
    retentionYears: 7,
    twoFactorRequired: false,
  };
  await q('INSERT INTO rule_set (region_id, version, config) VALUES ($1, 1, $2)', [
    region,
    JSON.stringify(config),
  ]);
  const organisation = async (
    kind: string,
    name: string,
    code: string | null,
    users: [string, string][],
  ) => {
    const [{ id }] = await q(
      'INSERT INTO organisation (region_id, kind, name, municipality_code) VALUES ($1, $2, $3, $4) RETURNING id',
      [region, kind, name, code],
    );
    for (const [email, seat] of users)
      await q(
        'INSERT INTO app_user (organisation_id, email, display_name, seat, password_hash) VALUES ($1, $2, $3, $4, $5)',
        [id, email, email, seat, hash],
      );
    return id as string;
  };
  await organisation('coordination', 'Coördinatie Testregio', null, [
    ['voorzitter@testregio.test', 'chair'],
    ['beheer@testregio.test', 'regionAdmin'],
  ]);
  await organisation('municipality', 'Gemeente Noordstad', 'GM9901', [
    ['gemeente@noordstad.test', 'municipality'],
  ]);
  ids.woonstede = await organisation('corporation', 'Woonstede', null, [
    ['corporatie@woonstede.test', 'corporation'],
  ]);
  ids.formula = await organisation('corporation', formulaName, null, [
    ['corporatie@formule.test', 'corporation'],
  ]);
  const provider = await organisation('provider', 'Testzorg', null, [
    ['regisseur@testzorg.test', 'casemanager'],
  ]);
  [{ id: ids.centrada }] = await q(`SELECT id FROM organisation WHERE name = 'Centrada'`);

  // Everything below is one statement per kind of fact, in generate_series.
  await q(`CREATE TEMP TABLE seed_case (n int PRIMARY KEY, id uuid) ON COMMIT DROP`);
  const user = `(SELECT id FROM app_user WHERE email = 'regisseur@testzorg.test')`;
  /** Cases n in [from, to], closed long ago unless a state is given. */
  const cases = (range: [number, number], columns: string) =>
    q(
      `
    WITH c AS (
      INSERT INTO case_file (pseudonym, region_id, owner_organisation_id, owner_user_id, target_group, sections, search_name,
                             state, ready_at, closed_at, outcome, last_activity_at, origin_code, decided_destination_code)
      SELECT 'R-TQ' || lpad(n::text, 6, '0'), $1, $2, ${user}, ${columns}
        FROM generate_series($3::int, $4::int) n
      RETURNING id, pseudonym)
    INSERT INTO seed_case SELECT substr(pseudonym, 5)::int, id FROM c`,
      [region, provider, ...range],
    );
  // 1..100: the first offers of the period; 101: first offer in 2024; 102: first offer at 00:30 on 1 April.
  await cases(
    [1, 102],
    `CASE WHEN n <= 20 THEN 'shelter' ELSE 'protectedHousing' END, '{"identity":{}}', 'x',
    'closed', now() - interval '900 days', '2023-06-01', 'independentLiving', now(), 'GM9903', CASE WHEN n % 2 = 1 THEN 'GM9901' ELSE 'GM9902' END`,
  );
  // 201..210: the moves of February.
  await cases(
    [201, 210],
    `'protectedHousing', '{"identity":{}}', 'x', 'closed', '2024-10-01', '2023-06-01', 'independentLiving', now(), 'GM9901',
    CASE WHEN n <= 206 THEN 'GM9901' ELSE 'GM9902' END`,
  );
  // 301..306: today's open cases.
  await cases(
    [301, 306],
    `'protectedHousing', '{"identity":{}}', 'x',
    (ARRAY['ready','ready','ready','searching','searching','intake'])[n - 300],
    CASE n WHEN 306 THEN NULL WHEN 301 THEN now() - interval '100 days' WHEN 304 THEN now() - interval '200 days' WHEN 305 THEN now() - interval '200 days' ELSE now() - interval '10 days' END,
    NULL, NULL, CASE WHEN n = 302 THEN now() - interval '30 days' ELSE now() END, 'GM9901', NULL`,
  );
  // 401..407: closed in the period.
  await cases(
    [401, 407],
    `'protectedHousing', '{"identity":{}}', 'x', 'closed', '2024-06-01', '2025-02-10 12:00+01',
    CASE WHEN n <= 405 THEN 'independentLiving' ELSE 'housingFirst' END, now(), 'GM9901', 'GM9901'`,
  );

  // One dwelling per offer (a dwelling has one live offer at most).
  await q(
    `CREATE TEMP TABLE seed_offer (n int, case_n int, corporation uuid, municipality char(6), neighbourhood text, status text, offered_at timestamptz, waited int) ON COMMIT DROP`,
  );
  await q(
    `INSERT INTO seed_offer
    SELECT n, n, CASE WHEN n <= 70 THEN $1::uuid ELSE $2::uuid END, CASE WHEN n % 2 = 1 THEN 'GM9901' ELSE 'GM9902' END, 'Wijk',
           CASE WHEN n <= 10 THEN 'declined' ELSE 'accepted' END, '2025-01-05 10:00+01'::timestamptz + (n % 50) * interval '1 day', n
      FROM generate_series(1, 100) n
    UNION ALL SELECT 1000 + n, n, $1, CASE WHEN n % 2 = 1 THEN 'GM9901' ELSE 'GM9902' END, 'Wijk', 'open', '2025-03-20 10:00+01', n + 20 FROM generate_series(1, 10) n
    UNION ALL SELECT 101, 101, $1, 'GM9901', 'Wijk', 'declined', '2024-12-15 10:00+01', 5
    UNION ALL SELECT 1101, 101, $1, 'GM9901', 'Wijk', 'open', '2025-02-01 10:00+01', 53
    UNION ALL SELECT 102, 102, $1, 'GM9901', 'Wijk', 'open', '2025-04-01 00:30+02', 7
    UNION ALL SELECT n, n, $1, CASE WHEN n <= 206 THEN 'GM9901' ELSE 'GM9902' END,
           CASE WHEN n <= 205 THEN 'Centrum' WHEN n = 206 THEN ' centrum  ' ELSE $3 END, 'completed', '2024-11-01 10:00+01', 30 FROM generate_series(201, 210) n
    UNION ALL SELECT 305, 305, $1, 'GM9901', 'Wijk', 'open', now(), 200`,
    [ids.woonstede, ids.formula, formulaName],
  );
  const [{ id: corporationUser }] = await q(
    `SELECT id FROM app_user WHERE email = 'corporatie@woonstede.test'`,
  );
  await q(`ALTER TABLE seed_offer ADD COLUMN dwelling uuid`);
  await q(
    `WITH d AS (
      INSERT INTO dwelling (region_id, organisation_id, municipality_code, street, house_number, postcode, address_key, neighbourhood, kind, rooms, rent, floor,
         has_lift, is_wheelchair_accessible, available_from, tenancy_form, created_by, updated_by)
      SELECT $1, s.corporation, s.municipality, 'Proefstraat', s.n::text, '1234 AB', '1234AB' || s.n, s.neighbourhood, 'apartment', 2, 600, 0,
             false, false, '2024-01-01', 'regular', $2, $2
        FROM seed_offer s RETURNING id, address_key)
    UPDATE seed_offer s SET dwelling = d.id FROM d WHERE d.address_key = '1234AB' || s.n`,
    [region, corporationUser],
  );
  await q(
    `INSERT INTO offer (region_id, case_id, dwelling_id, organisation_id, status, offered_by, offered_at, answer_due_on, waited_days,
             answered_at, answered_by, decline_reason, decided_at, decided_by, support_arranged, support_intensity, completed_at)
    SELECT $1, c.id, s.dwelling, s.corporation, s.status, $2, s.offered_at, (s.offered_at + interval '10 days')::date, s.waited,
           CASE WHEN s.status <> 'open' THEN s.offered_at + interval '2 days' END, CASE WHEN s.status <> 'open' THEN $2::uuid END,
           CASE WHEN s.status = 'declined' THEN 'De woning past niet bij de bewoner.' END,
           CASE WHEN s.status = 'completed' THEN s.offered_at + interval '3 days' END, CASE WHEN s.status = 'completed' THEN $2::uuid END,
           CASE WHEN s.status = 'completed' THEN 'Ambulante begeleiding vier uur per week.' END, CASE WHEN s.status = 'completed' THEN 'regular' END,
           CASE WHEN s.status = 'completed' THEN s.offered_at + interval '4 days' END
      FROM seed_offer s JOIN seed_case c ON c.n = s.case_n`,
    [region, corporationUser],
  );
  await q(
    `INSERT INTO move_in (case_id, offer_id, key_handover_date, tenancy_form, agreement_conditions, provider_contact_name, provider_contact_phone,
             provider_emergency_phone, waited_days_to_offer, waited_days_to_keys, recorded_by)
    SELECT c.id, f.id, '2025-02-01'::date + (c.n - 201), 'regular', 'Huur op eigen naam vanaf het begin.', 'Petra Bos', '0320 123 456', '0320 999 000',
           30, (c.n - 200) * 10, $1
      FROM seed_case c JOIN offer f ON f.case_id = c.id WHERE c.n BETWEEN 201 AND 210`,
    [corporationUser],
  );
  await q(
    `INSERT INTO follow_up_support (case_id, provider_organisation_id, landlord_organisation_id, key_handover_date, started_on, started_by)
    SELECT c.id, $1, $2, m.key_handover_date, m.key_handover_date, ${user} FROM seed_case c JOIN move_in m ON m.case_id = c.id`,
    [provider, ids.woonstede],
  );
  // 6 months: all ten due in the period, eight answered, six still there. 12 months: two due, unanswered.
  await q(`INSERT INTO follow_up_check (case_id, months, due_on, asked_at, still_lives_there, tenancy_converted, answered_by, answered_at)
    SELECT c.id, 6, '2025-03-01'::date, now(), CASE WHEN c.n <= 208 THEN c.n <= 206 END, CASE WHEN c.n <= 208 THEN false END,
           CASE WHEN c.n <= 208 THEN ${user} END, CASE WHEN c.n <= 208 THEN now() END
      FROM seed_case c WHERE c.n BETWEEN 201 AND 210
    UNION ALL SELECT c.id, 12, '2025-03-15'::date, now(), NULL::boolean, NULL::boolean, NULL::uuid, NULL::timestamptz FROM seed_case c WHERE c.n IN (201, 202)`);

  // Decisions: 6 origin (Noordstad), 2 C (Zuiddorp), 1 outside the region; and one of 2024.
  const [{ id: chair }] = await q(
    `SELECT id FROM app_user WHERE email = 'voorzitter@testregio.test'`,
  );
  const [{ id: table }] = await q(
    `INSERT INTO outflow_table (region_id, title, starts_at, chair_user_id) VALUES ($1, 'Testtafel', '2025-02-01', $2) RETURNING id`,
    [region, chair],
  );
  await q(
    `WITH items AS (
      INSERT INTO agenda_item (table_id, case_id, position, status, added_by)
      SELECT $1, c.id, c.n, 'decided', $2 FROM seed_case c WHERE c.n BETWEEN 11 AND 20 RETURNING id, case_id, position)
    INSERT INTO table_decision (agenda_item_id, case_id, rule, destination_code, departs_from_proposal, rule_set_version, present, votes, decided_by, decided_at)
    SELECT id, case_id, CASE WHEN position <= 16 THEN 'herkomst' WHEN position <= 18 THEN 'C' ELSE 'buiten_regio' END,
           CASE WHEN position <= 16 THEN 'GM9901' WHEN position <= 18 THEN 'GM9902' END, false, 1, '[]', '[]', $2,
           CASE WHEN position <= 19 THEN '2025-02-01 11:00+01'::timestamptz ELSE '2024-12-01 11:00+01' END
      FROM items`,
    [table, chair],
  );
  // The ledger of 2024–2025: 3 / 4 / 1 that count, one given back.
  await q(
    `INSERT INTO distribution_ledger (region_id, period_start, period_end) VALUES ($1, '2024-01-01', '2025-12-31')`,
    [region],
  );
  await q(
    `INSERT INTO distribution_allocation (region_id, period_start, municipality_code, rule_set_version, allocated_at, returned_at)
    SELECT $1, '2024-01-01', code, 1, '2025-01-10', CASE WHEN k = 5 AND code = 'GM9902' THEN '2025-01-11'::timestamptz END
      FROM (VALUES ('GM9901', 3), ('GM9902', 5), ('GM9903', 1)) v(code, times), generate_series(1, times) k`,
    [region],
  );
  // Contingents of 2025: Woonstede promised 40 to Noordstad and no number yet to Zuiddorp; the formula corporation 3 to Oosthaven.
  await q(
    `INSERT INTO contingent (region_id, organisation_id, municipality_code, year, promised)
    VALUES ($1, $2, 'GM9901', 2025, 40), ($1, $2, 'GM9902', 2025, NULL), ($1, $3, 'GM9903', 2025, 3)`,
    [region, ids.woonstede, ids.formula],
  );

  // Another region's case in the same period, waiting 1000 days: it must never count here.
  await q(`WITH c AS (
      INSERT INTO case_file (pseudonym, region_id, owner_organisation_id, owner_user_id, target_group, sections, search_name, state, ready_at, decided_destination_code)
      SELECT 'R-TQ999999', o.region_id, o.id, u.id, 'protectedHousing', '{"identity":{}}', 'x', 'offered', now() - interval '1000 days', 'GM0995'
        FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'regisseur@kwintes.demo' RETURNING id, region_id),
    w AS (
      INSERT INTO dwelling (region_id, organisation_id, municipality_code, street, house_number, postcode, address_key, neighbourhood, kind, rooms, rent, floor,
         has_lift, is_wheelchair_accessible, available_from, tenancy_form, created_by, updated_by)
      SELECT o.region_id, o.id, 'GM0995', 'Elders', '1', '8299 ZZ', '8299ZZ1', 'Elders', 'studio', 1, 500, 0, false, false, '2024-01-01', 'regular', u.id, u.id
        FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'corporatie@centrada.demo' RETURNING id, organisation_id, created_by)
    INSERT INTO offer (region_id, case_id, dwelling_id, organisation_id, offered_by, offered_at, answer_due_on, waited_days)
    SELECT c.region_id, c.id, w.id, w.organisation_id, w.created_by, '2025-02-02 10:00+01', '2025-02-12', 1000 FROM c, w`);
}

const dashboard = async (agent: request.Agent, query = q1) => {
  const response = await agent.get(`/api/indicators?${query}`);
  expect(response.status).toBe(200);
  return response.body;
};

describe('the waiting time to the first offer, on 100 cases waiting 1..100 days', () => {
  it('median 50.5, 75th percentile 75.25, 10 of 100 over the 90-day target (only first offers, only this region, Dutch days)', async () => {
    const { dashboard: d, comparison } = await dashboard(a.chair);
    expect(comparison).toBeNull();
    expect(d.scope).toEqual({ kind: 'region', label: 'Regio Testregio' });
    expect(d.smallCountsSuppressed).toBe(false);
    expect(d.waitingToOffer.targetDays).toBe(90);
    expect(d.waitingToOffer.total).toEqual({
      key: 'total',
      label: 'Totaal',
      count: 100,
      medianDays: 50.5,
      p75Days: 75.25,
      overTarget: 10,
      overTargetShare: 0.1,
    });
    expect(d.waitingToOffer.byMunicipality).toEqual([
      {
        key: 'GM9901',
        label: 'Noordstad',
        count: 50,
        medianDays: 50,
        p75Days: 74.5,
        overTarget: 5,
        overTargetShare: 0.1,
      },
      {
        key: 'GM9902',
        label: 'Zuiddorp',
        count: 50,
        medianDays: 51,
        p75Days: 75.5,
        overTarget: 5,
        overTargetShare: 0.1,
      },
      {
        key: 'GM9903',
        label: 'Oosthaven',
        count: 0,
        medianDays: null,
        p75Days: null,
        overTarget: 0,
        overTargetShare: null,
      },
    ]);
    expect(
      d.waitingToOffer.byCorporation.map((f: any) => [f.label, f.count, f.medianDays]),
    ).toEqual([
      [formulaName, 30, 85.5],
      ['Woonstede', 70, 35.5],
    ]);
    expect(d.waitingToOffer.byTargetGroup.map((f: any) => [f.key, f.count, f.medianDays])).toEqual([
      ['protectedHousing', 80, 60.5],
      ['shelter', 20, 10.5],
      ['womensShelter', 0, null],
      ['youthCare', 0, null],
    ]);
  });

  it('the filters change the answer as expected: target group, corporation, period', async () => {
    const shelter = (await dashboard(a.chair, `${q1}&targetGroup=shelter`)).dashboard;
    expect(shelter.waitingToOffer.total).toMatchObject({
      count: 20,
      medianDays: 10.5,
      overTarget: 0,
    });
    expect(shelter.filter.targetGroup).toBe('shelter');
    const formula = (await dashboard(a.chair, `${q1}&corporation=${ids.formula}`)).dashboard;
    expect(formula.waitingToOffer.total).toMatchObject({
      count: 30,
      medianDays: 85.5,
      overTarget: 10,
    });
    expect(formula.filter.corporation).toEqual({ id: ids.formula, name: formulaName });
    // Cut to one corporation, the sections about cases are not about it: left out.
    expect([formula.openCases, formula.decisions, formula.distribution, formula.outcomes]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    // April: only the offer made at 00:30 on 1 April in Amsterdam.
    const april = (await dashboard(a.chair, 'from=2025-04-01&to=2025-06-30')).dashboard;
    expect(april.waitingToOffer.total).toMatchObject({ count: 1, medianDays: 7 });
    // Without dates: the twelve months up to today, in Dutch days.
    const today = amsterdamDate(new Date());
    expect((await dashboard(a.chair, '')).dashboard.filter).toMatchObject({
      to: today,
      from: addDays(
        `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28'),
        1,
      ),
    });
  });
});

describe('the other sections, for the chair (exact counts)', () => {
  let d: any;
  beforeAll(async () => {
    d = (await dashboard(a.chair)).dashboard;
  });

  it('waiting to the keys: 10..100 days, median 55, p75 77.5, one over target', () => {
    expect(d.waitingToKeys.total).toMatchObject({
      count: 10,
      medianDays: 55,
      p75Days: 77.5,
      overTarget: 1,
      overTargetShare: 0.1,
    });
  });

  it("open cases are today's, by state, with the stalled and those over the target without an offer", () => {
    const byState = Object.fromEntries(d.openCases.byState.map((s: any) => [s.key, s.count]));
    expect(byState).toEqual({
      intake: 1,
      ready: 3,
      scheduled: 0,
      decided: 0,
      searching: 2,
      offered: 0,
      confirmed: 0,
      moved: 0,
      aftercare: 0,
    });
    expect(d.openCases).toMatchObject({ stalled: 1, stalledDays: 14, waitingOverTarget: 2 });
  });

  it('decisions by rule in the period, outcomes of the period, the ledger against population shares', () => {
    expect(d.decisions.map((r: any) => [r.key, r.count])).toEqual([
      ['herkomst', 6],
      ['A', 0],
      ['B', 0],
      ['C', 2],
      ['D', 0],
      ['buiten_regio', 1],
    ]);
    expect(d.outcomes.filter((r: any) => r.count).map((r: any) => [r.label, r.count])).toEqual([
      ['Zelfstandig wonen', 5],
      ['Housing First', 2],
    ]);
    expect(d.distribution).toEqual({
      periodStart: '2024-01-01',
      periodEnd: '2025-12-31',
      total: 8,
      rows: [
        {
          municipalityCode: 'GM9901',
          name: 'Noordstad',
          populationShare: 0.6,
          allocated: 3,
          expected: 4.8,
          deficit: 1.8,
        },
        {
          municipalityCode: 'GM9902',
          name: 'Zuiddorp',
          populationShare: 0.3,
          allocated: 4,
          expected: 2.4,
          deficit: -1.6,
        },
        {
          municipalityCode: 'GM9903',
          name: 'Oosthaven',
          populationShare: 0.1,
          allocated: 1,
          expected: 0.8,
          deficit: -0.2,
        },
      ],
    });
  });

  it('dwellings offered and accepted per corporation and municipality against the contingents', () => {
    expect(
      d.dwellings.map((r: any) => [
        r.organisationName,
        r.municipalityName,
        r.promised,
        r.offered,
        r.accepted,
      ]),
    ).toEqual([
      [formulaName, 'Noordstad', null, 15, 15],
      [formulaName, 'Zuiddorp', null, 15, 15],
      [formulaName, 'Oosthaven', 3, 0, 0],
      ['Woonstede', 'Noordstad', 40, 41, 30],
      ['Woonstede', 'Zuiddorp', null, 40, 30],
    ]);
  });

  it('moves per neighbourhood (one name however typed), and the follow-up checks', () => {
    expect(d.neighbourhoods).toEqual([
      {
        municipalityCode: 'GM9901',
        municipalityName: 'Noordstad',
        neighbourhood: 'Centrum',
        moves: 6,
      },
      {
        municipalityCode: 'GM9902',
        municipalityName: 'Zuiddorp',
        neighbourhood: formulaName,
        moves: 4,
      },
    ]);
    expect(d.stillHoused).toEqual([
      { months: 6, due: 10, answered: 8, stillHoused: 6, share: 0.75 },
      { months: 12, due: 2, answered: 0, stillHoused: 0, share: null },
    ]);
  });

  it('the regionAdmin sees the same region, exactly', async () => {
    const admin = (await dashboard(a.admin)).dashboard;
    expect(admin.waitingToOffer.total).toEqual(d.waitingToOffer.total);
    expect(admin.neighbourhoods).toEqual(d.neighbourhoods);
  });
});

describe('per seat', () => {
  it('a municipality sees its own figures beside the region’s, small counts as "<5"', async () => {
    const view = await dashboard(a.noordstad);
    const own = view.dashboard;
    expect(own.scope).toEqual({ kind: 'municipality', label: 'Gemeente Noordstad' });
    expect(own.smallCountsSuppressed).toBe(true);
    expect(own.filter.municipality).toEqual({ code: 'GM9901', name: 'Noordstad' });
    expect(own.waitingToOffer.total).toMatchObject({
      count: 50,
      medianDays: 50,
      p75Days: 74.5,
      overTarget: 5,
      overTargetShare: 0.1,
    });
    expect(own.waitingToOffer.byMunicipality.map((f: any) => f.key)).toEqual(['GM9901']);
    // 3 ready cases of Noordstad: "<5", and the stalled one too; the zeros stay zero.
    expect(own.openCases.byState.find((s: any) => s.key === 'ready').count).toBe('<5');
    expect(own.openCases.byState.find((s: any) => s.key === 'moved').count).toBe(0);
    expect(own.openCases.stalled).toBe('<5');
    // The ledger: its own row against the region's total; a deficit beside "<5" would give the count away.
    expect(own.distribution.rows).toEqual([
      {
        municipalityCode: 'GM9901',
        name: 'Noordstad',
        populationShare: 0.6,
        allocated: '<5',
        expected: 4.8,
        deficit: null,
      },
    ]);
    expect(
      own.outcomes.filter((r: any) => r.count !== 0).map((r: any) => [r.key, r.count]),
    ).toEqual([
      ['independentLiving', 5],
      ['housingFirst', '<5'],
    ]);
    expect(own.neighbourhoods.map((r: any) => r.neighbourhood)).toEqual(['Centrum']);

    const region = view.comparison;
    expect(region.scope).toEqual({ kind: 'region', label: 'Regio Testregio' });
    expect(region.smallCountsSuppressed).toBe(true);
    expect(region.waitingToOffer.total).toMatchObject({ count: 100, medianDays: 50.5 });
    expect(region.neighbourhoods.map((r: any) => r.moves)).toEqual([6, '<5']);
    // 12-month checks: 2 due, none answered: "<5", and no share from so few.
    expect(region.stillHoused[1]).toEqual({
      months: 12,
      due: '<5',
      answered: 0,
      stillHoused: 0,
      share: null,
    });
    expect(region.waitingToKeys.total).toMatchObject({
      count: 10,
      overTarget: '<5',
      overTargetShare: null,
    });
    expect(view.choices.municipalities).toEqual([{ code: 'GM9901', name: 'Noordstad' }]);
    expect(view.choices.corporations).toHaveLength(2);
  });

  it('a municipality asking for another municipality is refused at that field', async () => {
    const response = await a.noordstad.get(`/api/indicators?${q1}&municipality=GM9902`);
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([expect.objectContaining({ path: 'municipality' })]);
  });

  it('a corporation sees only its own offers, dwellings, contingents and moves; the sections about cases are null', async () => {
    const view = await dashboard(a.woonstede);
    const d = view.dashboard;
    expect(d.scope).toEqual({ kind: 'corporation', label: 'Woonstede' });
    expect(view.comparison).toBeNull();
    expect(d.filter.corporation).toEqual({ id: ids.woonstede, name: 'Woonstede' });
    expect(d.waitingToOffer.total).toMatchObject({ count: 70, medianDays: 35.5 });
    expect(d.waitingToOffer.byCorporation.map((f: any) => f.label)).toEqual(['Woonstede']);
    expect([d.openCases, d.decisions, d.distribution, d.outcomes]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(d.dwellings.map((r: any) => r.organisationName)).toEqual(['Woonstede', 'Woonstede']);
    expect(d.stillHoused[0]).toEqual({
      months: 6,
      due: 10,
      answered: 8,
      stillHoused: 6,
      share: 0.75,
    });
    expect(d.neighbourhoods.map((r: any) => r.moves)).toEqual([6, '<5']);
    expect(view.choices.corporations).toEqual([{ id: ids.woonstede, name: 'Woonstede' }]);
    const other = await a.woonstede.get(`/api/indicators?corporation=${ids.formula}`);
    expect(other.status).toBe(400);
    expect(other.body.error.issues[0].path).toBe('corporation');
  });

  it('seats without the grant get 403', async () => {
    expect((await a.casemanager.get('/api/indicators')).status).toBe(403);
    expect((await a.casemanager.get('/api/indicators/report/pdf')).status).toBe(403);
  });
});

describe('bad input: 400 in the one error shape, at the field', () => {
  it.each([
    ['from after to', 'from=2025-04-01&to=2025-03-01', 'to'],
    ['not a date', 'from=2025-02-30', 'from'],
    ['an unknown municipality code', 'municipality=GM9999', 'municipality'],
    ['a municipality of another region', 'municipality=GM0034', 'municipality'],
    ['a malformed corporation id', 'corporation=12', 'corporation'],
    ['an unknown target group', 'targetGroup=everyone', 'targetGroup'],
    ['an unknown filter', 'name=Jansen', 'name'],
  ])('%s', async (_label, query, path) => {
    const response = await a.chair.get(`/api/indicators?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('a corporation of another region, and an unknown indicator', async () => {
    const otherRegion = await a.chair.get(`/api/indicators?corporation=${ids.centrada}`);
    expect(otherRegion.status).toBe(400);
    expect(otherRegion.body.error.issues[0].path).toBe('corporation');
    const unknown = await a.chair.get('/api/indicators/everything/csv');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('indicator');
  });
});

describe('exports', () => {
  const csvOf = async (agent: request.Agent, indicator: string, query = q1) => {
    const response = await agent
      .get(`/api/indicators/${indicator}/csv?${query}`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => done(null, text));
      });
    return response;
  };

  it('one CSV per indicator: Dutch headers, ";", decimal comma, the period in the file name, formula names neutralised', async () => {
    const waiting = await csvOf(a.chair, 'waitingToOffer');
    expect(waiting.status).toBe(200);
    expect(waiting.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(waiting.headers['content-disposition']).toBe(
      'attachment; filename="wachttijd-tot-aanbod-2025-01-01-tot-2025-03-31.csv"',
    );
    const lines = (waiting.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '"gebied";"indeling";"groep";"aantal";"mediaan (dagen)";"75e percentiel (dagen)";"norm (dagen)";"boven de norm";"boven de norm (%)"',
    );
    expect(lines[1]).toBe('"Regio Testregio";"Totaal";"Totaal";100;50,5;75,25;90;10;10');
    // The formula corporation arrives as text, never as a formula.
    expect(waiting.body).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(waiting.body).not.toMatch(/(^|;)"?=HYPERLINK/m);

    const neighbourhoods = await csvOf(a.noordstad, 'neighbourhoods');
    // A municipality: its own rows first, then the region's, with "<5" kept as "<5".
    expect(
      (neighbourhoods.body as string)
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean),
    ).toEqual([
      '"gebied";"gemeente";"wijk";"verhuizingen"',
      '"Gemeente Noordstad";"Noordstad";"Centrum";6',
      '"Regio Testregio";"Noordstad";"Centrum";6',
      `"Regio Testregio";"Zuiddorp";"'=HYPERLINK(""http://evil.example"",""klik"")";"<5"`,
    ]);
  });

  it('a section the seat does not see has no CSV', async () => {
    expect((await a.woonstede.get(`/api/indicators/openCases/csv?${q1}`)).status).toBe(404);
    expect((await csvOf(a.woonstede, 'stillHoused')).status).toBe(200);
  });

  it('the whole dashboard as a PDF', async () => {
    const response = await a.noordstad
      .get(`/api/indicators/report/pdf?${q1}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="indicatoren-2025-01-01-tot-2025-03-31.pdf"',
    );
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
    const text = pdfText(pdf);
    expect(text).toContain('Indicatoren uitstroom Gemeente Noordstad, naast Regio Testregio');
    expect(text).toContain('Noordstad 60,0 % <5 4,8 –');
  });

  it('the PDF prints what the dashboard holds: a negative backlog with a minus sign (U+2212), not Helvetica\'s `"`', async () => {
    const response = await a.chair
      .get(`/api/indicators/report/pdf?${q1}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    const text = pdfText(response.body as Buffer);
    expect(text).toContain('Indicatoren uitstroom Regio Testregio');
    expect(text).toContain('Noordstad 60,0 % 3 4,8 1,8');
    expect(text).toContain('Zuiddorp 30,0 % 4 2,4 −1,6');
    expect(text).toContain('Oosthaven 10,0 % 1 0,8 −0,2');
    expect(text).toContain(
      'Uitstroomtafel · Regio Testregio · 1 januari 2025 tot en met 31 maart 2025',
    );
    expect(text).not.toContain('"1,6');
  });

  it('exports are in the audit log with their filters and no subject; looking at the dashboard is not', async () => {
    const rows = await t.db.query(
      `SELECT l.action, l.object_id, l.purpose, l.subject_pseudonym, l.details FROM audit_log l JOIN app_user u ON u.id = l.actor_user_id
        WHERE u.email = 'gemeente@noordstad.test' AND l.action LIKE 'indicator.%' ORDER BY l.id`,
    );
    expect(
      rows.map((r: any) => [r.action, r.object_id, r.purpose, r.subject_pseudonym, r.details]),
    ).toEqual([
      [
        'indicator.export',
        'neighbourhoods',
        'accountability',
        null,
        {
          format: 'csv',
          from: '2025-01-01',
          to: '2025-03-31',
          municipality: 'GM9901',
          corporation: null,
          targetGroup: null,
        },
      ],
      [
        'indicator.export',
        'report',
        'accountability',
        null,
        {
          format: 'pdf',
          from: '2025-01-01',
          to: '2025-03-31',
          municipality: 'GM9901',
          corporation: null,
          targetGroup: null,
        },
      ],
    ]);
  });
});
