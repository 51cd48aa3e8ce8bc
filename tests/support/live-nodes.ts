import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

export interface NodeProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `tests/support/live-node.ts` as a child process on the given database; resolves with its address. */
export function startNodeProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<NodeProcess> {
  const child = spawn(tsx, [join(root, 'tests', 'support', 'live-node.ts')], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`node did not start: ${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^\{"url":"[^"]+"\}$/m.exec(output);
      if (!line) return;
      clearTimeout(timer);
      resolve({ url: (JSON.parse(line[0]) as { url: string }).url, child, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited ${code}: ${output}`));
    });
  });
}
