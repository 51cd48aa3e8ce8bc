import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { readConfig, type AppConfig } from '../../server/src/core/config';
import { createDataSource } from '../../server/src/core/db';
import { createTestDatabase } from './test-database';

export const demoPassword = 'uitstroom-demo';

export interface TestApp {
  app: Express;
  db: DataSource;
  config: AppConfig;
  databaseUrls: { appUrl: string; ownerUrl: string };
  /** A supertest agent that keeps cookies, signed in as the given demo account. */
  signIn(email: string, password?: string): Promise<request.Agent>;
  close(): Promise<void>;
}

/**
 * The real app on its own cloned database, with the app's own (non-owner) database role. A test of
 * many concurrent requests may ask for a larger pool, so that they really meet in the database.
 */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  options: { poolSize?: number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = readConfig({ NODE_ENV: 'test' }, { databaseUrl: database.appUrl, ...overrides });
  const db = createDataSource(database.appUrl, { poolSize: options.poolSize ?? 5 });
  await db.initialize();
  const app = createApp(db, config);
  return {
    app,
    db,
    config,
    databaseUrls: database,
    async signIn(email, password = demoPassword) {
      const agent = request.agent(app);
      const response = await agent.post('/api/auth/login').send({ email, password });
      if (response.status !== 200)
        throw new Error(
          `sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      return agent;
    },
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}
