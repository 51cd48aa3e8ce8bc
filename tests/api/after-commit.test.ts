import type { DataSource } from 'typeorm';
import { createDataSource } from '../../server/src/core/db';
import { afterCommit } from '../../server/src/core/after-commit';
import { createTestDatabase } from '../support/test-database';

/**
 * core/after-commit: the one way live events, notification mails and the digest wait for a commit.
 * Against a real PostgreSQL, with real savepoints (a transaction inside a transaction).
 */
let db: DataSource;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  db = createDataSource(database.appUrl, { poolSize: 2 });
  await db.initialize();
});
afterAll(async () => {
  await db?.destroy();
  await drop?.();
});

const fail = () => {
  throw new Error('rolled back on purpose');
};

it('runs after the commit, in the order registered, and not before', async () => {
  const done: string[] = [];
  await db.transaction(async (tx) => {
    afterCommit(tx, () => void done.push('first'));
    afterCommit(tx, () => void done.push('second'));
    expect(done).toEqual([]);
  });
  expect(done).toEqual(['first', 'second']);
});

it('runs nothing after a rollback', async () => {
  const done: string[] = [];
  await expect(
    db.transaction(async (tx) => {
      afterCommit(tx, () => void done.push('lost'));
      fail();
    }),
  ).rejects.toThrow('on purpose');
  expect(done).toEqual([]);
});

it('drops what a rolled-back savepoint registered and keeps the rest for the outer commit', async () => {
  const done: string[] = [];
  await db.transaction(async (tx) => {
    afterCommit(tx, () => void done.push('outer'));
    await expect(
      tx.transaction(async (inner) => {
        afterCommit(inner, () => void done.push('inner, rolled back'));
        fail();
      }),
    ).rejects.toThrow('on purpose');
    await tx.transaction(async (inner) => {
      afterCommit(inner, () => void done.push('inner, released'));
    });
    // A released savepoint is no commit: its work waits for the outermost one.
    expect(done).toEqual([]);
  });
  expect(done).toEqual(['outer', 'inner, released']);
});

it('runs a keyed work once per transaction, also when a savepoint said it again', async () => {
  const done: string[] = [];
  await db.transaction(async (tx) => {
    afterCommit(tx, () => void done.push('case changed'), { once: 'case:1' });
    await tx.transaction(async (inner) => {
      afterCommit(inner, () => void done.push('case changed'), { once: 'case:1' });
      afterCommit(inner, () => void done.push('table changed'), { once: 'table:1' });
    });
    afterCommit(tx, () => void done.push('table changed'), { once: 'table:1' });
  });
  expect(done).toEqual(['case changed', 'table changed']);
});

it('a work that fails does not turn the committed change into an error; the others still run', async () => {
  const done: string[] = [];
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await db.transaction(async (tx) => {
      await tx.query('CREATE TEMP TABLE kept (n int)');
      afterCommit(tx, () => {
        throw new Error('a mail server away');
      });
      afterCommit(tx, () => void done.push('after the failure'));
    });
    expect(done).toEqual(['after the failure']);
    expect(logged).toHaveBeenCalledTimes(1);
  } finally {
    logged.mockRestore();
  }
});

it('outside a transaction runs at once; a work that returns a promise is awaited before the commit returns', async () => {
  const done: string[] = [];
  afterCommit(db.manager, () => void done.push('at once'));
  expect(done).toEqual(['at once']);
  await db.transaction(async (tx) => {
    afterCommit(tx, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done.push('awaited');
    });
  });
  expect(done).toEqual(['at once', 'awaited']);
});
