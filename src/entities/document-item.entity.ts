import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MONEY, QUANTITY } from './decimal.transformer';

@Entity('document_item')
export class DocumentItem {
  @PrimaryGeneratedColumn() id: number;
  @Index('idx_item_document') @Column({ type: 'integer' }) documentId: number;
  @Column({ type: 'integer' }) productId: number;
  @Column(QUANTITY) quantity: Decimal;
  /** Purchase price of the line; captured into the ledger at processing. */
  @Column({ ...MONEY, nullable: true }) purchasePrice: Decimal | null;
  /** Sale price of a sales-order line; the product's is captured at processing (docs/documents.md). */
  @Column({ ...MONEY, nullable: true }) salePrice: Decimal | null;
  /**
   * An INVENTORY_COUNT line (whose `quantity` is the counted quantity): the book quantity it was
   * posted against, fixed at processing (issue 19 §2, docs/documents.md "Stocktaking"); null before.
   */
  @Column({ ...QUANTITY, nullable: true }) bookQuantity: Decimal | null;
  @Index('idx_item_from_warehouse') @Column({ type: 'integer', nullable: true }) fromWarehouseId: number | null;
  @Index('idx_item_to_warehouse') @Column({ type: 'integer', nullable: true }) toWarehouseId: number | null;
}
