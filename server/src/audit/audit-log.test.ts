import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

async function asRole<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try { return await run(client); } finally { await client.end(); }
}

describe('the audit log', () => {
  it('records sign-in, failed sign-in and sign-out with actor, seat, outcome, address and request id', async () => {
    await request(t.app).post('/api/auth/login').send({ email: 'gemeente@urk.demo', password: 'verkeerd' });
    const agent = await t.signIn('gemeente@urk.demo');
    await agent.post('/api/auth/logout').set('X-Request-Id', 'req-logout-1').send({});
    const rows = await t.db.query(
      `SELECT a.action, a.outcome, a.actor_seat, a.actor_user_id IS NOT NULL AS has_actor, a.client_address, a.request_id, a.purpose
         FROM audit_log a JOIN app_user u ON u.id::text = a.object_id WHERE u.email = 'gemeente@urk.demo' ORDER BY a.id`,
    );
    expect(rows.map((r: { action: string; outcome: string }) => `${r.action}:${r.outcome}`)).toEqual([
      'auth.login:failure', 'auth.login:success', 'auth.logout:success',
    ]);
    expect(rows[0]).toMatchObject({ has_actor: false, purpose: 'authentication' });
    expect(rows[1]).toMatchObject({ has_actor: true, actor_seat: 'municipality' });
    expect(rows[2]).toMatchObject({ request_id: 'req-logout-1' });
    for (const row of rows) expect(row.client_address).toMatch(/127\.0\.0\.1/);
  });

  it('the app role may only INSERT and SELECT: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await request(t.app).post('/api/auth/login').send({ email: 'gemeente@urk.demo', password: 'verkeerd' });
    await asRole(t.databaseUrls.appUrl, async (client) => {
      await expect(client.query(`UPDATE audit_log SET outcome = 'success'`)).rejects.toThrow(/permission denied/);
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
      const { rows } = await client.query('SELECT count(*)::int AS count FROM audit_log');
      expect(rows[0].count).toBeGreaterThan(0);
    });
  });

  it('even the owner role is stopped by the trigger on UPDATE, DELETE and TRUNCATE', async () => {
    await asRole(t.databaseUrls.ownerUrl, async (client) => {
      await expect(client.query(`UPDATE audit_log SET outcome = 'success'`)).rejects.toThrow(/append-only: UPDATE/);
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
      await expect(client.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
    });
  });
});
