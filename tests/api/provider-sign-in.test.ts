import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  followProviderToCallback,
  startTestProvider,
  type TestProvider,
} from '../support/oidc-provider';
import { findFreePort } from '../../server/src/core/embedded-database';
import { currentTotpCode } from '../../server/src/auth/totp';
import { openSecret, sealedFor } from '../../server/src/core/secret-box';
import { IdentityProviders1765930000000 } from '../../migrations/1765930000000-identity-providers';

/**
 * Sign-in with an organisation's own identity provider (issue 30), against a real OpenID provider
 * started here on loopback, and the sealing of secrets with the application key.
 */
const publicUrl = 'http://127.0.0.1:3999';
const redirectUri = `${publicUrl}/api/auth/provider/callback`;
const mfa = { acr: 'urn:kwintes:mfa', amr: ['pwd', 'otp'] };

let t: TestApp;
let provider: TestProvider;
let admin: request.Agent;
let kwintesId: string;
let triadeId: string;

beforeAll(async () => {
  t = await startTestApp({ publicUrl });
  provider = await startTestProvider({
    redirectUri,
    accounts: [
      { email: 'anouk@kwintes.example', sub: 'kw-anouk', ...mfa },
      // The same person after a name change at the provider: the `sub` stays, the address not.
      { email: 'anouk.jansen@kwintes.example', sub: 'kw-anouk', ...mfa },
      { email: 'bram@kwintes.example', sub: 'kw-bram' },
      { email: 'vreemd@kwintes.example', sub: 'kw-stranger' },
      { email: 'oud@kwintes.example', sub: 'kw-old' },
      { email: 'aud@kwintes.example', sub: 'kw-aud', tamper: 'audience' },
      { email: 'nonce@kwintes.example', sub: 'kw-nonce', tamper: 'nonce' },
    ],
  });
  admin = await t.signIn('beheer@flevoland.demo');
  const organisations = (await admin.get('/api/admin/organisations').expect(200)).body as {
    id: string;
    name: string;
  }[];
  kwintesId = organisations.find((o) => o.name === 'Kwintes')!.id;
  triadeId = organisations.find((o) => o.name === 'Triade')!.id;
});
afterAll(async () => {
  await provider?.close();
  await t?.close();
});

async function invite(email: string, displayName: string): Promise<string> {
  const response = await admin
    .post('/api/admin/users')
    .send({ organisationId: kwintesId, email, displayName, seat: 'casemanager' })
    .expect(201);
  return response.body.id;
}

/** The e-mail step, the provider, and back: the callback's answer and the agent that made the trip. */
async function signInThroughProvider(email: string, change?: (callback: URL) => URL) {
  const agent = request.agent(t.app);
  const method = await agent.post('/api/auth/sign-in-method').send({ email }).expect(200);
  expect(method.body.method).toBe('provider');
  const before = cookieOf(method);
  let callback = await followProviderToCallback(method.body.authorizationUrl, redirectUri);
  if (change) callback = change(callback);
  const answer = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
  return { agent, answer, before, callback };
}

function cookieOf(response: request.Response): string | undefined {
  const cookies = response.headers['set-cookie'] as unknown as string[] | undefined;
  return cookies?.find((c) => c.startsWith('uitstroom.sid='))?.split(';')[0];
}

async function lastLoginAudit() {
  const [row] = await t.db.query(
    `SELECT object_id, outcome, details FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`,
  );
  return row;
}

describe('secrets sealed with APP_ENCRYPTION_KEY', () => {
  it('the migration seals a TOTP secret stored in plain text, and the code from it still signs in', async () => {
    const owner = new DataSource({ type: 'postgres', url: t.databaseUrls.ownerUrl });
    await owner.initialize();
    const runner = owner.createQueryRunner();
    const migration = new IdentityProviders1765930000000();
    const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    try {
      // Back to the schema before the migration: plain TOTP secrets, as databases had them.
      await migration.down(runner);
      await runner.query(
        `UPDATE app_user SET totp_secret = $1, totp_enabled_at = now() WHERE email = 'gemeente@dronten.demo'`,
        [plain],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
      await owner.destroy();
    }
    const [user] = await t.db.query(
      `SELECT id, totp_secret FROM app_user WHERE email = 'gemeente@dronten.demo'`,
    );
    expect(user.totp_secret).toMatch(/^v1:/);
    expect(user.totp_secret).not.toContain(plain);
    expect(
      openSecret(t.config.encryptionKeys, user.totp_secret, sealedFor.totpSecret(user.id)),
    ).toBe(plain);
    // Bound to its row: copied onto another user it opens nowhere.
    expect(() =>
      openSecret(t.config.encryptionKeys, user.totp_secret, sealedFor.totpSecret(kwintesId)),
    ).toThrow();
    // A plain secret can no longer be written at all.
    await expect(
      t.db.query(`UPDATE app_user SET totp_secret = $1 WHERE id = $2`, [plain, user.id]),
    ).rejects.toThrow(/app_user_totp_secret_sealed/);

    const agent = request.agent(t.app);
    await agent
      .post('/api/auth/login')
      .send({ email: 'gemeente@dronten.demo', password: 'uitstroom-demo' })
      .expect(202);
    await agent
      .post('/api/auth/second-factor')
      .send({ code: currentTotpCode(plain) })
      .expect(200);
  });
});

describe('the organisation’s identity provider, kept by the regio-beheerder', () => {
  it('saves issuer, client, domains and the password rule; the client secret is sealed and never shown', async () => {
    const saved = await admin
      .put(`/api/admin/organisations/${kwintesId}/identity-provider`)
      .send({
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        emailDomains: ['Kwintes.example'],
        isPasswordSignInAllowed: false,
        version: null,
      })
      .expect(200);
    expect(saved.body.identityProvider).toEqual({
      issuer: provider.issuer,
      clientId: provider.clientId,
      emailDomains: ['kwintes.example'],
      isPasswordSignInAllowed: false,
      version: 1,
    });
    expect(JSON.stringify(saved.body)).not.toContain(provider.clientSecret);
    const [row] = await t.db.query(
      'SELECT client_secret_sealed FROM identity_provider WHERE organisation_id = $1',
      [kwintesId],
    );
    expect(row.client_secret_sealed).toMatch(/^v1:/);
    expect(row.client_secret_sealed).not.toContain(provider.clientSecret);

    // A stale version, and a domain another organisation's provider already vouches for.
    await admin
      .put(`/api/admin/organisations/${kwintesId}/identity-provider`)
      .send({ ...saved.body.identityProvider, version: null })
      .expect(409);
    const taken = await admin
      .put(`/api/admin/organisations/${triadeId}/identity-provider`)
      .send({
        issuer: 'http://127.0.0.1:1',
        clientId: 'triade',
        clientSecret: 'x',
        emailDomains: ['kwintes.example'],
        isPasswordSignInAllowed: true,
        version: null,
      })
      .expect(409);
    expect(taken.body.error.code).toBe('DUPLICATE_EMAIL_DOMAIN');
    // Another region's regio-beheerder does not reach this organisation.
    const other = await t.signIn('beheer@midden-ijssel.demo');
    await other
      .put(`/api/admin/organisations/${kwintesId}/identity-provider`)
      .send({ ...saved.body.identityProvider, version: 1 })
      .expect(404);
    const [audit] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'admin.identityProvider.update' AND object_id = $1`,
      [kwintesId],
    );
    expect(JSON.stringify(audit.details)).not.toContain(provider.clientSecret);
  });

  it('a password no longer opens an account of that organisation, even the right one', async () => {
    const refused = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'regisseur@kwintes.demo', password: 'uitstroom-demo' })
      .expect(401);
    expect(refused.body.error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('the e-mail step', () => {
  it('decides on the domain alone: the same answer with or without an account', async () => {
    const anon = request(t.app);
    expect(
      (await anon.post('/api/auth/sign-in-method').send({ email: 'iemand@elders.nl' }).expect(200))
        .body,
    ).toEqual({ method: 'password' });
    const known = await anon
      .post('/api/auth/sign-in-method')
      .send({ email: 'regisseur@kwintes.demo' })
      .expect(200);
    expect(known.body).toEqual({ method: 'password' });
    const nobody = (
      await anon
        .post('/api/auth/sign-in-method')
        .send({ email: 'niemand@kwintes.example' })
        .expect(200)
    ).body;
    expect(Object.keys(nobody)).toEqual(['method', 'authorizationUrl']);
    const url = new URL(nobody.authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      code_challenge_method: 'S256',
      login_hint: 'niemand@kwintes.example',
    });
    for (const check of ['state', 'nonce', 'code_challenge'])
      expect(url.searchParams.get(check)).toMatch(/^[\w-]{32,}$/);
  });
});

describe('signing in through the provider', () => {
  it('links the invited user at the first sign-in, on a new session id, with acr and amr in the audit', async () => {
    const userId = await invite('anouk@kwintes.example', 'Anouk de Wit');
    const { agent, answer, before } = await signInThroughProvider('anouk@kwintes.example');
    expect(answer.headers.location).toBe('/');
    expect(cookieOf(answer)).toBeDefined();
    expect(cookieOf(answer)).not.toBe(before);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ user: { id: userId }, seat: 'casemanager' });
    expect(await lastLoginAudit()).toEqual({
      object_id: userId,
      outcome: 'success',
      details: { method: 'provider', acr: mfa.acr, amr: mfa.amr },
    });
    const [linked] = await t.db.query(
      `SELECT provider_subject, (SELECT count(*)::int FROM user_token WHERE user_id = $1 AND used_at IS NULL) AS open
         FROM app_user WHERE id = $1`,
      [userId],
    );
    expect(linked).toEqual({ provider_subject: 'kw-anouk', open: 0 });

    // Signing out ends the session on the server, as with a password.
    await agent.post('/api/auth/logout').send({}).expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('matches on the sub from then on, whatever address the provider now gives', async () => {
    const { agent, answer } = await signInThroughProvider('anouk.jansen@kwintes.example');
    expect(answer.headers.location).toBe('/');
    expect((await agent.get('/api/auth/me').expect(200)).body.user.email).toBe(
      'anouk@kwintes.example',
    );
  });

  it('refuses a code used before (replayed), a wrong state, a wrong nonce and a wrong audience', async () => {
    await invite('bram@kwintes.example', 'Bram Visser');
    const first = await signInThroughProvider('bram@kwintes.example');
    expect(first.answer.headers.location).toBe('/');
    // The code again, with the state of a new sign-in of the same browser.
    const agent = request.agent(t.app);
    const again = await agent
      .post('/api/auth/sign-in-method')
      .send({ email: 'bram@kwintes.example' })
      .expect(200);
    const state = new URL(again.body.authorizationUrl).searchParams.get('state')!;
    const replay = new URL(first.callback);
    replay.searchParams.set('state', state);
    const replayed = await agent.get(`${replay.pathname}${replay.search}`).expect(303);
    expect(replayed.headers.location).toBe('/inloggen?inlogdienst=invalid');
    await agent.get('/api/auth/me').expect(401);

    const wrongState = await signInThroughProvider('bram@kwintes.example', (callback) => {
      callback.searchParams.set('state', 'a'.repeat(43));
      return callback;
    });
    expect(wrongState.answer.headers.location).toBe('/inloggen?inlogdienst=invalid');
    await wrongState.agent.get('/api/auth/me').expect(401);

    for (const email of ['nonce@kwintes.example', 'aud@kwintes.example']) {
      await invite(email, `Test ${email}`);
      const tampered = await signInThroughProvider(email);
      expect(tampered.answer.headers.location).toBe('/inloggen?inlogdienst=invalid');
      await tampered.agent.get('/api/auth/me').expect(401);
    }
    const [{ linked }] = await t.db.query(
      `SELECT count(*)::int AS linked FROM app_user WHERE provider_subject IN ('kw-nonce', 'kw-aud')`,
    );
    expect(linked).toBe(0);
  });

  it('refuses an unknown sub: no invitation, an invitation that expired, or an address not in a vouched domain', async () => {
    const stranger = await signInThroughProvider('vreemd@kwintes.example');
    expect(stranger.answer.headers.location).toBe('/inloggen?inlogdienst=noAccess');
    await stranger.agent.get('/api/auth/me').expect(401);

    const userId = await invite('oud@kwintes.example', 'Oud Uitgenodigd');
    await t.db.query(
      `UPDATE user_token SET created_at = now() - interval '4 days', expires_at = now() - interval '1 day' WHERE user_id = $1`,
      [userId],
    );
    const late = await signInThroughProvider('oud@kwintes.example');
    expect(late.answer.headers.location).toBe('/inloggen?inlogdienst=noAccess');
    expect(await lastLoginAudit()).toMatchObject({
      object_id: userId,
      outcome: 'denied',
      details: { method: 'provider', reason: 'noAccess' },
    });
    const [{ linked }] = await t.db.query(
      `SELECT count(*)::int AS linked FROM app_user WHERE provider_subject IN ('kw-stranger', 'kw-old')`,
    );
    expect(linked).toBe(0);
  });

  it('refuses a deactivated user, even with a valid token from the provider', async () => {
    const [{ id }] = await t.db.query(
      `SELECT id FROM app_user WHERE email = 'anouk@kwintes.example'`,
    );
    await admin.post(`/api/admin/users/${id}/deactivate`).send({}).expect(200);
    const refused = await signInThroughProvider('anouk@kwintes.example');
    expect(refused.answer.headers.location).toBe('/inloggen?inlogdienst=deactivated');
    await refused.agent.get('/api/auth/me').expect(401);
  });

  it('a callback without a sign-in in this session is refused', async () => {
    const answer = await request(t.app)
      .get('/api/auth/provider/callback?code=abc&state=def')
      .expect(303);
    expect(answer.headers.location).toBe('/inloggen?inlogdienst=expired');
  });
});

describe('the provider unreachable', () => {
  it('says so in Dutch, and offers the password where the organisation allows it', async () => {
    const closedPort = await findFreePort();
    const organisations = (await admin.get('/api/admin/organisations').expect(200)).body as {
      id: string;
      name: string;
    }[];
    const save = (organisationId: string, domain: string, isPasswordSignInAllowed: boolean) =>
      admin
        .put(`/api/admin/organisations/${organisationId}/identity-provider`)
        .send({
          issuer: `http://127.0.0.1:${closedPort}`,
          clientId: 'weg',
          clientSecret: 'weg',
          emailDomains: [domain],
          isPasswordSignInAllowed,
          version: null,
        })
        .expect(200);
    await save(triadeId, 'triade.demo', true);
    await save(organisations.find((o) => o.name === 'Timon')!.id, 'timon.demo', false);

    const allowed = await request(t.app)
      .post('/api/auth/sign-in-method')
      .send({ email: 'aanbieder@triade.demo' })
      .expect(200);
    expect(allowed.body).toEqual({
      method: 'providerUnavailable',
      message:
        'De inlogdienst van uw organisatie is nu niet bereikbaar. U kunt in plaats daarvan inloggen met uw wachtwoord.',
      isPasswordAllowed: true,
    });
    await t.signIn('aanbieder@triade.demo');

    const notAllowed = await request(t.app)
      .post('/api/auth/sign-in-method')
      .send({ email: 'aanbieder@timon.demo' })
      .expect(200);
    expect(notAllowed.body).toEqual({
      method: 'providerUnavailable',
      message:
        'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.',
      isPasswordAllowed: false,
    });
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'aanbieder@timon.demo', password: 'uitstroom-demo' })
      .expect(401);
  });
});
