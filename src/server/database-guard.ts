import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { logger } from '../logger';
import { sqliteReaders } from '../services/platform/sqlite-readers';
import { currentRequest } from './request-scope';

/** A statement was refused because the operation's time budget is spent (docs/operations.md). */
export class TimeBudgetExceeded extends Error {
  readonly code = 'TIME_BUDGET_EXCEEDED';
  constructor(readonly budgetMs: number) {
    super(`The operation exceeded its time budget of ${budgetMs} ms.`);
  }
}

// Ending a transaction must still work after the deadline, or a connection would go back to the pool mid-transaction.
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK|RELEASE\s+SAVEPOINT)/i;

/** No SQL statement starts after the request's deadline (both drivers, through TypeORM's beforeQuery hook). */
class TimeBudgetSubscriber implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent): void {
    const request = currentRequest();
    if (request && Date.now() > request.deadline && !ENDS_TRANSACTION.test(event.query)) {
      throw new TimeBudgetExceeded(request.budgetMs);
    }
  }
}

interface MysqlPool {
  getConnection(cb: (err: Error | null, conn?: MysqlConnection) => void): void;
  on(event: 'connection', listener: (conn: MysqlConnection) => void): void;
  _allConnections?: { length: number; toArray?(): MysqlConnection[] };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}
interface MysqlConnection {
  query(sql: string, cb: (err: Error | null) => void): void;
  release(): void;
}

export const mysqlPool = (db: DataSource): MysqlPool | undefined =>
  db.options.type === 'mysql' ? ((db.driver as unknown as { pool?: MysqlPool }).pool) : undefined;

/**
 * Bounds the SQL of every operation by its time budget and keeps a database outage from
 * hanging requests:
 * - no statement starts after the deadline (TimeBudgetSubscriber);
 * - on MariaDB every statement is killed by the server after the budget (`max_statement_time`);
 * - waiting for a pooled connection gives up after `acquireTimeoutMs` (mysql2 itself waits forever).
 */
export function guardDatabase(db: DataSource, options: { budgetMs: number; acquireTimeoutMs: number }): void {
  db.subscribers.push(new TimeBudgetSubscriber());
  const pool = mysqlPool(db);
  if (!pool) return;

  const seconds = (options.budgetMs / 1000).toFixed(3);
  const bound = (conn: MysqlConnection) =>
    conn.query(`SET SESSION max_statement_time = ${seconds}`, (err) => {
      if (err) logger.warn({ err: { message: err.message } }, 'could not set max_statement_time (not MariaDB?)');
    });
  pool.on('connection', bound);
  pool._allConnections?.toArray?.().forEach(bound);

  const acquire = pool.getConnection.bind(pool);
  pool.getConnection = (cb) => {
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      cb(Object.assign(new Error('Timed out waiting for a database connection.'), { code: 'POOL_ACQUIRE_TIMEOUT' }));
    }, options.acquireTimeoutMs);
    acquire((err, conn) => {
      clearTimeout(timer);
      if (!gaveUp) return cb(err, conn);
      conn?.release();
    });
  };
}

/** Connections of the pool by state, for /metrics (SQLite: its reader threads; the writer is not counted). */
export function poolUsage(db: DataSource): { total: number; idle: number; inUse: number; waiting: number; max: number } {
  const pool = mysqlPool(db);
  if (!pool) {
    const readers = sqliteReaders(db)?.usage() ?? { total: 1, inUse: 0, waiting: 0 };
    return { total: readers.total, idle: readers.total - readers.inUse, inUse: readers.inUse, waiting: readers.waiting, max: readers.total };
  }
  const total = pool._allConnections?.length ?? 0;
  const idle = pool._freeConnections?.length ?? 0;
  return { total, idle, inUse: total - idle, waiting: pool._connectionQueue?.length ?? 0, max: pool.config?.connectionLimit ?? 0 };
}
