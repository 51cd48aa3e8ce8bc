import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * A fresh database for one test file, cloned from the migrated and seeded template (fast: a file
 * copy inside PostgreSQL). Returns URLs for the app role (what the app uses) and the owner.
 */
export async function createTestDatabase(
  options: { isEmpty?: boolean } = {},
): Promise<{ name: string; appUrl: string; ownerUrl: string; drop(): Promise<void> }> {
  const superuserUrl = requireEnv('TEST_SUPERUSER_URL');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  // An empty database (no schema at all) is for tests of the start and migration path.
  const template = options.isEmpty ? 'template0' : requireEnv('TEST_TEMPLATE_DATABASE');
  await withSuperuser(superuserUrl, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER uitstroom_owner`),
  );
  const swap = (url: string) => url.replace(/\/[^/]+$/, `/${name}`);
  return {
    name,
    appUrl: swap(requireEnv('TEST_APP_URL')),
    ownerUrl: swap(requireEnv('TEST_OWNER_URL')),
    drop: () =>
      withSuperuser(superuserUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

async function withSuperuser<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests through jest's global setup (npm test)`);
  return value;
}
