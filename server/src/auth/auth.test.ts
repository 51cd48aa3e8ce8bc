import request from 'supertest';
import { errorBodySchema, grantsBySeat, meSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { createApp } from '../app';

let t: TestApp;
// This file tests the limit per account and address; the limits per account from any address are
// set out of reach here and tested in account-lockout.test.ts.
beforeAll(async () => {
  t = await startTestApp({ accountDelayAfterFailures: 1000, accountLockAfterFailures: 1000 });
});
afterAll(async () => {
  await t.close();
});

const sessionCookie = (response: request.Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('uitstroom.sid='));

describe('sign-in', () => {
  it('answers 200 with the same body as /me and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const agent = request.agent(t.app);
    const login = await agent
      .post('/api/auth/login')
      .send({ email: 'regisseur@kwintes.demo', password: 'uitstroom-demo' });
    expect(login.status).toBe(200);
    const me = meSchema.parse(login.body);
    expect(me).toMatchObject({
      seat: 'casemanager',
      organisation: { name: 'Kwintes', kind: 'provider' },
      region: { slug: 'flevoland', name: 'Flevoland' },
    });
    // The seat's grants, from the one table the routes check: what the client offers follows them.
    expect(me.grants).toEqual([...grantsBySeat.casemanager]);
    expect(me.grants).not.toContain('table:manage');
    // The case projection shows a case manager names (the list searches by name and kenmerk).
    expect(me.readsNames).toBe(true);
    const corporation = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'corporatie@centrada.demo', password: 'uitstroom-demo' });
    // A corporation reads the name of a resident it houses, with consent (issue 26): it searches by name too.
    expect(meSchema.parse(corporation.body).readsNames).toBe(true);
    const cookie = sessionCookie(login);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // not in production
    const meResponse = await agent.get('/api/auth/me');
    expect(meResponse.status).toBe(200);
    expect(meResponse.body).toEqual(login.body);
  });

  it.each([
    ['voorzitter@almere.demo', 'chair'],
    ['gemeente@lelystad.demo', 'municipality'],
    ['corporatie@centrada.demo', 'corporation'],
    ['aanbieder@leger-des-heils.demo', 'provider'],
    ['beheer@flevoland.demo', 'regionAdmin'],
    ['regisseur@tactus.demo', 'casemanager'],
  ])('signs in %s as %s', async (email, seat) => {
    const agent = await t.signIn(email);
    const me = await agent.get('/api/auth/me');
    expect(me.body.seat).toBe(seat);
  });

  it('accepts the e-mail address in any case and with surrounding spaces', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'Gemeente@Almere.demo', password: 'uitstroom-demo' });
    expect(response.status).toBe(200);
    expect(response.body.organisation.name).toBe('Gemeente Almere');
  });

  it('gives a new session id at every sign-in', async () => {
    const agent = request.agent(t.app);
    const first = sessionCookie(
      await agent
        .post('/api/auth/login')
        .send({ email: 'gemeente@urk.demo', password: 'uitstroom-demo' }),
    );
    const second = sessionCookie(
      await agent
        .post('/api/auth/login')
        .send({ email: 'gemeente@urk.demo', password: 'uitstroom-demo' }),
    );
    expect(first).toBeDefined();
    expect(second?.split(';')[0]).not.toBe(first?.split(';')[0]);
  });

  it('answers a wrong password and an unknown account alike with 401, without a session', async () => {
    for (const body of [
      { email: 'regisseur@kwintes.demo', password: 'fout' },
      { email: 'niemand@nergens.demo', password: 'uitstroom-demo' },
    ]) {
      const response = await request(t.app).post('/api/auth/login').send(body);
      expect(response.status).toBe(401);
      expect(errorBodySchema.parse(response.body).error.code).toBe('INVALID_CREDENTIALS');
      expect(sessionCookie(response)).toBeUndefined();
    }
  });

  it('refuses a deactivated account', async () => {
    await t.db.query(`UPDATE app_user SET is_active = false WHERE email = 'aanbieder@timon.demo'`);
    const response = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'aanbieder@timon.demo', password: 'uitstroom-demo' });
    expect(response.status).toBe(401);
  });

  it("ends a deactivated user's open session at once", async () => {
    const agent = await t.signIn('aanbieder@triade.demo');
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    await t.db.query(`UPDATE app_user SET is_active = false WHERE email = 'aanbieder@triade.demo'`);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('validates the body: a missing password and unknown fields are 400 with field paths', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'geen-email', extra: 1 });
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(response.body);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['email', 'extra', 'password']);
  });
});

describe('lockout', () => {
  it('refuses the 11th try within a minute with 429, also with the right password, and audits it', async () => {
    const email = 'gemeente@zeewolde.demo';
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await request(t.app)
        .post('/api/auth/login')
        .send({ email, password: `fout-${attempt}` });
      expect(response.status).toBe(401);
    }
    const locked = await request(t.app)
      .post('/api/auth/login')
      .send({ email, password: 'uitstroom-demo' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM audit_log a JOIN app_user u ON u.id::text = a.object_id WHERE u.email = $1 AND a.action = 'auth.lockout'`,
      [email],
    );
    expect(count).toBe(1);
    // Another account from the same address is not affected.
    expect(
      (
        await request(t.app)
          .post('/api/auth/login')
          .send({ email: 'gemeente@dronten.demo', password: 'uitstroom-demo' })
      ).status,
    ).toBe(200);
  });

  it('holds under concurrent guesses: of 20 parallel wrong tries, at most 10 are checked', async () => {
    const email = 'corporatie@ymere.demo';
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(t.app)
          .post('/api/auth/login')
          .send({ email, password: `raden-${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('counts in PostgreSQL, so a second app node on the same database sees the lockout', async () => {
    const email = 'corporatie@woonpalet.demo';
    for (let attempt = 0; attempt < 10; attempt++)
      await request(t.app).post('/api/auth/login').send({ email, password: 'fout' });
    const secondNode = createApp(t.db, t.config);
    expect(
      (
        await request(secondNode)
          .post('/api/auth/login')
          .send({ email, password: 'uitstroom-demo' })
      ).status,
    ).toBe(429);
  });
});

describe('sessions', () => {
  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const agent = await t.signIn('gemeente@lelystad.demo');
    const cookieBefore = (await agent.get('/api/auth/me')).status;
    expect(cookieBefore).toBe(200);
    const [{ count: sessionsBefore }] = await t.db.query(
      'SELECT count(*)::int AS count FROM session',
    );
    expect((await agent.post('/api/auth/logout').send({})).status).toBe(204);
    const [{ count: sessionsAfter }] = await t.db.query(
      'SELECT count(*)::int AS count FROM session',
    );
    expect(sessionsAfter).toBe(sessionsBefore - 1);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('a replayed cookie after logout is refused', async () => {
    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'gemeente@almere.demo', password: 'uitstroom-demo' });
    const cookie = sessionCookie(login)!.split(';')[0]!;
    expect((await request(t.app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    await request(t.app).post('/api/auth/logout').set('Cookie', cookie).send({});
    const replay = await request(t.app).get('/api/auth/me').set('Cookie', cookie);
    expect(replay.status).toBe(401);
  });

  it('without a session every endpoint but sign-in, health and the API description is 401', async () => {
    expect((await request(t.app).get('/api/auth/me')).status).toBe(401);
    expect((await request(t.app).post('/api/auth/logout').send({})).status).toBe(401);
    expect((await request(t.app).get('/api/auth/me')).body.error.code).toBe('UNAUTHENTICATED');
    expect((await request(t.app).get('/api/health')).status).toBe(200);
    expect((await request(t.app).get('/api/openapi.json')).status).toBe(200);
  });

  it('an idle session expires and the answer says so (SESSION_EXPIRED)', async () => {
    const shortLived = await startTestApp({ sessionIdleSeconds: 1 });
    try {
      const agent = await shortLived.signIn('voorzitter@almere.demo');
      expect((await agent.get('/api/auth/me')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const expired = await agent.get('/api/auth/me');
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('SESSION_EXPIRED');
    } finally {
      await shortLived.close();
    }
  });

  it('past the absolute lifetime a session ends even when it is in use', async () => {
    const agent = await t.signIn('gemeente@noordoostpolder.demo');
    await t.db.query(
      `UPDATE session SET sess = jsonb_set(sess::jsonb, '{authenticatedAt}', to_jsonb((extract(epoch FROM now() - interval '13 hours') * 1000)::bigint))::json
        WHERE sess->>'userId' = (SELECT id::text FROM app_user WHERE email = $1)`,
      ['gemeente@noordoostpolder.demo'],
    );
    const response = await agent.get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('SESSION_EXPIRED');
  });
});
