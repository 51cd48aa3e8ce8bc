import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { amsterdamDate, amsterdamHour } from '@uitstroom/shared';
import { serializeError } from './logger';

/**
 * Scheduled work (the daily digest, due-date flags, later the follow-up checks) on any number of
 * nodes, each job exactly once per period: a run takes the job's PostgreSQL advisory lock for its
 * transaction (another node busy with it skips at once), then records (job, period) under a primary
 * key (a node or tick that comes later finds the record and does nothing). The job's work commits
 * with its record, or neither does and the next tick tries again. The clock is injected, so tests
 * move time instead of waiting.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface JobContext {
  /** The clock's moment of this run. */
  now: Date;
  period: string;
}

export interface ScheduledJob {
  /** Names the job in the run record and its advisory lock. */
  key: string;
  /** The period a moment falls in for this job (e.g. the day), or null while the job is not due yet. */
  periodAt(now: Date): string | null;
  /**
   * Runs on every tick, under the same lock, and leaves no run record: for work that claims its
   * own rows (the webhook outbox), so running it twice does nothing twice.
   */
  everyTick?: true;
  run(tx: EntityManager, context: JobContext): Promise<void>;
}

/** Once a day, from `hour` o'clock Dutch time on: a node that was down at that hour catches up at its next tick. */
export function dailyFrom(hour: number): (now: Date) => string | null {
  return (now) => (amsterdamHour(now) >= hour ? amsterdamDate(now) : null);
}

export type JobOutcome = 'ran' | 'alreadyDone' | 'busy' | 'notDue' | 'failed';
export interface JobReport {
  job: string;
  period: string | null;
  outcome: JobOutcome;
}

const stderrLogger: Pick<Logger, 'error'> = {
  error: (fields: { err?: unknown }, message?: string) =>
    console.error(message, JSON.stringify(serializeError(fields.err))),
} as Pick<Logger, 'error'>;

// The first key of the two-key advisory lock: keeps the scheduler's locks apart from any other use.
const lockNamespace = 0x5c4e;

export interface RunOptions {
  jobs: readonly ScheduledJob[];
  /** Default: one JSON line on standard error. */
  logger?: Pick<Logger, 'error'>;
}

/** Runs every job that is due at the clock's moment and has not run in its period, on whichever node gets there first. */
export async function runDueJobs(
  db: DataSource,
  clock: Clock,
  options: RunOptions,
): Promise<JobReport[]> {
  const logger = options.logger ?? stderrLogger;
  const reports: JobReport[] = [];
  for (const job of options.jobs) {
    const now = clock.now();
    const period = job.periodAt(now);
    if (period === null) {
      reports.push({ job: job.key, period, outcome: 'notDue' });
      continue;
    }
    try {
      const outcome = await db.transaction(async (tx): Promise<JobOutcome> => {
        const [{ locked }] = await tx.query(
          'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
          [lockNamespace, job.key],
        );
        if (!locked) return 'busy';
        const recorded = job.everyTick
          ? [job.key]
          : await tx.query(
              'INSERT INTO scheduled_job_run (job, period, due_at) VALUES ($1, $2, $3) ON CONFLICT (job, period) DO NOTHING RETURNING job',
              [job.key, period, now],
            );
        if (!recorded.length) return 'alreadyDone';
        // Work the job leaves for after its commit (core/after-commit) is done before the run returns.
        await job.run(tx, { now, period });
        return 'ran';
      });
      reports.push({ job: job.key, period, outcome });
    } catch (error) {
      // Rolled back with its record: the next tick tries again. The other jobs still run.
      logger.error({ err: error, job: job.key, period }, 'scheduled job failed');
      reports.push({ job: job.key, period, outcome: 'failed' });
    }
  }
  return reports;
}

export interface SchedulerOptions extends RunOptions {
  clock?: Clock;
  /** How often to look for due jobs; a minute is plenty for daily work. */
  intervalMs?: number;
}

/**
 * Looks for due jobs now and then every interval, never two ticks at once on one node. The timer
 * does not keep the process alive. Returns a stop function that waits for a tick in progress.
 */
export function startScheduler(db: DataSource, options: SchedulerOptions): () => Promise<void> {
  const clock = options.clock ?? systemClock;
  let running: Promise<unknown> | null = null;
  let isStopped = false;
  const tick = () => {
    if (running || isStopped) return;
    running = runDueJobs(db, clock, options)
      .catch((error: unknown) =>
        (options.logger ?? stderrLogger).error({ err: error }, 'scheduler tick failed'),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return async () => {
    isStopped = true;
    clearInterval(timer);
    await running;
  };
}
