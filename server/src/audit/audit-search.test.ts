import request from 'supertest';
import {
  addDays,
  dutchToday,
  auditSearchResultSchema,
  seats,
  type AuditSearchRow,
  type Seat,
} from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, newCase } from '../../../tests/support/case-factory';

// The privacy officer's seat (regionAdmin) searches the region's audit log, never case content.
let t: TestApp;
let admin: request.Agent;
let kwintes: request.Agent;
let chair: request.Agent;
let target: Record<string, any>;
let other: Record<string, any>;
const lastName = 'Zoekvanger';
const diagnosis = 'Diagnose-die-nooit-in-de-auditlog-mag-staan';
const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';

const idOf = async (
  table: 'app_user' | 'organisation',
  where: string,
  value: string,
): Promise<string> =>
  (await t.db.query(`SELECT id FROM ${table} WHERE ${where} = $1`, [value]))[0].id;
/** Today in Dutch time, as the search's days are. */
const dutchDay = (offsetDays = 0) => addDays(dutchToday(), offsetDays);

async function search(query: string, agent = admin) {
  const response = await agent.get(`/api/audit${query ? `?${query}` : ''}`);
  expect({ query, status: response.status }).toEqual({ query, status: 200 });
  return { ...auditSearchResultSchema.parse(response.body), json: JSON.stringify(response.body) };
}

/** Every row the agent's search reaches, page by page. */
async function searchAll(query: string, agent = admin): Promise<AuditSearchRow[]> {
  const rows: AuditSearchRow[] = [];
  for (let page = 1; ; page++) {
    const result = await search(`${query}${query ? '&' : ''}pageSize=100&page=${page}`, agent);
    rows.push(...result.items);
    if (result.items.length < 100) return rows;
  }
}

beforeAll(async () => {
  t = await startTestApp();
  kwintes = await t.signIn('regisseur@kwintes.demo');
  chair = await t.signIn('voorzitter@almere.demo');
  admin = await t.signIn('beheer@flevoland.demo');
  target = await newCase(kwintes, {
    identity: { firstName: 'Anna', lastName, birthDate: '1979-01-31' },
    sensitive: { diagnoses: diagnosis, addiction: '', risks: '', safety: '' },
  });
  other = await newCase(kwintes);
  await giveConsent(kwintes, t.db, target.id, coordination, ['identityContact', 'housingProfile']);
  await chair.get(`/api/cases/${target.id}`);
  // A name search puts the name in the row's details: the search must never hand it out.
  await kwintes.get(`/api/cases?q=${lastName.toLowerCase()}`);
  await chair.get(`/api/cases?q=${lastName.toLowerCase()}`);
  // The other region at work.
  const tactus = await t.signIn('regisseur@tactus.demo');
  await tactus.get('/api/cases?q=anders');
  await (await t.signIn('beheer@midden-ijssel.demo')).get('/api/admin/users');
});
afterAll(async () => {
  await t.close();
});

describe("searching the region's audit log", () => {
  it('by pseudonym: who looked at the case, named with organisation and seat, and not a word of its content', async () => {
    const result = await search(`pseudonym=${target.pseudonym}`);
    expect(result.total).toBeGreaterThanOrEqual(4);
    for (const row of result.items) expect(row.subjectPseudonym).toBe(target.pseudonym);
    const chairRead = result.items.find(
      (r) => r.action === 'case.read' && r.actor.name === 'Marieke de Vries',
    );
    expect(chairRead).toMatchObject({
      actionLabel: 'Casus bekeken',
      objectType: 'case',
      objectId: target.id,
      purpose: 'case_coordination',
      purposeLabel: 'casusregie',
      outcome: 'success',
      actor: { organisationName: coordination, seat: 'chair', seatLabel: 'Tafelvoorzitter' },
    });
    expect(chairRead!.fields).toEqual(expect.arrayContaining(['identity', 'housingNeeds']));
    expect(chairRead!.clientAddress).toMatch(/127\.0\.0\.1/);
    expect(chairRead!.requestId).toBeTruthy();
    expect(result.json).not.toContain(lastName);
    expect(result.json).not.toContain(diagnosis);
    // A lower-case pseudonym is the same pseudonym.
    expect(
      (await search(`pseudonym=${target.pseudonym.toLowerCase()}&action=case.read`)).total,
    ).toBeGreaterThanOrEqual(1);
  });

  it("the whole region's log holds the name searches, but never the name searched for nor any case content", async () => {
    const rows = await searchAll('');
    expect(rows.some((r) => r.action === 'case.list' && r.actor.name === 'Sanne Willems')).toBe(
      true,
    );
    const json = JSON.stringify(rows);
    for (const content of [lastName, lastName.toLowerCase(), diagnosis, 'Bipolaire', 'Agoraweg'])
      expect({ content, found: json.includes(content) }).toEqual({ content, found: false });
  });

  it('by case id: the rows about that case only', async () => {
    const result = await search(`caseId=${target.id}&pageSize=100`);
    expect(result.total).toBeGreaterThanOrEqual(4);
    for (const row of result.items)
      expect(row.objectId === target.id || row.subjectPseudonym === target.pseudonym).toBe(true);
    expect(result.items.some((r) => r.subjectPseudonym === other.pseudonym)).toBe(false);
  });

  it('by user, by organisation, by action', async () => {
    const chairId = await idOf('app_user', 'email', 'voorzitter@almere.demo');
    const byChair = await search(`userId=${chairId}&pageSize=100`);
    expect(byChair.total).toBeGreaterThanOrEqual(3);
    for (const row of byChair.items)
      expect(row.actor).toMatchObject({ userId: chairId, name: 'Marieke de Vries' });

    const kwintesId = await idOf('organisation', 'name', 'Kwintes');
    const byKwintes = await searchAll(`organisationId=${kwintesId}`);
    expect(byKwintes.length).toBeGreaterThanOrEqual(6);
    for (const row of byKwintes) expect(row.actor.organisationName).toBe('Kwintes');
    expect(new Set(byKwintes.map((r) => r.subjectPseudonym))).toEqual(
      new Set([target.pseudonym, other.pseudonym, null]),
    );

    const reads = await search('action=case.consent.record');
    expect(reads.items.map((r) => [r.action, r.subjectPseudonym])).toEqual([
      ['case.consent.record', target.pseudonym],
    ]);
  });

  it('by period: today finds the rows, a past year and tomorrow find none', async () => {
    // Each search about the case is logged on it too; reads alone stay put between the calls.
    const today = await search(
      `from=${dutchDay()}&to=${dutchDay()}&pseudonym=${target.pseudonym}&action=case.read`,
    );
    expect(today.total).toBeGreaterThanOrEqual(1);
    expect((await search('from=2020-01-01&to=2020-12-31')).total).toBe(0);
    expect((await search(`from=${dutchDay(1)}`)).total).toBe(0);
    expect((await search(`to=${dutchDay(-1)}`)).total).toBe(0);
    expect(
      (await search(`to=${dutchDay()}&pseudonym=${target.pseudonym}&action=case.read`)).total,
    ).toBe(today.total);
    expect(
      (await search(`from=${dutchDay()}&pseudonym=${target.pseudonym}&action=case.read`)).total,
    ).toBe(today.total);
  });

  it('pages: page 2 continues page 1, newest first, with the same total', async () => {
    const kwintesId = await idOf('organisation', 'name', 'Kwintes');
    const all = await search(`organisationId=${kwintesId}&pageSize=100`);
    const first = await search(`organisationId=${kwintesId}&pageSize=2&page=1`);
    const second = await search(`organisationId=${kwintesId}&pageSize=2&page=2`);
    expect([first.total, second.total]).toEqual([all.total, all.total]);
    expect([first.page, first.pageSize, second.page]).toEqual([1, 2, 2]);
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(
      all.items.slice(0, 4).map((r) => r.id),
    );
    expect([...all.items].sort((a, b) => b.at.localeCompare(a.at)).map((r) => r.at)).toEqual(
      all.items.map((r) => r.at),
    );
    expect((await search(`organisationId=${kwintesId}&page=999`)).items).toEqual([]);
  });

  it('never reaches a row of the other region, in either direction', async () => {
    const theirs = new Set<string>(
      (
        await t.db.query(
          `SELECT o.id FROM organisation o JOIN region r ON r.id = o.region_id WHERE r.slug = 'midden-ijssel'`,
        )
      ).map((r: { id: string }) => r.id),
    );
    const ours = await searchAll('');
    expect(ours.length).toBeGreaterThan(10);
    expect(
      ours.filter((r) => r.actor.organisationId && theirs.has(r.actor.organisationId)),
    ).toEqual([]);
    expect(
      ours.some((r) => r.actor.name === 'Arjen Wolters' || r.actor.name === 'Karin Veldman'),
    ).toBe(false);
    // Filters cannot reach past the scope either.
    const tactusUser = await idOf('app_user', 'email', 'regisseur@tactus.demo');
    expect((await search(`userId=${tactusUser}`)).total).toBe(0);

    const midden = await t.signIn('beheer@midden-ijssel.demo');
    const theirRows = await searchAll('', midden);
    expect(theirRows.some((r) => r.actor.name === 'Karin Veldman')).toBe(true);
    expect(
      theirRows.filter((r) => r.actor.organisationId && !theirs.has(r.actor.organisationId)),
    ).toEqual([]);
    expect((await search(`pseudonym=${target.pseudonym}`, midden)).total).toBe(0);
    expect((await search(`caseId=${target.id}`, midden)).total).toBe(0);
  });

  it('the search is logged: by whom, with the filters, and on the case when it is about one case of the region', async () => {
    await search(`caseId=${target.id}&action=case.read`);
    const [row] = await t.db.query(
      `SELECT a.actor_seat, a.purpose, a.outcome, a.subject_pseudonym, a.details FROM audit_log a JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.action = 'audit.search' AND u.email = 'beheer@flevoland.demo' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({
      actor_seat: 'regionAdmin',
      purpose: 'accountability',
      outcome: 'success',
      subject_pseudonym: target.pseudonym,
    });
    expect(row.details.query).toMatchObject({
      caseId: target.id,
      action: 'case.read',
      page: 1,
      pageSize: 25,
    });
    // The case manager sees that the privacy officer looked.
    const log = (await kwintes.get(`/api/cases/${target.id}/access-log`)).body.entries;
    expect(log.find((e: { action: string }) => e.action === 'audit.search')).toMatchObject({
      actionLabel: 'Auditlog doorzocht',
      purpose: 'privacytoezicht',
      actor: { seatLabel: 'Regio-beheerder' },
    });
  });

  it.each([
    ['from after to', 'from=2025-03-02&to=2025-03-01', 'to'],
    ['a date that is not one', 'from=2025-02-30', 'from'],
    ['a malformed case id', 'caseId=123', 'caseId'],
    ['a malformed user id', 'userId=not-a-uuid', 'userId'],
    ['a malformed organisation id', 'organisationId=x', 'organisationId'],
    ['a malformed pseudonym', 'pseudonym=Jansen', 'pseudonym'],
    ['an unknown action', 'action=case.delete', 'action'],
    ['pageSize 1000', 'pageSize=1000', 'pageSize'],
    ['pageSize 0', 'pageSize=0', 'pageSize'],
    ['page 0', 'page=0', 'page'],
    ['a page that is no number', 'page=twee', 'page'],
    ['an unknown parameter', 'q=Jansen', 'q'],
  ])('refuses %s with 400 at the parameter, and returns no rows', async (_name, query, path) => {
    const before = (
      await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.search'`)
    )[0].n;
    const response = await admin.get(`/api/audit?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(response.body).not.toHaveProperty('items');
    expect(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.search'`)
      )[0].n,
    ).toBe(before);
  });

  const nonAdmin: Record<Exclude<Seat, 'regionAdmin'>, string> = {
    casemanager: 'regisseur@kwintes.demo',
    chair: 'voorzitter@almere.demo',
    municipality: 'gemeente@lelystad.demo',
    corporation: 'corporatie@centrada.demo',
    provider: 'aanbieder@leger-des-heils.demo',
  };
  it.each(seats.filter((s): s is Exclude<Seat, 'regionAdmin'> => s !== 'regionAdmin'))(
    'seat %s gets 403',
    async (seat) => {
      const response = await (
        await t.signIn(nonAdmin[seat])
      ).get(`/api/audit?pseudonym=${target.pseudonym}`);
      expect(response.status).toBe(403);
      expect(response.body).not.toHaveProperty('items');
    },
  );

  it('without a session: 401', async () => {
    expect((await request(t.app).get('/api/audit')).status).toBe(401);
  });
});
