import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { QUANTITY, VALUE } from './decimal.transformer';

/**
 * Cached balance per (product, warehouse): quantity and value always equal to the ledger's sums, rebuildable
 * from it. Reserved quantity is derived from active, unexpired reservations at read time,
 * so an expired reservation stops counting without a background job.
 */
@Entity('stock_level')
@Index('uq_level_product_warehouse', ['productId', 'warehouseId'], { unique: true })
@Index('idx_level_warehouse_product', ['warehouseId', 'productId'])
export class StockLevel {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) productId: number;
  @Column({ type: 'integer' }) warehouseId: number;
  @Column(QUANTITY) quantity: Decimal;
  /**
   * What the stock cost: moving-average valuation (DESIGN §1, docs/documents.md "Valuation"),
   * always the sum of the ledger rows' values; quantity 0 ⇒ value 0.
   */
  @Column({ ...VALUE, default: 0 }) value: Decimal;
  /** Minimum stock: below it (available < minimum) the level is flagged `belowMinimum` (issue 19 §4). */
  @Column({ ...QUANTITY, nullable: true }) minimumQuantity: Decimal | null;
  /** How much to order when below the minimum; informational. */
  @Column({ ...QUANTITY, nullable: true }) reorderQuantity: Decimal | null;
  /**
   * Incremented by every reservation, so that reserving writes this row (issue 20 §4): on Galera only
   * written rows are certified, and a reservation must conflict with a sale or another reservation of
   * the same level committed on another node (reservation.service.ts). Means nothing else.
   */
  @Column({ type: 'integer', default: 0 }) reservationVersion: number;
}
