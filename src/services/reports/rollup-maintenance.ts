import { DataSource } from 'typeorm';
import { inTransaction } from '../platform/transaction';
import { expectedRollups, rebuildStatements } from './rollup-rebuild-sql';
import { fromUnits, ROLLUP } from './rollup-tables';

/** One rollup row that differs from the ledger's recomputation: stored − expected; `rows` is ±1 when one side lacks the row. */
export interface RollupDifference {
  table: string;
  key: Record<string, string>;
  rows: number;
  quantity: string;
  value: string;
}

const mysqlOf = (db: DataSource) => db.options.type === 'mysql';

/** Stored minus expected, per key; a row on one side only counts in `rows`. */
function differenceQuery(mysql: boolean, name: keyof typeof ROLLUP, limit: number): string {
  const { keys, select } = expectedRollups(mysql)[name];
  const list = keys.join(', ');
  return `SELECT ${list}, SUM(n) AS n, CAST(SUM(quantity) AS ${mysql ? 'CHAR' : 'TEXT'}) AS quantity, CAST(SUM(value) AS ${mysql ? 'CHAR' : 'TEXT'}) AS value FROM (
      SELECT ${list}, 1 AS n, quantity, value FROM ${ROLLUP[name]}
      UNION ALL SELECT ${list}, -1 AS n, -quantity, -value FROM (${select}) e
    ) x GROUP BY ${list} HAVING SUM(n) <> 0 OR SUM(quantity) <> 0 OR SUM(value) <> 0 ORDER BY ${list} LIMIT ${limit}`;
}

/**
 * `npm run rollups:verify`: every rollup row against a recomputation from the ledger, from one
 * consistent snapshot (MariaDB: a REPEATABLE READ transaction, so concurrent postings neither
 * block nor skew it — they write ledger and rollups in one transaction). Empty = equal.
 */
export async function verifyRollups(db: DataSource, limit = 100): Promise<RollupDifference[]> {
  const mysql = mysqlOf(db);
  const run = async (query: (sql: string) => Promise<Array<Record<string, unknown>>>) => {
    const differences: RollupDifference[] = [];
    for (const name of Object.keys(ROLLUP) as Array<keyof typeof ROLLUP>) {
      const { keys } = expectedRollups(mysql)[name];
      for (const row of await query(differenceQuery(mysql, name, limit))) {
        differences.push({
          table: ROLLUP[name],
          key: Object.fromEntries(keys.map((k) => [k, String(row[k])])),
          rows: Number(row.n),
          quantity: fromUnits(row.quantity).toFixed(),
          value: fromUnits(row.value).toFixed(),
        });
      }
    }
    return differences;
  };
  if (!mysql) return inTransaction(db, (tx) => run((sql) => tx.query(sql)));
  return db.transaction('REPEATABLE READ', (tx) => run((sql) => tx.query(sql)));
}

/**
 * `npm run rollups:rebuild`: empties the rollups and recomputes them from the ledger;
 * idempotent. MariaDB: under LOCK TABLES (ledger READ, rollups WRITE) in one transaction —
 * postings and reports wait until it commits (a posting caught between its ledger insert and
 * its rollups meets a metadata-lock deadlock, is rolled back and retried by inTransaction), so
 * no posting is lost or counted twice. SQLite: one write transaction, which excludes writers.
 */
export async function rebuildRollups(db: DataSource): Promise<void> {
  const mysql = mysqlOf(db);
  if (!mysql) {
    await inTransaction(db, async (tx) => { for (const sql of rebuildStatements(false)) await tx.query(sql); });
    return;
  }
  const runner = db.createQueryRunner();
  try {
    await runner.query('SET autocommit = 0');
    await runner.query(`LOCK TABLES stock_movement READ, ${Object.values(ROLLUP).map((t) => `${t} WRITE`).join(', ')}`);
    try {
      for (const sql of rebuildStatements(true)) await runner.query(sql);
      await runner.query('COMMIT');
    } catch (error) {
      await runner.query('ROLLBACK');
      throw error;
    } finally {
      await runner.query('UNLOCK TABLES');
    }
  } finally {
    await runner.query('SET autocommit = 1').catch(() => undefined);
    await runner.release();
  }
}
