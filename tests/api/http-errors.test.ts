import request from 'supertest';
import { errorBodySchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { createDataSource } from '../../server/src/core/db';
import { createApp } from '../../server/src/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

function expectErrorShape(response: request.Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/application\/json/);
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

describe('one error shape, never a 500 for bad input, never HTML', () => {
  it('malformed JSON is a 400 MALFORMED_JSON', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.demo", ');
    expectErrorShape(response, 400, 'MALFORMED_JSON');
  });

  it('a wrong type is a 400 with the field path', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 42, password: ['x'] });
    const body = expectErrorShape(response, 400, 'VALIDATION_FAILED');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['email', 'password']);
  });

  it('a JSON array where an object belongs is a 400', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('[1,2]');
    expectErrorShape(response, 400, 'VALIDATION_FAILED');
  });

  it('a body that is too large is a 413', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'a@b.demo', password: 'x'.repeat(2_000_000) });
    expectErrorShape(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a broken gzip body is a 400, before sign-in too (not a 500)', async () => {
    const brokenGzip = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]),
      Buffer.from('geen deflate'),
    ]);
    const response = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(brokenGzip);
    expectErrorShape(response, 400, 'MALFORMED_JSON');
  });

  it('a path that does not decode (a lone surrogate as UTF-8 bytes) is a 400', async () => {
    const agent = await t.signIn('regisseur@kwintes.demo');
    expectErrorShape(await agent.get('/api/cases/%ED%A0%80'), 400, 'VALIDATION_FAILED');
  });

  it('an unknown query parameter is refused', async () => {
    const agent = await t.signIn('gemeente@almere.demo');
    const response = await agent.get('/api/auth/me?debug=1');
    const body = expectErrorShape(response, 400, 'VALIDATION_FAILED');
    expect(body.error.issues[0]?.path).toBe('debug');
  });

  it.each(['get', 'post', 'delete'] as const)(
    'an unknown /api route (%s) is a JSON 404, signed in or not',
    async (method) => {
      expectErrorShape(await request(t.app)[method]('/api/bestaat-niet'), 404, 'NOT_FOUND');
      const agent = await t.signIn('gemeente@almere.demo');
      expectErrorShape(await agent[method]('/api/bestaat/ook/niet'), 404, 'NOT_FOUND');
    },
  );

  it('a known path with the wrong method is a JSON 404 too', async () => {
    expectErrorShape(await request(t.app).delete('/api/health'), 404, 'NOT_FOUND');
  });

  it('health answers ok with the database up', async () => {
    const response = await request(t.app).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', db: 'ok' });
  });
});

describe('health without a database', () => {
  it('answers 503 when the database does not answer', async () => {
    const unreachable = createDataSource('postgres://nobody:nothing@127.0.0.1:1/nowhere', {
      poolSize: 1,
    });
    await unreachable.initialize().catch(() => undefined);
    const response = await request(createApp(unreachable, t.config)).get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'unavailable', db: 'unavailable' });
  });
});
