// One embedded PostgreSQL per test run: started here, migrated and filled with the demo regions
// once in a template database, which every test file clones (tests/support/test-database.ts).
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup(globalConfig) {
  const startedAt = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'uitstroom-test-'));
  chmodSync(dataDir, 0o755);
  const here = import.meta.url;
  const { startEmbeddedDatabase } = await tsImport(
    '../../server/src/core/embedded-database.ts',
    here,
  );
  const { runMigrations, createDataSource } = await tsImport('../../server/src/core/db.ts', here);
  const { seedDemoData } = await tsImport('../../server/src/demo/demo-seed.ts', here);

  const database = await startEmbeddedDatabase({ dataDir, databaseName: 'uitstroom_template' });
  await runMigrations(database.ownerUrl);
  const seeded = createDataSource(database.appUrl, { poolSize: 1 });
  await seeded.initialize();
  await seedDemoData(seeded);
  await seeded.destroy();

  // A run of browser files shares one Chromium: each file connects to it instead of starting its own.
  const projects = globalConfig?.selectProjects ?? [];
  if (projects.includes('browser') || projects.includes('screenshots')) {
    const { chromiumLaunchOptions, sharedChromiumVariable } = await tsImport('./chromium.ts', here);
    const { chromium } = await import('playwright-core');
    const chromiumServer = await chromium.launchServer(chromiumLaunchOptions());
    process.env[sharedChromiumVariable] = chromiumServer.wsEndpoint();
    globalThis.__uitstroomChromium = chromiumServer;
  }

  process.env.TEST_SUPERUSER_URL = database.superuserUrl;
  process.env.TEST_OWNER_URL = database.ownerUrl;
  process.env.TEST_APP_URL = database.appUrl;
  process.env.TEST_TEMPLATE_DATABASE = database.databaseName;
  process.env.NODE_ENV = 'test';
  globalThis.__uitstroomDatabase = { stop: database.stop, dataDir };
  if (!process.env.QUIET_SETUP)
    console.log(
      `\n[setup] embedded PostgreSQL ready with template database in ${Date.now() - startedAt} ms`,
    );
}
