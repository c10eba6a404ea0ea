import Decimal from 'decimal.js';
import { DocumentItem } from '../../entities/document-item.entity';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { DocumentType } from '../../shield/permission-catalog';
import { countMovementsOf, movementsOf } from './movements';

/**
 * Moving-average cost per (product, warehouse) (DESIGN §1, docs/documents.md "Valuation").
 * Products of DECIMAL(18,4) × DECIMAL(22,4) have up to 40 digits: computed with 64 significant
 * digits, then rounded once to the ledger's 4 places (half up).
 */
const Exact = Decimal.clone({ precision: 64 });
const round = (x: Decimal.Value) => new Decimal(new Exact(x).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed());
const times = (a: Decimal, b: Decimal) => new Exact(a.toFixed()).times(b.toFixed());
const ratio = (a: Decimal, b: Decimal) => new Exact(a.toFixed()).div(b.toFixed());

/** How a ledger row gets its value. */
export type Basis =
  /** Stock from outside (receipt, adjustment): quantity × its unit cost (the line's price, else the product's). */
  | { kind: 'price' }
  /** A reversal: exactly the value of the row it reverses. */
  | { kind: 'exact' }
  /** Outgoing (sales order, write-off, transfer out, a count's shortage): the current average cost of the level it leaves. */
  | { kind: 'average' }
  /** Stock a count found (surplus): at the current average cost of its level, else (no stock there) the fallback rate. */
  | { kind: 'found' }
  /** A transfer's destination: the value its source row took. */
  | { kind: 'carry'; from: StockMovement };

export interface PlannedRow { row: StockMovement; basis: Basis }
export interface LevelState { quantity: Decimal; value: Decimal }

/**
 * The ledger rows of processing a document, in line order (a transfer line's source row before
 * its destination row), each with how it is valued. `incomingCost` is the unit cost of stock
 * from outside (the line's price, else the product's purchase price).
 */
export function plannedRowsOf(doc: InventoryDocument, items: DocumentItem[], incomingCost: (item: DocumentItem) => Decimal, at: Date,
  postedAt: Date = at): PlannedRow[] {
  const rows = movementsOf(doc, items, incomingCost, at, false, postedAt);
  return rows.map((row, i) => {
    if (row.quantity.isNegative()) return { row, basis: { kind: 'average' } };
    if (doc.type === DocumentType.STOCK_TRANSFER) return { row, basis: { kind: 'carry', from: rows[i - 1] } };
    row.value = round(times(row.quantity, row.unitCost));
    return { row, basis: { kind: 'price' } };
  });
}

/**
 * The ledger rows of processing an inventory count (countMovementsOf), each with how it is valued:
 * a shortage leaves at the level's average cost like any outgoing row, a surplus enters at it
 * (DESIGN §1: a count corrects quantities, it does not reprice what is there).
 */
export function plannedCountRowsOf(doc: InventoryDocument, items: DocumentItem[], bookOf: (item: DocumentItem) => Decimal, at: Date,
  postedAt: Date = at): PlannedRow[] {
  return countMovementsOf(doc, items, bookOf, at, postedAt)
    .map((row): PlannedRow => ({ row, basis: row.quantity.isNegative() ? { kind: 'average' } : { kind: 'found' } }));
}

/** A cancellation's reversing rows: each at exactly the value of the row it reverses. */
export const exactly = (rows: StockMovement[]): PlannedRow[] => rows.map((row) => ({ row, basis: { kind: 'exact' } }));

/**
 * Values the rows in order against the running state of their levels (`states`, keyed by
 * levelKey, starting from the locked levels; updated here). Writes `value` (and, for outgoing
 * and carried rows, `unitCost`) on each row. With q/v the level before the row and q′/v′ after:
 *
 * - q′ = 0: v′ = 0 exactly — the last units out take whatever value is left (rounding remainder).
 * - q > 0 and q′ > 0: an outgoing row takes round(units × v / q) (never more than v); any other
 *   row adds its own value (price, carried value, or the exact value it reverses) — a reversal
 *   never taking the level below value 0 (possible only after negative stock, see the last case).
 * - q ≤ 0 and q′ > 0 (stock arriving at an empty or negative level): v′ = the row's own value
 *   for the q′ units beyond zero — units that fill a negative balance settle it at that balance's
 *   value, and a level left at quantity 0 with a value by the old valuation starts afresh.
 * - q′ < 0 (negative stock, when the settings allow it): a negative balance keeps its average
 *   (v′ = q′ × v / q); going below zero from q ≥ 0, the units beyond zero are valued at
 *   `fallbackRate` — the product's purchase price, else 0.
 *
 * So a level with quantity 0 has value 0, and a level with quantity ≥ 0 never has a negative
 * value, whatever the order of documents, cancellations and price changes.
 *
 * A row a count found (`found`) brings its units at round(units × v / q) when q > 0 — the level's
 * average, so the average does not move — else (no stock to average) at `fallbackRate`; it is
 * then valued like any other incoming row by the cases above, and its unit cost is that rate.
 */
export async function valueRows(planned: PlannedRow[], states: Map<string, LevelState>,
  fallbackRate: (productId: number) => Decimal | Promise<Decimal>): Promise<void> {
  for (const { row, basis } of planned) {
    const state = states.get(`${row.productId}:${row.warehouseId}`)!;
    const { quantity: q, value: v } = state;
    const n = row.quantity;
    const after = q.plus(n);
    if (basis.kind === 'found') row.value = round(q.greaterThan(0) ? ratio(times(n, v), q) : times(n, await fallbackRate(row.productId)));
    const own = basis.kind === 'carry' ? basis.from.value.negated() : basis.kind === 'average' ? null : row.value;
    let v2: Decimal;
    if (after.isZero()) v2 = new Decimal(0);
    else if (q.greaterThan(0) && after.greaterThan(0)) {
      // Never below 0: only a reversal of stock that once settled a negative balance could take more than is left.
      v2 = own === null ? v.minus(round(ratio(times(n.negated(), v), q))) : Decimal.max(v.plus(own), 0);
    }
    else if (after.greaterThan(0)) v2 = round(times(own ?? new Decimal(0), after).div(n.toFixed()));
    else if (q.isNegative()) v2 = round(ratio(times(after, v), q));
    else v2 = round(times(after, await fallbackRate(row.productId)));
    row.value = v2.minus(v);
    if (basis.kind === 'found') row.unitCost = round(ratio(own!, n));
    if (basis.kind === 'average') row.unitCost = round(ratio(row.value.abs(), n.abs()));
    if (basis.kind === 'carry') row.unitCost = basis.from.unitCost;
    states.set(`${row.productId}:${row.warehouseId}`, { quantity: after, value: v2 });
  }
}
