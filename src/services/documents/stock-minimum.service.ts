import Decimal from 'decimal.js';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { badInput, InputErrors } from '../../errors';
import { lacksWarehouse, requireId } from './document-validation';
import { lockLevels, levelKey } from './ledger.service';
import { inTransaction } from '../platform/transaction';

export interface StockMinimumInput {
  productId: string;
  warehouseId: string;
  /** null clears it. */
  minimum?: Decimal | null;
  reorderQuantity?: Decimal | null;
}

const notNegative = (value: Decimal | null | undefined, field: string) => {
  if (value !== null && value !== undefined && value.isNegative()) throw badInput(field, 'must be 0 or more.');
  return value ?? null;
};

/**
 * Minimum stock and reorder quantity of one product in one warehouse (issue 19 §4), kept on its
 * level row — created at zero when the product never had stock there — under the level's lock,
 * so it never races a posting. `belowMinimum` is then computed at read time from available stock.
 */
export async function setStockMinimum(ctx: RequestContext, input: StockMinimumInput): Promise<StockLevel> {
  const errors = new InputErrors();
  const productId = errors.check(() => requireId(input.productId, 'productId'));
  const warehouseId = errors.check(() => requireId(input.warehouseId, 'warehouseId'));
  // The field rule already refused warehouses outside the viewer's scope; this keeps the service safe on its own.
  if (warehouseId !== undefined && !ctx.access.canSelectWarehouse(warehouseId)) throw lacksWarehouse(warehouseId, 'warehouseId');
  const minimumQuantity = errors.check(() => notNegative(input.minimum, 'minimum'));
  const reorderQuantity = errors.check(() => notNegative(input.reorderQuantity, 'reorderQuantity'));
  return inTransaction(ctx.db, async (tx) => {
    if (productId !== undefined && !(await tx.findOneBy(Product, { id: productId }))) errors.add('productId', 'no product with this id.');
    if (warehouseId !== undefined && !(await tx.findOneBy(Warehouse, { id: warehouseId }))) errors.add('warehouseId', 'no warehouse with this id.');
    errors.throwIfAny();
    const key = { productId, warehouseId };
    const level = (await lockLevels(tx, [key])).get(levelKey(key))!;
    await tx.update(StockLevel, { id: level.id }, { minimumQuantity, reorderQuantity });
    return Object.assign(level, { minimumQuantity, reorderQuantity });
  });
}
