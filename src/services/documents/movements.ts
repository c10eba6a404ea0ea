import Decimal from 'decimal.js';
import { DocumentItem } from '../../entities/document-item.entity';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { MovementKind, StockMovement } from '../../entities/stock-movement.entity';
import { DocumentType } from '../../shield/permission-catalog';

/** Which warehouse sides a document type moves (DESIGN §1 table). */
export const WAREHOUSE_SIDES: Record<DocumentType, { from: boolean; to: boolean }> = {
  STOCK_RECEIPT: { from: false, to: true },
  STOCK_ADJUSTMENT: { from: false, to: true },
  STOCK_TRANSFER: { from: true, to: true },
  WRITE_OFF: { from: true, to: false },
  SALES_ORDER: { from: true, to: false },
  // A count names the warehouse counted as its destination; its rows go either way (countMovementsOf).
  INVENTORY_COUNT: { from: false, to: true },
};

const OUTGOING_KIND: Record<DocumentType, MovementKind> = {
  STOCK_RECEIPT: MovementKind.OTHER_OUT,
  STOCK_ADJUSTMENT: MovementKind.OTHER_OUT,
  STOCK_TRANSFER: MovementKind.TRANSFER_OUT,
  WRITE_OFF: MovementKind.OTHER_OUT,
  SALES_ORDER: MovementKind.SHIPPED,
  INVENTORY_COUNT: MovementKind.OTHER_OUT,
};

/**
 * The ledger rows of processing a document: one signed row per (item, warehouse).
 * `unitCost` is the purchase price captured now (line price, else the product's).
 * A reversal (cancellation) is the same rows negated, keeping their kind, so report
 * identities hold in every period.
 */
export function movementsOf(
  doc: InventoryDocument,
  items: DocumentItem[],
  unitCostOf: (item: DocumentItem) => Decimal,
  at: Date,
  reversal = false,
  postedAt: Date = at,
): StockMovement[] {
  if (doc.type === DocumentType.INVENTORY_COUNT) throw new Error('movementsOf: a count moves its differences against the book (countMovementsOf)');
  const sides = WAREHOUSE_SIDES[doc.type];
  const rows: StockMovement[] = [];
  const push = (item: DocumentItem, warehouseId: number, sign: 1 | -1, kind: MovementKind, unitCost: Decimal) => {
    const signed = reversal ? -sign : sign;
    const quantity = item.quantity.times(signed);
    rows.push(Object.assign(new StockMovement(), {
      documentId: doc.id, itemId: item.id, documentType: doc.type, productId: item.productId, warehouseId, kind,
      quantity, unitCost, value: quantity.times(unitCost).toDecimalPlaces(4), reversal, occurredAt: at, postedAt,
    }));
  };
  for (const item of items) {
    const unitCost = unitCostOf(item);
    if (sides.from) push(item, item.fromWarehouseId!, -1, OUTGOING_KIND[doc.type], unitCost);
    if (sides.to) push(item, item.toWarehouseId!, 1, doc.type === DocumentType.STOCK_TRANSFER ? MovementKind.TRANSFER_IN : MovementKind.RECEIVED, unitCost);
  }
  return rows;
}

/**
 * The ledger rows of processing an inventory count (issue 19 §2): per line, the counted quantity
 * (`item.quantity`) minus the book quantity `bookOf(item)` in the line's warehouse — a surplus is
 * RECEIVED (stock found, as by an adjustment), a shortage OTHER_OUT (stock lost, as by a
 * write-off), so every report identity holds unchanged; a line that counts what the book says
 * writes no row. Unit cost and value are the valuation's (valuation.ts, plannedCountRowsOf).
 */
export function countMovementsOf(doc: InventoryDocument, items: DocumentItem[], bookOf: (item: DocumentItem) => Decimal, at: Date,
  postedAt: Date = at): StockMovement[] {
  return items.flatMap((item) => {
    const quantity = item.quantity.minus(bookOf(item));
    if (quantity.isZero()) return [];
    return [Object.assign(new StockMovement(), {
      documentId: doc.id, itemId: item.id, documentType: doc.type, productId: item.productId, warehouseId: item.toWarehouseId!,
      kind: quantity.isPositive() ? MovementKind.RECEIVED : OUTGOING_KIND[doc.type], quantity, unitCost: new Decimal(0), value: new Decimal(0),
      reversal: false, occurredAt: at, postedAt,
    })];
  });
}

/** Net quantity and value change per (product, warehouse), in a fixed key order so concurrent posters lock rows alike. */
export function netChanges(movements: StockMovement[]): Array<{ productId: number; warehouseId: number; delta: Decimal; value: Decimal }> {
  const byKey = new Map<string, { productId: number; warehouseId: number; delta: Decimal; value: Decimal }>();
  for (const m of movements) {
    const key = `${m.productId}:${m.warehouseId}`;
    const entry = byKey.get(key) ?? { productId: m.productId, warehouseId: m.warehouseId, delta: new Decimal(0), value: new Decimal(0) };
    entry.delta = entry.delta.plus(m.quantity);
    entry.value = entry.value.plus(m.value);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.productId - b.productId || a.warehouseId - b.warehouseId);
}

/**
 * The reversing rows of a cancellation, built from the ledger rows the processing wrote
 * (not recomputed from the items), so quantity, unit cost and value cancel exactly. Each is
 * dated like the row it reverses — the document's date (issue 19 §1): a cancelled document
 * nets to zero on its day in every report — and `postedAt` is the cancellation instant `at`.
 */
export function reversalOf(posted: StockMovement[], at: Date): StockMovement[] {
  return posted.map((m) => Object.assign(new StockMovement(), {
    documentId: m.documentId, itemId: m.itemId, documentType: m.documentType, productId: m.productId,
    warehouseId: m.warehouseId, kind: m.kind, quantity: m.quantity.negated(), unitCost: m.unitCost,
    value: m.value.negated(), reversal: true, occurredAt: m.occurredAt, postedAt: at,
  }));
}
