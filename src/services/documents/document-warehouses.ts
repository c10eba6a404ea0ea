import { EntityManager } from 'typeorm';
import { DocumentWarehouse, NO_WAREHOUSE } from '../../entities/document-warehouse.entity';
import { insertInChunks } from '../platform/bulk';

type Sides = { fromWarehouseId: number | null; toWarehouseId: number | null };

/** The distinct warehouses the lines touch, or NO_WAREHOUSE for a document without lines. */
export function warehousesOfLines(lines: Sides[]): number[] {
  const ids = new Set<number>();
  for (const line of lines) {
    if (line.fromWarehouseId !== null) ids.add(line.fromWarehouseId);
    if (line.toWarehouseId !== null) ids.add(line.toWarehouseId);
  }
  return ids.size === 0 ? [NO_WAREHOUSE] : [...ids].sort((a, b) => a - b);
}

/**
 * Keeps document_warehouse equal to what the document's lines touch (DESIGN §3.4 visibility,
 * issue 21 §3), inside the transaction that writes the lines. `before` is what the lines touched
 * until now (omit for a new document): an edit that moves no warehouse writes nothing.
 */
export async function writeDocumentWarehouses(tx: EntityManager, documentId: number, after: Sides[], before?: Sides[]): Promise<void> {
  const next = warehousesOfLines(after);
  if (before) {
    const previous = warehousesOfLines(before);
    if (previous.length === next.length && previous.every((id, i) => id === next[i])) return;
    await tx.delete(DocumentWarehouse, { documentId });
  }
  await insertInChunks(tx, DocumentWarehouse, next.map((warehouseId) => ({ warehouseId, documentId })));
}

/** Removes a deleted document's rows. */
export async function deleteDocumentWarehouses(tx: EntityManager, documentId: number): Promise<void> {
  await tx.delete(DocumentWarehouse, { documentId });
}

/**
 * Rebuilds the whole table from the lines: the migration that introduced it, and anything that
 * wrote lines behind the services' back (a repair, or a test that edits rows directly).
 */
export async function rebuildDocumentWarehouses(run: { query(sql: string): Promise<unknown> }): Promise<void> {
  await run.query('DELETE FROM document_warehouse');
  await run.query(
    'INSERT INTO document_warehouse (warehouseId, documentId)' +
      ' SELECT fromWarehouseId, documentId FROM document_item WHERE fromWarehouseId IS NOT NULL' +
      ' UNION SELECT toWarehouseId, documentId FROM document_item WHERE toWarehouseId IS NOT NULL' +
      ` UNION SELECT ${NO_WAREHOUSE}, d.id FROM inventory_document d WHERE NOT EXISTS (SELECT 1 FROM document_item i WHERE i.documentId = d.id)`,
  );
}
