import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Access paths of the inventory report (docs/reports.md): the daily series and the
 * company-wide stock value range over the ledger by date alone; the drill-down groups one
 * warehouse's rows by product up to a date.
 */
export class ReportIndexes1764000060000 implements MigrationInterface {
  name = 'ReportIndexes1764000060000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('stock_movement', new TableIndex({ name: 'idx_movement_date', columnNames: ['occurredAt'] }));
    await q.createIndex('stock_movement', new TableIndex({
      name: 'idx_movement_warehouse_product_date', columnNames: ['warehouseId', 'productId', 'occurredAt'],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('stock_movement', 'idx_movement_warehouse_product_date');
    await q.dropIndex('stock_movement', 'idx_movement_date');
  }
}
