/**
 * One server node in a child process, for the tests and the bench that need several nodes on one
 * database: `tsx tests/support/live-node.ts` with DATABASE_URL and SESSION_SECRET (the same on every
 * node, as in production) prints `{"url": …}` once it answers, and stops on SIGTERM or when the
 * parent goes away.
 */
import { readConfig } from '../../server/src/core/config';
import { createDataSource } from '../../server/src/core/db';
import { startServer } from '../../server/src/server';

async function main() {
  const config = readConfig(
    { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'test' },
    { clientDistDir: null },
  );
  const db = createDataSource(config.databaseUrl, {
    poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
  });
  await db.initialize();
  const server = await startServer({ db, config, port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  let isStopping = false;
  const stop = async () => {
    if (isStopping) return;
    isStopping = true;
    await server.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // Started with an IPC channel: when the parent dies, the channel closes and the node goes too.
  process.on('disconnect', () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
