import fs from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { BENCH_DATABASE_URL, BENCH_SQLITE_DIR } from './bench-config';

export type BenchEngine = 'mariadb' | 'sqlite';

/**
 * The posting benchmark's own reads of the bench database (picking products, checking the result),
 * on MariaDB (BENCH_DATABASE_URL) or the embedded file of `npm run bench:seed -- --sqlite`. A list
 * parameter expands to one placeholder per item on both. Never used while the benchmark is timed.
 */
export interface BenchDb {
  readonly engine: BenchEngine;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** MariaDB's server-wide status counters (SHOW GLOBAL STATUS); empty on SQLite. */
  status(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const expand = (sql: string, params: unknown[]): [string, unknown[]] => {
  let i = 0;
  const flat: unknown[] = [];
  const text = sql.replace(/\?/g, () => {
    const p = params[i++];
    if (Array.isArray(p)) { flat.push(...p); return p.map(() => '?').join(', '); }
    flat.push(p);
    return '?';
  });
  return [text, flat];
};

export const STATUS_COUNTERS = ['Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_data_fsyncs', 'Innodb_log_writes', 'Com_commit', 'Questions'];

export async function openBenchDb(engine: BenchEngine): Promise<BenchDb> {
  if (engine === 'mariadb') {
    const conn = await createConnection({ uri: BENCH_DATABASE_URL, timezone: 'Z' });
    return {
      engine,
      async query<T>(sql: string, params: unknown[] = []) { const [rows] = await conn.query(...expand(sql, params)); return rows as T[]; },
      async status() {
        const [rows] = await conn.query('SHOW GLOBAL STATUS WHERE Variable_name IN (?)', [STATUS_COUNTERS]) as unknown as [Array<{ Variable_name: string; Value: string }>];
        return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]));
      },
      async close() { await conn.end(); },
    };
  }
  const file = path.join(path.resolve(BENCH_SQLITE_DIR), 'stockgate.sqlite');
  if (!fs.existsSync(file)) throw new Error(`no SQLite bench database at ${file}: npm run bench:seed -- --sqlite`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Sqlite = require('better-sqlite3') as new (file: string, options: object) => { prepare(sql: string): { all(...p: unknown[]): unknown[] }; close(): void };
  const db = new Sqlite(file, { readonly: true });
  return {
    engine,
    async query<T>(sql: string, params: unknown[] = []) { const [text, flat] = expand(sql, params); return db.prepare(text).all(...flat) as T[]; },
    async status() { return {}; },
    async close() { db.close(); },
  };
}

/** /proc CPU time (user + system, ms) of the first process whose name is one of `names`, or null (not on this machine). */
export function processCpuMs(names: string[]): (() => number) | null {
  const pid = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).find((d) => {
    try { return names.includes(fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim()); } catch { return false; }
  });
  if (!pid) return null;
  return () => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in ticks of 10 ms (CLK_TCK 100)
    } catch { return NaN; }
  };
}

/** The whole machine's CPU (all cores, /proc/stat): busy and total ms, to say how much of it the run had. */
export function machineCpuMs(): { busy: number; total: number } {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = ticks[3] + ticks[4];
    const total = ticks.reduce((a, b) => a + b, 0);
    return { busy: (total - idle) * 10, total: total * 10 };
  } catch { return { busy: NaN, total: NaN }; }
}
