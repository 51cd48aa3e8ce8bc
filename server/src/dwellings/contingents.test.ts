import request from 'supertest';
import { contingentListSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { currentYear } from './contingents.service';

let t: TestApp;
let centrada: request.Agent;
let mercatus: request.Agent;
let admin: request.Agent;
const year = currentYear();
const orgId = async (name: string) =>
  (await t.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
const count = async () =>
  (await t.db.query('SELECT count(*)::int AS n FROM contingent'))[0].n as number;
const list = async (agent: request.Agent, query = '') =>
  contingentListSchema.parse((await agent.get(`/api/contingents${query}`)).body);

beforeAll(async () => {
  t = await startTestApp();
  centrada = await t.signIn('corporatie@centrada.demo');
  mercatus = await t.signIn('corporatie@mercatus.demo');
  admin = await t.signIn('beheer@flevoland.demo');
});
afterAll(async () => {
  await t.close();
});

describe('keeping contingents', () => {
  it('a corporation records its own, with a number or none yet, and changes it on the version read', async () => {
    const created = await centrada
      .post('/api/contingents')
      .send({ municipalityCode: 'GM0034', year, promised: null });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organisationName: 'Centrada',
      municipalityCode: 'GM0034',
      year,
      promised: null,
      version: 1,
      progress: { offered: 0, accepted: 0, movedIn: 0 },
    });
    const updated = await centrada
      .patch(`/api/contingents/${created.body.id}`)
      .send({ version: 1, promised: 6 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ promised: 6, version: 2 });
    const stale = await centrada
      .patch(`/api/contingents/${created.body.id}`)
      .send({ version: 1, promised: 9 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2, current: { promised: 6 } },
    });
    const audit = await t.db.query(
      `SELECT action FROM audit_log WHERE object_id = $1 ORDER BY at`,
      [created.body.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'contingent.create',
      'contingent.update',
    ]);
  });

  it('one per corporation, municipality and year: a second is a 409 and writes nothing', async () => {
    await centrada.post('/api/contingents').send({ municipalityCode: 'GM0303', year, promised: 2 });
    const before = await count();
    const again = await centrada
      .post('/api/contingents')
      .send({ municipalityCode: 'GM0303', year, promised: 5 });
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0].path).toBe('municipalityCode');
    expect(await count()).toBe(before);
    // Next year is another contingent.
    expect(
      (
        await centrada
          .post('/api/contingents')
          .send({ municipalityCode: 'GM0303', year: year + 1, promised: 5 })
      ).status,
    ).toBe(201);
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a negative number', { municipalityCode: 'GM0034', year, promised: -1 }, 400, 'promised'],
    [
      'a municipality of another region',
      { municipalityCode: 'GM0150', year, promised: 1 },
      400,
      'municipalityCode',
    ],
    ['a year before 2020', { municipalityCode: 'GM0034', year: 2019, promised: 1 }, 400, 'year'],
    [
      'an unknown field',
      { municipalityCode: 'GM0034', year, promised: 1, offered: 3 },
      400,
      'offered',
    ],
  ])('refuses %s (%j) with %s and writes nothing', async (_label, body, statusCode, path) => {
    const before = await count();
    const response = await centrada.post('/api/contingents').send(body);
    expect(response.status).toBe(statusCode);
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it('a corporation cannot record one for another corporation (403), nor reach another’s (404)', async () => {
    const before = await count();
    expect(
      (
        await centrada.post('/api/contingents').send({
          organisationId: await orgId('Mercatus'),
          municipalityCode: 'GM0034',
          year,
          promised: 1,
        })
      ).status,
    ).toBe(403);
    expect(await count()).toBe(before);
    const theirs = (
      await mercatus
        .post('/api/contingents')
        .send({ municipalityCode: 'GM0034', year, promised: 3 })
    ).body;
    expect(
      (await centrada.patch(`/api/contingents/${theirs.id}`).send({ version: 1, promised: 0 }))
        .status,
    ).toBe(404);
    expect((await list(centrada)).items.map((c) => c.id)).not.toContain(theirs.id);
  });

  it('the region’s administrator keeps every corporation’s of the region, and names the corporation', async () => {
    expect(
      (await admin.post('/api/contingents').send({ municipalityCode: 'GM0184', year, promised: 1 }))
        .body.error.issues[0].path,
    ).toBe('organisationId');
    const provider = await admin.post('/api/contingents').send({
      organisationId: await orgId('Kwintes'),
      municipalityCode: 'GM0184',
      year,
      promised: 1,
    });
    expect(provider.status).toBe(400);
    const otherRegion = await admin.post('/api/contingents').send({
      organisationId: await orgId('Rentree'),
      municipalityCode: 'GM0184',
      year,
      promised: 1,
    });
    expect(otherRegion.status).toBe(400);
    const created = await admin.post('/api/contingents').send({
      organisationId: await orgId('Ymere'),
      municipalityCode: 'GM0184',
      year,
      promised: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body.organisationName).toBe('Ymere');
    const mercatusOwn = (await list(mercatus)).items.find((c) => c.municipalityCode === 'GM0034')!;
    expect(
      (
        await admin
          .patch(`/api/contingents/${mercatusOwn.id}`)
          .send({ version: mercatusOwn.version, promised: 8 })
      ).body.promised,
    ).toBe(8);
    // Another region's administrator does not reach them.
    const otherAdmin = await t.signIn('beheer@midden-ijssel.demo');
    expect(
      (
        await otherAdmin
          .patch(`/api/contingents/${mercatusOwn.id}`)
          .send({ version: 2, promised: 0 })
      ).status,
    ).toBe(404);
    const theirs = (await list(otherAdmin)).items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.map((c) => c.id)).not.toContain(mercatusOwn.id);
    expect(new Set(theirs.map((c) => c.organisationName))).toEqual(
      new Set(['Woonbedrijf ieder1', 'Rentree', 'Viverion', 'Salland Wonen']),
    );
  });
});

describe('reading contingents and their progress', () => {
  it('the corporation sees its own; the municipality those for it; the chair and the administrator the region', async () => {
    const all = (await list(admin)).items;
    // The demo's contingents of this year, and the ones made above.
    expect(new Set(all.map((c) => c.organisationName))).toEqual(
      new Set([
        'Centrada',
        'Mercatus',
        'Ymere',
        'Goede Stede',
        'De Alliantie',
        'Oost Flevoland Woondiensten',
        'Patrimonium',
        'Woonpalet',
      ]),
    );
    expect((await list(centrada)).items.every((c) => c.organisationName === 'Centrada')).toBe(true);
    const lelystad = await list(await t.signIn('gemeente@lelystad.demo'));
    expect(lelystad.items.length).toBeGreaterThan(0);
    expect(lelystad.items.every((c) => c.municipalityCode === 'GM0995')).toBe(true);
    expect(lelystad.canEdit).toBe('none');
    const chair = await list(await t.signIn('voorzitter@almere.demo'));
    expect(chair.items.map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
    expect((await list(centrada)).canEdit).toBe('own');
    expect((await list(admin)).canEdit).toBe('region');
    for (const c of all) expect(c.progress).toEqual({ offered: 0, accepted: 0, movedIn: 0 });
  });

  it('reads another year by the query, this year by default', async () => {
    expect((await list(centrada)).year).toBe(year);
    const next = await list(centrada, `?year=${year + 1}`);
    expect(next.items.map((c) => [c.municipalityCode, c.promised])).toEqual([['GM0303', 5]]);
    expect((await centrada.get('/api/contingents?year=volgend')).status).toBe(400);
  });

  it('a municipality and the chair read but do not write (403)', async () => {
    const [one] = (await list(admin)).items;
    for (const email of ['gemeente@lelystad.demo', 'voorzitter@almere.demo']) {
      const agent = await t.signIn(email);
      expect(
        (
          await agent
            .post('/api/contingents')
            .send({ municipalityCode: 'GM0995', year, promised: 1 })
        ).status,
      ).toBe(403);
      expect(
        (
          await agent
            .patch(`/api/contingents/${one!.id}`)
            .send({ version: one!.version, promised: 1 })
        ).status,
      ).toBe(403);
    }
  });

  it('exports the contingents in reach as a safe CSV', async () => {
    const response = await (
      await t.signIn('voorzitter@almere.demo')
    ).get(`/api/contingents.csv?year=${year}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="contingenten-${year}.csv"`,
    );
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"jaar";"corporatie";"gemeente";"toegezegd";"aangeboden";"aanvaard";"verhuisd"',
    );
    expect(lines).toContain(`${year};"Centrada";"Almere";6;0;0;0`);
    expect(lines).toContain(`${year};"Patrimonium";"Urk";;0;0;0`);
    expect(lines.length - 1).toBe((await list(admin)).items.length);
  });
});
