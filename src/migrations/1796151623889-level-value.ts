import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { decimal } from './columns';

/**
 * Moving-average cost (issue 14 point 1, DESIGN §1): the stock level carries the value of its
 * stock. Existing levels start at the sum of their ledger rows' values, so "level = ledger"
 * holds for old data as well; old ledger rows keep their values (docs/documents.md "Valuation").
 * The sum is taken in 1/10000 units as the rollups do: exact on MariaDB and SQLite alike.
 */
export class LevelValue1796151623889 implements MigrationInterface {
  name = 'LevelValue1796151623889';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('stock_level', new TableColumn({ ...decimal('value', 22, 4), default: 0 }));
    const mysql = q.connection.options.type === 'mysql';
    const units = mysql ? 'CAST(m.value * 10000 AS SIGNED)' : 'CAST(ROUND(m.value * 10000) AS INTEGER)';
    await q.query(`UPDATE stock_level SET value = COALESCE((SELECT SUM(${units}) FROM stock_movement m
      WHERE m.productId = stock_level.productId AND m.warehouseId = stock_level.warehouseId), 0) / 10000.0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('stock_level', 'value');
  }
}
