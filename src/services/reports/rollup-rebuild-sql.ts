import { ROLLUP } from './rollup-tables';

/** Ledger amount → integer 1/10000 units, exactly, in each dialect. */
const units = (mysql: boolean, column: string) =>
  (mysql ? `CAST(${column} * 10000 AS SIGNED)` : `CAST(ROUND(${column} * 10000) AS INTEGER)`);
/** The UTC day of a ledger row (connection in UTC on MariaDB; UTC text on SQLite). */
const day = (mysql: boolean, column: string) => (mysql ? `DATE_FORMAT(${column}, '%Y-%m-%d')` : `substr(${column}, 1, 10)`);

/**
 * The rollups recomputed from the ledger, one SELECT per table, columns in the table's order
 * (keys…, quantity, value). `rollups:rebuild` inserts them; `rollups:verify` compares with them.
 * Each statement names each table once (MariaDB's LOCK TABLES needs no aliases then).
 */
export function expectedRollups(mysql: boolean): Record<keyof typeof ROLLUP, { keys: string[]; select: string }> {
  const d = day(mysql, 'occurredAt');
  const q = units(mysql, 'quantity');
  const v = units(mysql, 'value');
  const monthly = `SELECT warehouseId, productId, SUBSTR(${d}, 1, 7) AS month, SUM(${q}) AS q, SUM(${v}) AS v
    FROM stock_movement GROUP BY warehouseId, productId, SUBSTR(${d}, 1, 7)`;
  const running = 'OVER (PARTITION BY warehouseId, productId ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
  return {
    day: {
      keys: ['warehouseId', 'day', 'productId', 'kind'],
      select: `SELECT warehouseId, ${d} AS day, productId, kind, SUM(${q}) AS quantity, SUM(${v}) AS value
        FROM stock_movement GROUP BY warehouseId, ${d}, productId, kind`,
    },
    warehouseDay: {
      keys: ['warehouseId', 'day', 'kind'],
      select: `SELECT warehouseId, ${d} AS day, kind, SUM(${q}) AS quantity, SUM(${v}) AS value
        FROM stock_movement GROUP BY warehouseId, ${d}, kind`,
    },
    warehouseMonth: {
      keys: ['warehouseId', 'month', 'kind'],
      select: `SELECT warehouseId, SUBSTR(${d}, 1, 7) AS month, kind, SUM(${q}) AS quantity, SUM(${v}) AS value
        FROM stock_movement GROUP BY warehouseId, SUBSTR(${d}, 1, 7), kind`,
    },
    closing: {
      keys: ['warehouseId', 'productId', 'month'],
      select: `SELECT warehouseId, productId, month, SUM(q) ${running} AS quantity, SUM(v) ${running} AS value FROM (${monthly}) t`,
    },
  };
}

/** Empties every rollup table and refills it from the ledger. */
export function rebuildStatements(mysql: boolean): string[] {
  const expected = expectedRollups(mysql);
  return (Object.keys(ROLLUP) as Array<keyof typeof ROLLUP>).flatMap((name) => [
    `DELETE FROM ${ROLLUP[name]}`,
    `INSERT INTO ${ROLLUP[name]} (${[...expected[name].keys, 'quantity', 'value'].join(', ')}) ${expected[name].select}`,
  ]);
}
