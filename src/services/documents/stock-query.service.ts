import Decimal from 'decimal.js';
import { RequestContext } from '../../context';
import { Reservation } from '../../entities/reservation.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { Page } from '../../schema/connection';
import { ReservationFilterArgs } from '../../schema/reservation.type';
import { StockLevelFilterArgs } from '../../schema/stock-level.type';
import { inventoryGuards } from '../../shield/rules/inventory.rules';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { paginate } from '../platform/paginate';
import { filterLevels, filterReservations, idFilter, levelOrderParameters, levelOrdering, reservationOrdering } from './stock-list';
import { endOfDay, existingBefore, levelsAsOf } from './stock-at-date';


export const sumOf = (values: Decimal[]) => values.reduce((sum, v) => sum.plus(v), new Decimal(0));

/**
 * Aggregates cannot be filtered by a row guard after the fact, so the rows they sum pass the
 * guards here first — the second check behind the scoped loaders (DESIGN §3.1).
 */
export async function visibleLevelsOf(ctx: RequestContext, productId: number): Promise<StockLevel[]> {
  return (await ctx.loaders.productLevels.load(productId)).filter((level) => inventoryGuards.StockLevel(ctx.access, level));
}

/**
 * The levels a document's lines move (issue 18 §3): one per (product, warehouse) of the lines the
 * viewer may see, as stored now, in the selectable warehouses only (the scoped loader and the
 * row guard). Two batched statements per page of documents, whatever their number.
 */
export async function levelsMovedBy(ctx: RequestContext, documentId: number): Promise<StockLevel[]> {
  const items = (await ctx.loaders.documentItems.load(documentId)).filter((item) => inventoryGuards.DocumentItem(ctx.access, item));
  const pairs = new Set(items.flatMap((item) => [item.fromWarehouseId, item.toWarehouseId]
    .filter((w): w is number => w !== null).map((w) => `${item.productId}:${w}`)));
  const products = [...new Set(items.map((item) => item.productId))];
  const levels = (await Promise.all(products.map((productId) => visibleLevelsOf(ctx, productId)))).flat();
  return levels.filter((level) => pairs.has(`${level.productId}:${level.warehouseId}`)).sort((a, b) => a.id - b.id);
}

/**
 * After a mutation changed stock or reservations: levels and reserved figures read later in the
 * same request (its result, or the next mutation of the operation) come from the database again.
 */
export function forgetStock(ctx: RequestContext): void {
  ctx.loaders.productLevels.clearAll();
  ctx.loaders.activeReservations.clearAll();
}

/** What counts as reserved of a product (in one warehouse, or in all selectable ones): active, unexpired reservations. */
export async function reservedIn(ctx: RequestContext, productId: number, warehouseId: number | null): Promise<Decimal> {
  const active = (await ctx.loaders.activeReservations.load(productId))
    .filter((r) => inventoryGuards.Reservation(ctx.access, r) && (warehouseId === null || r.warehouseId === warehouseId));
  return sumOf(active.map((r) => r.quantity));
}

/** Stock levels and reservations in the selectable warehouses only (DESIGN §3.1), filtered in SQL. */
export const stockQueryService = {
  async levels(ctx: RequestContext, args: StockLevelFilterArgs): Promise<Page<StockLevel>> {
    const qb = restrictToWarehouses(ctx.db.getRepository(StockLevel).createQueryBuilder('level'), ctx.access, 'level.warehouseId');
    const at = Boolean(args.at);
    // The older top-level arguments and `filter` combine (all must hold).
    filterLevels(qb, args, at, '');
    if (args.filter) filterLevels(qb, args.filter, at, 'filter.');
    const ordering = levelOrdering(args.orderBy, at);
    qb.setParameters({ ...qb.getParameters(), ...levelOrderParameters() });
    if (!args.at) return paginate(qb, 'level', args, ordering);
    // Stock at the end of a past day (issue 19 §3): the levels that existed then, as they stood.
    const end = endOfDay(args.at);
    return levelsAsOf(ctx, await paginate(existingBefore(qb, end), 'level', args, ordering), end);
  },

  /** One level as the viewer may see it: null when its warehouse is not selectable (DESIGN §3.2). */
  levelOf(ctx: RequestContext, productId: number, warehouseId: number): Promise<StockLevel | null> {
    return restrictToWarehouses(ctx.db.getRepository(StockLevel).createQueryBuilder('level'), ctx.access, 'level.warehouseId')
      .andWhere('level.productId = :productId AND level.warehouseId = :warehouseId', { productId, warehouseId })
      .getOne();
  },

  reservations(ctx: RequestContext, args: ReservationFilterArgs): Promise<Page<Reservation>> {
    const qb = restrictToWarehouses(ctx.db.getRepository(Reservation).createQueryBuilder('r'), ctx.access, 'r.warehouseId');
    const warehouseId = idFilter(args.warehouseId);
    const productId = idFilter(args.productId);
    if (warehouseId !== undefined) qb.andWhere('r.warehouseId = :warehouseId', { warehouseId });
    if (productId !== undefined) qb.andWhere('r.productId = :productId', { productId });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
    if (args.filter) filterReservations(qb, args.filter);
    return paginate(qb, 'r', args, reservationOrdering(args.orderBy));
  },
};
