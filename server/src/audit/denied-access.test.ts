import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../app';
import { createDataSource } from '../core/db';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';

/**
 * Refused access is audited (issue 21): 401 on a session that existed, every 403, every 404 of a
 * route about a record named by its id; at most one row per actor, route and object a minute,
 * decided in PostgreSQL so that two nodes together still write one.
 */
let t: TestApp;
let corporation: request.Agent;
let corporationId: string;

beforeAll(async () => {
  t = await startTestApp({}, { poolSize: 10 });
  corporation = await t.signIn('corporatie@centrada.demo');
  [{ id: corporationId }] = await t.db.query(
    `SELECT id FROM app_user WHERE email = 'corporatie@centrada.demo'`,
  );
});
afterAll(async () => {
  await t.close();
});

const deniedRows = (objectId: string | null, route: string) =>
  t.db.query(
    `SELECT actor_user_id, actor_seat, action, object_type, object_id, outcome, purpose, details, client_address, request_id
     FROM audit_log WHERE action = 'access.denied' AND object_id IS NOT DISTINCT FROM $1 AND details->>'route' = $2`,
    [objectId, route],
  );

describe('refused access is audited', () => {
  it('40 × 404 on one case id: one row naming the actor, the route and the id; another id is another row', async () => {
    const probed = randomUUID();
    for (let i = 0; i < 40; i += 1)
      expect((await corporation.get(`/api/cases/${probed}`)).status).toBe(404);
    const rows = await deniedRows(probed, 'GET /api/cases/:caseId');
    expect(rows).toEqual([
      expect.objectContaining({
        actor_user_id: corporationId,
        actor_seat: 'corporation',
        object_type: 'case',
        object_id: probed,
        outcome: 'denied',
        purpose: 'access_control',
        details: { route: 'GET /api/cases/:caseId', status: 404, code: 'NOT_FOUND' },
      }),
    ]);
    expect(rows[0].client_address).toBeTruthy();
    expect(rows[0].request_id).toBeTruthy();

    const others = Array.from({ length: 5 }, () => randomUUID());
    for (const id of others)
      expect((await corporation.get(`/api/cases/${id}/documents`)).status).toBe(404);
    for (const id of others)
      expect(await deniedRows(id, 'GET /api/cases/:caseId/documents')).toHaveLength(1);
  });

  it('10 × 403: one row for the route (no id in it); a nested route keeps every id', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect(
        (
          await corporation
            .post('/api/tables')
            .send({ title: 'Nee', startsAt: new Date().toISOString(), invitedOrganisationIds: [] })
        ).status,
      ).toBe(403);
    }
    expect(await deniedRows(null, 'POST /api/tables')).toEqual([
      expect.objectContaining({
        actor_user_id: corporationId,
        object_type: 'route',
        outcome: 'denied',
        details: { route: 'POST /api/tables', status: 403, code: 'FORBIDDEN' },
      }),
    ]);
    const caseId = randomUUID();
    const preconditionId = randomUUID();
    const response = await corporation
      .post(`/api/cases/${caseId}/preconditions/${preconditionId}/done`)
      .send({});
    expect([403, 404]).toContain(response.status);
    const [row] = await deniedRows(
      caseId,
      'POST /api/cases/:caseId/preconditions/:preconditionId/done',
    );
    expect(row.details.params).toEqual({ caseId, preconditionId });
  });

  it('401 on a session that ended names whose session it was; 401 without any session writes nothing', async () => {
    const manager = await t.signIn('regisseur@tactus.demo');
    const [{ id: managerId }] = await t.db.query(
      `SELECT id FROM app_user WHERE email = 'regisseur@tactus.demo'`,
    );
    // The session passes its absolute lifetime (signed in long ago).
    await t.db.query(
      `UPDATE session SET sess = jsonb_set(sess::jsonb, '{authenticatedAt}', '0')::json WHERE sess->>'userId' = $1`,
      [managerId],
    );
    const probed = randomUUID();
    for (let i = 0; i < 10; i += 1)
      expect((await manager.get(`/api/cases/${probed}`)).status).toBe(401);
    expect(await deniedRows(probed, 'GET /api/cases/:caseId')).toEqual([
      expect.objectContaining({
        actor_user_id: managerId,
        outcome: 'denied',
        details: { route: 'GET /api/cases/:caseId', status: 401, code: 'SESSION_EXPIRED' },
      }),
    ]);

    const stranger = randomUUID();
    expect((await request(t.app).get(`/api/cases/${stranger}`)).status).toBe(401);
    expect(await deniedRows(stranger, 'GET /api/cases/:caseId')).toEqual([]);
  });

  it('an unknown address and a bad id are not refusals of a record: nothing is written', async () => {
    const before = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied'`,
    );
    expect((await corporation.get(`/api/cases/${randomUUID()}/nonsense`)).status).toBe(404);
    expect((await corporation.get('/api/cases/not-a-uuid')).status).toBe(400);
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied'`),
    ).toEqual(before);
  });

  it("two nodes, 40 concurrent refusals of one id: still one row (the dedupe is PostgreSQL's)", async () => {
    const otherDb = createDataSource(t.databaseUrls.appUrl, { poolSize: 10 });
    await otherDb.initialize();
    try {
      const otherNode = createApp(otherDb, t.config);
      const cookie = (
        await request(t.app)
          .post('/api/auth/login')
          .send({ email: 'corporatie@mercatus.demo', password: 'uitstroom-demo' })
      ).headers['set-cookie'] as unknown as string[];
      const probed = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          request(i % 2 ? otherNode : t.app)
            .get(`/api/cases/${probed}`)
            .set('Cookie', cookie),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(40).fill(404));
      expect(await deniedRows(probed, 'GET /api/cases/:caseId')).toHaveLength(1);
    } finally {
      await otherDb.destroy();
    }
  });
});
