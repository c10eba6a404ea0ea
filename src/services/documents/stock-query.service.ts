import Decimal from 'decimal.js';
import { RequestContext } from '../../context';
import { Reservation, ReservationStatus } from '../../entities/reservation.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { Page } from '../../schema/connection';
import { ReservationFilterArgs } from '../../schema/reservation.type';
import { StockLevelFilterArgs } from '../../schema/stock-level.type';
import { inventoryGuards } from '../../shield/rules/inventory.rules';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { parseId } from '../platform/ids';
import { paginate } from '../platform/paginate';
import { badInput } from '../../errors';
import { endOfDay, existingBefore, levelsAsOf } from './stock-at-date';

/** An id filter argument: absent (undefined), or a key — an unparsable id matches nothing (-1). */
const idFilter = (value: string | null | undefined): number | undefined =>
  value === undefined || value === null ? undefined : parseId(value) ?? -1;

export const sumOf = (values: Decimal[]) => values.reduce((sum, v) => sum.plus(v), new Decimal(0));

/**
 * Aggregates cannot be filtered by a row guard after the fact, so the rows they sum pass the
 * guards here first — the second check behind the scoped loaders (DESIGN §3.1).
 */
export async function visibleLevelsOf(ctx: RequestContext, productId: number): Promise<StockLevel[]> {
  return (await ctx.loaders.productLevels.load(productId)).filter((level) => inventoryGuards.StockLevel(ctx.access, level));
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
    const warehouseId = idFilter(args.warehouseId);
    const productId = idFilter(args.productId);
    if (warehouseId !== undefined) qb.andWhere('level.warehouseId = :warehouseId', { warehouseId });
    if (productId !== undefined) qb.andWhere('level.productId = :productId', { productId });
    // available = quantity − active, unexpired reservations: the same definition as StockLevel.available.
    const available = 'level.quantity - COALESCE((SELECT SUM(r.quantity) FROM reservation r' +
      ' WHERE r.productId = level.productId AND r.warehouseId = level.warehouseId AND r.status = :activeStatus AND r.expiresAt > :now), 0)';
    const reservations = { activeStatus: ReservationStatus.ACTIVE, now: new Date() };
    if (args.belowMinimum !== undefined && args.belowMinimum !== null) {
      const below = `level.minimumQuantity IS NOT NULL AND ${available} < level.minimumQuantity`;
      qb.andWhere(args.belowMinimum ? `(${below})` : `NOT (${below})`, reservations);
    }
    // A number, not text: SQLite would order any number before any text (issue 18 §1, low stock).
    if (args.availableBelow) qb.andWhere(`${available} < :availableBelow`, { ...reservations, availableBelow: args.availableBelow.toNumber() });
    if (!args.at) return paginate(qb, 'level', args);
    // Stock at the end of a past day (issue 19 §3): the levels that existed then, as they stood.
    if (args.belowMinimum !== undefined && args.belowMinimum !== null) throw badInput('belowMinimum', 'compares today\'s stock; it cannot be combined with `at`.');
    if (args.availableBelow) throw badInput('availableBelow', 'compares today\'s stock; it cannot be combined with `at`.');
    const end = endOfDay(args.at);
    return levelsAsOf(ctx, await paginate(existingBefore(qb, end), 'level', args), end);
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
    return paginate(qb, 'r', args);
  },
};
