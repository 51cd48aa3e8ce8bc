import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__uitstroomChromium?.close();
  const database = globalThis.__uitstroomDatabase;
  if (!database) return;
  await database.stop();
  rmSync(database.dataDir, { recursive: true, force: true });
}
