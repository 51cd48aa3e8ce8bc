import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Build the client when client/dist is missing or older than any of its sources. */
export function buildClientIfStale(root: string): void {
  const builtIndex = join(root, 'client', 'dist', 'index.html');
  const sources = [join(root, 'client', 'src'), join(root, 'shared', 'src'), join(root, 'client', 'index.html'), join(root, 'client', 'vite.config.ts')];
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  if (builtAt > Math.max(...sources.map(newestModification))) return;
  console.log('De client wordt gebouwd…');
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'client', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Het bouwen van de client is mislukt.');
}

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestModification(join(path, entry))));
}
