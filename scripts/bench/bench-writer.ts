import fs from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { BENCH_DATABASE_URL, BENCH_SQLITE_DIR } from './bench-config';

/** Where `npm run bench:seed` writes: MariaDB (default) or, with `--sqlite`, the embedded file (issue 21). */
export interface BenchWriter {
  readonly engine: 'mariadb' | 'sqlite';
  readonly name: string;
  /** Empties the target (drops and recreates the database, or deletes the file). */
  reset(): Promise<void>;
  /** TypeORM options for the migrations and the seed's roles and users. */
  options(): DataSourceOptions;
  /** Opens the raw connection the bulk rows go through (after the migrations ran). */
  open(): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  bulkInsert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

export function benchWriter(engine: 'mariadb' | 'sqlite'): BenchWriter {
  return engine === 'sqlite' ? sqliteWriter() : mariadbWriter();
}

function mariadbWriter(): BenchWriter {
  const url = new URL(BENCH_DATABASE_URL);
  const name = url.pathname.slice(1);
  let conn: Awaited<ReturnType<typeof createConnection>> | null = null;
  return {
    engine: 'mariadb',
    name,
    async reset() {
      const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username, password: url.password });
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
    },
    options: () => dataSourceOptions({ databaseUrl: BENCH_DATABASE_URL, dataDir: '.bench' }),
    async open() {
      conn = await createConnection({ uri: BENCH_DATABASE_URL, timezone: 'Z' });
      await conn.query('SET unique_checks = 0, foreign_key_checks = 0');
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const [rows] = await conn!.query(sql, params);
      return rows as T[];
    },
    async bulkInsert(table, columns, rows) {
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        if (chunk.length) await conn!.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [chunk]);
      }
    },
    async close() { await conn?.end(); },
  };
}

/** The part of better-sqlite3 the writer uses (the package ships no types; TypeORM loads it the same way). */
interface SqliteDb {
  pragma(sql: string): unknown;
  prepare(sql: string): { reader: boolean; all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  transaction(fn: () => void): () => void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const openSqlite = (file: string): SqliteDb => new (require('better-sqlite3') as new (file: string) => SqliteDb)(file);

/** TypeORM stores SQLite datetimes as UTC 'YYYY-MM-DD HH:MM:SS.SSS' text; the bulk rows do the same. */
const sqliteValue = (value: unknown) => (value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value);

function sqliteWriter(): BenchWriter {
  const dataDir = path.resolve(BENCH_SQLITE_DIR);
  const file = path.join(dataDir, 'stockgate.sqlite');
  let db: SqliteDb | null = null;
  return {
    engine: 'sqlite',
    name: file,
    async reset() {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
    options: () => dataSourceOptions({ dataDir }),
    async open() {
      db = openSqlite(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = OFF');
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const stmt = db!.prepare(sql);
      return (stmt.reader ? stmt.all(...params.map(sqliteValue)) : (stmt.run(...params.map(sqliteValue)), [])) as T[];
    },
    async bulkInsert(table, columns, rows) {
      const insert = db!.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      db!.transaction(() => { for (const row of rows) insert.run(...row.map(sqliteValue)); })();
    },
    async close() {
      db?.pragma('wal_checkpoint(TRUNCATE)');
      db?.close();
    },
  };
}
