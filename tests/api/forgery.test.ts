import request from 'supertest';
import { errorBodySchema } from '@uitstroom/shared';
import { createApp } from '../../server/src/app';
import { giveConsent, newCase } from '../support/case-factory';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Same-site request forgery: a page on another port or a sibling subdomain is "same site" to the
 * browser, so the session cookie goes along. Refused: a foreign Origin on a state-changing request,
 * a body that is not JSON (or the raw type a route declares), a body on a route that takes none.
 * Still working: requests without an Origin that send JSON (scripts, tests, partner systems).
 */

let t: TestApp;
let manager: request.Agent;
let caseId: string;
let consentId: string;
beforeAll(async () => {
  t = await startTestApp();
  manager = await t.signIn('regisseur@kwintes.demo');
  const view = await newCase(manager);
  caseId = view.id;
  consentId = (await giveConsent(manager, t.db, caseId, 'Centrada')).id;
});
afterAll(async () => {
  await t.close();
});

async function isConsentWithdrawn(): Promise<boolean> {
  const [row] = await t.db.query('SELECT withdrawn_at FROM case_consent WHERE id = $1', [
    consentId,
  ]);
  return row.withdrawn_at !== null;
}

async function dwellingCount(): Promise<number> {
  const [row] = await t.db.query('SELECT count(*)::int AS n FROM dwelling');
  return row.n;
}

function expectError(response: request.Response, status: number, code: string, path?: string) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe(code);
  if (path !== undefined) expect(body.error.issues.map((issue) => issue.path)).toContain(path);
}

const withdrawPath = () => `/api/cases/${caseId}/consents/${consentId}/withdraw`;
const dwelling = {
  street: 'Vervalsingstraat',
  houseNumber: '1',
  postcode: '1315 AB',
  municipalityCode: 'GM0034',
  kind: 'apartment',
  rooms: 2,
  rent: 600,
  availableFrom: '2026-03-01',
  tenancyForm: 'regular',
};

describe('a foreign Origin', () => {
  it.each(['http://evil.example', 'http://127.0.0.1:3199', 'null'])(
    'on a state-changing request is a 403 in the error shape (%s)',
    async (origin) => {
      const response = await manager.post(withdrawPath()).set('Origin', origin).send({});
      expectError(response, 403, 'FORBIDDEN', 'Origin');
      expect(await isConsentWithdrawn()).toBe(false);
    },
  );

  it('is refused before sign-in too (no login from a page elsewhere)', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .set('Origin', 'http://evil.example')
      .send({ email: 'regisseur@kwintes.demo', password: 'uitstroom-demo' });
    expectError(response, 403, 'FORBIDDEN');
  });

  it('does not matter for reading', async () => {
    expect(
      (await manager.get(`/api/cases/${caseId}`).set('Origin', 'http://evil.example')).status,
    ).toBe(200);
  });

  it('the app’s own origin is the request’s own outside production (Host, or X-Forwarded-* behind a trusted proxy)', async () => {
    const own = await manager
      .post('/api/notifications/read-all')
      .set('Host', 'uitstroom.local:3000')
      .set('Origin', 'http://uitstroom.local:3000')
      .send({});
    expect(own.status).toBe(200);
    const otherPort = await manager
      .post('/api/notifications/read-all')
      .set('Host', 'uitstroom.local:3000')
      .set('Origin', 'http://uitstroom.local:3001')
      .send({});
    expectError(otherPort, 403, 'FORBIDDEN');
    // Without trust proxy X-Forwarded-Host is the caller's word, and not believed.
    const forwarded = await manager
      .post('/api/notifications/read-all')
      .set('X-Forwarded-Host', 'evil.example')
      .set('Origin', 'http://evil.example')
      .send({});
    expectError(forwarded, 403, 'FORBIDDEN');
  });

  it('behind a trusted proxy, the forwarded host and scheme', async () => {
    const proxied = request.agent(createApp(t.db, { ...t.config, trustProxy: 1 }));
    expect(
      (
        await proxied
          .post('/api/auth/login')
          .send({ email: 'regisseur@kwintes.demo', password: 'uitstroom-demo' })
      ).status,
    ).toBe(200);
    const response = await proxied
      .post('/api/notifications/read-all')
      .set('X-Forwarded-Host', 'uitstroom.example.nl')
      .set('X-Forwarded-Proto', 'https')
      .set('Origin', 'https://uitstroom.example.nl')
      .send({});
    expect(response.status).toBe(200);
    const http = await proxied
      .post('/api/notifications/read-all')
      .set('X-Forwarded-Host', 'uitstroom.example.nl')
      .set('X-Forwarded-Proto', 'https')
      .set('Origin', 'http://uitstroom.example.nl')
      .send({});
    expectError(http, 403, 'FORBIDDEN');
  });

  it('with PUBLIC_URL set, only that origin counts', async () => {
    const configured = request.agent(
      createApp(t.db, { ...t.config, publicUrl: 'https://uitstroomtafel.example.nl' }),
    );
    expect(
      (
        await configured
          .post('/api/auth/login')
          .send({ email: 'regisseur@kwintes.demo', password: 'uitstroom-demo' })
      ).status,
    ).toBe(200);
    expect(
      (
        await configured
          .post('/api/notifications/read-all')
          .set('Origin', 'https://uitstroomtafel.example.nl')
          .send({})
      ).status,
    ).toBe(200);
    const ownHost = await configured
      .post('/api/notifications/read-all')
      .set('Host', 'uitstroom.local')
      .set('Origin', 'http://uitstroom.local')
      .send({});
    expectError(ownHost, 403, 'FORBIDDEN');
  });
});

describe('bodies a form can send', () => {
  it('text/plain to a JSON route is a 415 and changes nothing (no Origin, as an old browser might)', async () => {
    const response = await manager
      .post(withdrawPath())
      .set('Content-Type', 'text/plain')
      .send('{}');
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type');
    expect(await isConsentWithdrawn()).toBe(false);
  });

  it.each([
    ['text/plain', JSON.stringify(dwelling)],
    [
      'application/x-www-form-urlencoded',
      new URLSearchParams(Object.entries(dwelling).map(([k, v]) => [k, String(v)])).toString(),
    ],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="street"\r\n\r\nVervalsingstraat\r\n--x--\r\n`,
    ],
  ])('%s to create a dwelling is a 415 and creates none', async (contentType, body) => {
    const corporation = await t.signIn('corporatie@centrada.demo');
    const before = await dwellingCount();
    const response = await corporation
      .post('/api/dwellings')
      .set('Content-Type', contentType)
      .send(body);
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await dwellingCount()).toBe(before);
  });

  it('a body without a type is refused too', async () => {
    const response = await manager
      .post(withdrawPath())
      .set('Content-Type', '')
      .send(Buffer.from('x=1'));
    expect([400, 415]).toContain(response.status);
    errorBodySchema.parse(response.body);
    expect(await isConsentWithdrawn()).toBe(false);
  });

  it('a route without a body refuses one (an empty JSON object is no content and passes)', async () => {
    const withText = await manager
      .post('/api/notifications/read-all')
      .set('Content-Type', 'text/plain')
      .send('a');
    expectError(withText, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const withJson = await manager.post('/api/notifications/read-all').send({ all: true });
    expectError(withJson, 400, 'VALIDATION_FAILED', 'all');
    expect((await manager.post('/api/notifications/read-all')).status).toBe(200);
    expect((await manager.post('/api/notifications/read-all').send({})).status).toBe(200);
  });

  it('the dwelling import takes text/csv, not text/plain', async () => {
    const corporation = await t.signIn('corporatie@centrada.demo');
    const before = await dwellingCount();
    const csv =
      'straat;huisnummer;postcode;gemeente;type;kamers;huur;beschikbaar vanaf\nVervalsingstraat;2;1315 AB;Almere;Appartement;2;612,50;01-03-2026\n';
    expectError(
      await corporation.post('/api/dwellings/import').set('Content-Type', 'text/plain').send(csv),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(await dwellingCount()).toBe(before);
  });
});

describe('what keeps working', () => {
  it('JSON without an Origin (scripts, tests, partner systems) and JSON from the own origin', async () => {
    expect(
      (
        await manager
          .post(withdrawPath())
          .set('Host', 'uitstroom.local')
          .set('Origin', 'http://uitstroom.local')
          .send({})
      ).status,
    ).toBe(200);
    expect(await isConsentWithdrawn()).toBe(true);
  });
});
