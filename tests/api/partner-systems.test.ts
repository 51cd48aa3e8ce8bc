import request from 'supertest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  addDays,
  dutchToday,
  isTokenPermission,
  parseSignatureHeader,
  signedContent,
  type Permission,
  type Seat,
} from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { issueToken } from '../support/api-tokens';
import { newCase } from '../support/case-factory';
import { organisationId } from '../support/table-flow';
import { searchingCase, startedSupport } from '../support/follow-up-flow';
import { newDwelling } from '../support/dwelling-factory';
import { answer, confirm, moveIn, offer } from '../support/placement-flow';
import { runDueJobs, type Clock } from '../../server/src/core/scheduler';
import { webhookDeliveryJob } from '../../server/src/partners/webhook-delivery.job';

/**
 * Issue 31: the organisations' own systems. Tokens issued by the regio-beheerder, bearer requests
 * with the seat's reach and only the token's permissions, revocation, limits and the audit; and
 * signed events delivered by the scheduler to a real HTTP receiver started here, which checks each
 * signature, fails on purpose to see the retries, and drops duplicates by the event id.
 */
let t: TestApp;
let admin: request.Agent;
let agents: Record<
  'casemanager' | 'chair' | 'municipality' | 'corporation' | 'provider',
  request.Agent
>;
const rateLimit = 60;

beforeAll(async () => {
  t = await startTestApp({ apiTokenRequestsPerMinute: rateLimit });
  admin = await t.signIn('beheer@flevoland.demo');
  agents = {
    casemanager: await t.signIn('regisseur@kwintes.demo'),
    chair: await t.signIn('voorzitter@almere.demo'),
    municipality: await t.signIn('gemeente@lelystad.demo'),
    corporation: await t.signIn('corporatie@centrada.demo'),
    provider: await t.signIn('aanbieder@leger-des-heils.demo'),
  };
});
const receivers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t.close();
});

const inAMonth = () => addDays(dutchToday(), 30);

function issue(organisation: string, seat: Seat, permissions: Permission[]) {
  return issueToken(admin, t.db, { organisation, seat, permissions });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the OpenAPI document', () => {
  it('declares the bearer scheme, and per operation its permission and which credentials reach it', async () => {
    const document = (await request(t.app).get('/api/openapi.json')).body;
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    let operations = 0;
    for (const [path, methods] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(methods)) {
        const permission = operation['x-permission'] as Permission | undefined;
        const label = `${method} ${path}`;
        if (!permission) {
          expect({ label, security: operation.security ?? [] }).toEqual({ label, security: [] });
          continue;
        }
        operations++;
        const schemes = (operation.security as Record<string, unknown>[]).flatMap(Object.keys);
        expect({ label, bearer: schemes.includes('bearer') }).toEqual({
          label,
          bearer: isTokenPermission(permission),
        });
        expect(operation.description).toContain(permission);
      }
    }
    expect(operations).toBeGreaterThan(50);
    expect(document.paths['/api/cases/{caseId}'].get['x-permission']).toBe('case:read');
    expect(document.paths['/api/account/password'].post.security).toEqual([{ session: [] }]);
    expect(document.paths['/api/partner/subscriptions'].post.security).toEqual([{ bearer: [] }]);
  });
});

describe('issuing, listing and revoking tokens', () => {
  it('answers the token once, lists it without a secret, and stores only a hash', async () => {
    const issued = await issue('Kwintes', 'casemanager', ['case:read']);
    expect(issued.token).toMatch(/^ut_[A-Za-z0-9_-]{43}$/);
    expect(issued.prefix).toBe(issued.token.slice(0, 12));
    const listed = (await admin.get('/api/region/tokens')).body as Record<string, unknown>[];
    const mine = listed.find((token) => token.id === issued.id)!;
    expect(mine).toMatchObject({
      status: 'active',
      seat: 'casemanager',
      permissions: ['case:read'],
    });
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    expect(mine).not.toHaveProperty('token');
    const [row] = await t.db.query('SELECT token_hash FROM api_token WHERE id = $1', [issued.id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(issued.token.slice(12));
    // The token's account is no person: not among the users, never active, no password.
    const users = (await admin.get('/api/admin/users')).body as { id: string }[];
    expect(users.map((u) => u.id)).not.toContain(issued.id);
  });

  it.each([
    [
      'a permission its seat has not',
      {
        seat: 'municipality',
        organisation: 'Gemeente Lelystad',
        permissions: ['case:read', 'dwelling:write'],
      },
      'permissions.1',
    ],
    [
      'a personal permission',
      { seat: 'casemanager', organisation: 'Kwintes', permissions: ['task:read'] },
      'permissions.0',
    ],
    [
      'a seat the organisation does not hold',
      { seat: 'municipality', organisation: 'Kwintes', permissions: ['case:read'] },
      'seat',
    ],
    [
      'an organisation of another region',
      { seat: 'casemanager', organisation: 'Tactus', permissions: ['case:read'] },
      'organisationId',
    ],
    [
      'more than a year',
      {
        seat: 'casemanager',
        organisation: 'Kwintes',
        permissions: ['case:read'],
        expiresOn: addDays(dutchToday(), 367),
      },
      'expiresOn',
    ],
    [
      'today',
      {
        seat: 'casemanager',
        organisation: 'Kwintes',
        permissions: ['case:read'],
        expiresOn: dutchToday(),
      },
      'expiresOn',
    ],
  ])('refuses %s (400 at its field)', async (_, input, path) => {
    const response = await admin.post('/api/region/tokens').send({
      name: 'Een systeem',
      organisationId: await organisationId(t.db, input.organisation),
      seat: input.seat,
      permissions: input.permissions,
      expiresOn: 'expiresOn' in input ? input.expiresOn : inAMonth(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('only the regio-beheerder issues tokens', async () => {
    const response = await agents.chair.post('/api/region/tokens').send({});
    expect(response.status).toBe(403);
  });
});

describe('requests with a token', () => {
  it('a Kwintes case manager token with case:read reads exactly the cases that seat reaches', async () => {
    const own = await newCase(agents.casemanager);
    const { token } = await issue('Kwintes', 'casemanager', ['case:read']);
    const all: { id: string; owner_organisation_id: string }[] = await t.db.query(
      'SELECT id, owner_organisation_id FROM case_file',
    );
    const kwintes = await organisationId(t.db, 'Kwintes');
    expect(all.length).toBeGreaterThan(20);
    const read: string[] = [];
    for (const { id } of all) {
      const response = await request(t.app).get(`/api/cases/${id}`).set(bearer(token));
      expect([200, 404]).toContain(response.status);
      if (response.status === 200) read.push(id);
      // The seat's projection: the same view its people get.
      if (id === own.id)
        expect(response.body).toEqual((await agents.casemanager.get(`/api/cases/${id}`)).body);
    }
    expect(read.sort()).toEqual(
      all
        .filter((c) => c.owner_organisation_id === kwintes)
        .map((c) => c.id)
        .sort(),
    );
    // Only the token's permissions: the seat may list cases, this token may not.
    const list = await request(t.app).get('/api/cases').set(bearer(token));
    expect(list.status).toBe(403);
  }, 30_000);

  it('acts with no session and no Origin check, and reaches nothing of a person', async () => {
    const { token, id } = await issue('Centrada', 'corporation', [
      'dwelling:read',
      'dwelling:write',
    ]);
    // A foreign Origin does not matter to a token (it is no ambient credential).
    const created = await request(t.app)
      .post('/api/dwellings')
      .set(bearer(token))
      .set('Origin', 'https://elders.example')
      .send((await import('../support/dwelling-factory')).dwellingInput({ street: 'Tokenstraat' }));
    expect(created.status).toBe(201);
    const [row] = await t.db.query('SELECT created_by FROM dwelling WHERE id = $1', [
      created.body.id,
    ]);
    expect(row.created_by).toBe(id);
    // A cookie that comes along is ignored: the token acts, not the Kwintes session.
    const withCookie = await agents.casemanager.get('/api/cases').set(bearer(token));
    expect(withCookie.status).toBe(403);
    for (const [method, path] of [
      ['get', '/api/auth/me'],
      ['post', '/api/auth/login'],
      ['post', '/api/auth/logout'],
      ['post', '/api/account/password'],
      ['get', '/api/account'],
      ['get', '/api/notifications'],
      ['get', '/api/tasks'],
    ] as const) {
      const response = await request(t.app)[method](path).set(bearer(token)).send({});
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
    expect((await request(t.app).get('/api/health').set(bearer(token))).status).toBe(200);
    expect(created.headers['set-cookie']).toBeUndefined();
  });

  it('a revoked, expired or unknown token is a 401 in the error shape; revocation counts from the next request', async () => {
    const { token, id } = await issue('Kwintes', 'casemanager', ['case:read', 'case:list']);
    expect((await request(t.app).get('/api/cases').set(bearer(token))).status).toBe(200);
    const revoked = await admin.post(`/api/region/tokens/${id}/revoke`).send({});
    expect(revoked.body.status).toBe('revoked');
    const after = await request(t.app).get('/api/cases').set(bearer(token));
    expect(after.status).toBe(401);
    expect(after.body.error).toMatchObject({ code: 'TOKEN_REVOKED', issues: [] });
    expect(after.headers['www-authenticate']).toContain('Bearer');

    const expiring = await issue('Kwintes', 'casemanager', ['case:list']);
    await t.db.query(
      `UPDATE api_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`,
      [expiring.id],
    );
    const expired = await request(t.app).get('/api/cases').set(bearer(expiring.token));
    expect([expired.status, expired.body.error.code]).toEqual([401, 'TOKEN_EXPIRED']);

    for (const unknown of [`ut_${'x'.repeat(43)}`, 'geheim', '']) {
      const response = await request(t.app)
        .get('/api/cases')
        .set('Authorization', `Bearer ${unknown}`);
      expect([response.status, response.body.error.code]).toEqual([401, 'TOKEN_INVALID']);
    }
    // The refusal of the revoked token is audited in its name.
    const denied = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1`,
      [id],
    );
    expect(denied[0]?.details).toMatchObject({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('every call is audited with the token as the actor', async () => {
    const own = await newCase(agents.casemanager);
    const { token, id } = await issue('Kwintes', 'casemanager', ['case:read']);
    await request(t.app).get(`/api/cases/${own.id}`).set(bearer(token)).expect(200);
    await request(t.app).get('/api/cases').set(bearer(token)).expect(403);
    let rows: { action: string; details: Record<string, unknown>; actor_seat: string }[] = [];
    for (let i = 0; i < 50 && rows.length < 3; i++) {
      rows = await t.db.query(
        `SELECT action, details, actor_seat FROM audit_log WHERE actor_user_id = $1 AND action IN ('apiToken.call', 'case.read') ORDER BY id`,
        [id],
      );
      if (rows.length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(rows.map((r) => r.action).sort()).toEqual([
      'apiToken.call',
      'apiToken.call',
      'case.read',
    ]);
    expect(
      rows.find((r) => r.action === 'apiToken.call' && r.details.status === 403)?.details,
    ).toEqual({
      method: 'GET',
      route: '/api/cases',
      status: 403,
    });
    expect(rows.every((r) => r.actor_seat === 'casemanager')).toBe(true);
  });

  it('limits the requests per token and minute', async () => {
    const { token } = await issue('Kwintes', 'casemanager', ['region:read']);
    const other = await issue('Kwintes', 'casemanager', ['region:read']);
    // Near the end of a minute the window would reset midway: start in a fresh one.
    const [{ seconds }] = await t.db.query(`SELECT extract(second FROM now())::int AS seconds`);
    if (seconds > 50) await new Promise((resolve) => setTimeout(resolve, (61 - seconds) * 1000));
    const statuses: number[] = [];
    for (let i = 0; i <= rateLimit; i++)
      statuses.push((await request(t.app).get('/api/health').set(bearer(token))).status);
    expect(statuses.slice(0, rateLimit).every((s) => s === 200)).toBe(true);
    const limited = await request(t.app).get('/api/health').set(bearer(token));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('TOKEN_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Per token: another token of the same organisation goes on.
    expect((await request(t.app).get('/api/health').set(bearer(other.token))).status).toBe(200);
  }, 20_000);
});

// ---- signed events ----

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A partner's receiver: answers 500 to the first `failFirst` requests, then 204; remembers everything. */
async function startReceiver(failFirst: number) {
  const received: Received[] = [];
  let failures = failFirst;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = failures-- > 0 ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uitstroomtafel`;
  const receiver = {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  receivers.push(receiver);
  return receiver;
}

/** What a receiver does, in the few lines docs/partner-systems.md shows. */
function isSignedBy(secret: string, received: Received): boolean {
  const header = parseSignatureHeader(received.headers['uitstroomtafel-signature'] as string);
  if (!header) return false;
  const expected = createHmac('sha256', secret)
    .update(signedContent(header.timestamp, received.body))
    .digest();
  return header.signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

async function subscribe(token: string, url: string, kinds: string[]) {
  const response = await request(t.app)
    .post('/api/partner/subscriptions')
    .set(bearer(token))
    .send({ url, kinds });
  if (response.status !== 201)
    throw new Error(`subscribe failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; secret: string };
}

describe('signed events', () => {
  const allKinds = [
    'caseDecided',
    'dwellingOffered',
    'placementConfirmed',
    'placementRefused',
    'moveRecorded',
    'signalRaised',
  ];
  let now = new Date(Date.now() + 1000);
  const clock: Clock = { now: () => now };
  const deliver = () => runDueJobs(t.db, clock, { jobs: [webhookDeliveryJob] });

  it('tells each system what concerns it, signed, retried after a failure, at least once', async () => {
    const lelystad = await startReceiver(1);
    const dronten = await startReceiver(0);
    const lelystadToken = await issue('Gemeente Lelystad', 'municipality', [
      'case:read',
      'webhook:manage',
    ]);
    const drontenToken = await issue('Gemeente Dronten', 'municipality', ['webhook:manage']);
    const lelystadSubscription = await subscribe(lelystadToken.token, lelystad.url, allKinds);
    await subscribe(drontenToken.token, dronten.url, allKinds);
    expect(lelystadSubscription.secret).toMatch(/^whsec_/);
    // Sessions hold no subscriptions: the permission is a token's only.
    expect((await agents.municipality.get('/api/partner/subscriptions')).status).toBe(403);

    // A case decided for Lelystad, offered by Centrada, accepted, confirmed, moved, then a signal.
    const caseId = await searchingCase(agents, t.db);
    const dwelling = await newDwelling(agents.corporation);
    expect((await offer(agents.corporation, caseId, dwelling.id)).status).toBe(201);
    expect((await answer(agents.casemanager, caseId, 'accepted')).status).toBe(200);
    expect((await confirm(agents.municipality, caseId)).status).toBe(200);
    expect((await moveIn(agents.casemanager, caseId)).status).toBe(200);
    const moved = (await agents.casemanager.get(`/api/cases/${caseId}`)).body;
    await startedSupport(
      agents.provider,
      t.db,
      moved,
      moved.placement?.keyHandoverDate ?? dutchToday(),
    );
    const signal = await agents.provider.post(`/api/cases/${caseId}/support/signals`).send({
      kind: 'paymentArrears',
      severity: 'low',
      date: dutchToday(),
      description: 'Eerste huurachterstand.',
    });
    expect(signal.status).toBe(201);

    await deliver();
    // The first attempt failed (500); the others went through.
    expect(lelystad.received).toHaveLength(5);
    now = new Date(now.getTime() + 31_000);
    await deliver();
    expect(lelystad.received).toHaveLength(6);
    for (const received of lelystad.received)
      expect(isSignedBy(lelystadSubscription.secret, received)).toBe(true);
    expect(isSignedBy('whsec_someone-else', lelystad.received[0]!)).toBe(false);
    const events = lelystad.received.map((r) => JSON.parse(r.body));
    const unique = new Map(events.map((e) => [e.id, e]));
    expect([...unique.values()].map((e) => e.kind).sort()).toEqual([
      'caseDecided',
      'dwellingOffered',
      'moveRecorded',
      'placementConfirmed',
      'signalRaised',
    ]);
    const { pseudonym } = moved;
    for (const event of unique.values()) {
      expect(Object.keys(event).sort()).toEqual(['case', 'id', 'kind', 'occurredAt']);
      expect(event.case).toEqual({ id: caseId, kenmerk: pseudonym });
    }
    // Dronten's seat does not reach the case: it hears nothing of it.
    expect(dronten.received).toHaveLength(0);

    // The delivery log: the failed attempt and the one that went through.
    const log = await request(t.app)
      .get(`/api/partner/subscriptions/${lelystadSubscription.id}/deliveries`)
      .set(bearer(lelystadToken.token));
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(5);
    const retried = log.body.find((d: { attempts: unknown[] }) => d.attempts.length === 2);
    expect(retried).toMatchObject({ state: 'delivered', nextAttemptAt: null });
    expect(retried.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 204]);
    // Another token never sees this subscription's log.
    const foreign = await request(t.app)
      .get(`/api/partner/subscriptions/${lelystadSubscription.id}/deliveries`)
      .set(bearer(drontenToken.token));
    expect(foreign.status).toBe(404);

    // At least once: a node that stopped after sending, before recording, sends again; the
    // receiver drops the duplicate by the event id.
    await t.db.query(
      `UPDATE webhook_delivery SET state = 'pending', delivered_at = NULL, next_attempt_at = $2 WHERE subscription_id = $1 AND id = $3`,
      [lelystadSubscription.id, now, retried.id],
    );
    await deliver();
    expect(lelystad.received).toHaveLength(7);
    const ids = lelystad.received.map((r) => JSON.parse(r.body).id as string);
    expect(new Set(ids).size).toBe(5);
    expect(lelystad.received.at(-1)!.headers['uitstroomtafel-event-id']).toBe(retried.eventId);

    // The regio-beheerder sees the subscription and how its deliveries stand, without the secret.
    const overview = await admin.get(`/api/region/tokens/${lelystadToken.id}/subscriptions`);
    expect(overview.body[0]).toMatchObject({
      url: lelystad.url,
      deliveries: { delivered: 5, pending: 0, failed: 0 },
    });
    expect(JSON.stringify(overview.body)).not.toContain(lelystadSubscription.secret);
    await lelystad.close();
    await dronten.close();
  }, 60_000);

  it('gives up after a day, and a revoked token hears nothing more', async () => {
    const receiver = await startReceiver(1000);
    const { token, id } = await issue('Kwintes', 'casemanager', ['webhook:manage']);
    const subscription = await subscribe(token, receiver.url, ['caseDecided', 'signalRaised']);
    const second = await subscribe(token, receiver.url, ['caseDecided']);
    await request(t.app)
      .delete(`/api/partner/subscriptions/${second.id}`)
      .set(bearer(token))
      .expect(204);
    const caseId = await searchingCase(agents, t.db);
    const ofThisCase = () => receiver.received.filter((r) => JSON.parse(r.body).case.id === caseId);
    await deliver();
    expect(ofThisCase()).toHaveLength(1);
    now = new Date(now.getTime() + 25 * 3600_000);
    await deliver();
    expect(ofThisCase()).toHaveLength(2);
    const [delivery] = (
      await request(t.app)
        .get(`/api/partner/subscriptions/${subscription.id}/deliveries`)
        .set(bearer(token))
    ).body;
    expect(delivery).toMatchObject({ state: 'failed', caseId, nextAttemptAt: null });
    expect(delivery.attempts).toHaveLength(2);

    await admin.post(`/api/region/tokens/${id}/revoke`).send({});
    await t.db.query(
      `INSERT INTO partner_event (region_id, kind, case_id) SELECT region_id, 'signalRaised', id FROM case_file WHERE id = $1`,
      [caseId],
    );
    now = new Date(now.getTime() + 60_000);
    await deliver();
    expect(ofThisCase()).toHaveLength(2);
    await receiver.close();
  }, 60_000);
});
