import { DataSource, QueryFailedError, QueryResult, ReplicationMode, TypeORMError } from 'typeorm';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { BroadcasterResult } from 'typeorm/subscriber/BroadcasterResult';
import { SqliteReaderPool } from './sqlite-reader-pool';

/**
 * TypeORM's query runner for reads outside a transaction on SQLite: the statement runs on a
 * reader thread (its own connection), not on the writer's connection. It logs and broadcasts like
 * the driver's own runner, so statement counting and the time budget's beforeQuery hook still apply.
 */
class SqliteReadQueryRunner extends BetterSqlite3QueryRunner {
  constructor(driver: BetterSqlite3Driver, private readonly pool: () => SqliteReaderPool) {
    super(driver);
  }

  override async startTransaction(): Promise<void> {
    throw new TypeORMError('The SQLite read query runner takes no transactions; use inTransaction().');
  }

  override async query(query: string, parameters: unknown[] = [], useStructuredResult = false): Promise<any> {
    // As BetterSqlite3QueryRunner.query: better-sqlite3 binds no booleans.
    const params = parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    const broadcasterResult = new BroadcasterResult();
    this.driver.dataSource.logger.logQuery(query, params, this);
    await this.broadcaster.broadcast('BeforeQuery', query, params);
    const started = Date.now();
    try {
      const answer = await this.pool().run(query, params);
      const result = new QueryResult();
      if (answer.rows) {
        result.raw = answer.rows;
        result.records = answer.rows;
      } else {
        result.affected = answer.changes;
      }
      this.broadcaster.broadcastAfterQueryEvent(broadcasterResult, query, params, true, Date.now() - started, result.raw, undefined);
      return useStructuredResult ? result : result.raw;
    } catch (error) {
      this.driver.dataSource.logger.logQueryError(error as Error, query, params, this);
      this.broadcaster.broadcastAfterQueryEvent(broadcasterResult, query, params, false, undefined, undefined, error);
      throw new QueryFailedError(query, params, error as Error);
    } finally {
      await broadcasterResult.wait();
    }
  }
}

/** A DataSource's reader pool: opened on first use, closed with the DataSource, reopened after it is initialized again. */
class Readers {
  private pool: SqliteReaderPool | null = null;
  constructor(private readonly options: ConstructorParameters<typeof SqliteReaderPool>[0]) {}
  get = () => (this.pool ??= new SqliteReaderPool(this.options));
  current = () => this.pool;
  async close() {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }
}

const readersOf = new WeakMap<DataSource, Readers>();

const envInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(value) && value >= 0 ? value : fallback;
};

/**
 * Read committed on the embedded database (issue 21, docs/operations.md). better-sqlite3 under
 * TypeORM is one connection, shared by every caller, so a plain read used to run inside whatever
 * write transaction was open. From here on, TypeORM's reads outside a transaction (it asks for a
 * "slave" query runner for them) go to reader threads with their own read-only connections in
 * WAL mode: they see only committed data and never run on the event loop. Writes, transactions
 * and raw `query()` calls keep the single writer connection. Idempotent; no-op on MariaDB and for
 * an in-memory database. `SQLITE_READERS` (threads for short statements, default 2; 0 = off,
 * for comparison only), `SQLITE_HEAVY_READERS` (threads for statements that used ≥ 100 ms of CPU last
 * time, default 2) and `SQLITE_HEAVY_NICE` (their nice value, default 10) size it.
 */
export function enableSqliteReaders(db: DataSource): void {
  if (db.options.type !== 'better-sqlite3' || readersOf.has(db)) return;
  const file = db.options.database;
  const count = envInt('SQLITE_READERS', 2);
  if (!file || file === ':memory:' || count === 0) return;
  const readers = new Readers({
    file, readers: count, heavyReaders: envInt('SQLITE_HEAVY_READERS', 2), heavyNice: Math.min(19, envInt('SQLITE_HEAVY_NICE', 10)), heavyMs: 100,
  });
  readersOf.set(db, readers);
  const driver = db.driver as BetterSqlite3Driver;
  const reader = new SqliteReadQueryRunner(driver, readers.get);
  const createWriter = driver.createQueryRunner.bind(driver);
  // While the DataSource is closed, reads fail as writes do (the writer runner reports it).
  const open = () => db.isInitialized && (driver.databaseConnection as { open?: boolean } | undefined)?.open === true;
  driver.createQueryRunner = (mode: ReplicationMode) => (mode === 'slave' && open() ? reader : createWriter(mode));
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    await readers.close();
    await disconnect();
  };
}

/** The reader pool of a DataSource, when it has one open (for /metrics). */
export const sqliteReaders = (db: DataSource): SqliteReaderPool | null | undefined => readersOf.get(db)?.current();
