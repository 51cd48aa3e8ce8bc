import request from 'supertest';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';

/**
 * Limits per account as well as per address (issue 21). The app trusts one proxy, so every request
 * comes from the address its X-Forwarded-For names: many source addresses against one account.
 * Limits as small as a test allows: a delay after 3 failures (first 30 s, so no slow machine slips
 * past it), a lock after 6 for 15 minutes. Waiting is simulated by back-dating the attempts.
 */
let t: TestApp;
const password = 'uitstroom-demo';
const limits = {
  trustProxy: 1,
  accountDelayAfterFailures: 3,
  accountDelaySeconds: 30,
  accountLockAfterFailures: 6,
  accountLockSeconds: 15 * 60,
};

beforeAll(async () => {
  t = await startTestApp(limits);
});
afterAll(async () => {
  await t.close();
});

const from = (address: string) => ({
  login: (email: string, guess: string) =>
    request(t.app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email, password: guess }),
});
const addresses = Array.from({ length: 40 }, (_, i) => `198.51.100.${i + 1}`);
const evaluated = async (email: string) =>
  (await t.db.query('SELECT count(*)::int AS n FROM login_attempt WHERE email = $1', [email]))[0]
    .n as number;
/** Every attempt so far happened `seconds` earlier: the delay since the last one has passed. */
const waitSeconds = (email: string, seconds: number) =>
  t.db.query(`UPDATE login_attempt SET at = at - make_interval(secs => $2) WHERE email = $1`, [
    email,
    seconds,
  ]);

describe('guessing spread over many addresses', () => {
  it('40 addresses × 12 wrong passwords: 3 evaluated, then every try waits; waiting is enough, and the wait grows', async () => {
    const email = 'corporatie@centrada.demo';
    const statuses: number[] = [];
    for (const address of addresses)
      for (let i = 0; i < 12; i += 1)
        statuses.push((await from(address).login(email, `raden-${address}-${i}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(477);
    expect(await evaluated(email)).toBe(3);

    // The right password is not evaluated during the wait either: guessing stops.
    const refused = await from('203.0.113.7').login(email, password);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(refused.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(30);

    // After the wait one more try is evaluated; the next wait is twice as long.
    await waitSeconds(email, 31);
    expect((await from('203.0.113.8').login(email, 'nog-een-gok')).status).toBe(401);
    const longer = await from('203.0.113.9').login(email, 'en-nog-een');
    expect(longer.status).toBe(429);
    expect(longer.body.error.details.retryAfterSeconds).toBeGreaterThan(30);
    expect(longer.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    await waitSeconds(email, 61);
    // And a legitimate user who waited gets in, from anywhere.
    expect((await from('203.0.113.10').login(email, password)).status).toBe(200);
  });

  it('after 6 failures the account is locked for the period, its owner gets a mail; the regio-beheerder lifts it at once (audited)', async () => {
    const email = 'corporatie@mercatus.demo';
    for (let i = 0; i < 6; i += 1) {
      expect((await from(addresses[i]!).login(email, `gok-${i}`)).status).toBe(401);
      // Longer than the longest wait before the lock (30, 60, 120 s); all six stay within the hour.
      await waitSeconds(email, 121);
    }
    const locked = await from('203.0.113.20').login(email, password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/tijdelijk geblokkeerd/);
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    const [{ id: userId }] = await t.db.query('SELECT id FROM app_user WHERE email = $1', [email]);
    const lockouts = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'auth.lockout' AND object_id = $1 AND details->>'scope' = 'accountLocked'`,
      [userId],
    );
    expect(lockouts).toEqual([
      { details: expect.objectContaining({ scope: 'accountLocked', failures: 6 }) },
    ]);
    const mails = await t.db.query(
      `SELECT subject, text_body FROM mail_outbox WHERE to_address = $1 AND subject LIKE '%geblokkeerd%'`,
      [email],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].text_body).toMatch(/geblokkeerd tot/);

    const admin = await t.signIn('beheer@flevoland.demo');
    const listed = (await admin.get('/api/admin/users')).body.find(
      (u: { email: string }) => u.email === email,
    );
    expect(listed.lockedUntil).toEqual(expect.any(String));
    expect(
      (
        await (
          await t.signIn('voorzitter@almere.demo')
        )
          .post(`/api/admin/users/${userId}/unlock`)
          .send({})
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await t.signIn('beheer@midden-ijssel.demo')
        )
          .post(`/api/admin/users/${userId}/unlock`)
          .send({})
      ).status,
    ).toBe(404);
    const lifted = await admin.post(`/api/admin/users/${userId}/unlock`).send({});
    expect(lifted.status).toBe(200);
    expect(lifted.body.lockedUntil).toBeNull();
    expect((await admin.post(`/api/admin/users/${userId}/unlock`).send({})).status).toBe(409);
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.lockout.lift' AND object_id = $1`,
        [userId],
      ),
    ).toEqual([{ n: 1 }]);
    // Counting starts again: no wait, no lock.
    expect((await from('203.0.113.21').login(email, password)).status).toBe(200);
  });

  it('a lock ends by itself after the period: never longer', async () => {
    const email = 'corporatie@ofw.demo';
    for (let i = 0; i < 6; i += 1) {
      expect((await from(addresses[i]!).login(email, `gok-${i}`)).status).toBe(401);
      await waitSeconds(email, 300);
    }
    expect((await from('203.0.113.30').login(email, password)).status).toBe(429);
    // Fifteen minutes later (the lock and the attempts back-dated together).
    await t.db.query(
      `UPDATE account_lock SET locked_at = locked_at - interval '15 minutes', locked_until = locked_until - interval '15 minutes' WHERE email = $1`,
      [email],
    );
    await waitSeconds(email, 15 * 60);
    expect((await from('203.0.113.30').login(email, password)).status).toBe(200);
  });

  it('the per-address limit stays: 10 from one address and that address waits, whatever the account limits say', async () => {
    const lenient = await startTestApp({
      ...limits,
      accountDelayAfterFailures: 100,
      accountLockAfterFailures: 100,
    });
    try {
      const email = 'gemeente@urk.demo';
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        statuses.push(
          (
            await request(lenient.app)
              .post('/api/auth/login')
              .set('X-Forwarded-For', '192.0.2.1')
              .send({ email, password: `fout-${i}` })
          ).status,
        );
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
      expect(
        (
          await request(lenient.app)
            .post('/api/auth/login')
            .set('X-Forwarded-For', '192.0.2.2')
            .send({ email, password })
        ).status,
      ).toBe(200);
    } finally {
      await lenient.close();
    }
  });
});

describe('the current password on the change form', () => {
  it('is throttled per account like a sign-in: 3 wrong, then each try waits', async () => {
    const agent = await t.signIn('gemeente@dronten.demo');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      statuses.push(
        (
          await agent
            .post('/api/account/password')
            .set('X-Forwarded-For', addresses[i]!)
            .send({ currentPassword: `fout-${i}`, newPassword: 'een-heel-nieuw-wachtwoord-2026' })
        ).status,
      );
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
  });
});
