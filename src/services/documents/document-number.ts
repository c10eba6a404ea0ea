import { EntityManager } from 'typeorm';
import { NO_WAREHOUSE } from '../../entities/document-warehouse.entity';
import { DocumentType } from '../../shield/permission-catalog';

const PREFIX: Record<DocumentType, string> = {
  STOCK_RECEIPT: 'RC', STOCK_ADJUSTMENT: 'AD', STOCK_TRANSFER: 'TR', WRITE_OFF: 'WO', SALES_ORDER: 'SO',
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
 * renumbered (docs/documents.md "Numbers").
 */
export async function takeDocumentNumber(tx: EntityManager, type: DocumentType, warehouseId: number): Promise<DocumentNumber> {
  const q = (name: string) => tx.connection.driver.escape(name);
  const [counter, next] = [q('document_counter'), q('next')];
  const upsert = tx.connection.options.type === 'mysql'
    ? `ON DUPLICATE KEY UPDATE ${next} = ${next} + 1`
    : `ON CONFLICT (${q('type')}, ${q('warehouseId')}) DO UPDATE SET ${next} = ${next} + 1`;
  await tx.query(`INSERT INTO ${counter} (${q('type')}, ${q('warehouseId')}, ${next}) VALUES (?, ?, 2) ${upsert}`, [type, warehouseId]);
  const [row] = await tx.query(
    `SELECT c.${next} AS n, COALESCE(w.${q('numberPrefix')}, UPPER(w.${q('code')})) AS prefix FROM ${counter} c `
    + `LEFT JOIN ${q('warehouse')} w ON w.${q('id')} = c.${q('warehouseId')} WHERE c.${q('type')} = ? AND c.${q('warehouseId')} = ?`,
    [type, warehouseId],
  ) as Array<{ n: number | string; prefix: string | null }>;
  const taken = String(Number(row.n) - 1).padStart(6, '0');
  if (warehouseId !== NO_WAREHOUSE && !row.prefix) throw new Error(`numbering: no warehouse ${warehouseId}`);
  const middle = warehouseId === NO_WAREHOUSE ? '' : `${row.prefix}-`;
  return { number: `${PREFIX[type]}-${middle}${taken}`, numberWarehouseId: warehouseId };
}
