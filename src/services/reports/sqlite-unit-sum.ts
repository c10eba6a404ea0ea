/**
 * `unit_sum(x)` for SQLite: an exact sum of rollup amounts (integer 1/10000 units) as TEXT, NULL
 * over no row — what SUM is on MariaDB (a DECIMAL). SQLite's own SUM of integers fails with
 * "integer overflow" past 2^63 (9.2 × 10^18 units, 9.2 × 10^14 in money), which a report summing
 * many warehouses or products reaches long before any one rollup row does (issue 14 §3). The sum
 * is a BigInt; an argument is an integer, the TEXT of an inner unit_sum, or (never written by the
 * rollups, which stay integers) a REAL. Self-contained: the reader workers run its source too
 * (sqlite-reader-worker.ts).
 */
export function unitSumAggregate() {
  return {
    start: null,
    safeIntegers: true,
    deterministic: true,
    step: (total: bigint | null, value: bigint | string | number | null) => {
      if (value === null || value === undefined) return total;
      const units = typeof value === 'bigint' ? value : BigInt(typeof value === 'string' ? value : Math.round(value));
      return (total === null ? BigInt(0) : total) + units;
    },
    result: (total: bigint | null) => (total === null ? null : total.toString()),
  };
}

/** Registers unit_sum on a better-sqlite3 connection (ormconfig's prepareDatabase). */
export const registerUnitSum = (db: { aggregate(name: string, options: object): unknown }) => db.aggregate('unit_sum', unitSumAggregate());
