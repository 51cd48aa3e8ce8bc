import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Build the client when client/dist is missing or older than any of its sources. The build's own
 * output (English, about fifty lines) goes to client/build.log; the start only says where.
 */
export function buildClientIfStale(root: string): void {
  const builtIndex = join(root, 'client', 'dist', 'index.html');
  const sources = [
    join(root, 'client', 'src'),
    join(root, 'shared', 'src'),
    join(root, 'client', 'index.html'),
    join(root, 'client', 'vite.config.ts'),
  ];
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  if (builtAt > Math.max(...sources.map(newestModification))) return;
  const logFile = join(root, 'client', 'build.log');
  console.log(`De client wordt gebouwd (uitvoer in ${logFile})…`);
  const logFd = openSync(logFile, 'w');
  try {
    const result = spawnSync('npm', ['run', 'build', '--workspace', 'client', '--silent'], {
      cwd: root,
      stdio: ['ignore', logFd, logFd],
    });
    if (result.status !== 0) {
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
      throw new Error(`het bouwen van de client is mislukt (zie ${logFile}):\n${tail}`);
    }
  } finally {
    closeSync(logFd);
  }
}

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((entry) => newestModification(join(path, entry))),
  );
}
