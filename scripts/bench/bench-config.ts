import { DEV_ID_SECRET, encodeId, IdKind, useIdSecret } from '../../src/services/platform/opaque-ids';
/** The benchmark's database: its own MariaDB database, never the service's. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/stockgate_bench';

/** The embedded bench database (`npm run bench:seed -- --sqlite`): stockgate.sqlite in this directory. */
export const BENCH_SQLITE_DIR = process.env.BENCH_SQLITE_DIR ?? '.bench/sqlite';

/**
 * Years of ledger history (default 2: ~1,000,000 rows). BENCH_HISTORY_YEARS=4 doubles the
 * documents over twice the days: the extra rows are all older than the last year the report
 * benchmark asks for (issue 17: report cost must not grow with the ledger's age).
 */
const HISTORY_YEARS = Number(process.env.BENCH_HISTORY_YEARS ?? 2);

export const BENCH_SIZE = {
  warehouses: Number(process.env.BENCH_WAREHOUSES ?? 20),
  parents: Number(process.env.BENCH_PARENTS ?? 4000),
  variantsPerParent: 4, // 4,000 parents × (1 + 4) = 20,000 products
  documents: Number(process.env.BENCH_DOCUMENTS ?? 130_000 * HISTORY_YEARS),
  days: 365 * HISTORY_YEARS,
};

/** Logins the benchmark runs as: a clerk of 2 of the 20 warehouses, and an administrator. */
export const BENCH_USERS = { clerk: 'bench-clerk', admin: 'bench-admin', seller: 'bench-seller' };

const year = (() => { const to = new Date(); const from = new Date(to.getTime() - 364 * 86_400_000); return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }; })();

/** The heaviest query the API allows: the inventory report over the last year, per warehouse. */
export const YEAR_REPORT_QUERY = `{ inventoryReport(from: "${year.from}", to: "${year.to}") { movement { total { closing { quantity value } }
      warehouses { warehouse { code } opening { quantity value } received { quantity value } shipped { quantity value }
      otherOutgoing { quantity value } closing { quantity value } } } } }`;

/** The API id of a bench row (ids are opaque, docs/design.md "Ids"), under the ID_SECRET the bench server runs with. */
export function benchId(kind: IdKind, key: number): string {
  useIdSecret(process.env.ID_SECRET || DEV_ID_SECRET);
  return encodeId(kind, key);
}
