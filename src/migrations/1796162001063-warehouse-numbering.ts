import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { index, int, str } from './columns';

/**
 * Document numbers per (type, warehouse) (issue 15 §3, DESIGN §3.8 (b), docs/documents.md
 * "Numbers"). Existing documents keep their numbers: they are printed, filed and quoted in
 * deals, and a renumbering would not unsay what they told. Each is assigned the warehouse it
 * would be numbered in now (its first line's source, else destination; 0 without lines); every
 * warehouse gets its numbering prefix (its code in capitals); the counters start after the
 * documents each (type, warehouse) already has, and the sequence of documents without lines
 * continues the old per-type sequence, whose "RC-000042" format it keeps — so no new number can
 * equal an old one.
 */
export class WarehouseNumbering1796162001063 implements MigrationInterface {
  name = 'WarehouseNumbering1796162001063';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql';
    await q.addColumn('inventory_document', new TableColumn({ ...int('numberWarehouseId'), default: 0 }));
    await q.query('UPDATE inventory_document SET numberWarehouseId = COALESCE((SELECT COALESCE(i.fromWarehouseId, i.toWarehouseId) '
      + 'FROM document_item i WHERE i.documentId = inventory_document.id ORDER BY i.id LIMIT 1), 0)');
    // The warehouse prefix makes numbers longer ("RC-" + up to 32 + "-" + digits); SQLite does not enforce lengths.
    if (mysql) await q.query('ALTER TABLE `inventory_document` MODIFY `number` varchar(64) NOT NULL');

    await q.addColumn('warehouse', new TableColumn(str('numberPrefix', 32, true)));
    await q.query('UPDATE warehouse SET numberPrefix = UPPER(code)');
    await q.createIndex('warehouse', new TableIndex(index('uq_warehouse_number_prefix', ['numberPrefix'], true)));

    await q.createTable(new Table({
      name: 'document_counter',
      columns: [{ ...str('type', 32), isPrimary: true }, { ...int('warehouseId'), isPrimary: true }, int('next')],
    }), true);
    await q.query('INSERT INTO document_counter (type, warehouseId, next) SELECT type, 0, next FROM document_sequence');
    await q.query('INSERT INTO document_counter (type, warehouseId, next) SELECT type, numberWarehouseId, COUNT(*) + 1 '
      + 'FROM inventory_document WHERE numberWarehouseId <> 0 GROUP BY type, numberWarehouseId');
    await q.dropTable('document_sequence');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({ name: 'document_sequence', columns: [{ ...str('type', 32), isPrimary: true }, int('next')] }), true);
    // The old single sequence goes on where the one of documents without lines stands: after every number it gave.
    await q.query('INSERT INTO document_sequence (type, next) SELECT type, next FROM document_counter WHERE warehouseId = 0');
    await q.dropTable('document_counter');
    await q.dropIndex('warehouse', 'uq_warehouse_number_prefix');
    await q.dropColumn('warehouse', 'numberPrefix');
    await q.dropColumn('inventory_document', 'numberWarehouseId');
    // Numbers with a warehouse prefix may be longer than the old column; they stay (and the column with them).
    const [{ longest }] = await q.query('SELECT COALESCE(MAX(LENGTH(number)), 0) AS longest FROM inventory_document') as Array<{ longest: number | string }>;
    if (q.connection.options.type === 'mysql' && Number(longest) <= 32) await q.query('ALTER TABLE `inventory_document` MODIFY `number` varchar(32) NOT NULL');
  }
}
