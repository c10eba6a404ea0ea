import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { int, str } from './columns';
import { rebuildStatements } from '../services/reports/rollup-rebuild-sql';

const units = (name: string): TableColumnOptions => ({ name, type: 'bigint', isNullable: false, default: 0 });
const key = (column: TableColumnOptions): TableColumnOptions => ({ ...column, isPrimary: true });

/**
 * Report rollups (issue 17, docs/reports.md): created empty, then filled from the ledger the
 * way `npm run rollups:rebuild` does, so an existing database reports from them at once.
 */
export class ReportRollups1764000400000 implements MigrationInterface {
  name = 'ReportRollups1764000400000';

  async up(q: QueryRunner): Promise<void> {
    const amounts = [units('quantity'), units('value')];
    await q.createTable(new Table({
      name: 'stock_movement_day',
      columns: [key(int('warehouseId')), key(str('day', 10)), key(int('productId')), key(str('kind', 16)), ...amounts],
    }), true);
    await q.createTable(new Table({
      name: 'stock_movement_warehouse_day',
      columns: [key(int('warehouseId')), key(str('day', 10)), key(str('kind', 16)), ...amounts],
    }), true);
    await q.createTable(new Table({
      name: 'stock_movement_warehouse_month',
      columns: [key(int('warehouseId')), key(str('month', 7)), key(str('kind', 16)), ...amounts],
    }), true);
    await q.createTable(new Table({
      name: 'stock_movement_closing',
      columns: [key(int('warehouseId')), key(int('productId')), key(str('month', 7)), ...amounts],
    }), true);
    for (const sql of rebuildStatements(q.connection.options.type === 'mysql')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stock_movement_closing', 'stock_movement_warehouse_month', 'stock_movement_warehouse_day', 'stock_movement_day']) {
      await q.dropTable(table, true);
    }
  }
}
