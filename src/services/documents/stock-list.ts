import { SelectQueryBuilder } from 'typeorm';
import { Reservation, ReservationStatus } from '../../entities/reservation.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { badInput } from '../../errors';
import { DateTimeRange } from '../../schema/connection';
import {
  ReservationFilter, ReservationOrder, ReservationOrderField, StockLevelFilter, StockLevelOrder, StockLevelOrderField,
} from '../../schema/stock-list.type';
import { parseId } from '../platform/ids';
import { BY_ID, OrderColumn, Ordering } from '../platform/paginate';

/**
 * Filters and orders of the stock lists (issue 18 §1), in SQL on top of the warehouse scope
 * (DESIGN §3.1): they narrow what the viewer may see and never widen it. What a viewer may not
 * read they cannot filter or sort by either (input.rules.ts, DESIGN §3.9).
 */

/** An id filter: absent (undefined), or a key — an unparsable id matches nothing (-1). */
export const idFilter = (value: string | null | undefined): number | undefined =>
  value === undefined || value === null ? undefined : parseId(value) ?? -1;

/** available = quantity − active, unexpired reservations: the same definition as StockLevel.available. */
const AVAILABLE = 'level.quantity - COALESCE((SELECT SUM(r.quantity) FROM reservation r'
  + ' WHERE r.productId = level.productId AND r.warehouseId = level.warehouseId AND r.status = :activeStatus AND r.expiresAt > :now), 0)';

const LEVEL_COLUMNS: Record<StockLevelOrderField, OrderColumn<StockLevel>> = {
  QUANTITY: { path: 'level.quantity', kind: 'number' },
  AVAILABLE: { path: `(${AVAILABLE})`, kind: 'number' },
  VALUE: { path: 'level.value', kind: 'number' },
  PRODUCT_SKU: { path: '(SELECT sp.sku FROM product sp WHERE sp.id = level.productId)', kind: 'text' },
  // Names in any case together, on both databases (MariaDB's collation ignores case, SQLite's does not).
  PRODUCT_NAME: { path: '(SELECT LOWER(np.name) FROM product np WHERE np.id = level.productId)', kind: 'text' },
  WAREHOUSE_NAME: { path: '(SELECT LOWER(sw.name) FROM warehouse sw WHERE sw.id = level.warehouseId)', kind: 'text' },
};

/** Orders that compare today's figures, which a level as of a past day (`at`) does not have. */
const TODAYS: StockLevelOrderField[] = [StockLevelOrderField.QUANTITY, StockLevelOrderField.AVAILABLE, StockLevelOrderField.VALUE];

export function levelOrdering(order: StockLevelOrder | null | undefined, at: boolean): Ordering<StockLevel> {
  if (!order) return BY_ID;
  if (at && TODAYS.includes(order.field)) throw badInput('orderBy.field', `${order.field} compares today's stock; it cannot be combined with \`at\`.`);
  return { key: `L${order.field}`, direction: order.direction, column: LEVEL_COLUMNS[order.field] };
}

/** The levels' conditions; `at` refuses those that compare today's stock. */
export function filterLevels(qb: SelectQueryBuilder<StockLevel>, filter: StockLevelFilter, at: boolean, path: string): void {
  const warehouseId = idFilter(filter.warehouseId);
  const productId = idFilter(filter.productId);
  // Distinct parameter names per call: the top-level arguments and `filter` may both be given.
  const n = path.replace(/\W/g, '_');
  if (warehouseId !== undefined) qb.andWhere(`level.warehouseId = :${n}warehouseId`, { [`${n}warehouseId`]: warehouseId });
  if (productId !== undefined) qb.andWhere(`level.productId = :${n}productId`, { [`${n}productId`]: productId });
  const reservations = { activeStatus: ReservationStatus.ACTIVE, now: new Date() };
  if (filter.belowMinimum !== undefined && filter.belowMinimum !== null) {
    if (at) throw badInput(`${path}belowMinimum`, 'compares today\'s stock; it cannot be combined with `at`.');
    const below = `level.minimumQuantity IS NOT NULL AND ${AVAILABLE} < level.minimumQuantity`;
    qb.andWhere(filter.belowMinimum ? `(${below})` : `NOT (${below})`, reservations);
  }
  if (filter.availableBelow) {
    if (at) throw badInput(`${path}availableBelow`, 'compares today\'s stock; it cannot be combined with `at`.');
    // A number, not text: SQLite would order any number before any text (issue 18 §1, low stock).
    qb.andWhere(`${AVAILABLE} < :${n}availableBelow`, { ...reservations, [`${n}availableBelow`]: filter.availableBelow.toNumber() });
  }
}

/** The AVAILABLE order reads the reservations as of now, like the filter. */
export const levelOrderParameters = () => ({ activeStatus: ReservationStatus.ACTIVE, now: new Date() });

const RESERVATION_COLUMNS: Record<ReservationOrderField, OrderColumn<Reservation>> = {
  CREATED_AT: { path: 'r.createdAt', kind: 'date', value: (r) => r.createdAt },
  EXPIRES_AT: { path: 'r.expiresAt', kind: 'date', value: (r) => r.expiresAt },
  QUANTITY: { path: 'r.quantity', kind: 'number' },
  DEAL_REF: { path: 'r.dealRef', kind: 'text', value: (r) => r.dealRef },
};

export const reservationOrdering = (order: ReservationOrder | null | undefined): Ordering<Reservation> =>
  (order ? { key: `R${order.field}`, direction: order.direction, column: RESERVATION_COLUMNS[order.field] } : BY_ID);

const inRange = (qb: SelectQueryBuilder<Reservation>, column: string, range: DateTimeRange | null | undefined, name: string) => {
  if (range?.from) qb.andWhere(`${column} >= :${name}From`, { [`${name}From`]: range.from });
  if (range?.to) qb.andWhere(`${column} < :${name}To`, { [`${name}To`]: range.to });
};

export function filterReservations(qb: SelectQueryBuilder<Reservation>, filter: ReservationFilter): void {
  const warehouseId = idFilter(filter.warehouseId);
  const productId = idFilter(filter.productId);
  if (warehouseId !== undefined) qb.andWhere('r.warehouseId = :filterWarehouseId', { filterWarehouseId: warehouseId });
  if (productId !== undefined) qb.andWhere('r.productId = :filterProductId', { filterProductId: productId });
  if (filter.statuses?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.dealRef) qb.andWhere('r.dealRef = :dealRef', { dealRef: filter.dealRef });
  inRange(qb, 'r.createdAt', filter.created, 'created');
  inRange(qb, 'r.expiresAt', filter.expires, 'expires');
}
