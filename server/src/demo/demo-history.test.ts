import { dashboardViewSchema } from '@uitstroom/shared';
import type { EntityManager } from 'typeorm';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { generateHistory, seedDemoHistory } from './demo-history';

// The generator at the smallest scale that still takes every road: the database checks every
// CHECK, foreign key and unique index as the rows go in; this checks that each case tells one story.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const now = new Date('2026-06-15T10:00:00Z');

/** Cases whose rows contradict their state, by what is wrong; empty when every story holds. */
async function contradictions(
  db: EntityManager,
  regionIds: string[],
  at: Date,
): Promise<Record<string, number>> {
  const [row] = await db.query(
    `
    SELECT count(*) FILTER (WHERE c.state IN ('scheduled') AND NOT EXISTS (SELECT 1 FROM agenda_item a WHERE a.case_id = c.id AND a.status = 'open')) AS scheduled_without_item,
           count(*) FILTER (WHERE c.state IN ('searching', 'offered', 'confirmed', 'moved', 'aftercare') AND NOT EXISTS (SELECT 1 FROM table_decision d WHERE d.case_id = c.id)) AS placed_without_decision,
           count(*) FILTER (WHERE c.state = 'searching' AND EXISTS (SELECT 1 FROM offer f WHERE f.case_id = c.id AND f.status IN ('open', 'accepted', 'completed'))) AS searching_with_live_offer,
           count(*) FILTER (WHERE c.state = 'offered' AND NOT EXISTS (SELECT 1 FROM offer f WHERE f.case_id = c.id AND f.status IN ('open', 'accepted'))) AS offered_without_offer,
           count(*) FILTER (WHERE c.state IN ('moved', 'aftercare') AND NOT EXISTS (SELECT 1 FROM move_in m WHERE m.case_id = c.id)) AS moved_without_keys,
           count(*) FILTER (WHERE c.state = 'aftercare' AND NOT EXISTS (SELECT 1 FROM follow_up_support s WHERE s.case_id = c.id)) AS aftercare_without_support,
           count(*) FILTER (WHERE c.state <> 'closed' AND c.state NOT IN ('moved', 'aftercare') AND EXISTS (SELECT 1 FROM move_in m WHERE m.case_id = c.id)) AS keys_before_move,
           count(*) FILTER (WHERE c.outcome IN ('independentLiving', 'housingFirst', 'intermediateFacility', 'wlz', 'backToProtectedHousing') AND NOT EXISTS (SELECT 1 FROM move_in m WHERE m.case_id = c.id)) AS housed_without_keys,
           count(*) FILTER (WHERE c.decided_destination_code IS DISTINCT FROM (SELECT d.destination_code FROM table_decision d WHERE d.case_id = c.id)) AS destination_not_decided,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM move_in m WHERE m.case_id = c.id AND (m.waited_days_to_keys < m.waited_days_to_offer
                                           OR m.waited_days_to_offer <> (SELECT min(f.waited_days) FROM offer f WHERE f.case_id = c.id)))) AS waits_out_of_order,
           count(*) FILTER (WHERE greatest(c.created_at, c.ready_at, c.closed_at, c.last_activity_at) > $2::timestamptz) AS in_the_future
      FROM case_file c WHERE c.region_id = ANY($1::uuid[])`,
    [regionIds, at.toISOString()],
  );
  return Object.fromEntries(
    Object.entries(row as Record<string, string>)
      .map(([key, value]) => [key, Number(value)])
      .filter(([, value]) => value !== 0),
  );
}

const fingerprint = (db: EntityManager, regionIds: string[]) =>
  db.query(
    `
  SELECT c.state, c.target_group, count(*)::int AS cases, sum(m.waited_days_to_keys)::int AS waited, count(DISTINCT d.rule)::int AS rules
    FROM case_file c LEFT JOIN move_in m ON m.case_id = c.id LEFT JOIN table_decision d ON d.case_id = c.id
   WHERE c.region_id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`,
    [regionIds],
  );

describe('the history generator', () => {
  it('makes regions and tells each case one story, the same for the same seed', async () => {
    const runs: unknown[] = [];
    for (const attempt of [1, 2]) {
      await t.db
        .transaction(async (tx) => {
          const result = await generateHistory(tx, {
            regionCount: 2,
            casesPerRegion: 50,
            years: 3,
            seed: 5,
            now,
            passwordHash: 'not-a-real-hash',
          });
          const regionIds = result.regions.map((r) => r.id);
          expect(result.regions.map((r) => r.cases)).toEqual([50, 50]);
          expect(result.counts['case_file']).toBe(100);
          expect(result.counts['outflow_table_invitation']).toBeGreaterThan(0);
          expect(await contradictions(tx, regionIds, now)).toEqual({});
          const [made] = await tx.query(
            `SELECT count(DISTINCT m.code)::int AS municipalities, count(DISTINCT o.id) FILTER (WHERE o.kind = 'corporation')::int AS corporations,
                                              count(DISTINCT u.seat)::int AS seats
                                         FROM region r JOIN municipality m ON m.region_id = r.id JOIN organisation o ON o.region_id = r.id JOIN app_user u ON u.organisation_id = o.id
                                        WHERE r.id = ANY($1::uuid[])`,
            [regionIds],
          );
          expect(made.municipalities).toBeGreaterThanOrEqual(8);
          expect(made.corporations).toBeGreaterThanOrEqual(2);
          expect(made.seats).toBe(6);
          runs.push(await fingerprint(tx, regionIds));
          // Both runs start from the same database: the second must not meet the first's regions.
          if (attempt === 1) throw new Error('roll back');
        })
        .catch((error: Error) => {
          if (error.message !== 'roll back') throw error;
        });
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('gives the demo regions a history once, which the dashboards show', async () => {
    // Today, as on `npm start`: the hand-made demo cases are of today too.
    const today = new Date();
    expect(await seedDemoHistory(t.db, today)).toBe(true);
    expect(await seedDemoHistory(t.db, today)).toBe(false);
    const regionIds = (
      await t.db.query(`SELECT id FROM region WHERE slug IN ('flevoland', 'midden-ijssel')`)
    ).map((r: { id: string }) => r.id);
    expect(await contradictions(t.db.manager, regionIds, new Date())).toEqual({});
    const chair = await t.signIn('voorzitter@almere.demo');
    const response = await chair.get('/api/indicators');
    expect(response.status).toBe(200);
    const { dashboard } = dashboardViewSchema.parse(response.body);
    expect(dashboard.waitingToOffer.total.count).toBeGreaterThan(20);
    expect(dashboard.stillHoused?.find((s) => s.months === 6)?.answered).toBeGreaterThan(10);

    // Every case on a table's agenda: its origin and destination municipalities are invited, so a
    // shared upcoming table is in their reach (never "Deze tafel bestaat niet").
    const [{ uninvited }] = await t.db.query(
      `SELECT count(*)::int AS uninvited FROM agenda_item a
         JOIN outflow_table t ON t.id = a.table_id JOIN case_file c ON c.id = a.case_id
        WHERE t.region_id = ANY($1::uuid[])
          AND EXISTS (SELECT 1 FROM organisation o WHERE o.region_id = t.region_id AND o.kind = 'municipality'
                        AND trim(o.municipality_code) IN (trim(c.origin_code), trim(c.proposed_destination_code))
                        AND NOT EXISTS (SELECT 1 FROM outflow_table_invitation i WHERE i.table_id = t.id AND i.organisation_id = o.id))`,
      [regionIds],
    );
    expect(uninvited).toBe(0);
    // An upcoming table of Flevoland with a case on it: the chair shares it (it has invitees now),
    // and the municipality of origin of that case opens it.
    const [upcoming] = await t.db.query(
      `SELECT t.id, t.state, t.version, u.email FROM outflow_table t
         JOIN region r ON r.id = t.region_id AND r.slug = 'flevoland'
         JOIN agenda_item a ON a.table_id = t.id AND a.status = 'open' JOIN case_file c ON c.id = a.case_id
         JOIN organisation o ON o.region_id = t.region_id AND o.kind = 'municipality' AND trim(o.municipality_code) = trim(c.origin_code)
         JOIN app_user u ON u.organisation_id = o.id AND u.seat = 'municipality'
        WHERE t.state IN ('planned', 'published') ORDER BY t.starts_at, u.email LIMIT 1`,
    );
    // (Which weekday today is decides whether one has a case yet; the count above holds on any day.)
    if (upcoming) {
      if (upcoming.state === 'planned')
        expect(
          (
            await chair
              .post(`/api/tables/${upcoming.id}/publish`)
              .send({ version: upcoming.version })
          ).status,
        ).toBe(200);
      const municipality = await t.signIn(upcoming.email);
      expect((await municipality.get(`/api/tables/${upcoming.id}`)).status).toBe(200);
    }
  });
});
