import { DataSource, EntityManager } from 'typeorm';

const tails = new WeakMap<DataSource, Promise<unknown>>();

/**
 * `db.transaction`, but on embedded SQLite queued one after another within the process: the
 * better-sqlite3 driver has a single connection, and a second BEGIN while one transaction is
 * open fails ("cannot start a transaction within a transaction") and breaks the first one too.
 * MySQL/MariaDB transactions run on pooled connections and are not queued.
 */
export function serialTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (db.options.type !== 'better-sqlite3') return db.transaction(work);
  const run = (tails.get(db) ?? Promise.resolve()).then(() => db.transaction(work));
  tails.set(db, run.catch(() => undefined));
  return run;
}
