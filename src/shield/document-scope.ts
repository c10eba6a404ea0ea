import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Access } from './access';
import { Permission } from './permission-catalog';
import { warehouseCondition } from './scoped-query';

let paramSeq = 0;

/**
 * DESIGN §3.4 compiled into SQL: the viewer has INVENTORY_VIEW and DOCUMENT VIEW for the
 * document's type, and the document has no items or an item touching a selectable warehouse.
 * The same predicate as `canViewDocument` (document-access.ts), so lists, totalCount and
 * single lookups agree with the row guard.
 */
export function restrictToVisibleDocuments<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  access: Access,
  alias: string,
): SelectQueryBuilder<T> {
  const types = access.has(Permission.INVENTORY_VIEW) ? access.viewableDocumentTypes().sort() : [];
  if (types.length === 0) return qb.andWhere('1 = 0');
  const param = `docTypes${++paramSeq}`;
  qb.andWhere(`${alias}.type IN (:...${param})`, { [param]: types });
  // With every warehouse selectable the item condition is always true (every item has a warehouse side).
  if (access.warehouses.all) return qb;
  // One correlated scalar subquery on document_item(documentId): NULL when the document has no
  // items (visible), else whether any item touches a selectable warehouse. EXISTS / NOT EXISTS say
  // the same, but MariaDB materializes them over the whole item table (seconds at 1M items).
  const touches = itemTouchesSelectable(access, 'vis_item');
  return qb.andWhere(
    `COALESCE((SELECT MAX(CASE WHEN ${touches.sql} THEN 1 ELSE 0 END) FROM document_item vis_item` +
      ` WHERE vis_item.documentId = ${alias}.id), 1) = 1`,
    touches.params,
  );
}

/** "This document item has a side in a selectable warehouse", for the item alias given. */
export function itemTouchesSelectable(access: Access, alias: string): { sql: string; params: Record<string, unknown> } {
  const from = warehouseCondition(access, `${alias}.fromWarehouseId`);
  const to = warehouseCondition(access, `${alias}.toWarehouseId`);
  return { sql: `(${from.sql} OR ${to.sql})`, params: { ...from.params, ...to.params } };
}
