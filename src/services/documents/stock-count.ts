import Decimal from 'decimal.js';
import { Brackets, EntityManager } from 'typeorm';
import { DocumentItem } from '../../entities/document-item.entity';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { chunks } from '../platform/bulk';
import { isMysql, LevelKey, levelKey, lockLevels } from './ledger.service';
import { exactSum, fromExactSum } from './stock-at-date';
import { PlannedRow, plannedCountRowsOf } from './valuation';

/** One OR per (product, warehouse): chunked far below SQLite's expression depth of 1,000 (issue 22). */
const OR_PAIRS = 200;

/** The warehouse a count line counts: its destination side (movements.ts WAREHOUSE_SIDES). */
const countedLevel = (item: DocumentItem): LevelKey => ({ productId: item.productId, warehouseId: item.toWarehouseId! });

/**
 * Stocktaking (issue 19 §2, docs/documents.md "Stocktaking"): the ledger rows of processing an
 * INVENTORY_COUNT whose rows carry `at` (countInstant). The lines' levels are locked first — in
 * the order every poster locks them — so nothing posts into them between reading the book and
 * writing the differences. A line's book quantity is the stock of its (product, warehouse) at
 * `at`: the locked level minus what the rows dated after `at` moved (the ledger is the truth and
 * the level its sum, DESIGN §1), which is what `stockLevels(at:)` of the count's date answers.
 * Answers the rows and each line's book quantity (by line id), which the caller writes onto the
 * line with its cost (captureCosts).
 */
export async function planCount(tx: EntityManager, doc: InventoryDocument, items: DocumentItem[], at: Date, postedAt: Date):
  Promise<{ planned: PlannedRow[]; books: Map<number, Decimal> }> {
  const keys = items.map(countedLevel);
  const levels = await lockLevels(tx, keys);
  const later = await movedAfter(tx, keys, at);
  const running = new Map([...levels].map(([key, level]) => [key, level.quantity.minus(later.get(key) ?? 0)]));
  const books = new Map<number, Decimal>();
  for (const item of items) {
    const key = levelKey(countedLevel(item));
    books.set(item.id, running.get(key)!);
    // Two lines on one level are refused as input (document-validation.ts); a seed's are counted in line order, like valuation.
    running.set(key, item.quantity);
  }
  return { planned: plannedCountRowsOf(doc, items, (item) => books.get(item.id)!, at, postedAt), books };
}

/** Σ quantity of the ledger rows of these levels dated after `at`, per level (exact on both databases). */
async function movedAfter(tx: EntityManager, keys: LevelKey[], at: Date): Promise<Map<string, Decimal>> {
  const mysql = isMysql(tx);
  const moved = new Map<string, Decimal>();
  const unique = [...new Map(keys.map((k) => [levelKey(k), k])).values()];
  for (const part of chunks(unique, OR_PAIRS)) {
    const rows: Array<{ productId: number | string; warehouseId: number | string; quantity: unknown }> = await tx.getRepository(StockMovement)
      .createQueryBuilder('m')
      .select(['m.productId AS productId', 'm.warehouseId AS warehouseId', `${exactSum(mysql, 'm.quantity')} AS quantity`])
      .where('m.occurredAt > :at', { at })
      .andWhere(new Brackets((w) => {
        part.forEach((k, i) => w.orWhere(`(m.productId = :p${i} AND m.warehouseId = :w${i})`, { [`p${i}`]: k.productId, [`w${i}`]: k.warehouseId }));
      }))
      .groupBy('m.productId').addGroupBy('m.warehouseId')
      .getRawMany();
    for (const row of rows) moved.set(levelKey({ productId: Number(row.productId), warehouseId: Number(row.warehouseId) }), fromExactSum(mysql, row.quantity));
  }
  return moved;
}
