/**
 * How fast a change reaches the other seats when the app runs on two nodes: an embedded
 * PostgreSQL with the demo regions, two server processes on it, 500 signed-in sockets split over
 * the two nodes and all following one case. The case manager then saves the case N times through
 * node A; for each save we time, at every socket on node B, the arrival of its own projection of
 * the change. Prints the count, median, 99th percentile and maximum.
 *
 *   npm run bench:live            # BENCH_SOCKETS (500), BENCH_WRITES (200), BENCH_WARMUP (10) override
 *   BENCH_SYNCHRONOUS_COMMIT=off npm run bench:live    # the same without waiting for the disk at commit, to compare
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { Client } from 'pg';
import { liveMessage } from '@uitstroom/shared';
import { startEmbeddedDatabase } from '../../server/src/core/embedded-database';
import { createDataSource, runMigrations } from '../../server/src/core/db';
import { seedDemoData } from '../../server/src/demo/demo-seed';
import { demoPassword } from '../../server/src/demo/demo-regions';
import { startNodeProcess, type NodeProcess } from '../../tests/support/live-nodes';

const socketCount = Number(process.env.BENCH_SOCKETS ?? 500);
const writeCount = Number(process.env.BENCH_WRITES ?? 200);
const warmupCount = Number(process.env.BENCH_WARMUP ?? 10);
const sessionsPerUser = 5;
/** Seats that may all follow a Flevoland case of Kwintes: its case manager, the chair and the municipalities. */
const candidates = [
  'regisseur@kwintes.demo',
  'voorzitter@almere.demo',
  'gemeente@almere.demo',
  'gemeente@dronten.demo',
  'gemeente@lelystad.demo',
  'gemeente@noordoostpolder.demo',
  'gemeente@urk.demo',
  'gemeente@zeewolde.demo',
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('uitstroom.sid='))!;
}

async function main() {
  const startedAt = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'uitstroom-bench-live-'));
  chmodSync(dataDir, 0o755);
  const database = await startEmbeddedDatabase({ dataDir, databaseName: 'uitstroom_bench' });
  const nodes: NodeProcess[] = [];
  const sockets: Socket[] = [];
  try {
    await runMigrations(database.ownerUrl);
    // For comparison only: how much of the figure is the disk's flush at each commit (the write's, and the audit row of each read).
    if (process.env.BENCH_SYNCHRONOUS_COMMIT === 'off') {
      const superuser = new Client({ connectionString: database.superuserUrl });
      await superuser.connect();
      await superuser.query(`ALTER DATABASE ${database.databaseName} SET synchronous_commit = off`);
      await superuser.end();
    }
    const seeding = createDataSource(database.appUrl, { poolSize: 1 });
    await seeding.initialize();
    await seedDemoData(seeding);
    const [target] = await seeding.query(
      `SELECT c.id FROM case_file c JOIN organisation o ON o.id = c.owner_organisation_id
        WHERE o.name = 'Kwintes' AND c.state <> 'closed' AND c.origin_code IS NOT NULL ORDER BY c.created_at LIMIT 1`,
    );
    await seeding.destroy();
    const caseId = target.id as string;

    const env = {
      DATABASE_URL: database.appUrl,
      SESSION_SECRET: 'bench-secret-same-on-every-node',
      LOG_LEVEL: 'silent',
    };
    nodes.push(...(await Promise.all([startNodeProcess(env), startNodeProcess(env)])));
    const [nodeA, nodeB] = nodes as [NodeProcess, NodeProcess];
    console.log(
      `PostgreSQL, demo data and two nodes ready in ${seconds(performance.now() - startedAt)}: A ${nodeA.url}, B ${nodeB.url}`,
    );

    // The seats that reach the case, each with a few sessions (as on several devices).
    const reaching = (
      await Promise.all(
        candidates.map(async (email) => {
          const cookie = await signIn(nodeA.url, email);
          return (await fetch(`${nodeA.url}/api/cases/${caseId}`, { headers: { Cookie: cookie } }))
            .status === 200
            ? { email, cookie }
            : null;
        }),
      )
    ).filter((seat) => seat !== null);
    const cookies = (
      await Promise.all(
        reaching.map(async ({ email, cookie }) => [
          cookie,
          ...(await Promise.all(
            Array.from({ length: sessionsPerUser - 1 }, () => signIn(nodeA.url, email)),
          )),
        ]),
      )
    ).flat();
    const managerCookie = cookies[0]!;
    const seatCount = reaching.length;
    console.log(
      `${seatCount} seats signed in ${sessionsPerUser} times each (${seconds(performance.now() - startedAt)})`,
    );

    // Sockets alternate between the nodes; each follows the case.
    const onB: { socket: Socket; arrivals: Map<number, number> }[] = [];
    await Promise.all(
      Array.from({ length: socketCount }, async (_, i) => {
        const node = i % 2 === 0 ? nodeA : nodeB;
        const socket = io(node.url, {
          transports: ['websocket'],
          extraHeaders: { Cookie: cookies[i % cookies.length]! },
          reconnection: false,
          forceNew: true,
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        const answer = await socket
          .timeout(20_000)
          .emitWithAck(liveMessage.watch, { room: { kind: 'case', id: caseId } });
        if (!answer.ok) throw new Error(`watch refused: ${JSON.stringify(answer)}`);
        if (node === nodeB) {
          const arrivals = new Map<number, number>();
          socket.on(
            liveMessage.caseChanged,
            (event: { view: { housingNeeds?: { maxRent?: number } } }) => {
              const marker = event.view.housingNeeds?.maxRent;
              if (marker !== undefined && !arrivals.has(marker))
                arrivals.set(marker, performance.now());
            },
          );
          onB.push({ socket, arrivals });
        }
      }),
    );
    console.log(
      `${socketCount} sockets (${onB.length} on node B) of ${seatCount} seats × ${sessionsPerUser} sessions follow the case (${seconds(performance.now() - startedAt)})`,
    );

    const current = (await (
      await fetch(`${nodeA.url}/api/cases/${caseId}`, { headers: { Cookie: managerCookie } })
    ).json()) as { version: number; housingNeeds?: Record<string, unknown> };
    let version = current.version;
    const latencies: number[] = [];
    const afterAnswer: number[] = [];
    const writeTimes: number[] = [];
    const firstOnB: number[] = [];
    let missing = 0;
    for (let i = 0; i < warmupCount + writeCount; i += 1) {
      const marker = 1000 + i;
      const sentAt = performance.now();
      const response = await fetch(`${nodeA.url}/api/cases/${caseId}`, {
        method: 'PATCH',
        headers: { Cookie: managerCookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          version,
          changes: { housingNeeds: { ...current.housingNeeds, maxRent: marker } },
        }),
      });
      const answeredAt = performance.now();
      if (response.status !== 200)
        throw new Error(`write ${i}: ${response.status} ${await response.text()}`);
      version = ((await response.json()) as { version: number }).version;
      // Every socket on node B has it, or five seconds have passed.
      const deadline = answeredAt + 5000;
      while (onB.some((s) => !s.arrivals.has(marker)) && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 1));
      if (i < warmupCount) continue;
      writeTimes.push(answeredAt - sentAt);
      firstOnB.push(
        Math.min(...onB.map(({ arrivals }) => arrivals.get(marker) ?? Infinity)) - sentAt,
      );
      for (const { arrivals } of onB) {
        const at = arrivals.get(marker);
        if (at === undefined) {
          missing += 1;
          continue;
        }
        latencies.push(at - sentAt);
        afterAnswer.push(at - answeredAt);
      }
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const sortedAfter = [...afterAnswer].sort((a, b) => a - b);
    const sortedWrites = [...writeTimes].sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `\nwrite on node A → its event at a socket on node B (${writeCount} writes × ${onB.length} sockets on B, ${socketCount} sockets in all)`,
    );
    console.log(`  count   ${sorted.length}${missing ? ` (${missing} never arrived)` : ''}`);
    console.log(`  median  ${ms(quantile(sorted, 0.5))}`);
    console.log(`  p99     ${ms(quantile(sorted, 0.99))}`);
    console.log(`  max     ${ms(sorted[sorted.length - 1] ?? NaN)}`);
    console.log(
      `  (of which the write itself, sent → answered: median ${ms(quantile(sortedWrites, 0.5))}, p99 ${ms(quantile(sortedWrites, 0.99))};`,
    );
    console.log(
      `   event after the write's answer: median ${ms(quantile(sortedAfter, 0.5))}, p99 ${ms(quantile(sortedAfter, 0.99))};`,
    );
    // One client process decodes all 500 sockets' messages one after another: the first arrival per write is the system alone.
    const sortedFirst = [...firstOnB].sort((a, b) => a - b);
    console.log(
      `   first socket on B per write: median ${ms(quantile(sortedFirst, 0.5))}, p99 ${ms(quantile(sortedFirst, 0.99))})`,
    );
    console.log(`\ntotal ${seconds(performance.now() - startedAt)}`);
    if (missing > 0) process.exitCode = 1;
  } finally {
    sockets.forEach((s) => s.disconnect());
    await Promise.all(nodes.map((n) => n.stop()));
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
