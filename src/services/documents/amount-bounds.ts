import Decimal from 'decimal.js';
import { StockMovement } from '../../entities/stock-movement.entity';
import { DomainError } from '../../errors';
import { AMOUNTS } from '../../limits/limits';
import { encodeId } from '../platform/opaque-ids';

interface LevelAmounts {
  quantity: Decimal;
  /** The level's value, where levels carry one (moving-average cost, DESIGN §1). */
  value?: Decimal | null;
}

const over = (amount: Decimal) => amount.abs().gt(AMOUNTS.value);

const refused = (what: string, amount: Decimal, m: Pick<StockMovement, 'productId' | 'warehouseId'>) =>
  new DomainError('BAD_USER_INPUT',
    `Processing would make ${what} ${amount.toFixed()}, over ${AMOUNTS.value} (amount.value): both databases store amounts exactly only up to it.`,
    { field: 'id', limit: 'amount.value', max: AMOUNTS.value, productId: encodeId('Product', m.productId), warehouseId: encodeId('Warehouse', m.warehouseId) });

/**
 * Refuses a posting that would store an amount beyond what both databases keep exactly
 * (amount.value, issue 14 §3): a ledger row's value, or a level's quantity or value after the
 * posting. Inputs are bounded one by one (amount.quantity, amount.price, a line's value), but
 * levels accumulate receipt after receipt: the posting that would push one past the bound is
 * refused here, in its transaction, before anything is committed — not a report that fails later.
 * `levels` are the locked levels before the posting, keyed `productId:warehouseId`.
 */
export function assertStorable(movements: StockMovement[], levels: Map<string, LevelAmounts>): void {
  const after = new Map<string, { quantity: Decimal; value: Decimal | null; m: StockMovement }>();
  for (const m of movements) {
    if (over(m.value)) throw refused(`the value of a ledger row of product ${encodeId('Product', m.productId)} in warehouse ${encodeId('Warehouse', m.warehouseId)}`, m.value, m);
    const key = `${m.productId}:${m.warehouseId}`;
    const level = levels.get(key);
    const entry = after.get(key) ?? { quantity: level?.quantity ?? new Decimal(0), value: level?.value ?? null, m };
    entry.quantity = entry.quantity.plus(m.quantity);
    if (entry.value !== null) entry.value = entry.value.plus(m.value);
    after.set(key, entry);
  }
  for (const { quantity, value, m } of after.values()) {
    const where = `product ${m.productId} in warehouse ${m.warehouseId}`;
    if (over(quantity)) throw refused(`the stock quantity of ${where}`, quantity, m);
    if (value !== null && over(value)) throw refused(`the stock value of ${where}`, value, m);
  }
}
