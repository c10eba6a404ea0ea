import { EntityManager } from 'typeorm';
import { NO_WAREHOUSE } from '../../entities/document-warehouse.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { DocumentType } from '../../shield/permission-catalog';

/** The type part of a number (RC-MAIN-000001). */
export const NUMBER_PREFIX: Record<DocumentType, string> = {
  STOCK_RECEIPT: 'RC', STOCK_ADJUSTMENT: 'AD', STOCK_TRANSFER: 'TR', WRITE_OFF: 'WO', SALES_ORDER: 'SO', INVENTORY_COUNT: 'IC',
};

type Sides = { fromWarehouseId: number | null; toWarehouseId: number | null };

/** The warehouse a line belongs to for numbering: its source when it has one (transfers, outgoing lines), else its destination. */
const homeOf = (line: Sides): number => line.fromWarehouseId ?? line.toWarehouseId ?? NO_WAREHOUSE;

/**
 * The sequence a document with these lines is numbered in (DESIGN §3.8 (b)): the one it was
 * numbered in (`current`) while that is still the home of one of its lines, else its first line's
 * home, else — no lines — NO_WAREHOUSE. So the number's warehouse is always one the document
 * touches on the side that names it, and a document entirely in a viewer's warehouses carries a
 * number of one of them.
 */
export function numberingWarehouse(lines: Sides[], current?: number): number {
  if (current !== undefined && lines.some((line) => homeOf(line) === current)) return current;
  return lines.length > 0 ? homeOf(lines[0]) : NO_WAREHOUSE;
}

export interface DocumentNumber {
  number: string;
  numberWarehouseId: number;
}

/**
 * Takes the next number of (type, warehouse): "RC-MAIN-000042" (the warehouse's numberPrefix),
 * "RC-000042" for NO_WAREHOUSE. One upsert increments the counter row — creating it at 2 when the
 * sequence is new — and holds its lock to the end of the caller's transaction (MariaDB; SQLite's
 * write transactions are serialized), so concurrent creations in one sequence get distinct
 * consecutive numbers, and creations in different sequences do not wait for each other. The
 * increment commits or rolls back with the document: no gaps except where a draft was deleted or
 * renumbered (docs/documents.md "Numbers"). Every creation in a sequence waits for that row, so
 * callers take the number as the last thing before their COMMIT (issue 16 §4), and the upsert
 * answers the number itself: one statement under the lock when the caller passes the warehouse
 * it has read (for its prefix); otherwise one more reads the prefix.
 */
export async function takeDocumentNumber(tx: EntityManager, type: DocumentType, warehouseId: number,
  warehouse?: Pick<Warehouse, 'numberPrefix' | 'code'>): Promise<DocumentNumber> {
  const n = await increment(tx, type, warehouseId);
  const taken = String(n - 1).padStart(6, '0');
  if (warehouseId === NO_WAREHOUSE) return { number: `${NUMBER_PREFIX[type]}-${taken}`, numberWarehouseId: warehouseId };
  // The warehouse entity gives a missing numberPrefix the same way (warehouse.entity.ts).
  const prefix = warehouse ? warehouse.numberPrefix ?? warehouse.code.toUpperCase() : await prefixOf(tx, warehouseId);
  if (!prefix) throw new Error(`numbering: no warehouse ${warehouseId}`);
  return { number: `${NUMBER_PREFIX[type]}-${prefix}-${taken}`, numberWarehouseId: warehouseId };
}

/** The counter's value after the increment, from the upsert itself: RETURNING (SQLite), the statement's insert id (MariaDB/MySQL). */
async function increment(tx: EntityManager, type: DocumentType, warehouseId: number): Promise<number> {
  const q = (name: string) => tx.connection.driver.escape(name);
  const [counter, next, key] = [q('document_counter'), q('next'), `${q('type')}, ${q('warehouseId')}`];
  if (tx.connection.options.type === 'mysql') {
    // LAST_INSERT_ID(expr) makes expr the insert id the server answers with (MariaDB and MySQL alike).
    const written = await tx.query(`INSERT INTO ${counter} (${key}, ${next}) VALUES (?, ?, LAST_INSERT_ID(2)) `
      + `ON DUPLICATE KEY UPDATE ${next} = LAST_INSERT_ID(${next} + 1)`, [type, warehouseId]) as { insertId: number | string };
    return Number(written.insertId);
  }
  const [row] = await tx.query(`INSERT INTO ${counter} (${key}, ${next}) VALUES (?, ?, 2) `
    + `ON CONFLICT (${key}) DO UPDATE SET ${next} = ${next} + 1 RETURNING ${next} AS n`, [type, warehouseId]) as Array<{ n: number }>;
  return Number(row.n);
}

async function prefixOf(tx: EntityManager, warehouseId: number): Promise<string | null> {
  const q = (name: string) => tx.connection.driver.escape(name);
  const [row] = await tx.query(`SELECT COALESCE(${q('numberPrefix')}, UPPER(${q('code')})) AS prefix FROM ${q('warehouse')} WHERE ${q('id')} = ?`,
    [warehouseId]) as Array<{ prefix: string | null }>;
  return row?.prefix ?? null;
}
