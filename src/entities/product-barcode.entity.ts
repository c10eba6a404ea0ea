import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A barcode of a product (issue 19 §5): several per product, each unique across the catalog and
 * compared byte-exactly (binary collation on MariaDB, migration 1796154507771). Rewritten as a
 * whole when a product's `barcodes` are set (replace semantics); `id` keeps the order given.
 */
@Entity('product_barcode')
export class ProductBarcode {
  @PrimaryGeneratedColumn() id: number;
  @Index('idx_product_barcode_product') @Column({ type: 'integer' }) productId: number;
  @Index('uq_product_barcode_code', { unique: true }) @Column({ type: 'varchar', length: 64 }) code: string;
}
