import Decimal from 'decimal.js';
import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { Reservation } from '../../entities/reservation.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { Page } from '../../schema/connection';

const DAY_MS = 86_400_000;

/** A level as it stood at the end of a past day: quantity and value from the ledger, reserved from the reservations then active. */
export type LevelAsOf = StockLevel & { reservedAsOf: Decimal };

/** The instant a `Date` day ends: midnight UTC after it. */
export const endOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS);

/**
 * An exact SUM of a DECIMAL column on both databases: MariaDB sums DECIMALs exactly; SQLite adds
 * integer 1/10000 units with unit_sum (sqlite-unit-sum.ts). `fromExactSum` reads what it answered.
 */
export const exactSum = (mysql: boolean, column: string) => (mysql ? `SUM(${column})` : `unit_sum(CAST(ROUND(${column} * 10000) AS INTEGER))`);
export const fromExactSum = (mysql: boolean, raw: unknown) =>
  (mysql ? new Decimal(String(raw ?? 0)) : new Decimal(String(raw ?? 0)).dividedBy(10_000));

/** Only levels that had a ledger row before `end`: a level first moved later did not exist then. */
export function existingBefore(qb: SelectQueryBuilder<StockLevel>, end: Date): SelectQueryBuilder<StockLevel> {
  return qb.andWhere('EXISTS (SELECT 1 FROM stock_movement asof WHERE asof.warehouseId = level.warehouseId' +
    ' AND asof.productId = level.productId AND asof.occurredAt < :asOfEnd)', { asOfEnd: end });
}

/**
 * Stock at the end of a past day (issue 19 §3): the page's levels with quantity and value summed
 * from the ledger rows before `end`, and `reservedAsOf` from the reservations active at `end`
 * (created before it, expiring after it, not yet closed) — two statements per page whatever its
 * size. Sums are exact on both databases (SQLite adds integer 1/10000 units with unit_sum).
 */
export async function levelsAsOf(ctx: RequestContext, page: Page<StockLevel>, end: Date): Promise<Page<LevelAsOf>> {
  const keys = page.nodes.map((level) => ({ productId: level.productId, warehouseId: level.warehouseId }));
  const mysql = ctx.db.options.type === 'mysql';
  const sum = (column: string) => exactSum(mysql, column);
  const exact = (raw: unknown) => fromExactSum(mysql, raw);
  const byKey = (rows: Array<Record<string, unknown>>, column: string) =>
    new Map(rows.map((row) => [`${row.productId}:${row.warehouseId}`, exact(row[column])]));

  const sums = new Map<string, Decimal>();
  const values = new Map<string, Decimal>();
  const reserved = new Map<string, Decimal>();
  // The page's products × warehouses (a superset of its pairs; other pairs are simply not read back).
  // A page has at most LIMIT_PAGE_SIZE levels, so each IN list stays far below BULK.inListValues.
  const products = [...new Set(keys.map((k) => k.productId))];
  const warehouses = [...new Set(keys.map((k) => k.warehouseId))];
  if (keys.length > 0) {
    const ledger = await ctx.db.getRepository(StockMovement).createQueryBuilder('m')
      .select(['m.productId AS productId', 'm.warehouseId AS warehouseId', `${sum('m.quantity')} AS quantity`, `${sum('m.value')} AS value`])
      .where('m.productId IN (:...products) AND m.warehouseId IN (:...warehouses) AND m.occurredAt < :end', { products, warehouses, end })
      .groupBy('m.productId').addGroupBy('m.warehouseId').getRawMany();
    byKey(ledger, 'quantity').forEach((v, k) => sums.set(k, v));
    byKey(ledger, 'value').forEach((v, k) => values.set(k, v));
    const held = await ctx.db.getRepository(Reservation).createQueryBuilder('r')
      .select(['r.productId AS productId', 'r.warehouseId AS warehouseId', `${sum('r.quantity')} AS quantity`])
      .where('r.productId IN (:...products) AND r.warehouseId IN (:...warehouses)', { products, warehouses })
      .andWhere('r.createdAt < :end AND r.expiresAt > :end AND (r.closedAt IS NULL OR r.closedAt > :end)', { end })
      .groupBy('r.productId').addGroupBy('r.warehouseId').getRawMany();
    byKey(held, 'quantity').forEach((v, k) => reserved.set(k, v));
  }
  const zero = new Decimal(0);
  const nodes = page.nodes.map((level) => {
    const key = `${level.productId}:${level.warehouseId}`;
    return Object.assign(Object.create(Object.getPrototypeOf(level)), level, {
      quantity: sums.get(key) ?? zero, value: values.get(key) ?? zero, reservedAsOf: reserved.get(key) ?? zero,
    }) as LevelAsOf;
  });
  return { ...page, nodes, edges: page.edges.map((edge, i) => ({ ...edge, node: nodes[i] })) };
}
