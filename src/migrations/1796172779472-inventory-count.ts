import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { decimal } from './columns';

/** The DOCUMENT actions the standard roles that already exist get for the new type (standard-roles.ts). */
const GRANTS: Array<[role: string, actions: string[]]> = [
  ['ADMINISTRATOR', ['VIEW', 'EDIT', 'PROCESS', 'CANCEL', 'DELETE']],
  ['WAREHOUSE_CLERK', ['VIEW', 'EDIT', 'PROCESS']],
];

/**
 * Stocktaking (issue 19 §2): an INVENTORY_COUNT line records the book quantity it was processed
 * against (`document_item.bookQuantity`; its `quantity` is the counted quantity). The standard
 * roles that already exist get the new type's DOCUMENT actions as a new database seeds them — the
 * Administrator (which cannot be edited through the API) all five, the Warehouse clerk view, edit
 * and process, as for the adjustments and write-offs a count combines. An action a role already
 * holds is left alone. Counters need nothing: a sequence's row is created by its first number.
 */
export class InventoryCount1796172779472 implements MigrationInterface {
  name = 'InventoryCount1796172779472';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('document_item', new TableColumn(decimal('bookQuantity', 18, 4, true)));
    for (const [role, actions] of GRANTS) {
      for (const action of actions) {
        await q.query(
          "INSERT INTO role_grant (roleId, permission, documentType, action) SELECT r.id, 'DOCUMENT', 'INVENTORY_COUNT', ? FROM role r "
          + 'WHERE r.systemKey = ? AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.roleId = r.id '
          + "AND g.permission = 'DOCUMENT' AND g.documentType = 'INVENTORY_COUNT' AND g.action = ?)",
          [action, role, action],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM role_grant WHERE documentType = 'INVENTORY_COUNT'");
    await q.dropColumn('document_item', 'bookQuantity');
  }
}
