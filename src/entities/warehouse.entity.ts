import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('warehouse')
export class Warehouse {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 32, unique: true }) code: string;
  @Column({ type: 'varchar', length: 255 }) name: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) address: string | null;
  @Column({ type: 'boolean', default: false }) isDefault: boolean;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /**
   * The middle part of the numbers of documents numbered in this warehouse (`RC-MAIN-000005`):
   * its code in capitals when it was created, never changed, unique, and no other warehouse's
   * code (docs/documents.md "Numbers"). Null only for a row written around the entity; numbering
   * then uses the code.
   */
  @Index('uq_warehouse_number_prefix', { unique: true }) @Column({ type: 'varchar', length: 32, nullable: true }) numberPrefix: string | null;
  @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;

  @BeforeInsert()
  protected fixNumberPrefix(): void {
    this.numberPrefix ??= this.code.toUpperCase();
  }
}
