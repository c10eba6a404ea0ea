import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DocumentType } from '../shield/permission-catalog';

export enum DocumentStatus {
  DRAFT = 'DRAFT',
  PROCESSED = 'PROCESSED',
  CANCELLED = 'CANCELLED',
}

@Entity('inventory_document')
@Index('idx_document_type_status_date', ['type', 'status', 'createdAt'])
@Index('uq_document_type_number', ['type', 'number'], { unique: true })
export class InventoryDocument {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 32 }) type: DocumentType;
  @Column({ type: 'varchar', length: 16, default: DocumentStatus.DRAFT }) status: DocumentStatus;
  /**
   * Human-readable, unique per type: "RC-MAIN-000042" in the sequence of a warehouse, "RC-000042"
   * without lines (and before issue 15 §3, when there was one sequence per type).
   */
  @Column({ type: 'varchar', length: 64 }) number: string;
  /** The warehouse whose sequence gave the number (document-number.ts); 0: the sequence of documents without lines. */
  @Column({ type: 'integer', default: 0 }) numberWarehouseId: number;
  @Column({ type: 'varchar', length: 255, default: '' }) title: string;
  /** Deal this document belongs to; processing a sales order consumes the deal's reservations. */
  @Column({ type: 'varchar', length: 64, nullable: true }) dealRef: string | null;
  /**
   * The UTC day 'YYYY-MM-DD' the document's ledger rows count on (issue 19 §1): the day it was
   * created unless set; a document dated before `settings.closedBefore` is neither processed nor cancelled.
   */
  @Column({ type: 'varchar', length: 10, default: '1970-01-01' }) documentDate: string;
  /** Receipts only: who delivered, and the number and day of the supplier's own document. */
  @Column({ type: 'varchar', length: 255, nullable: true }) supplier: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) incomingNumber: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) incomingDate: string | null;
  @Column({ type: 'integer' }) authorId: number;
  @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
  @Column({ type: 'datetime', nullable: true }) processedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) processedById: number | null;
  @Column({ type: 'datetime', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'integer', nullable: true }) cancelledById: number | null;
  /** Optimistic lock: every edit must name the version it read (CONFLICT otherwise). */
  @Column({ type: 'integer', default: 1 }) version: number;
}
