import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { decimal } from './columns';

/**
 * Sale prices (issue 19 §6): a nullable sale price per document line, and the new SALES_VIEW
 * permission on the standard roles that already exist — the Administrator (which cannot be
 * edited through the API) and Store staff (the role that sells). A new database gets them from
 * standard-roles.ts; a role that already holds it is left alone.
 */
export class SalePrices1796155622398 implements MigrationInterface {
  name = 'SalePrices1796155622398';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('document_item', new TableColumn(decimal('salePrice', 18, 4, true)));
    await q.query(
      "INSERT INTO role_grant (roleId, permission) SELECT r.id, 'SALES_VIEW' FROM role r "
      + "WHERE r.systemKey IN ('ADMINISTRATOR', 'STORE_STAFF') "
      + "AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.roleId = r.id AND g.permission = 'SALES_VIEW')",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM role_grant WHERE permission = 'SALES_VIEW'");
    await q.dropColumn('document_item', 'salePrice');
  }
}
