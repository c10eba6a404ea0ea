import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../ormconfig';

/** The part of better-sqlite3 the copy uses (the package ships no types; TypeORM loads it the same way). */
interface SqliteDb {
  prepare(sql: string): { all(...params: unknown[]): Array<Record<string, unknown>>; iterate(...params: unknown[]): IterableIterator<unknown[]>; raw(on: boolean): SqliteStatement };
  close(): void;
}
interface SqliteStatement { iterate(...params: unknown[]): IterableIterator<unknown[]> }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const openSqlite = (file: string): SqliteDb => new (require('better-sqlite3') as new (file: string, options: object) => SqliteDb)(file, { readonly: true, fileMustExist: true });

export class CopyRefused extends Error {}

export interface CopyReport {
  tables: Array<{ table: string; rows: number }>;
}

const CHUNK = 2000;

/**
 * `npm run migrate-to-mariadb` (issue 21 §4, docs/operations.md): copies an embedded database —
 * every table, ids, the ledger and the audit log included — into an EMPTY MariaDB/MySQL database.
 * Both schemas come from the same migrations: the source is brought up to date first (as every
 * start does), the target is created by them, its migration-seeded rows are replaced by the
 * source's, and every table's row count is compared at the end. The source is only read.
 */
export async function copySqliteToMariadb(sourceFile: string, targetUrl: string, progress: (line: string) => void = () => undefined): Promise<CopyReport> {
  const source = new DataSource(dataSourceOptions({ dataDir: path.dirname(sourceFile), sqliteFile: path.basename(sourceFile) }));
  await source.initialize();
  await source.runMigrations({ transaction: 'each' });
  await source.destroy();

  const url = targetUrl.replace(/^mariadb:/, 'mysql:');
  const target = await createConnection({ uri: url, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true });
  const sqlite = openSqlite(sourceFile);
  try {
    const [[{ n }]] = await target.query('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()') as unknown as [[{ n: number }]];
    if (Number(n) > 0) throw new CopyRefused(`Refusing to copy: the target database already has ${n} tables; give an empty database.`);
    const schema = new DataSource(dataSourceOptions({ databaseUrl: url, dataDir: path.dirname(sourceFile) }));
    await schema.initialize();
    await schema.runMigrations({ transaction: 'each' });
    await schema.destroy();

    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY name")
      .all().map((r) => String(r.name));
    const report: CopyReport = { tables: [] };
    await target.query('SET foreign_key_checks = 0, unique_checks = 0');
    await target.beginTransaction();
    for (const table of tables) {
      const [targetColumns] = await target.query('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?', [table]) as unknown as [Array<{ name: string }>];
      const wanted = new Set(targetColumns.map((c) => c.name));
      const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all().map((c) => String(c.name)).filter((c) => wanted.has(c));
      // Rows the target's migrations seeded (settings, numbering sequences) give way to the source's.
      await target.query(`DELETE FROM \`${table}\``);
      const insert = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
      let rows = 0;
      let chunk: unknown[][] = [];
      for (const row of sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw(true).iterate()) {
        chunk.push(row);
        if (chunk.length === CHUNK) {
          await target.query(insert, [chunk]);
          rows += chunk.length;
          chunk = [];
        }
      }
      if (chunk.length) await target.query(insert, [chunk]);
      rows += chunk.length;
      report.tables.push({ table, rows });
      progress(`${table}: ${rows} rows`);
    }
    await target.commit();
    await target.query('SET foreign_key_checks = 1, unique_checks = 1');
    for (const { table, rows } of report.tables) {
      const [[{ copied }]] = await target.query(`SELECT COUNT(*) AS copied FROM \`${table}\``) as unknown as [[{ copied: number }]];
      if (Number(copied) !== rows) throw new Error(`${table}: ${rows} rows read, ${copied} in the target`);
    }
    return report;
  } finally {
    sqlite.close();
    await target.end();
  }
}
