import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { exactCollation } from './1796153263557-exact-identities';
import { id, index, int, str } from './columns';

/**
 * product_barcode (issue 19 §5): several barcodes per product, each unique. Codes compare
 * byte-exactly like logins (1796153263557-exact-identities): on MariaDB the column gets a binary,
 * non-padding collation, so "abc" and "ABC" or "abc " are different barcodes; SQLite's default
 * BINARY collation already is exact.
 */
export class ProductBarcodes1796154507771 implements MigrationInterface {
  name = 'ProductBarcodes1796154507771';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'product_barcode',
      columns: [id(), int('productId'), str('code', 64)],
      indices: [index('idx_product_barcode_product', ['productId']), index('uq_product_barcode_code', ['code'], true)],
    }), true);
    if (q.connection.options.type === 'mysql') {
      await q.query(`ALTER TABLE \`product_barcode\` MODIFY \`code\` varchar(64) CHARACTER SET utf8mb4 COLLATE ${await exactCollation(q)} NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('product_barcode', true);
  }
}
