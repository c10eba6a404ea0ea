import Decimal from 'decimal.js';

/**
 * The report rollups (docs/reports.md "Rollups"): caches of the ledger, written in the posting
 * transaction, rebuildable from it. Amounts are BIGINT counts of 1/10000 units (the ledger's
 * 4 decimal places), so both databases add them exactly (SQLite has no exact DECIMAL).
 */
export const ROLLUP = {
  /** Per (warehouse, UTC day, product, kind): net quantity and value of that day's rows. */
  day: 'stock_movement_day',
  /** Per (warehouse, UTC day, kind): the same summed over products (reports without a product filter). */
  warehouseDay: 'stock_movement_warehouse_day',
  /** Per (warehouse, UTC month, kind): the same per month (openings and whole months without a product filter). */
  warehouseMonth: 'stock_movement_warehouse_month',
  /** Per (warehouse, product, UTC month with movements): the closing balance at the end of that month. */
  closing: 'stock_movement_closing',
} as const;

export const UNITS = 10_000;

/** A ledger amount as integer units, as SQL text ("12.5" → "125000"). */
export const toUnits = (amount: Decimal) => amount.times(UNITS).toFixed(0);
export const fromUnits = (raw: unknown) => (raw === null || raw === undefined ? new Decimal(0) : new Decimal(String(raw)).div(UNITS));

/** UTC calendar day 'YYYY-MM-DD' and month 'YYYY-MM' of an instant: the report buckets (DESIGN §4). */
export const utcDayOf = (at: Date) => at.toISOString().slice(0, 10);
export const utcMonthOf = (at: Date) => at.toISOString().slice(0, 7);
