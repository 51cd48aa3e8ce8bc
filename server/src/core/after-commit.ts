import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type TransactionStartEvent,
} from 'typeorm';
import { serializeError } from './logger';

/**
 * The one way to do something once a transaction has committed: a live event, an e-mail. What is
 * registered inside a savepoint that rolls back is dropped with it; what is registered inside one
 * that is released waits for the outermost commit; nothing runs after a rollback. Built on TypeORM's
 * public transaction events, which fire for savepoints too, so the nesting is counted here rather
 * than read from TypeORM's private fields.
 */

type Work = () => void | Promise<void>;

interface Frame {
  works: Work[];
  /** Keys of `once` works in this frame: one live event per thing per transaction. */
  keys: Set<string>;
}

/** One frame per open transaction level of a query runner: the transaction, then each savepoint. */
const framesByRunner = new WeakMap<QueryRunner, Frame[]>();

const newFrame = (): Frame => ({ works: [], keys: new Set() });

/** Listed in every data source's subscribers (core/db.ts); TypeORM makes one per data source. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionStart({ queryRunner }: TransactionStartEvent) {
    const frames = framesByRunner.get(queryRunner) ?? [];
    frames.push(newFrame());
    framesByRunner.set(queryRunner, frames);
  }

  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent) {
    const frames = framesByRunner.get(queryRunner);
    const done = frames?.pop();
    if (!frames || !done) return;
    const enclosing = frames.at(-1);
    if (enclosing) {
      // A released savepoint: its works now belong to the enclosing level, which decides.
      for (const work of done.works) enclosing.works.push(work);
      for (const key of done.keys) enclosing.keys.add(key);
      return;
    }
    framesByRunner.delete(queryRunner);
    // Never throw here: the change has committed, and an error would reach its caller as a failure.
    for (const work of done.works) await runLogged(work);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent) {
    const frames = framesByRunner.get(queryRunner);
    frames?.pop();
    if (frames && frames.length === 0) framesByRunner.delete(queryRunner);
  }
}

async function runLogged(work: Work): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error('after commit: work failed', JSON.stringify(serializeError(error)));
  }
}

export interface AfterCommitOptions {
  /** Run at most once per transaction for this key (the same live event said twice is sent once). */
  once?: string;
}

/**
 * Runs `work` after the transaction of `tx` commits, in the order registered; outside a transaction
 * it runs at once. A work that returns a promise is awaited before the commit returns to its caller,
 * so work that must not hold up a request starts its own promise and returns nothing.
 */
export function afterCommit(tx: EntityManager, work: Work, options: AfterCommitOptions = {}): void {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) {
    void runLogged(work);
    return;
  }
  const frames = framesByRunner.get(runner);
  const frame = frames?.at(-1);
  if (!frames || !frame)
    throw new Error('afterCommit needs a data source made by createDataSource (core/db.ts)');
  if (options.once !== undefined) {
    if (frames.some((f) => f.keys.has(options.once!))) return;
    frame.keys.add(options.once);
  }
  frame.works.push(work);
}
