import type request from 'supertest';
import {
  caseChangedSchema,
  liveMessage,
  presenceSchema,
  tableChangedSchema,
  tableViewSchema,
} from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, readyCase } from '../../../tests/support/case-factory';
import {
  connectLive,
  quietFor,
  signInCookie,
  type LiveClient,
} from '../../../tests/support/live-client';
import { startServer, type RunningServer } from '../server';

/**
 * The live layer against a real node (HTTP and socket.io on a free port) and real sockets. Writes
 * go through the API as the seats make them; what each socket receives is read as it arrived.
 */
let t: TestApp;
let node: RunningServer;
let kwintes: request.Agent;
let chair: request.Agent;
const clients: LiveClient[] = [];
const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';
const org = async (name: string) =>
  (await t.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
const userId = async (email: string) =>
  (await t.db.query('SELECT id FROM app_user WHERE email = $1', [email]))[0].id as string;

beforeAll(async () => {
  t = await startTestApp();
  node = await startServer({ db: t.db, config: t.config, port: 0, host: '127.0.0.1' });
  kwintes = await t.signIn('regisseur@kwintes.demo');
  chair = await t.signIn('voorzitter@almere.demo');
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await node.close();
  await t.close();
});

/** A seat's socket, signed in with its own session. */
async function seat(email: string): Promise<LiveClient> {
  const client = await connectLive(node.url, { cookie: await signInCookie(node.url, email) });
  clients.push(client);
  return client;
}

const caseRoom = (id: string) => ({ room: { kind: 'case', id } });
const tableRoom = (id: string) => ({ room: { kind: 'table', id } });

/** A ready case (Lelystad is its origin) on the shared agenda of a table Centrada and Lelystad are invited to. */
async function caseOnSharedAgenda() {
  const view = await readyCase(kwintes, t.db);
  const planned = await chair.post('/api/tables').send({
    title: 'Uitstroomtafel live',
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    invitedOrganisationIds: [
      await org('Centrada'),
      await org('Gemeente Lelystad'),
      await org('Kwintes'),
    ],
  });
  const scheduled = await kwintes
    .post(`/api/tables/${planned.body.id}/agenda`)
    .send({ version: planned.body.version, caseId: view.id, caseVersion: view.version });
  const published = await chair
    .post(`/api/tables/${planned.body.id}/publish`)
    .send({ version: scheduled.body.version });
  if (published.status !== 200)
    throw new Error(`publish failed ${published.status} ${JSON.stringify(published.body)}`);
  return { caseId: view.id as string, table: tableViewSchema.parse(published.body) };
}

async function updateMaxRent(caseId: string, maxRent: number) {
  const current = (await kwintes.get(`/api/cases/${caseId}`)).body;
  const response = await kwintes.patch(`/api/cases/${caseId}`).send({
    version: current.version,
    changes: { housingNeeds: { ...current.housingNeeds, maxRent } },
  });
  expect(response.status).toBe(200);
  return response.body;
}

/** What the corporation may never receive of this case: as in sensitive-data-leak.test.ts, plus who the resident is (no consent). */
async function forbiddenForCorporation(caseId: string): Promise<string[]> {
  const [{ sections }] = await t.db.query('SELECT sections FROM case_file WHERE id = $1', [caseId]);
  const texts = (values: unknown[]) =>
    values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 6);
  const values = [
    ...texts(Object.values(sections.sensitive ?? {})),
    ...texts(Object.values(sections.supportNeeds ?? {})),
    ...texts((sections.addresses ?? []).map((a: { street?: string }) => a.street)),
    ...texts(Object.values(sections.identity ?? {})),
    ...texts(Object.values(sections.contact ?? {})),
    ...texts([sections.wishes?.ownWords]),
  ];
  expect(values.length).toBeGreaterThan(6);
  return values;
}

describe('the handshake', () => {
  it('refuses a socket without a session, and says so in the one error shape', async () => {
    const refusal = await connectLive(node.url).then(
      () => null,
      (error: { data?: unknown }) => error,
    );
    expect(refusal?.data).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: 'U bent niet ingelogd.' },
    });
  });

  it('refuses a cookie whose session has ended: "expired", so the page can say so', async () => {
    const cookie = await signInCookie(node.url, 'gemeente@almere.demo');
    await fetch(`${node.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const refusal = await connectLive(node.url, { cookie }).then(
      () => null,
      (error: { data?: unknown }) => error,
    );
    expect(refusal?.data).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });

  it('refuses a page of another site, even with a valid session; the app’s own origin is let in', async () => {
    const cookie = await signInCookie(node.url, 'gemeente@almere.demo');
    await expect(
      connectLive(node.url, { cookie, origin: 'https://evil.example' }),
    ).rejects.toThrow();
    const own = await connectLive(node.url, { cookie, origin: node.url });
    expect(own.socket.connected).toBe(true);
    own.close();
  });
});

describe('following a case or a table', () => {
  it('is refused for a case outside the seat’s reach: an error answer, and nothing joined', async () => {
    const { caseId } = await caseOnSharedAgenda();
    const tactus = await seat('regisseur@tactus.demo');
    const answer = await tactus.ask(liveMessage.watch, caseRoom(caseId));
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'Deze casus bestaat niet of valt buiten uw bereik.',
        issues: [],
      },
    });
    expect(await node.io.in(`case:${caseId}`).fetchSockets()).toHaveLength(0);
    await updateMaxRent(caseId, 640);
    await quietFor(400);
    expect(tactus.received.map((r) => r.event)).not.toContain(liveMessage.caseChanged);
  });

  it('is refused for a table outside the seat’s reach', async () => {
    const { table } = await caseOnSharedAgenda();
    const ymere = await seat('corporatie@ymere.demo');
    expect(await ymere.ask(liveMessage.watch, tableRoom(table.id))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it.each([
    ['a room id that is no uuid', { room: { kind: 'case', id: "x' OR 1=1" } }, 'room.id'],
    [
      'an unknown kind of room',
      { room: { kind: 'user', id: '2b0f6a36-6a54-4f0c-9d47-0c3c2a1e4b11' } },
      'room.kind',
    ],
    [
      'an extra field',
      { room: { kind: 'case', id: '2b0f6a36-6a54-4f0c-9d47-0c3c2a1e4b11' }, everything: true },
      'everything',
    ],
    ['no object at all', 'case:everything', ''],
  ])(
    'answers a bad message (%s) with the validation error, joins nothing and stays up',
    async (_label, payload, path) => {
      const municipality = await seat('gemeente@lelystad.demo');
      const answer = await municipality.ask(liveMessage.watch, payload);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('VALIDATION_FAILED');
        expect(answer.error.issues.map((i) => i.path)).toContain(path);
      }
      const rooms = (await node.io.fetchSockets()).find(
        (s) => s.id === municipality.socket.id,
      )?.rooms;
      expect(
        [...(rooms ?? [])].filter((r) => r.startsWith('case:') || r.startsWith('table:')),
      ).toEqual([]);
      const { caseId } = await caseOnSharedAgenda();
      expect(await municipality.ask(liveMessage.watch, caseRoom(caseId))).toEqual({ ok: true });
    },
  );

  it('refuses a flood of messages from one socket before it costs the database anything', async () => {
    const municipality = await seat('gemeente@lelystad.demo');
    const answers = await Promise.all(
      Array.from({ length: 32 }, () =>
        municipality.ask(liveMessage.unwatch, caseRoom('2b0f6a36-6a54-4f0c-9d47-0c3c2a1e4b11')),
      ),
    );
    expect(answers.slice(0, 30).every((a) => a.ok)).toBe(true);
    expect(answers.slice(30)).toEqual([
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' }),
      }),
      expect.objectContaining({ ok: false }),
    ]);
  });

  it('answers a message it does not know with an error, and ignores one that asks no answer', async () => {
    const municipality = await seat('gemeente@lelystad.demo');
    expect(await municipality.ask('live:everything', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    municipality.socket.emit('live:watch', { room: 'nonsense' });
    await quietFor(100);
    expect(municipality.socket.connected).toBe(true);
  });
});

describe('a change by one seat reaches the others, each through its own projection', () => {
  it('the case manager’s update reaches the chair, the municipality and the corporation as their GET would show it; the corporation receives nothing sensitive', async () => {
    const { caseId } = await caseOnSharedAgenda();
    const [chairSocket, lelystad, centrada, centradaSecondTab] = await Promise.all([
      seat('voorzitter@almere.demo'),
      seat('gemeente@lelystad.demo'),
      seat('corporatie@centrada.demo'),
      seat('corporatie@centrada.demo'),
    ]);
    for (const client of [chairSocket, lelystad, centrada, centradaSecondTab])
      expect(await client.ask(liveMessage.watch, caseRoom(caseId))).toEqual({ ok: true });
    const arrivals = [chairSocket, lelystad, centrada, centradaSecondTab].map((c) =>
      c.next(
        liveMessage.caseChanged,
        (p: { view: { housingNeeds?: { maxRent?: number } } }) =>
          p.view.housingNeeds?.maxRent === 615,
      ),
    );
    const written = await updateMaxRent(caseId, 615);
    const [toChair, toLelystad, toCentrada, toSecondTab] = (await Promise.all(arrivals)).map((p) =>
      caseChangedSchema.parse(p),
    );

    expect(toChair!.view.identity).toMatchObject({ lastName: 'de Jong' }); // consented to the regional coordination
    expect(toChair!.view).not.toHaveProperty('sensitive');
    expect(toChair!.changedBy).toMatchObject({
      displayName: 'Sanne Willems',
      organisationName: 'Kwintes',
    });
    expect(toLelystad!.view).not.toHaveProperty('identity'); // no consent for Lelystad
    expect(toLelystad!.view).toEqual(
      (await (await t.signIn('gemeente@lelystad.demo')).get(`/api/cases/${caseId}`)).body,
    );
    expect(Object.keys(toCentrada!.view).sort()).toEqual(
      Object.keys(
        (await (await t.signIn('corporatie@centrada.demo')).get(`/api/cases/${caseId}`)).body,
      ).sort(),
    );
    expect(toCentrada!.view.version).toBe(written.version);
    expect(toCentrada).not.toHaveProperty('changedBy'); // a corporation does not learn who works on the case
    expect(toSecondTab).toEqual(toCentrada);

    const forbidden = await forbiddenForCorporation(caseId);
    await quietFor(100);
    for (const client of [centrada, centradaSecondTab])
      expect(
        forbidden.filter((value) => client.raw().includes(JSON.stringify(value).slice(1, -1))),
      ).toEqual([]);
    expect(forbidden.some((value) => chairSocket.raw().includes(value))).toBe(true); // the search itself can find what it looks for
  });

  it('reads and audits once per user for the event, however many tabs the user has open', async () => {
    const { caseId } = await caseOnSharedAgenda();
    const tabs = await Promise.all([
      seat('corporatie@centrada.demo'),
      seat('corporatie@centrada.demo'),
      seat('corporatie@centrada.demo'),
    ]);
    for (const tab of tabs) await tab.ask(liveMessage.watch, caseRoom(caseId));
    const arrivals = tabs.map((tab) => tab.next(liveMessage.caseChanged));
    await updateMaxRent(caseId, 600);
    await Promise.all(arrivals);
    const rows = await t.db.query(
      `SELECT action, fields, subject_pseudonym FROM audit_log WHERE actor_user_id = $1 AND object_id = $2 AND request_id LIKE 'live:%'`,
      [await userId('corporatie@centrada.demo'), caseId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'case.read',
      subject_pseudonym: expect.stringMatching(/^R-/),
    });
    expect(rows[0].fields).not.toContain('sensitive');
  });

  it('a withdrawn consent holds from the very next event: the name is in the one before and not in the one after', async () => {
    const { caseId } = await caseOnSharedAgenda();
    const lelystad = await seat('gemeente@lelystad.demo');
    await lelystad.ask(liveMessage.watch, caseRoom(caseId));
    const withName = lelystad.next(liveMessage.caseChanged);
    const consent = await giveConsent(kwintes, t.db, caseId, 'Gemeente Lelystad', [
      'identityContact',
    ]);
    expect(caseChangedSchema.parse(await withName).view.identity).toMatchObject({
      firstName: 'Noor',
    });

    const withoutName = lelystad.next(liveMessage.caseChanged);
    expect(
      (await kwintes.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`).send({})).status,
    ).toBe(200);
    expect(caseChangedSchema.parse(await withoutName).view).not.toHaveProperty('identity');
    const later = lelystad.next(liveMessage.caseChanged);
    await updateMaxRent(caseId, 590);
    expect(JSON.stringify(await later)).not.toContain('Noor');
  });

  it('a table change (and a change to a case on its agenda) reaches an invited corporation as its own view of the table', async () => {
    const { caseId, table } = await caseOnSharedAgenda();
    const centrada = await seat('corporatie@centrada.demo');
    expect(await centrada.ask(liveMessage.watch, tableRoom(table.id))).toEqual({ ok: true });

    const renamed = centrada.next(
      liveMessage.tableChanged,
      (p: { table: { title: string } }) => p.table.title === 'Uitstroomtafel live, nieuwe zaal',
    );
    const details = {
      title: 'Uitstroomtafel live, nieuwe zaal',
      startsAt: table.startsAt,
      invitedOrganisationIds: table.invited.map((o) => o.id),
    };
    expect(
      (await chair.put(`/api/tables/${table.id}`).send({ version: table.version, details })).status,
    ).toBe(200);
    const event = tableChangedSchema.parse(await renamed);
    expect(event).not.toHaveProperty('changedBy'); // not even the chair's name: a corporation learns no one's
    expect(event.table.agenda?.[0]?.case).toHaveProperty('housingNeeds');
    expect(event.table.agenda?.[0]?.case).not.toHaveProperty('identity');

    const viaCase = centrada.next(
      liveMessage.tableChanged,
      (p: { table: { agenda?: { case: { housingNeeds?: { maxRent?: number } } }[] } }) =>
        p.table.agenda?.[0]?.case.housingNeeds?.maxRent === 580,
    );
    await updateMaxRent(caseId, 580);
    await viaCase;
    const forbidden = await forbiddenForCorporation(caseId);
    expect(
      forbidden.filter((value) => centrada.raw().includes(JSON.stringify(value).slice(1, -1))),
    ).toEqual([]);
    expect(centrada.raw()).not.toMatch(/Sanne Willems/); // (Kwintes is on the invitation list, which every invitee reads)
  });
});

describe('the flow stops at once', () => {
  it('when the seat signs out: that session’s sockets close, another session of the same user stays', async () => {
    const cookie = await signInCookie(node.url, 'gemeente@lelystad.demo');
    const signedOut = await connectLive(node.url, { cookie });
    const otherDevice = await seat('gemeente@lelystad.demo');
    clients.push(signedOut);
    const closed = signedOut.disconnected();
    await fetch(`${node.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await closed).toBe('io server disconnect');
    await quietFor(200);
    expect(otherDevice.socket.connected).toBe(true);
  });

  it('when the user is deactivated: every socket of the user closes', async () => {
    const [first, second] = await Promise.all([
      seat('gemeente@dronten.demo'),
      seat('gemeente@dronten.demo'),
    ]);
    const closed = Promise.all([first.disconnected(), second.disconnected()]);
    const admin = await t.signIn('beheer@flevoland.demo');
    expect(
      (
        await admin
          .post(`/api/admin/users/${await userId('gemeente@dronten.demo')}/deactivate`)
          .send({})
      ).status,
    ).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
  });

  it('when the session has idled out while the page stayed open: the next event closes the socket instead of reaching it', async () => {
    const { caseId } = await caseOnSharedAgenda();
    const cookie = await signInCookie(node.url, 'gemeente@lelystad.demo');
    const idle = await connectLive(node.url, { cookie });
    clients.push(idle);
    await idle.ask(liveMessage.watch, caseRoom(caseId));
    const sessionId = decodeURIComponent(cookie.split('=')[1]!).slice(2).split('.')[0];
    await t.db.query("UPDATE session SET expire = now() - interval '1 minute' WHERE sid = $1", [
      sessionId,
    ]);
    const closed = idle.disconnected();
    await updateMaxRent(caseId, 570);
    expect(await closed).toBe('io server disconnect');
    expect(idle.received.map((r) => r.event)).not.toContain(liveMessage.caseChanged);
  });
});

describe('presence', () => {
  it('lists who has the case open; the corporation learns seats, not names or organisations', async () => {
    const { caseId } = await caseOnSharedAgenda();
    const manager = await seat('regisseur@kwintes.demo');
    await manager.ask(liveMessage.watch, caseRoom(caseId));
    const both = manager.next(
      liveMessage.presence,
      (p: { people: unknown[] }) => p.people.length === 3,
    );
    const chairSocket = await seat('voorzitter@almere.demo');
    await chairSocket.ask(liveMessage.watch, caseRoom(caseId));
    const centrada = await seat('corporatie@centrada.demo');
    const seenByCorporation = centrada.next(
      liveMessage.presence,
      (p: { people: unknown[] }) => p.people.length === 3,
    );
    await centrada.ask(liveMessage.watch, caseRoom(caseId));

    const named = presenceSchema.parse(await both);
    expect(named.people.map((p) => [p.seat, p.organisationName]).sort()).toEqual([
      ['casemanager', 'Kwintes'],
      ['chair', coordination],
      ['corporation', 'Centrada'],
    ]);
    expect(named.people.find((p) => p.seat === 'casemanager')?.displayName).toBe('Sanne Willems');
    const limited = presenceSchema.parse(await seenByCorporation);
    expect(limited.people.map((p) => p.seat)).toEqual(['casemanager', 'chair', 'corporation']);
    expect(JSON.stringify(limited)).not.toMatch(
      /Sanne|Kwintes|coördinatie|displayName|organisationName/,
    );

    const afterLeaving = manager.next(
      liveMessage.presence,
      (p: { people: unknown[] }) => p.people.length === 2,
    );
    chairSocket.close();
    expect(
      presenceSchema
        .parse(await afterLeaving)
        .people.map((p) => p.seat)
        .sort(),
    ).toEqual(['casemanager', 'corporation']);
  });
});
