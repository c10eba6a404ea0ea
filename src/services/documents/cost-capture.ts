import Decimal from 'decimal.js';
import { Brackets, EntityManager } from 'typeorm';
import { DocumentItem } from '../../entities/document-item.entity';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { Product } from '../../entities/product.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { invalidState } from '../../errors';
import { chunks } from '../platform/bulk';
import { encodeId } from '../platform/opaque-ids';

/** One OR per (product, warehouse): chunked far below SQLite's expression depth of 1,000 (issue 22). */
const OR_PAIRS = 200;

/** Lines per capture statement: one WHEN per line in each CASE, far below SQLite's expression depth of 1,000 (issue 22). */
const CAPTURE_CHUNK = 200;

/** What else processing fixes on a line (absent or null: nothing): a sales order's sale price, a count's book quantity. */
export type CapturedFields = Partial<Pick<DocumentItem, 'salePrice' | 'bookQuantity'>>;

/** The columns a capture writes. */
const CAPTURED = ['purchasePrice', 'salePrice', 'bookQuantity'] as const;

/**
 * The unit cost each line was posted at — the line's price or the product's for stock from
 * outside, the source's average cost for outgoing lines and transfers — is written onto the
 * line, so the document shows what its ledger rows carry. A price a client sent on an outgoing
 * line is replaced: its cost is the server's (DESIGN §1). `captured` answers what else to fix on a
 * line — the sale price of a sales-order line (the line's, else the product's), the book quantity
 * of a count line (issue 19 §2) — written in the same statement. The lines that change are
 * written CAPTURE_CHUNK per `UPDATE … SET purchasePrice = CASE id …` statement: a 1,000-line
 * sales order sends 5, not 1,000 (issue 16 §4).
 */
export async function captureCosts(tx: EntityManager, items: DocumentItem[], rows: StockMovement[],
  captured: (item: DocumentItem) => CapturedFields = () => ({})): Promise<void> {
  const costOf = new Map<number, Decimal>();
  for (const row of rows) if (!costOf.has(row.itemId)) costOf.set(row.itemId, row.unitCost);
  const differs = (current: Decimal | null | undefined, next: Decimal | null | undefined): next is Decimal => !!next && !(current != null && current.equals(next));
  const changed: DocumentItem[] = [];
  for (const item of items) {
    const next: CapturedFields & { purchasePrice?: Decimal } = { purchasePrice: costOf.get(item.id), ...captured(item) };
    const changes = CAPTURED.filter((column) => differs(item[column], next[column]));
    if (changes.length === 0) continue;
    for (const column of changes) item[column] = next[column]!;
    changed.push(item);
  }
  // Every column of a changed line is written: one that keeps its value gets it back as read under the document's lock.
  const text = (value: Decimal | null | undefined) => (value == null ? null : value.toFixed());
  for (const part of chunks(changed, CAPTURE_CHUNK)) {
    const cases = part.map(() => 'WHEN ? THEN ?').join(' ');
    await tx.query(
      `UPDATE document_item SET ${CAPTURED.map((column) => `${column} = CASE id ${cases} END`).join(', ')} WHERE id IN (${part.map(() => '?').join(', ')})`,
      [...CAPTURED.flatMap((column) => part.flatMap((i) => [i.id, text(i[column])])), ...part.map((i) => i.id)],
    );
  }
}

/**
 * DESIGN §1: a document that brought stock in (receipt, adjustment, a transfer's destination)
 * can be cancelled only while nothing has left that (product, warehouse) since it was posted —
 * afterwards the average has spread its cost into what left, and reversing it at its own value
 * would misstate the remaining stock. "Left" is an outgoing ledger row (sales order, write-off,
 * transfer out) posted after the document's rows; reversals (cancellations) do not count, as
 * they take back exactly what their document brought. Called under the level locks, so no
 * outgoing posting can slip in between the check and the reversal.
 */
export async function assertNothingLeftSince(tx: EntityManager, doc: InventoryDocument, posted: StockMovement[]): Promise<void> {
  const incoming = posted.filter((row) => row.quantity.isPositive());
  if (incoming.length === 0) return;
  const after = Math.max(...posted.map((row) => row.id));
  const keys = [...new Map(incoming.map((row) => [`${row.productId}:${row.warehouseId}`, row])).values()];
  for (const part of chunks(keys, OR_PAIRS)) {
    const left = await tx.getRepository(StockMovement).createQueryBuilder('m')
      .select(['m.id', 'm.productId', 'm.warehouseId'])
      .where('m.id > :after AND m.reversal = 0 AND m.quantity < 0', { after })
      .andWhere(new Brackets((w) => {
        part.forEach((k, i) => w.orWhere(`(m.productId = :p${i} AND m.warehouseId = :w${i})`, { [`p${i}`]: k.productId, [`w${i}`]: k.warehouseId }));
      }))
      .orderBy('m.id', 'ASC')
      .getOne();
    if (left) {
      const product = await tx.findOneBy(Product, { id: left.productId });
      throw invalidState(
        `Document ${doc.number} cannot be cancelled: stock of ${product?.sku ?? encodeId('Product', left.productId)} has left warehouse ${encodeId('Warehouse', left.warehouseId)} since it was processed, `
        + 'so its cost is already part of the average cost of what left. Post a correcting document instead (DESIGN §1).',
        { status: doc.status, reason: 'STOCK_LEFT_SINCE', productId: encodeId('Product', left.productId), warehouseId: encodeId('Warehouse', left.warehouseId) },
      );
    }
  }
}

/** The fallback unit cost for stock going below zero: the product's purchase price, else 0 (read only when needed). */
export async function purchasePriceOf(tx: EntityManager, productId: number): Promise<Decimal> {
  return (await tx.findOneBy(Product, { id: productId }))?.purchasePrice ?? new Decimal(0);
}
