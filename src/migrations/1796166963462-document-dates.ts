import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { datetime, str } from './columns';

/**
 * Document dates and closed periods (issue 19 §1). Every document gets `documentDate`, the UTC day
 * its ledger rows count on: for a document already processed (or processed and cancelled) the day
 * it was processed — the day its rows already carry — else the day it was created. Receipts get a
 * supplier and the supplier's document number and date. Ledger rows get `postedAt`, the instant they
 * were written (until now the same as `occurredAt`). Settings get `closedBefore` (null: nothing closed).
 */
export class DocumentDates1796166963462 implements MigrationInterface {
  name = 'DocumentDates1796166963462';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql';
    const day = (column: string) => (mysql ? `DATE_FORMAT(${column}, '%Y-%m-%d')` : `substr(${column}, 1, 10)`);
    await q.addColumn('inventory_document', new TableColumn(str('documentDate', 10, false, '1970-01-01')));
    await q.query(`UPDATE inventory_document SET documentDate = ${day('COALESCE(processedAt, createdAt)')}`);
    await q.addColumn('inventory_document', new TableColumn(str('supplier', 255, true)));
    await q.addColumn('inventory_document', new TableColumn(str('incomingNumber', 64, true)));
    await q.addColumn('inventory_document', new TableColumn(str('incomingDate', 10, true)));
    await q.addColumn('stock_movement', new TableColumn(datetime('postedAt', mysql, true)));
    await q.query('UPDATE stock_movement SET postedAt = occurredAt');
    await q.addColumn('settings', new TableColumn(str('closedBefore', 10, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('settings', 'closedBefore');
    await q.dropColumn('stock_movement', 'postedAt');
    for (const column of ['incomingDate', 'incomingNumber', 'supplier', 'documentDate']) await q.dropColumn('inventory_document', column);
  }
}
