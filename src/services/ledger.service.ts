import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { Product } from '../entities/product.entity';
import { StockLevel } from '../entities/stock-level.entity';
import { StockMovement } from '../entities/stock-movement.entity';
import { DomainError } from '../errors';
import { netChanges } from './movements';

export const isMysql = (tx: EntityManager) => tx.connection.options.type === 'mysql';

/**
 * Appends movements to the ledger and moves the cached levels with them, inside the
 * caller's transaction. Levels are locked in a fixed order (no lock cycles); a level
 * that would go negative fails the whole posting with INSUFFICIENT_STOCK unless
 * negative stock is allowed. Ledger rows are only ever inserted.
 */
export async function postMovements(tx: EntityManager, movements: StockMovement[], allowNegative: boolean): Promise<void> {
  for (const change of netChanges(movements)) {
    const qb = tx.getRepository(StockLevel).createQueryBuilder('l')
      .where('l.productId = :productId AND l.warehouseId = :warehouseId', change);
    if (isMysql(tx)) qb.setLock('pessimistic_write');
    let level = await qb.getOne();
    const current = level?.quantity ?? new Decimal(0);
    const next = current.plus(change.delta);
    if (next.isNegative() && change.delta.isNegative() && !allowNegative) {
      throw await insufficientStock(tx, change.productId, change.warehouseId, change.delta.negated(), current);
    }
    if (level) {
      await tx.getRepository(StockLevel).update({ id: level.id }, { quantity: next });
    } else {
      level = tx.getRepository(StockLevel).create({ productId: change.productId, warehouseId: change.warehouseId, quantity: next });
      await tx.getRepository(StockLevel).insert(level);
    }
  }
  await tx.getRepository(StockMovement).insert(movements);
}

async function insufficientStock(tx: EntityManager, productId: number, warehouseId: number, needed: Decimal, available: Decimal) {
  const product = await tx.getRepository(Product).findOneBy({ id: productId });
  return new DomainError(
    'INSUFFICIENT_STOCK',
    `Insufficient stock of ${product?.sku ?? productId} in warehouse ${warehouseId}: needed ${needed.toFixed()}, available ${available.toFixed()}.`,
    { productId: String(productId), warehouseId: String(warehouseId), needed: needed.toFixed(), available: available.toFixed() },
  );
}
