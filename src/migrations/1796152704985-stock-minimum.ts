import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { decimal } from './columns';

/** Minimum stock and reorder quantity per (product, warehouse), on its level row (issue 19 §4). */
export class StockMinimum1796152704985 implements MigrationInterface {
  name = 'StockMinimum1796152704985';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('stock_level', [
      new TableColumn(decimal('minimumQuantity', 18, 4, true)),
      new TableColumn(decimal('reorderQuantity', 18, 4, true)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('stock_level', 'reorderQuantity');
    await q.dropColumn('stock_level', 'minimumQuantity');
  }
}
