import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, createdAt, datetime, decimal, id, index, int, str, text, updatedAt } from './columns';

/** The whole domain of DESIGN §1–§2, with the indexes of the API's access paths. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const my = q.connection.options.type !== 'better-sqlite3';
    const tables: Table[] = [
      new Table({
        name: 'warehouse',
        columns: [id(), str('code', 32), str('name', 255), str('address', 500, true), bool('isDefault', false),
          bool('active', true), createdAt(my), updatedAt(my)],
        indices: [index('uq_warehouse_code', ['code'], true)],
      }),
      new Table({
        name: 'product',
        columns: [id(), str('sku', 64), str('name', 255), int('parentId', true), text('attributes'),
          decimal('purchasePrice', 18, 4, true), decimal('salePrice', 18, 4, true), str('unit', 16, false, 'pcs'),
          bool('archived', false), createdAt(my), updatedAt(my)],
        indices: [index('uq_product_sku', ['sku'], true), index('idx_product_name', ['name']),
          index('idx_product_parent', ['parentId'])],
      }),
      new Table({
        name: 'inventory_document',
        columns: [id(), str('type', 32), str('status', 16, false, 'DRAFT'), str('number', 32), str('title', 255, false, ''),
          str('dealRef', 64, true), int('authorId'), createdAt(my), updatedAt(my), datetime('processedAt', my, true),
          int('processedById', true), datetime('cancelledAt', my, true), int('cancelledById', true),
          { name: 'version', type: 'integer', default: 1 }],
        indices: [index('idx_document_type_status_date', ['type', 'status', 'createdAt']),
          index('uq_document_type_number', ['type', 'number'], true)],
      }),
      new Table({
        name: 'document_item',
        columns: [id(), int('documentId'), int('productId'), decimal('quantity', 18, 4), decimal('purchasePrice', 18, 4, true),
          int('fromWarehouseId', true), int('toWarehouseId', true)],
        indices: [index('idx_item_document', ['documentId']), index('idx_item_from_warehouse', ['fromWarehouseId']),
          index('idx_item_to_warehouse', ['toWarehouseId'])],
      }),
      new Table({
        name: 'stock_movement',
        columns: [id(), int('documentId'), int('itemId'), str('documentType', 32), int('productId'), int('warehouseId'),
          str('kind', 16), decimal('quantity', 18, 4), decimal('unitCost', 18, 4), decimal('value', 22, 4),
          bool('reversal', false), datetime('occurredAt', my)],
        indices: [index('idx_movement_warehouse_date', ['warehouseId', 'occurredAt']),
          index('idx_movement_product_warehouse', ['productId', 'warehouseId']), index('idx_movement_document', ['documentId'])],
      }),
      new Table({
        name: 'stock_level',
        columns: [id(), int('productId'), int('warehouseId'), decimal('quantity', 18, 4)],
        indices: [index('uq_level_product_warehouse', ['productId', 'warehouseId'], true),
          index('idx_level_warehouse_product', ['warehouseId', 'productId'])],
      }),
      new Table({
        name: 'reservation',
        columns: [id(), int('productId'), int('warehouseId'), decimal('quantity', 18, 4), str('dealRef', 64),
          datetime('expiresAt', my), str('status', 16, false, 'ACTIVE'), int('createdById'), createdAt(my),
          datetime('closedAt', my, true)],
        indices: [index('idx_reservation_product_warehouse', ['productId', 'warehouseId', 'status']),
          index('idx_reservation_deal', ['dealRef'])],
      }),
      new Table({
        name: 'app_user',
        columns: [id(), str('login', 64), str('name', 255), str('email', 255, true), bool('active', true), createdAt(my)],
        indices: [index('uq_user_login', ['login'], true)],
      }),
      new Table({
        name: 'role',
        columns: [id(), str('name', 128), str('description', 1000, false, ''), str('systemKey', 32, true),
          createdAt(my), updatedAt(my)],
        indices: [index('uq_role_name', ['name'], true), index('uq_role_system_key', ['systemKey'], true)],
      }),
      new Table({
        name: 'role_grant',
        columns: [id(), int('roleId'), str('permission', 32), str('documentType', 32, true), str('action', 16, true), text('scope')],
        indices: [index('idx_grant_role', ['roleId'])],
      }),
      new Table({
        name: 'role_assignment',
        columns: [id(), int('userId'), int('roleId'), text('warehouseScope'), createdAt(my)],
        indices: [index('uq_assignment_user_role', ['userId', 'roleId'], true), index('idx_assignment_role', ['roleId'])],
      }),
      new Table({
        name: 'access_audit_entry',
        columns: [id(), int('actorId', true), { ...datetime('at', my), default: my ? 'CURRENT_TIMESTAMP(3)' : "(datetime('now'))" },
          str('action', 64), str('subjectType', 32), str('subjectId', 64), text('before'), text('after')],
        indices: [index('idx_audit_at', ['at']), index('idx_audit_subject', ['subjectType', 'subjectId']),
          index('idx_audit_actor', ['actorId'])],
      }),
      new Table({
        name: 'settings',
        columns: [{ name: 'id', type: 'integer', isPrimary: true }, bool('allowNegativeStock', false),
          { name: 'reservationDays', type: 'integer', default: 3 }],
      }),
      new Table({
        name: 'document_sequence',
        columns: [{ ...str('type', 32), isPrimary: true }, int('next')],
      }),
    ];
    for (const table of tables) await q.createTable(table, true);
    await q.query('INSERT INTO settings (id, allowNegativeStock, reservationDays) VALUES (1, 0, 3)');
    // One sequence row per document type up front, so numbering only ever updates a locked row.
    for (const type of ['STOCK_RECEIPT', 'STOCK_ADJUSTMENT', 'STOCK_TRANSFER', 'WRITE_OFF', 'SALES_ORDER']) {
      await q.query('INSERT INTO document_sequence (type, next) VALUES (?, 1)', [type]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['document_sequence', 'settings', 'access_audit_entry', 'role_assignment', 'role_grant', 'role',
      'app_user', 'reservation', 'stock_level', 'stock_movement', 'document_item', 'inventory_document', 'product', 'warehouse']) {
      await q.dropTable(name, true);
    }
  }
}
