import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { StockMovement } from '../../entities/stock-movement.entity';
import { DomainError } from '../../errors';
import { AMOUNTS } from '../../limits/limits';
import { ROLLUP, toUnits, utcDayOf, utcMonthOf } from './rollup-tables';

/**
 * Buckets per statement: the closing update chains one OR and two CASE terms per bucket, so this
 * keeps its expression depth far below SQLite's 1,000 (the statement-count test asks < 250).
 */
const CHUNK = 200;

interface Bucket { key: Array<string | number>; quantity: Decimal; value: Decimal }

/** Net amounts per key, in key order: every poster touches rollup rows in the same order (no lock cycles). */
function bucket(movements: StockMovement[], keyOf: (m: StockMovement) => Array<string | number>): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const m of movements) {
    const key = keyOf(m);
    const id = JSON.stringify(key);
    const b = buckets.get(id) ?? { key, quantity: new Decimal(0), value: new Decimal(0) };
    b.quantity = b.quantity.plus(m.quantity);
    b.value = b.value.plus(m.value);
    buckets.set(id, b);
  }
  const compare = (a: Bucket, b: Bucket) => {
    for (let i = 0; i < a.key.length; i++) {
      if (a.key[i] !== b.key[i]) return a.key[i] < b.key[i] ? -1 : 1;
    }
    return 0;
  };
  return [...buckets.values()].sort(compare);
}

const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
const isMysql = (tx: EntityManager) => tx.connection.options.type === 'mysql';

/**
 * A rollup amount must stay a 64-bit integer of units (±9.2 × 10^18, amount.total): the sums of a
 * warehouse's day or month grow with the number of products and documents, which no bound on
 * one input caps (issue 14 §3). Past it MariaDB fails the statement (out of range) and SQLite turns
 * the sum into an inexact REAL; either way the posting is refused with a typed error and, its
 * transaction rolled back, writes nothing — a report never meets the overflow later.
 */
const totalOverflow = (table: string) => new DomainError('BAD_USER_INPUT',
  `Processing would take a report total (${table}) past ${AMOUNTS.total} (amount.total), the largest amount the report rollups hold exactly.`,
  { field: 'id', limit: 'amount.total', max: AMOUNTS.total });

const OUT_OF_RANGE = new Set([1264, 1690]); // MariaDB: ER_WARN_DATA_OUT_OF_RANGE, ER_DATA_OUT_OF_RANGE

/** Runs a rollup write; on SQLite it answers `typeof` of the amounts it wrote (RETURNING), each must be an integer. */
async function checkedWrite(tx: EntityManager, table: string, sql: string, params: unknown[]): Promise<void> {
  const mysql = isMysql(tx);
  let rows: Array<{ tq: string; tv: string }>;
  try {
    rows = await tx.query(mysql ? sql : `${sql} RETURNING typeof(quantity) AS tq, typeof(value) AS tv`, params);
  } catch (error) {
    const errno = (error as { driverError?: { errno?: number }; errno?: number }).driverError?.errno ?? (error as { errno?: number }).errno;
    if (mysql && errno !== undefined && OUT_OF_RANGE.has(errno)) throw totalOverflow(table);
    throw error;
  }
  if (!mysql && rows.some((r) => r.tq !== 'integer' || r.tv !== 'integer')) throw totalOverflow(table);
}

/** Adds the buckets to a sum table: INSERT … ON DUPLICATE KEY UPDATE (MariaDB) / ON CONFLICT … DO UPDATE (SQLite). */
async function addTo(tx: EntityManager, table: string, keys: string[], buckets: Bucket[]): Promise<void> {
  for (const part of chunks(buckets)) {
    const row = `(${[...keys, 'q', 'v'].map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${keys.join(', ')}, quantity, value) VALUES ${part.map(() => row).join(', ')}`;
    const tail = isMysql(tx)
      ? ' ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity), value = value + VALUES(value)'
      : ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET quantity = quantity + excluded.quantity, value = value + excluded.value`;
    await checkedWrite(tx, table, head + tail, part.flatMap((b) => [...b.key, toUnits(b.quantity), toUnits(b.value)]));
  }
}

/**
 * Moves the closing balances of (warehouse, product) from each bucket's month on: a missing
 * row of that month is first created at the last closing before it, then every closing from
 * that month on (a backdated posting's later months included) gets the amount. The caller
 * holds the level lock of every (product, warehouse) here, so nobody else writes these rows.
 */
async function moveClosings(tx: EntityManager, buckets: Bucket[]): Promise<void> {
  const text = isMysql(tx) ? 'CHAR' : 'TEXT';
  for (const part of chunks(buckets)) {
    const latest = part.map((_, i) => `SELECT ${i} AS k, month, CAST(quantity AS ${text}) AS quantity, CAST(value AS ${text}) AS value FROM (
      SELECT month, quantity, value FROM ${ROLLUP.closing} WHERE warehouseId = ? AND productId = ? AND month <= ?
      ORDER BY month DESC LIMIT 1) t${i}`).join(' UNION ALL ');
    const found: Array<{ k: number | string; month: string; quantity: string; value: string }> =
      await tx.query(latest, part.flatMap((b) => b.key));
    const byIndex = new Map(found.map((r) => [Number(r.k), r]));
    const missing = part.filter((b, i) => byIndex.get(i)?.month !== b.key[2]).map((b) => {
      const before = byIndex.get(part.indexOf(b));
      return [...b.key, before?.quantity ?? '0', before?.value ?? '0'];
    });
    if (missing.length > 0) {
      await tx.query(`INSERT INTO ${ROLLUP.closing} (warehouseId, productId, month, quantity, value) VALUES ${missing.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        missing.flat());
    }
    const term = 'CASE WHEN warehouseId = ? AND productId = ? AND month >= ? THEN ? ELSE 0 END';
    const where = part.map(() => '(warehouseId = ? AND productId = ? AND month >= ?)').join(' OR ');
    await checkedWrite(tx, ROLLUP.closing,
      `UPDATE ${ROLLUP.closing} SET quantity = quantity + ${part.map(() => term).join(' + ')}, value = value + ${part.map(() => term).join(' + ')} WHERE ${where}`,
      [...part.flatMap((b) => [...b.key, toUnits(b.quantity)]), ...part.flatMap((b) => [...b.key, toUnits(b.value)]), ...part.flatMap((b) => b.key)],
    );
  }
}

/**
 * Keeps the report rollups equal to the ledger (docs/reports.md "Rollups"): called once by the
 * ledger append, in its transaction, with the rows it inserts. Per-product rows first (guarded
 * by the level locks the caller holds), the per-warehouse rows, shared by every poster into
 * the warehouse, last and in key order: they are held for the shortest time and never in a cycle.
 */
export async function applyRollups(tx: EntityManager, movements: StockMovement[]): Promise<void> {
  if (movements.length === 0) return;
  await addTo(tx, ROLLUP.day, ['warehouseId', 'day', 'productId', 'kind'],
    bucket(movements, (m) => [m.warehouseId, utcDayOf(m.occurredAt), m.productId, m.kind]));
  await moveClosings(tx, bucket(movements, (m) => [m.warehouseId, m.productId, utcMonthOf(m.occurredAt)]));
  await addTo(tx, ROLLUP.warehouseDay, ['warehouseId', 'day', 'kind'], bucket(movements, (m) => [m.warehouseId, utcDayOf(m.occurredAt), m.kind]));
  await addTo(tx, ROLLUP.warehouseMonth, ['warehouseId', 'month', 'kind'],
    bucket(movements, (m) => [m.warehouseId, utcMonthOf(m.occurredAt), m.kind]));
}
