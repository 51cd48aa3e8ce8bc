import request from 'supertest';
import { Pool } from 'pg';
import {
  caseChangedSchema,
  liveMessage,
  presenceSchema,
  tableChangedSchema,
} from '@uitstroom/shared';
import { createTestDatabase } from '../support/test-database';
import { readyCase } from '../support/case-factory';
import { startsLaterToday } from '../support/table-flow';
import { demoPassword } from '../support/test-app';
import { connectLive, signInCookie, type LiveClient } from '../support/live-client';
import { startNodeProcess, type NodeProcess } from '../support/live-nodes';

/**
 * Two server processes on one database, as behind a load balancer: nodes keep nothing of their own,
 * so what happens through node A reaches the sockets held by node B (through PostgreSQL).
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
let nodeA: NodeProcess;
let nodeB: NodeProcess;
const clients: LiveClient[] = [];
const db = {
  query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
};
const org = async (name: string) =>
  (await db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new Pool({ connectionString: database.appUrl, max: 2 });
  const env = { DATABASE_URL: database.appUrl, SESSION_SECRET: 'same-secret-on-every-node' };
  [nodeA, nodeB] = await Promise.all([startNodeProcess(env), startNodeProcess(env)]);
}, 120_000);
afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  await pool?.end();
  await database?.drop();
});

async function agentOn(node: NodeProcess, email: string) {
  const agent = request.agent(node.url);
  const response = await agent.post('/api/auth/login').send({ email, password: demoPassword });
  if (response.status !== 200) throw new Error(`sign-in failed ${response.status}`);
  return agent;
}

async function seatOn(node: NodeProcess, email: string) {
  const client = await connectLive(node.url, { cookie: await signInCookie(node.url, email) });
  clients.push(client);
  return client;
}

describe('two nodes on one database', () => {
  it('a decision recorded through node A reaches the seats connected to node B, each as its seat may see it', async () => {
    const kwintes = await agentOn(nodeA, 'regisseur@kwintes.demo');
    const chair = await agentOn(nodeA, 'voorzitter@almere.demo');
    const view = await readyCase(kwintes, db);
    const planned = await chair.post('/api/tables').send({
      title: 'Uitstroomtafel twee knooppunten',
      startsAt: startsLaterToday(),
      invitedOrganisationIds: [await org('Centrada'), await org('Gemeente Lelystad')],
    });
    const scheduled = await kwintes
      .post(`/api/tables/${planned.body.id}/agenda`)
      .send({ version: planned.body.version, caseId: view.id, caseVersion: view.version });
    const table = (
      await chair
        .post(`/api/tables/${planned.body.id}/publish`)
        .send({ version: scheduled.body.version })
    ).body;
    const item = table.agenda[0];

    // Both sockets on node B (signed in there: the session is the same wherever it was made).
    const lelystad = await seatOn(nodeB, 'gemeente@lelystad.demo');
    const centrada = await seatOn(nodeB, 'corporatie@centrada.demo');
    expect(await lelystad.ask(liveMessage.watch, { room: { kind: 'case', id: view.id } })).toEqual({
      ok: true,
    });
    expect(
      await centrada.ask(liveMessage.watch, { room: { kind: 'table', id: table.id } }),
    ).toEqual({ ok: true });

    const caseArrives = lelystad.next(
      liveMessage.caseChanged,
      (p: { view: { state?: string } }) => p.view.state === 'searching',
      10_000,
    );
    const tableArrives = centrada.next(
      liveMessage.tableChanged,
      (p: { table: { agenda?: { status: string }[] } }) =>
        p.table.agenda?.[0]?.status === 'decided',
      10_000,
    );
    const decided = await chair.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send({
      version: table.version,
      caseVersion: item.case.version,
      rule: item.case.proposal?.result?.outcome ?? 'herkomst',
      present: [
        { organisationId: await org('Gemeente Lelystad'), seat: 'municipality' },
        { organisationId: await org('Centrada'), seat: 'corporation' },
      ],
      votes: [
        { organisationId: await org('Gemeente Lelystad'), seat: 'municipality', position: 'agree' },
      ],
      preconditions: [],
      followUpProviderId: await org('Leger des Heils'),
    });
    expect(decided.status).toBe(200);

    const toMunicipality = caseChangedSchema.parse(await caseArrives);
    expect(toMunicipality.view).toMatchObject({ id: view.id, state: 'searching' });
    expect(toMunicipality.view).not.toHaveProperty('identity'); // no consent for Lelystad
    const toCorporation = tableChangedSchema.parse(await tableArrives);
    expect(toCorporation.table.agenda?.[0]?.decision).toMatchObject({ destination: 'GM0995' });
    expect(toCorporation.table.agenda?.[0]?.case).not.toHaveProperty('identity');
    expect(centrada.raw()).not.toMatch(/de Jong|Bipolaire|Alcohol|111222333|Agoraweg/);
  });

  it('presence spans the nodes, and signing out on node A closes that session’s socket on node B', async () => {
    const kwintes = await agentOn(nodeA, 'regisseur@kwintes.demo');
    const view = await readyCase(kwintes, db);
    const room = { room: { kind: 'case', id: view.id } };
    const chairCookie = await signInCookie(nodeA.url, 'voorzitter@almere.demo');
    const onA = await connectLive(nodeA.url, { cookie: chairCookie });
    clients.push(onA);
    const onB = await seatOn(nodeB, 'regisseur@kwintes.demo');
    await onA.ask(liveMessage.watch, room);
    const both = onB.next(
      liveMessage.presence,
      (p: { people: unknown[] }) => p.people.length === 2,
      10_000,
    );
    await onB.ask(liveMessage.watch, room);
    expect(
      presenceSchema
        .parse(await both)
        .people.map((p) => p.seat)
        .sort(),
    ).toEqual(['casemanager', 'chair']);

    const chairOnB = await connectLive(nodeB.url, { cookie: chairCookie });
    clients.push(chairOnB);
    const closed = Promise.all([onA.disconnected(5000), chairOnB.disconnected(5000)]);
    const loggedOut = await fetch(`${nodeA.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Cookie: chairCookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(loggedOut.status).toBe(204);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
    expect(onB.socket.connected).toBe(true);
  });
});
