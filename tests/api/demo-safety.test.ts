import request from 'supertest';
import { createApp } from '../../server/src/app';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Demo and development only, but a demo runs with real people's addresses too: the outbox page
 * must not become a way to read another user's reset link, and no link in a mail may point at a
 * host the caller named.
 */

let t: TestApp;
let admin: request.Agent;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('beheer@flevoland.demo');
});
afterAll(async () => {
  await t.close();
});

const organisationId = async (name: string) =>
  (await t.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
const userId = async (email: string) =>
  (await t.db.query('SELECT id FROM app_user WHERE email = $1', [email]))[0].id as string;

async function latestLinkTo(to: string): Promise<string> {
  const [mail] = await t.db.query(
    'SELECT text_body FROM mail_outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1',
    [to],
  );
  const link = /https?:\/\/\S+/.exec(mail?.text_body ?? '')?.[0];
  if (!link) throw new Error(`no link mailed to ${to}`);
  return link;
}

describe('the demo outbox', () => {
  it('shows mail to .demo addresses only: a reset of a real address cannot be read there', async () => {
    // A real person's account in a demo database (an address outside .demo), invited and reset.
    const invited = await admin.post('/api/admin/users').send({
      organisationId: await organisationId('Timon'),
      email: 'p.pietersen@timon.nl',
      displayName: 'Piet Pietersen',
      seat: 'provider',
    });
    expect(invited.status).toBe(201);
    await t.db.query(
      "UPDATE app_user SET email = 'j.jansen@timon.nl' WHERE email = 'aanbieder@iriszorg.demo'",
    );
    expect(
      (
        await admin
          .post(`/api/admin/users/${await userId('j.jansen@timon.nl')}/password-reset`)
          .send({})
      ).status,
    ).toBe(202);
    expect(
      (
        await admin
          .post(`/api/admin/users/${await userId('aanbieder@timon.demo')}/password-reset`)
          .send({})
      ).status,
    ).toBe(202);
    // Both were "sent" (kept in the outbox table), only the demo address's is shown.
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM mail_outbox WHERE to_address IN ('j.jansen@timon.nl', 'p.pietersen@timon.nl')",
    );
    expect(n).toBe(2);
    const outbox = await admin.get('/api/admin/outbox');
    expect(outbox.status).toBe(200);
    const addresses = outbox.body.map((mail: { to: string }) => mail.to);
    expect(addresses).toContain('aanbieder@timon.demo');
    expect(addresses).not.toContain('j.jansen@timon.nl');
    expect(addresses).not.toContain('p.pietersen@timon.nl');
    expect(addresses.every((address: string) => address.toLowerCase().endsWith('.demo'))).toBe(
      true,
    );
  });
});

describe('links in mails', () => {
  it('are built from the address npm start prints, never from the Host header, when PUBLIC_URL is not set', async () => {
    const own = `http://localhost:${t.config.port}`;
    const reset = await request(t.app)
      .post('/api/auth/password-reset')
      .set('Host', 'evil.example')
      .send({ email: 'gemeente@urk.demo' });
    expect(reset.status).toBeLessThan(300);
    expect(new URL(await latestLinkTo('gemeente@urk.demo')).origin).toBe(own);

    const invited = await admin
      .post('/api/admin/users')
      .set('Host', 'evil.example:8080')
      .set('X-Forwarded-Host', 'evil.example')
      .send({
        organisationId: await organisationId('Timon'),
        email: 'nieuw2@timon.demo',
        displayName: 'Nieuw Twee',
        seat: 'provider',
      });
    expect(invited.status).toBe(201);
    expect(new URL(await latestLinkTo('nieuw2@timon.demo')).origin).toBe(own);
  });

  it('are built from PUBLIC_URL when it is set, whatever the request says', async () => {
    const publicUrl = 'https://uitstroomtafel.example.nl';
    const proxied = createApp(t.db, { ...t.config, publicUrl, trustProxy: 1 });
    const reset = await request(proxied)
      .post('/api/auth/password-reset')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'http')
      .send({ email: 'gemeente@dronten.demo' });
    expect(reset.status).toBeLessThan(300);
    const link = new URL(await latestLinkTo('gemeente@dronten.demo'));
    expect(link.origin).toBe(publicUrl);
    expect(link.pathname).toBe('/wachtwoord-instellen');
  });
});
