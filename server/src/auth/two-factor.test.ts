import request from 'supertest';
import { meSchema, recoveryCodesSchema, totpEnrollmentSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { currentTotpCode } from './totp';

let t: TestApp;
// A long first delay (30 s instead of 1 s), so that a slow machine cannot let a try slip past it.
beforeAll(async () => {
  t = await startTestApp({ accountDelaySeconds: 30 });
});
afterAll(async () => {
  await t.close();
});

const password = 'uitstroom-demo';
const auditCount = async (action: string, email: string) =>
  (
    await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN app_user u ON u.id::text = a.object_id WHERE a.action = $1 AND u.email = $2`,
      [action, email],
    )
  )[0].n as number;

/** Signs in and enrols TOTP from the account (voluntary); returns the secret and the recovery codes. */
async function enrolVoluntarily(email: string) {
  const agent = await t.signIn(email);
  const enrollment = totpEnrollmentSchema.parse(
    (await agent.post('/api/auth/totp/enrollment').send({})).body,
  );
  expect(enrollment.otpauthUri).toContain('otpauth://totp/Uitstroomtafel');
  expect(enrollment.qrSvg).toContain('<svg');
  const confirm = await agent
    .post('/api/auth/totp/enrollment/confirm')
    .send({ code: currentTotpCode(enrollment.secret) });
  expect(confirm.status).toBe(200);
  return {
    agent,
    secret: enrollment.secret,
    recoveryCodes: recoveryCodesSchema.parse(confirm.body).recoveryCodes,
  };
}

describe('two-factor sign-in with TOTP', () => {
  it('a user with TOTP gets a second step (202), and is signed in only after a valid code', async () => {
    const email = 'gemeente@dronten.demo';
    const { secret, recoveryCodes } = await enrolVoluntarily(email);
    expect(recoveryCodes).toHaveLength(10);
    expect(await auditCount('auth.totp.enroll', email)).toBe(1);

    const agent = request.agent(t.app);
    const login = await agent.post('/api/auth/login').send({ email, password });
    expect(login.status).toBe(202);
    expect(login.body).toEqual({ secondFactor: 'totp' });
    // Halfway is not signed in.
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await agent.get('/api/auth/sign-in-step')).body).toEqual({ secondFactor: 'totp' });

    expect((await agent.post('/api/auth/second-factor').send({ code: '000000' })).status).toBe(401);
    // The enrolment used this 30-second step's code already; the app's next code (one step of
    // clock drift is allowed) is a fresh one.
    const ok = await agent
      .post('/api/auth/second-factor')
      .send({ code: currentTotpCode(secret, Date.now() + 30_000) });
    expect(ok.status).toBe(200);
    expect(meSchema.parse(ok.body).user.email).toBe(email);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect(await auditCount('auth.totp.verify', email)).toBeGreaterThanOrEqual(2);
  });

  it('a code is accepted once: replaying it in another sign-in is refused', async () => {
    const email = 'gemeente@noordoostpolder.demo';
    const { secret } = await enrolVoluntarily(email);
    const code = currentTotpCode(secret);
    const first = request.agent(t.app);
    await first.post('/api/auth/login').send({ email, password });
    // The code from enrolment was the current step already; wait for the step to move on is slow,
    // so check that the enrolment's own code is not accepted again right away.
    const replay = await first.post('/api/auth/second-factor').send({ code });
    expect(replay.status).toBe(401);
  });

  it('recovery codes work once each', async () => {
    const email = 'corporatie@goede-stede.demo';
    const { recoveryCodes } = await enrolVoluntarily(email);
    const agent = request.agent(t.app);
    await agent.post('/api/auth/login').send({ email, password });
    expect(
      (
        await agent
          .post('/api/auth/second-factor')
          .send({ recoveryCode: recoveryCodes[0]!.toUpperCase() })
      ).status,
    ).toBe(200);
    const again = request.agent(t.app);
    await again.post('/api/auth/login').send({ email, password });
    expect(
      (await again.post('/api/auth/second-factor').send({ recoveryCode: recoveryCodes[0] })).status,
    ).toBe(401);
    expect(
      (await again.post('/api/auth/second-factor').send({ recoveryCode: recoveryCodes[1] })).status,
    ).toBe(200);
    expect(await auditCount('auth.recoveryCode.use', email)).toBe(3);
    const account = await again.get('/api/account');
    expect(account.body.twoFactor).toMatchObject({ isEnabled: true, recoveryCodesLeft: 8 });
  });

  it('guessing codes counts per account, like passwords: after five wrong codes each further try waits', async () => {
    const email = 'corporatie@de-alliantie.demo';
    await enrolVoluntarily(email);
    const agent = request.agent(t.app);
    await agent.post('/api/auth/login').send({ email, password });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await agent.post('/api/auth/second-factor').send({ code: String(100000 + i) })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // The delay is per account: the password step from a fresh session waits too.
    expect((await request(t.app).post('/api/auth/login').send({ email, password })).status).toBe(
      429,
    );
  });

  it('without a password step, the second-factor and enrolment endpoints refuse', async () => {
    expect(
      (await request(t.app).post('/api/auth/second-factor').send({ code: '123456' })).status,
    ).toBe(401);
    expect((await request(t.app).post('/api/auth/totp/enrollment').send({})).status).toBe(401);
    expect(
      (await request(t.app).post('/api/auth/totp/enrollment/confirm').send({ code: '123456' }))
        .status,
    ).toBe(401);
  });

  it.each([
    [{ code: '12345' }],
    [{ code: 'abcdef' }],
    [{ recoveryCode: 'kort' }],
    [{ code: '123456', recoveryCode: 'abcde-12345' }],
    [{}],
    [{ code: 123456 }],
  ])('refuses malformed second-factor input %j with 400', async (body) => {
    const agent = request.agent(t.app);
    const response = await agent.post('/api/auth/second-factor').send(body);
    expect(response.status).toBe(400);
  });

  it('when the region requires it, a user without TOTP must enrol before signing in', async () => {
    await t.db.query(
      `UPDATE rule_set SET config = jsonb_set(config, '{twoFactorRequired}', 'true') WHERE region_id = (SELECT id FROM region WHERE slug = 'midden-ijssel')`,
    );
    const email = 'gemeente@raalte.demo';
    const agent = request.agent(t.app);
    const login = await agent.post('/api/auth/login').send({ email, password });
    expect(login.status).toBe(202);
    expect(login.body).toEqual({ secondFactor: 'enroll' });
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const enrollment = totpEnrollmentSchema.parse(
      (await agent.post('/api/auth/totp/enrollment').send({})).body,
    );
    const wrong = await agent.post('/api/auth/totp/enrollment/confirm').send({ code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].path).toBe('code');
    const confirm = await agent
      .post('/api/auth/totp/enrollment/confirm')
      .send({ code: currentTotpCode(enrollment.secret) });
    expect(confirm.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await agent.get('/api/account')).body.twoFactor).toMatchObject({
      isEnabled: true,
      isRequired: true,
      recoveryCodesLeft: 10,
    });
  });

  it('the regio-beheerder can reset a lost second factor; the user enrols again', async () => {
    const email = 'corporatie@patrimonium.demo';
    await enrolVoluntarily(email);
    const admin = await t.signIn('beheer@flevoland.demo');
    const [{ id }] = await t.db.query('SELECT id FROM app_user WHERE email = $1', [email]);
    const reset = await admin.post(`/api/admin/users/${id}/two-factor-reset`).send({});
    expect(reset.status).toBe(200);
    expect(reset.body.hasTwoFactor).toBe(false);
    const login = await request(t.app).post('/api/auth/login').send({ email, password });
    expect(login.status).toBe(200);
  });
});
