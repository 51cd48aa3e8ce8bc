import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../support/test-database';
import { findFreePort } from '../../server/src/core/embedded-database';
import { currentTotpCode } from '../../server/src/auth/totp';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function countRegions(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS count FROM region')).rows[0].count;
  } finally {
    await client.end();
  }
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}: ${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${output}`));
    });
  });
}

describe('the production path: npm start with DATABASE_URL and NODE_ENV=production', () => {
  it('npm run migrate as the owner, then npm start as the app role: seeds nothing, and create-admin gives a working first account', async () => {
    const database = await createTestDatabase({ isEmpty: true });
    const port = await findFreePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      SESSION_SECRET: 'test-secret-for-production-path',
      APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      DATABASE_URL: database.appUrl,
      LOG_LEVEL: 'silent',
      TRUST_PROXY: '1',
      SMTP_URL: 'smtp://127.0.0.1:1',
      PUBLIC_URL: 'https://uitstroomtafel.example.nl',
    };
    delete (env as Record<string, string | undefined>).DATABASE_OWNER_URL;
    // Migrations are their own step, as the owner; the app itself never gets the owner's credentials (issue 21):
    // on a schema that is behind it refuses to start and says what to do.
    const early = spawnSync(tsx, [join(root, 'scripts', 'start.ts')], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('npm run migrate');
    const migrated = spawnSync(tsx, [join(root, 'scripts', 'migrate.ts')], {
      cwd: root,
      env: { ...env, DATABASE_OWNER_URL: database.ownerUrl },
      encoding: 'utf8',
    });
    expect(migrated.status).toBe(0);
    const server = spawn(tsx, [join(root, 'scripts', 'start.ts')], { cwd: root, env });
    try {
      await waitForOutput(server, /draait op http:\/\/localhost:\d+/, 90_000);
      expect(await countRegions(database.appUrl)).toBe(0);

      const created = spawnSync(
        tsx,
        [
          join(root, 'scripts', 'create-admin.ts'),
          '--email',
          'Beheer@NHN.example',
          '--region',
          'noord-holland-noord',
        ],
        { cwd: root, env, encoding: 'utf8' },
      );
      expect(created.status).toBe(0);
      const password = /Eenmalig wachtwoord: (\S+)/.exec(created.stdout)?.[1];
      expect(password).toBeDefined();

      // As behind the TLS-terminating proxy that production runs behind.
      const post = (path: string, body: unknown, cookie?: string) =>
        fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-Proto': 'https',
            ...(cookie ? { Cookie: cookie } : {}),
          },
          body: JSON.stringify(body),
        });
      const login = await post('/api/auth/login', { email: 'beheer@nhn.example', password });
      // A new region has no rule set yet, so it requires two-factor sign-in (fail closed): enrol first.
      expect(login.status).toBe(202);
      expect(await login.json()).toEqual({ secondFactor: 'enroll' });
      const setCookie = login.headers.get('set-cookie') ?? '';
      // In production the session cookie is Secure.
      expect(setCookie).toMatch(/Secure/);
      const cookie = setCookie.split(';')[0]!;
      const enrollment = (await (await post('/api/auth/totp/enrollment', {}, cookie)).json()) as {
        secret: string;
      };
      const confirmed = await post(
        '/api/auth/totp/enrollment/confirm',
        { code: currentTotpCode(enrollment.secret) },
        cookie,
      );
      expect(confirmed.status).toBe(200);
      expect(((await confirmed.json()) as { me: unknown }).me).toMatchObject({
        seat: 'regionAdmin',
        region: { slug: 'noord-holland-noord', name: 'Noord-Holland-Noord' },
      });

      const again = spawnSync(
        tsx,
        [
          join(root, 'scripts', 'create-admin.ts'),
          '--email',
          'beheer@nhn.example',
          '--region',
          'noord-holland-noord',
        ],
        { cwd: root, env, encoding: 'utf8' },
      );
      expect(again.status).toBe(2);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      await database.drop();
    }
    // Four processes start TypeScript through tsx; on a busy 2-core machine that takes a while.
  }, 180_000);
});
