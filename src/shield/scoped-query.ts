import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Access } from './access';

let paramSeq = 0;

/**
 * The one place warehouse scoping is compiled into SQL (DESIGN §3.1): rows located in
 * warehouses the viewer cannot select are never fetched. `column` is the qualified
 * warehouse column, e.g. 'level.warehouseId'.
 */
export function restrictToWarehouses<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  access: Access,
  column: string,
): SelectQueryBuilder<T> {
  const scope = access.warehouses;
  if (scope.all) return qb;
  if (scope.isEmpty) return qb.andWhere('1 = 0');
  const param = `scope${++paramSeq}`;
  return qb.andWhere(`${column} IN (:...${param})`, { [param]: scope.list() });
}

/** SQL fragment and parameters for "this warehouse column is selectable", for hand-built conditions. */
export function warehouseCondition(access: Access, column: string): { sql: string; params: Record<string, unknown> } {
  const scope = access.warehouses;
  if (scope.all) return { sql: `${column} IS NOT NULL`, params: {} };
  if (scope.isEmpty) return { sql: '1 = 0', params: {} };
  const param = `scope${++paramSeq}`;
  return { sql: `${column} IN (:...${param})`, params: { [param]: scope.list() } };
}
