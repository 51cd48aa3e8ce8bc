import { Writable } from 'node:stream';
import express from 'express';
import { Client } from 'pg';
import request from 'supertest';
import { errorBodySchema } from '@uitstroom/shared';
import { createApp } from '../../server/src/app';
import { errorHandler } from '../../server/src/core/http/errors';
import { createLogger } from '../../server/src/core/logger';
import { createMailer, sendAfterCommit } from '../../server/src/core/mailer';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Logs cannot be reached by an erasure, so nothing a person typed may be written there. Every kind
 * of error is driven here through the server's own loggers, and the captured output is searched
 * for the resident's name and sensitive text.
 */

const firstName = 'Xandrijn';
const lastName = 'Quaadvliet';
const safetyNote = 'Eerwraakdreiging door familie, adres geheim houden (vrouwenopvang)';
const secrets = [firstName, lastName, safetyNote, 'Eerwraakdreiging'];

let t: TestApp;
let lines: string[];
let app: express.Express;
const logger = createLogger(
  'debug',
  new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  }),
);

beforeAll(async () => {
  t = await startTestApp();
  // The app as it runs, request log included, writing to the captured stream.
  app = createApp(t.db, { ...t.config, logLevel: 'debug' }, { logger });
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  lines = [];
});

function logged(): Record<string, any>[] {
  return lines.map((line) => JSON.parse(line));
}

function expectNoSecretIn(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
  // Neither the SQL nor its parameters.
  expect(text).not.toMatch(/"parameters"|"query"|UPDATE |INSERT INTO/);
}

async function asOwner(sql: string) {
  const owner = new Client({ connectionString: t.databaseUrls.ownerUrl });
  await owner.connect();
  try {
    await owner.query(sql);
  } finally {
    await owner.end();
  }
}

async function signIn(email: string) {
  const agent = request.agent(app);
  expect(
    (await agent.post('/api/auth/login').send({ email, password: 'uitstroom-demo' })).status,
  ).toBe(200);
  return agent;
}

describe('no personal data in the log', () => {
  it('a database error on a case with a known sensitive text: code, SQL state, request id and stack; no name, no text, no SQL', async () => {
    const manager = await signIn('regisseur@kwintes.demo');
    const created = await manager
      .post('/api/cases')
      .send({ identity: { firstName, lastName }, stay: { targetGroup: 'womensShelter' } });
    expect(created.status).toBe(201);
    // A database that refuses the update and quotes the whole row in its message, as drivers do.
    await asOwner(`
      CREATE FUNCTION test_refuse_case_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'geweigerd: %', NEW::text; END $$;
      CREATE TRIGGER test_refuse_case_update BEFORE UPDATE ON case_file FOR EACH ROW EXECUTE FUNCTION test_refuse_case_update();`);
    try {
      lines = [];
      const response = await manager
        .patch(`/api/cases/${created.body.id}`)
        .send({ version: created.body.version, changes: { sensitive: { safety: safetyNote } } });
      expect(response.status).toBe(500);
      expect(errorBodySchema.parse(response.body).error.code).toBe('INTERNAL');
      expectNoSecretIn(JSON.stringify(response.body));
    } finally {
      await asOwner(
        'DROP TRIGGER test_refuse_case_update ON case_file; DROP FUNCTION test_refuse_case_update();',
      );
    }
    const errorLine = logged().find((line) => line.msg === 'unhandled error');
    expect(errorLine).toBeDefined();
    expect(errorLine!.err).toMatchObject({ type: 'QueryFailedError', sqlState: 'P0001' });
    expect(errorLine!.err.stack).toMatch(/^\s+at /);
    expect(typeof errorLine!.requestId).toBe('string');
    expect(errorLine!.requestId.length).toBeGreaterThan(0);
    expectNoSecretIn(lines.join('\n'));
  });

  it('a validation error carrying the sensitive text: the request is logged, the text is not', async () => {
    const manager = await signIn('regisseur@kwintes.demo');
    const [row] = await t.db.query(
      'SELECT id::text, version FROM case_file ORDER BY created_at LIMIT 1',
    );
    lines = [];
    const response = await manager.patch(`/api/cases/${row.id}`).send({
      version: row.version,
      changes: {
        household: { description: `${safetyNote}\u0000` },
        identity: { firstName, lastName: `${lastName}\uD800` },
      },
    });
    expect(response.status).toBe(400);
    expect(logged().some((line) => line.res?.statusCode === 400)).toBe(true);
    expectNoSecretIn(lines.join('\n'));
  });

  it('an unexpected throw whose message and cause quote the input: class and stack only', async () => {
    const failing = express();
    failing.post('/boom', () => {
      throw new Error(`kon ${firstName} ${lastName} niet verwerken`, {
        cause: new SyntaxError(`Unexpected token in "${safetyNote}"`),
      });
    });
    failing.use(errorHandler(logger));
    const response = await request(failing).post('/boom');
    expect(response.status).toBe(500);
    const errorLine = logged().find((line) => line.msg === 'unhandled error');
    expect(errorLine!.err).toMatchObject({ type: 'Error', cause: { type: 'SyntaxError' } });
    expect(errorLine!.err.stack).toMatch(/^\s+at /);
    expectNoSecretIn(lines.join('\n'));
  });

  it('the mailer’s log (as the scheduler’s and the live layer’s: the same logger) keeps a driver message that quotes the input out', async () => {
    const mailer = createMailer({
      smtpUrl: null,
      mailFrom: 'test@uitstroomtafel.local',
      isProduction: false,
      db: t.db,
      logger,
    });
    // A region id that is no uuid: PostgreSQL's message quotes it ("invalid input syntax for type uuid: …").
    const isSent = await sendAfterCommit(
      mailer,
      {
        to: 'noor@kwintes.demo',
        subject: 'Herstellink',
        text: safetyNote,
        regionId: `${firstName} ${lastName}`,
      },
      logger,
    );
    expect(isSent).toBe(false);
    const errorLine = logged().find((line) => line.msg === 'sending mail failed');
    expect(errorLine!.err).toMatchObject({ type: 'QueryFailedError', sqlState: '22P02' });
    expectNoSecretIn(lines.join('\n'));
  });
});
