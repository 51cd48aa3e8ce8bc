import request from 'supertest';
import { errorBodySchema, userSummarySchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { startSmtpServer, linkTokenIn } from '../../../tests/support/smtp';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: request.Agent;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ smtpUrl: smtp.url });
  admin = await t.signIn('beheer@flevoland.demo');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const count = async (table: string) =>
  (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const organisationId = async (name: string) =>
  (await t.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
const userId = async (email: string) =>
  (await t.db.query('SELECT id FROM app_user WHERE email = $1', [email]))[0].id as string;

describe('organisations', () => {
  it("lists only the own region's organisations", async () => {
    const response = await admin.get('/api/admin/organisations');
    expect(response.status).toBe(200);
    const names = response.body.map((o: { name: string }) => o.name);
    expect(names).toContain('Centrada');
    expect(names).not.toContain('Tactus');
  });

  it('adds an organisation; a duplicate name is a 409 at the field', async () => {
    const created = await admin
      .post('/api/admin/organisations')
      .send({ kind: 'provider', name: 'Stichting De Overloop' });
    expect(created.status).toBe(201);
    const again = await admin
      .post('/api/admin/organisations')
      .send({ kind: 'provider', name: 'Stichting De Overloop' });
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0].path).toBe('name');
  });

  it.each([
    [{ kind: 'municipality', name: 'Gemeente Nergens' }, 'municipalityCode'],
    [{ kind: 'corporation', name: 'X', municipalityCode: 'GM0034' }, 'name'],
    [
      { kind: 'corporation', name: 'Woonstichting Y', municipalityCode: 'GM0034' },
      'municipalityCode',
    ],
    [{ kind: 'hospital', name: 'Ziekenhuis' }, 'kind'],
    [{ kind: 'provider', name: 'Z', extra: true }, 'extra'],
    [
      { kind: 'municipality', name: 'Gemeente Deventer 2', municipalityCode: 'GM0150' },
      'municipalityCode',
    ],
  ])('refuses %j at %s and changes nothing', async (body, path) => {
    const before = await count('organisation');
    const response = await admin.post('/api/admin/organisations').send(body);
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).error.issues.map((i) => i.path)).toContain(path);
    expect(await count('organisation')).toBe(before);
  });
});

describe('users: invitation by e-mail', () => {
  it('invites a new user by a real SMTP mail with a one-time link; the link sets the password once', async () => {
    const created = await admin.post('/api/admin/users').send({
      organisationId: await organisationId('Mercatus'),
      email: 'Nieuwe.Collega@Mercatus.demo',
      displayName: 'Nieuwe Collega',
      seat: 'corporation',
    });
    expect(created.status).toBe(201);
    expect(userSummarySchema.parse(created.body)).toMatchObject({
      email: 'nieuwe.collega@mercatus.demo',
      status: 'invited',
    });

    const mail = await smtp.waitForMail('nieuwe.collega@mercatus.demo');
    expect(mail.subject).toBe('Uitnodiging voor de Uitstroomtafel');
    expect(mail.text).toContain('regio Flevoland');
    const token = linkTokenIn(mail);

    const info = await request(t.app).post('/api/auth/token').send({ token });
    expect(info.body).toMatchObject({
      kind: 'invitation',
      email: 'nieuwe.collega@mercatus.demo',
      displayName: 'Nieuwe Collega',
    });

    const weak = await request(t.app)
      .post('/api/auth/password')
      .send({ token, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.issues[0].path).toBe('newPassword');

    const set = await request(t.app)
      .post('/api/auth/password')
      .send({ token, newPassword: 'lange zin over de polder' });
    expect(set.status).toBe(204);
    const reuse = await request(t.app)
      .post('/api/auth/password')
      .send({ token, newPassword: 'nog een lange zin hier' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.issues[0].path).toBe('token');

    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'nieuwe.collega@mercatus.demo', password: 'lange zin over de polder' });
    expect(login.status).toBe(200);
    expect(login.body.seat).toBe('corporation');
  });

  it('an expired invitation link no longer works', async () => {
    await admin.post('/api/admin/users').send({
      organisationId: await organisationId('Woonpalet'),
      email: 'laat@woonpalet.demo',
      displayName: 'Laat Komer',
      seat: 'corporation',
    });
    const token = linkTokenIn(await smtp.waitForMail('laat@woonpalet.demo'));
    await t.db.query(
      `UPDATE user_token SET created_at = now() - interval '4 days', expires_at = now() - interval '1 day' WHERE user_id = (SELECT id FROM app_user WHERE email = 'laat@woonpalet.demo')`,
    );
    const response = await request(t.app)
      .post('/api/auth/password')
      .send({ token, newPassword: 'lange zin over de polder' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Deze link is verlopen of al gebruikt.');
  });

  it('refuses a seat the organisation cannot hold, an organisation of another region, and a taken e-mail — nothing written', async () => {
    const before = await count('app_user');
    const tokensBefore = await count('user_token');
    const wrongSeat = await admin.post('/api/admin/users').send({
      organisationId: await organisationId('Centrada'),
      email: 'x@centrada.demo',
      displayName: 'X Y',
      seat: 'chair',
    });
    expect(wrongSeat.status).toBe(400);
    expect(wrongSeat.body.error.issues[0].path).toBe('seat');
    const otherRegion = await admin.post('/api/admin/users').send({
      organisationId: await organisationId('Tactus'),
      email: 'x@tactus.demo',
      displayName: 'X Y',
      seat: 'provider',
    });
    expect(otherRegion.status).toBe(400);
    expect(otherRegion.body.error.issues[0].path).toBe('organisationId');
    const taken = await admin.post('/api/admin/users').send({
      organisationId: await organisationId('Centrada'),
      email: 'corporatie@centrada.demo',
      displayName: 'Dubbel',
      seat: 'corporation',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.issues[0].path).toBe('email');
    for (const body of [
      {},
      { organisationId: 'abc', email: 'geen', displayName: '', seat: 'koning' },
      {
        organisationId: await organisationId('Centrada'),
        email: 'a@b.demo',
        displayName: 'A B',
        seat: 'corporation',
        isAdmin: true,
      },
    ]) {
      expect((await admin.post('/api/admin/users').send(body)).status).toBe(400);
    }
    expect(await count('app_user')).toBe(before);
    expect(await count('user_token')).toBe(tokensBefore);
  });
});

describe('users: deactivation, reset, scope', () => {
  it('deactivating a user ends their live session at once', async () => {
    const victim = await t.signIn('aanbieder@pi-groep.demo');
    expect((await victim.get('/api/auth/me')).status).toBe(200);
    const response = await admin
      .post(`/api/admin/users/${await userId('aanbieder@pi-groep.demo')}/deactivate`)
      .send({});
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('deactivated');
    expect((await victim.get('/api/auth/me')).status).toBe(401);
    expect(
      (
        await request(t.app)
          .post('/api/auth/login')
          .send({ email: 'aanbieder@pi-groep.demo', password: 'uitstroom-demo' })
      ).status,
    ).toBe(401);
    const back = await admin
      .post(`/api/admin/users/${await userId('aanbieder@pi-groep.demo')}/activate`)
      .send({});
    expect(back.body.status).toBe('active');
  });

  it('an administrator cannot deactivate themselves', async () => {
    const response = await admin
      .post(`/api/admin/users/${await userId('beheer@flevoland.demo')}/deactivate`)
      .send({});
    expect(response.status).toBe(409);
  });

  it('sends a password-reset link; the new password works and old sessions end', async () => {
    const session = await t.signIn('aanbieder@iriszorg.demo');
    const response = await admin
      .post(`/api/admin/users/${await userId('aanbieder@iriszorg.demo')}/password-reset`)
      .send({});
    expect(response.status).toBe(202);
    const token = linkTokenIn(await smtp.waitForMail('aanbieder@iriszorg.demo'));
    expect(
      (
        await request(t.app)
          .post('/api/auth/password')
          .send({ token, newPassword: 'vers wachtwoord voor iris' })
      ).status,
    ).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect(
      (
        await request(t.app)
          .post('/api/auth/login')
          .send({ email: 'aanbieder@iriszorg.demo', password: 'vers wachtwoord voor iris' })
      ).status,
    ).toBe(200);
  });

  it('a user of another region is not found (404), not forbidden', async () => {
    const other = await userId('regisseur@tactus.demo');
    for (const action of [
      'deactivate',
      'activate',
      'password-reset',
      'invitation',
      'two-factor-reset',
    ]) {
      const response = await admin.post(`/api/admin/users/${other}/${action}`).send({});
      expect({ action, status: response.status }).toEqual({ action, status: 404 });
    }
    const list = await admin.get('/api/admin/users');
    expect(list.body.map((u: { email: string }) => u.email)).not.toContain('regisseur@tactus.demo');
  });

  it('a malformed user id is a 400 at the path, an unknown query field a 400', async () => {
    expect(
      (await admin.post('/api/admin/users/niet-een-id/deactivate').send({})).body.error.issues[0]
        .path,
    ).toBe('userId');
    expect((await admin.get('/api/admin/users?rol=admin')).status).toBe(400);
  });

  it('listing users is audited', async () => {
    await admin.get('/api/admin/users');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'admin.user.list'`,
    );
    expect(n).toBeGreaterThan(0);
  });
});

describe('password reset requested by the user', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const known = await request(t.app)
      .post('/api/auth/password-reset')
      .send({ email: 'gemeente@urk.demo' });
    const unknown = await request(t.app)
      .post('/api/auth/password-reset')
      .send({ email: 'niemand@urk.demo' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const mail = await smtp.waitForMail('gemeente@urk.demo');
    expect(mail.subject).toBe('Nieuw wachtwoord voor de Uitstroomtafel');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.mails.find((m) => m.to === 'niemand@urk.demo')).toBeUndefined();
  });

  it('sends at most three links an hour per account', async () => {
    for (let i = 0; i < 5; i++)
      await request(t.app)
        .post('/api/auth/password-reset')
        .send({ email: 'gemeente@dronten.demo' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.filter((m) => m.to === 'gemeente@dronten.demo')).toHaveLength(3);
  });
});

describe("changing one's own password", () => {
  it('needs the current password, refuses weak ones, and ends the other sessions', async () => {
    const here = await t.signIn('gemeente@zeewolde.demo');
    const elsewhere = await t.signIn('gemeente@zeewolde.demo');
    const wrong = await here
      .post('/api/account/password')
      .send({ currentPassword: 'fout', newPassword: 'een heel nieuw wachtwoord' });
    expect(wrong.body.error.issues[0].path).toBe('currentPassword');
    const short = await here
      .post('/api/account/password')
      .send({ currentPassword: 'uitstroom-demo', newPassword: 'kort' });
    expect(short.status).toBe(400);
    const containsEmail = await here
      .post('/api/account/password')
      .send({ currentPassword: 'uitstroom-demo', newPassword: 'gemeente-zeewolde-2026' });
    expect(containsEmail.body.error.issues[0].message).toMatch(/e-mailadres/);
    const ok = await here
      .post('/api/account/password')
      .send({ currentPassword: 'uitstroom-demo', newPassword: 'een heel nieuw wachtwoord' });
    expect(ok.status).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
  });
});

describe('the demo outbox', () => {
  it('without SMTP, mails land in the outbox that the regio-beheerder reads; with SMTP there is none', async () => {
    const demo = await startTestApp();
    try {
      const demoAdmin = await demo.signIn('beheer@flevoland.demo');
      await demoAdmin.post('/api/admin/users').send({
        organisationId: (await demo.db.query(`SELECT id FROM organisation WHERE name = 'Timon'`))[0]
          .id,
        email: 'nieuw@timon.demo',
        displayName: 'Nieuw Timon',
        seat: 'provider',
      });
      const outbox = await demoAdmin.get('/api/admin/outbox');
      expect(outbox.status).toBe(200);
      expect(outbox.body[0]).toMatchObject({
        to: 'nieuw@timon.demo',
        subject: 'Uitnodiging voor de Uitstroomtafel',
      });
      const otherRegion = await demo.signIn('beheer@midden-ijssel.demo');
      expect((await otherRegion.get('/api/admin/outbox')).body).toEqual([]);
    } finally {
      await demo.close();
    }
    expect((await admin.get('/api/admin/outbox')).status).toBe(404);
  });
});
