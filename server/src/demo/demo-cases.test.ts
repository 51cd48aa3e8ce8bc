import {
  ageOn,
  dutchToday,
  caseListSchema,
  proposalOutcomes,
  targetGroups,
} from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';

// The test database's template is seeded by seedDemoData, so the demo cases are in every test database.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const flevolandMunicipalities = ['GM0034', 'GM0303', 'GM0995', 'GM0171', 'GM0184', 'GM0050'];
const today = () => dutchToday();

interface SeededCase {
  id: string;
  region: string;
  organisation: string;
  owner_user_id: string;
  state: string;
  target_group: string;
  search_name: string;
  origin_code: string | null;
  outcome: string | null;
  birth_date: string | null;
  ready_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  last_activity_at: Date;
}
const seeded = async (): Promise<SeededCase[]> =>
  t.db.query(`
  SELECT c.id, r.slug AS region, o.name AS organisation, c.owner_user_id, c.state, c.target_group, c.search_name, trim(c.origin_code) AS origin_code,
         c.proposal->'result'->>'outcome' AS outcome, c.sections->'identity'->>'birthDate' AS birth_date,
         c.ready_at, c.closed_at, c.created_at, c.updated_at, c.last_activity_at
    FROM case_file c JOIN region r ON r.id = c.region_id JOIN organisation o ON o.id = c.owner_organisation_id`);

describe('the demo cases', () => {
  it('fill Flevoland with 25+ cases over every municipality of origin, every outcome, target group and state so far', async () => {
    const flevoland = (await seeded()).filter((c) => c.region === 'flevoland');
    expect(flevoland.length).toBeGreaterThanOrEqual(25);
    expect(new Set(flevoland.map((c) => c.organisation))).toEqual(
      new Set(['Kwintes', 'Leger des Heils']),
    );
    const origins = new Set(flevoland.map((c) => c.origin_code));
    for (const code of flevolandMunicipalities) expect(origins).toContain(code);
    expect(new Set(flevoland.map((c) => c.outcome).filter(Boolean))).toEqual(
      new Set(proposalOutcomes),
    );
    expect(new Set(flevoland.map((c) => c.target_group))).toEqual(new Set(targetGroups));
    expect(new Set(flevoland.map((c) => c.state))).toEqual(new Set(['intake', 'ready', 'closed']));
  });

  it('give Midden-IJssel a handful of cases of Tactus', async () => {
    const middenIJssel = (await seeded()).filter((c) => c.region === 'midden-ijssel');
    expect(middenIJssel.length).toBeGreaterThanOrEqual(4);
    expect(middenIJssel.length).toBeLessThanOrEqual(6);
    expect(middenIJssel.every((c) => c.organisation === 'Tactus')).toBe(true);
  });

  it('have unique names and young adults who are 18 to 22 today', async () => {
    const cases = await seeded();
    expect(new Set(cases.map((c) => c.search_name)).size).toBe(cases.length);
    const youth = cases.filter((c) => c.target_group === 'youthCare');
    expect(youth.length).toBeGreaterThan(0);
    for (const c of youth) {
      const age = ageOn(c.birth_date!, today());
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(22);
    }
  });

  it('tell a consistent story in time: created before ready, ready before the last activity, and some stalled', async () => {
    const cases = await seeded();
    for (const c of cases) {
      expect(c.created_at.getTime()).toBeLessThanOrEqual(c.last_activity_at.getTime());
      expect(c.updated_at.getTime()).toBe(c.last_activity_at.getTime());
      if (c.ready_at) {
        expect(c.created_at.getTime()).toBeLessThanOrEqual(c.ready_at.getTime());
        expect(c.ready_at.getTime()).toBeLessThanOrEqual(c.last_activity_at.getTime());
      }
      if (c.state === 'ready') expect(c.ready_at).not.toBeNull();
      if (c.state === 'closed') expect(c.closed_at!.getTime()).toBe(c.last_activity_at.getTime());
    }
    const waiting = cases
      .filter((c) => c.ready_at && c.state !== 'closed')
      .map((c) => (Date.now() - c.ready_at!.getTime()) / 86_400_000);
    expect(Math.max(...waiting)).toBeGreaterThan(92);
    expect(Math.min(...waiting)).toBeLessThan(7);
    const stalled = cases.filter(
      (c) => c.state !== 'closed' && Date.now() - c.last_activity_at.getTime() >= 14 * 86_400_000,
    );
    expect(stalled.length).toBeGreaterThanOrEqual(3);
    expect(stalled.length).toBeLessThanOrEqual(4);
  });

  it('record their creation and each transition, by the owning case manager, with a reason when closed', async () => {
    const cases = await seeded();
    const events: {
      case_id: string;
      actor_user_id: string;
      kind: string;
      to: string | null;
      reason: string | null;
      at: Date;
    }[] = await t.db.query(
      `SELECT case_id, actor_user_id, kind, details->>'to' AS to, details->>'reason' AS reason, at FROM case_event`,
    );
    for (const c of cases) {
      const own = events.filter((e) => e.case_id === c.id);
      expect(own.every((e) => e.actor_user_id === c.owner_user_id)).toBe(true);
      expect(own.filter((e) => e.kind === 'created').map((e) => e.at.getTime())).toEqual([
        c.created_at.getTime(),
      ]);
      const toReady = own.filter((e) => e.kind === 'transition' && e.to === 'ready');
      expect(toReady.map((e) => e.at.getTime())).toEqual(c.ready_at ? [c.ready_at.getTime()] : []);
      const toClosed = own.filter((e) => e.kind === 'transition' && e.to === 'closed');
      expect(toClosed).toHaveLength(c.state === 'closed' ? 1 : 0);
      if (c.state === 'closed') expect(toClosed[0]!.reason!.length).toBeGreaterThanOrEqual(10);
    }
  });

  it("show on the Kwintes case manager's list: only the cases of Kwintes, with the stalled marked", async () => {
    const kwintes = await t.signIn('regisseur@kwintes.demo');
    const list = caseListSchema.parse((await kwintes.get('/api/cases?pageSize=100')).body);
    const own = (await seeded()).filter((c) => c.organisation === 'Kwintes');
    expect(list.total).toBe(own.length);
    expect(new Set(list.items.map((i) => i.id))).toEqual(new Set(own.map((c) => c.id)));
    expect(list.items.some((i) => i.isStalled)).toBe(true);
    expect(list.items.some((i) => (i.waitingDays ?? 0) > 90)).toBe(true);
  });
});
