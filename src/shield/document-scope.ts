import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Access } from './access';
import { Permission } from './permission-catalog';
import { NO_WAREHOUSE } from '../entities/document-warehouse.entity';
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
  // document_warehouse lists the warehouses each document touches, NO_WAREHOUSE for one without
  // lines: one semi-join on a small index, where a per-document subquery over the lines cost
  // seconds for a clerk of 2 of 20 warehouses at 1M lines (issue 21 §3).
  const warehousesParam = `docWarehouses${paramSeq}`;
  return qb.andWhere(
    `${alias}.id IN (SELECT vis_dw.documentId FROM document_warehouse vis_dw WHERE vis_dw.warehouseId IN (:...${warehousesParam}))`,
    { [warehousesParam]: [NO_WAREHOUSE, ...access.warehouses.list()] },
  );
}

/** "This document item has a side in a selectable warehouse", for the item alias given. */
export function itemTouchesSelectable(access: Access, alias: string): { sql: string; params: Record<string, unknown> } {
  const from = warehouseCondition(access, `${alias}.fromWarehouseId`);
  const to = warehouseCondition(access, `${alias}.toWarehouseId`);
  return { sql: `(${from.sql} OR ${to.sql})`, params: { ...from.params, ...to.params } };
}
