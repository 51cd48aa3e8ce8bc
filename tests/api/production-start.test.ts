import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../support/test-database';
import { findFreePort } from '../../server/src/core/embedded-database';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function countRegions(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try { return (await client.query('SELECT count(*)::int AS count FROM region')).rows[0].count; } finally { await client.end(); }
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) { clearTimeout(timer); resolve(output); }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}: ${output}`)); });
  });
}

describe('the production path: npm start with DATABASE_URL and NODE_ENV=production', () => {
  it('migrates an empty database as the owner, seeds nothing, and create-admin gives a working first account', async () => {
    const database = await createTestDatabase({ isEmpty: true });
    const port = await findFreePort();
    const env = {
      ...process.env, NODE_ENV: 'production', PORT: String(port), SESSION_SECRET: 'test-secret-for-production-path',
      DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl, LOG_LEVEL: 'silent', TRUST_PROXY: '1',
    };
    const server = spawn(tsx, [join(root, 'scripts', 'start.ts')], { cwd: root, env });
    try {
      await waitForOutput(server, /draait op http:\/\/localhost:\d+/);
      expect(await countRegions(database.appUrl)).toBe(0);

      const created = spawnSync(tsx, [join(root, 'scripts', 'create-admin.ts'), '--email', 'Beheer@NHN.example', '--region', 'noord-holland-noord'], { cwd: root, env, encoding: 'utf8' });
      expect(created.status).toBe(0);
      const password = /Eenmalig wachtwoord: (\S+)/.exec(created.stdout)?.[1];
      expect(password).toBeDefined();

      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        // As behind the TLS-terminating proxy that production runs behind.
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' }, body: JSON.stringify({ email: 'beheer@nhn.example', password }),
      });
      expect(login.status).toBe(200);
      expect(await login.json()).toMatchObject({ seat: 'regionAdmin', region: { slug: 'noord-holland-noord', name: 'Noord-Holland-Noord' } });
      // In production the session cookie is Secure.
      expect(login.headers.get('set-cookie')).toMatch(/Secure/);

      const again = spawnSync(tsx, [join(root, 'scripts', 'create-admin.ts'), '--email', 'beheer@nhn.example', '--region', 'noord-holland-noord'], { cwd: root, env, encoding: 'utf8' });
      expect(again.status).toBe(2);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      await database.drop();
    }
  });
});
