import { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildStatements } from '../services/reports/rollup-rebuild-sql';

/**
 * Transfers get report kinds of their own (issue 14 point 5, DESIGN §4): a transfer is never a
 * purchase and never a sale. Existing transfer rows are recognised by their document type and
 * relabelled — their quantity, unit cost, value and date stay as posted, so every figure of a
 * past period stays what it was — and the report rollups are rebuilt from the relabelled ledger.
 */
export class TransferKinds1796153262998 implements MigrationInterface {
  name = 'TransferKinds1796153262998';

  async up(q: QueryRunner): Promise<void> {
    await this.relabel(q, { RECEIVED: 'TRANSFER_IN', OTHER_OUT: 'TRANSFER_OUT' });
  }

  async down(q: QueryRunner): Promise<void> {
    await this.relabel(q, { TRANSFER_IN: 'RECEIVED', TRANSFER_OUT: 'OTHER_OUT' });
  }

  private async relabel(q: QueryRunner, kinds: Record<string, string>): Promise<void> {
    for (const [from, to] of Object.entries(kinds)) {
      await q.query("UPDATE stock_movement SET kind = ? WHERE documentType = 'STOCK_TRANSFER' AND kind = ?", [to, from]);
    }
    for (const sql of rebuildStatements(q.connection.options.type === 'mysql')) await q.query(sql);
  }
}
