import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MONEY } from './decimal.transformer';

/** A product or a variant of one (`parentId` set), e.g. "One size cotton dress" → "… powder pink". */
@Entity('product')
export class Product {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 64, unique: true }) sku: string;
  @Index('idx_product_name') @Column({ type: 'varchar', length: 255 }) name: string;
  @Index('idx_product_parent') @Column({ type: 'integer', nullable: true }) parentId: number | null;
  /** Attributes a variant differs by, e.g. { colour: "powder pink", size: "M" }. */
  @Column({ type: 'simple-json', nullable: true }) attributes: Record<string, string> | null;
  @Column({ ...MONEY, nullable: true }) purchasePrice: Decimal | null;
  @Column({ ...MONEY, nullable: true }) salePrice: Decimal | null;
  @Column({ type: 'varchar', length: 16, default: 'pcs' }) unit: string;
  @Column({ type: 'boolean', default: false }) archived: boolean;
  @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
}
