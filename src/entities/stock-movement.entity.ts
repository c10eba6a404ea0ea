import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentType } from '../shield/permission-catalog';
import { MONEY, QUANTITY, VALUE } from './decimal.transformer';

/**
 * How a movement counts in reports (DESIGN §4, docs/reports.md): RECEIVED is stock from outside
 * (receipts, adjustments), SHIPPED sales orders, OTHER_OUT write-offs; a transfer's rows are
 * TRANSFER_OUT and TRANSFER_IN — never a purchase, never a sale.
 */
export enum MovementKind {
  RECEIVED = 'RECEIVED',
  SHIPPED = 'SHIPPED',
  OTHER_OUT = 'OTHER_OUT',
  TRANSFER_IN = 'TRANSFER_IN',
  TRANSFER_OUT = 'TRANSFER_OUT',
}

/**
 * The append-only ledger (DESIGN §1): one signed row per (item, warehouse) when a
 * document is processed; cancellation appends reversing rows. Never updated or deleted.
 */
@Entity('stock_movement')
@Index('idx_movement_warehouse_date', ['warehouseId', 'occurredAt'])
@Index('idx_movement_product_warehouse', ['productId', 'warehouseId'])
@Index('idx_movement_document', ['documentId'])
@Index('idx_movement_date', ['occurredAt'])
@Index('idx_movement_warehouse_product_date', ['warehouseId', 'productId', 'occurredAt'])
export class StockMovement {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) documentId: number;
  @Column({ type: 'integer' }) itemId: number;
  @Column({ type: 'varchar', length: 32 }) documentType: DocumentType;
  @Column({ type: 'integer' }) productId: number;
  @Column({ type: 'integer' }) warehouseId: number;
  @Column({ type: 'varchar', length: 16 }) kind: MovementKind;
  /** Signed: positive into the warehouse, negative out of it. */
  @Column(QUANTITY) quantity: Decimal;
  /** Purchase price captured at processing; valuation never changes afterwards. */
  @Column(MONEY) unitCost: Decimal;
  /** quantity × unitCost, signed, computed exactly at processing. */
  @Column(VALUE) value: Decimal;
  @Column({ type: 'boolean', default: false }) reversal: boolean;
  /**
   * When the row counts (reports, rollups, stock at a date, history): its document's date — the
   * processing instant when the document is dated the day it is processed, else 00:00 UTC of that
   * day. A reversal carries the date of the row it reverses (docs/documents.md "Document dates").
   */
  @Column({ type: 'datetime' }) occurredAt: Date;
  /** When the row was written (processing or cancellation), for audit; never used for dating. */
  @Column({ type: 'datetime', nullable: true }) postedAt: Date | null;
}
