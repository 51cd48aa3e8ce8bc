import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { verifyAuditLog } from './audit-verify';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';

const root = join(__dirname, '../../..');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function asRole<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe('the audit log', () => {
  it('records sign-in, failed sign-in and sign-out with actor, seat, outcome, address and request id', async () => {
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'gemeente@urk.demo', password: 'verkeerd' });
    const agent = await t.signIn('gemeente@urk.demo');
    await agent.post('/api/auth/logout').set('X-Request-Id', 'req-logout-1').send({});
    const rows = await t.db.query(
      `SELECT a.action, a.outcome, a.actor_seat, a.actor_user_id IS NOT NULL AS has_actor, a.client_address, a.request_id, a.correlation_id, a.purpose
         FROM audit_log a JOIN app_user u ON u.id::text = a.object_id WHERE u.email = 'gemeente@urk.demo' ORDER BY a.id`,
    );
    expect(
      rows.map((r: { action: string; outcome: string }) => `${r.action}:${r.outcome}`),
    ).toEqual(['auth.login:failure', 'auth.login:success', 'auth.logout:success']);
    expect(rows[0]).toMatchObject({ has_actor: false, purpose: 'authentication' });
    expect(rows[1]).toMatchObject({ has_actor: true, actor_seat: 'municipality' });
    // The request id is the server's own; the client's X-Request-Id is kept as the correlation id (issue 21).
    expect(rows[2]).toMatchObject({
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      correlation_id: 'req-logout-1',
    });
    for (const row of rows) expect(row.client_address).toMatch(/127\.0\.0\.1/);
  });

  it('the app role may only INSERT and SELECT: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'gemeente@urk.demo', password: 'verkeerd' });
    await asRole(t.databaseUrls.appUrl, async (client) => {
      await expect(client.query(`UPDATE audit_log SET outcome = 'success'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
      const { rows } = await client.query('SELECT count(*)::int AS count FROM audit_log');
      expect(rows[0].count).toBeGreaterThan(0);
    });
  });

  it('even the owner role is stopped by the trigger on UPDATE, DELETE and TRUNCATE', async () => {
    await asRole(t.databaseUrls.ownerUrl, async (client) => {
      await expect(client.query(`UPDATE audit_log SET outcome = 'success'`)).rejects.toThrow(
        /append-only: UPDATE/,
      );
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
    });
  });

  it('the app role owns nothing in the database', async () => {
    const owned = await asRole(t.databaseUrls.appUrl, (client) =>
      client.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`),
    );
    expect(owned.rows).toEqual([]);
    await asRole(t.databaseUrls.appUrl, async (client) => {
      await expect(client.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(
        /permission denied/,
      );
    });
  });
});

describe('an audit log that proves itself (issue 21)', () => {
  it('the database sets time and id: a back-dated row from the app role gets now and the next id', async () => {
    const [{ max }] = await t.db.query('SELECT max(id)::text AS max FROM audit_log');
    await asRole(t.databaseUrls.appUrl, (client) =>
      client.query(
        `INSERT INTO audit_log (id, at, action, object_type, purpose, outcome, chain, prev_hash, hash)
       VALUES (1, '2020-01-01T00:00:00Z', 'auth.login', 'user', 'authentication', 'failure', 'mine', 'x', 'y')`,
      ),
    );
    const [row] = await t.db.query(
      `SELECT id::text, at, chain, prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(BigInt(row.id)).toBeGreaterThan(BigInt(max));
    expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(row.chain).toMatch(/^\d{4}-\d{2}-\d{2}\/\d+$/);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toBe('y');
  });

  it("the request id is the server's; a client's X-Request-Id is a separate, length-limited correlation field", async () => {
    const agent = await t.signIn('gemeente@almere.demo');
    await agent
      .post('/api/auth/logout')
      .set('X-Request-Id', `klant-${'x'.repeat(500)}`)
      .send({});
    const [row] = await t.db.query(
      `SELECT request_id, correlation_id FROM audit_log WHERE action = 'auth.logout' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.correlation_id).toBe(`klant-${'x'.repeat(94)}`);
  });

  it('concurrent writers each extend their own chain; audit:verify finds every chain intact', async () => {
    const admin = await t.signIn('beheer@flevoland.demo');
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => admin.get('/api/admin/users')),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const verification = await verifyAuditLog(t.db);
    expect(verification.rows).toBeGreaterThan(30);
    expect(verification.chains).toBeGreaterThan(1);
    expect(verification.broken).toEqual([]);
  });

  it('tampering as the owner (trigger disabled, a row edited, a row removed) is reported as the first broken link of its chain', async () => {
    const verify = () =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        execFile(
          process.execPath,
          [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/audit-verify.ts')],
          { env: { ...process.env, DATABASE_URL: t.databaseUrls.appUrl } },
          (error, stdout, stderr) =>
            resolve({
              code: error ? ((error as { code?: number }).code ?? 1) : 0,
              output: stdout + stderr,
            }),
        );
      });
    expect(await verify()).toMatchObject({
      code: 0,
      output: expect.stringContaining('Auditlog intact'),
    });

    // A removed row is seen by its successor's link, so remove one that has a successor; edit one of another chain if there is one.
    const linked: { id: string; chain: string; next: string }[] = await t.db.query(
      `SELECT id::text, chain, next::text FROM (SELECT id, chain, lead(id) OVER (PARTITION BY chain ORDER BY id) AS next FROM audit_log WHERE chain NOT LIKE '%/before') x
        WHERE next IS NOT NULL ORDER BY id DESC`,
    );
    const removed = linked[0]!;
    const edited =
      linked.find((r) => r.chain !== removed.chain) ??
      linked.find((r) => BigInt(r.id) < BigInt(removed.id))!;
    await asRole(t.databaseUrls.ownerUrl, async (client) => {
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await client.query(
        `UPDATE audit_log SET details = details || '{"tampered": true}' WHERE id = $1`,
        [edited.id],
      );
      await client.query('DELETE FROM audit_log WHERE id = $1', [removed.id]);
      await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    const { broken } = await verifyAuditLog(t.db);
    const changed = 'content changed (hash does not match)';
    if (edited.chain === removed.chain) {
      expect(broken).toEqual([{ chain: edited.chain, id: edited.id, problem: changed }]);
    } else {
      expect(broken).toEqual(
        expect.arrayContaining([
          { chain: edited.chain, id: edited.id, problem: changed },
          {
            chain: removed.chain,
            id: removed.next,
            problem: expect.stringMatching(/^link broken/),
          },
        ]),
      );
      expect(broken).toHaveLength(2);
    }
    const report = await verify();
    expect(report.code).toBe(1);
    expect(report.output).toContain('GESCHONDEN');
    expect(report.output).toContain(`keten ${edited.chain}`);
  }, 60_000);
});
