import { DataSource, EntityManager } from 'typeorm';
import { logger } from '../../logger';
import { beginRecording, publishCommitted } from './events';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
/**
 * Attempts per transaction, and the longest pause between two. On one MariaDB server a rerun is
 * rare (lock waits queue); on Galera every write to a hot row (a document number, a warehouse's
 * day rollup, a level) that another node commits first fails certification, so a burst of
 * postings spread over the nodes needs more reruns (issue 20 §4, test/cluster/galera.test.ts).
 */
const MAX_ATTEMPTS = 10;
const MAX_PAUSE_MS = 400;

/**
 * The driver error codes that mean "run the transaction again": InnoDB picked us as a deadlock
 * victim or gave up waiting, or Galera refused the commit in certification or aborted the
 * transaction for a conflicting write set of another node (both ER_LOCK_DEADLOCK, 1213).
 */
export function isRetryable(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string }; code?: string } | null) ?? {};
  return RETRYABLE.has(driver.driverError?.code ?? driver.code ?? '');
}

/**
 * Runs `work` in one write transaction and returns its result.
 *
 * MariaDB/MySQL: READ COMMITTED (every plain read after a `FOR UPDATE` sees what the previous
 * lock holder committed, and InnoDB takes no gap locks), and a deadlock, lock-wait timeout or
 * Galera certification conflict reruns the whole transaction up to MAX_ATTEMPTS times with
 * jittered, capped backoff — callers never see them.
 *
 * SQLite (better-sqlite3): TypeORM gives every caller the SAME query runner on the one
 * connection, and a `transaction()` started while another is open becomes a SAVEPOINT inside
 * it — two concurrent GraphQL requests would share one transaction (one's rollback undoing the
 * other's acknowledged work, reads of one seeing the other's half-done writes). Write
 * transactions are therefore serialized here with an in-process mutex per DataSource; the
 * embedded database is single-process by design. Do not nest calls (the inner one would wait
 * for the outer forever): pass the EntityManager down instead.
 */
export async function inTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (db.options.type !== 'mysql') return serialized(db, () => committed((recorded) => db.transaction(recorded), work));
  for (let attempt = 1; ; attempt++) {
    try {
      return await committed((recorded) => readCommitted(db, recorded), work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      logger.debug({ attempt, code: (error as { driverError?: { code?: string } }).driverError?.code }, 'retrying transaction');
      await sleep(Math.min(5 * 2 ** attempt, MAX_PAUSE_MS) * (0.5 + Math.random()));
    }
  }
}

/**
 * Runs one attempt and, once it has committed, publishes the change events it recorded
 * (events.ts): subscribers never hear of a write that was rolled back or is not yet visible.
 */
async function committed<T>(run: (work: (tx: EntityManager) => Promise<T>) => Promise<T>, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  let manager: EntityManager | undefined;
  const result = await run((tx) => {
    manager = tx;
    beginRecording(tx);
    return work(tx);
  });
  if (manager) publishCommitted(manager);
  return result;
}

/** Pooled connections whose session isolation is already READ COMMITTED. */
const readCommittedSessions = new WeakSet<object>();

/**
 * A transaction at READ COMMITTED. The level is set once per pooled connection (session), not
 * per transaction: `SET TRANSACTION ISOLATION LEVEL` before every `START TRANSACTION` was one
 * more round trip per posting (issue 16 §4).
 */
async function readCommitted<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  try {
    const connection = await runner.connect() as object;
    if (!readCommittedSessions.has(connection)) {
      await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      readCommittedSessions.add(connection);
    }
    return await runner.manager.transaction(work);
  } finally {
    await runner.release();
  }
}

const tails = new WeakMap<DataSource, Promise<unknown>>();

function serialized<T>(db: DataSource, run: () => Promise<T>): Promise<T> {
  const previous = tails.get(db) ?? Promise.resolve();
  const current = previous.then(run, run);
  tails.set(db, current.catch(() => undefined));
  return current;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
