import Decimal from 'decimal.js';
import { RequestContext } from '../../context';
import { DocumentItem } from '../../entities/document-item.entity';
import { MovementKind, StockMovement } from '../../entities/stock-movement.entity';
import { Amount, figures, MovementFigures, negated } from './report-figures';
import { companyValueParts, dailyPart, FIGURE_COLUMNS, figureParts, filterProducts, LedgerFilter, scoped, unionOf } from './rollup-queries';
import { reportDialect } from './sql-dialect';

/**
 * Movement figures grouped by warehouse or, for one warehouse, by product: one statement over
 * the rollups whatever the number of groups (docs/reports.md). Shipped, written-off and transferred-out
 * rows are negative in the ledger (reversals positive), so their sums are negated.
 */
export async function figuresBy(ctx: RequestContext, filter: LedgerFilter, group: 'warehouse' | 'product'): Promise<Map<number, MovementFigures>> {
  const result = new Map<number, MovementFigures>();
  if (filter.warehouseIds.length === 0) return result;
  const dialect = reportDialect(ctx.db);
  const key = group === 'warehouse' ? 'x.gw' : 'x.gp';
  const qb = unionOf(ctx, figureParts(ctx, filter, group === 'product'), 'x').select(key, 'groupKey').groupBy(key);
  for (const column of FIGURE_COLUMNS) qb.addSelect(dialect.unitSum(`x.${column}`), column);
  for (const row of await qb.getRawMany()) {
    const amount = (q: string, v: string): Amount => ({ quantity: dialect.decimal(row[q]), value: dialect.decimal(row[v]) });
    result.set(Number(row.groupKey), figures(amount('oq', 'ov'), amount('rq', 'rv'), amount('iq', 'iv'),
      negated(amount('sq', 'sv')), negated(amount('xq', 'xv')), negated(amount('tq', 'tv'))));
  }
  return result;
}

export interface DailyValues {
  day: string;
  receivedValue: Decimal;
  shippedValue: Decimal;
}

/**
 * Received and (net) shipped value per UTC day of the period, in one statement; days without
 * movements are absent. Per warehouse: keyed by warehouse id, else one series under key 0.
 */
export async function dailyValues(ctx: RequestContext, filter: LedgerFilter, perWarehouse: boolean): Promise<Map<number, Map<string, DailyValues>>> {
  const result = new Map<number, Map<string, DailyValues>>();
  if (filter.warehouseIds.length === 0) return result;
  const dialect = reportDialect(ctx.db);
  const qb = dailyPart(ctx, filter);
  const alias = qb.expressionMap.mainAlias!.name;
  qb.select(`${alias}.day`, 'day')
    .addSelect(perWarehouse ? `${alias}.warehouseId` : '0', 'warehouseId')
    .addSelect(dialect.unitSum(`CASE WHEN ${alias}.kind = :received THEN ${alias}.value ELSE 0 END`), 'receivedValue')
    .addSelect(dialect.unitSum(`CASE WHEN ${alias}.kind = :shipped THEN ${alias}.value ELSE 0 END`), 'shippedValue')
    .groupBy(`${alias}.day`);
  if (perWarehouse) qb.addGroupBy(`${alias}.warehouseId`);
  for (const row of await qb.getRawMany()) {
    const series = result.get(Number(row.warehouseId)) ?? new Map<string, DailyValues>();
    series.set(String(row.day), {
      day: String(row.day), receivedValue: dialect.decimal(row.receivedValue), shippedValue: dialect.decimal(row.shippedValue).negated(),
    });
    result.set(Number(row.warehouseId), series);
  }
  return result;
}

/**
 * The company-wide money value of stock at the end of the period: every warehouse, every
 * product. Deliberately unscoped — declared exception (a) of DESIGN §3.8.
 */
export async function companyStockValue(ctx: RequestContext, filter: Pick<LedgerFilter, 'period'>): Promise<Decimal> {
  const dialect = reportDialect(ctx.db);
  const row = await unionOf(ctx, companyValueParts(ctx, filter.period), 'x').select(dialect.unitSum('x.v'), 'value').getRawOne();
  return dialect.decimal(row?.value);
}

/**
 * Revenue per warehouse over the period: Σ −quantity × line sale price of the SHIPPED ledger rows
 * (sales orders; their reversals are positive, so a cancellation takes its revenue back), read
 * from the ledger joined to the lines — a processed line's sale price never changes, so this is
 * exact without a revenue column or rollup (docs/reports.md "Revenue and margin"). Summed here
 * with decimal.js: SQLite would multiply and sum the DECIMALs as floating point.
 */
export async function revenueBy(ctx: RequestContext, filter: LedgerFilter): Promise<Map<number, Decimal>> {
  const result = new Map<number, Decimal>();
  if (filter.warehouseIds.length === 0) return result;
  const qb = scoped(ctx, ctx.db.getRepository(StockMovement).createQueryBuilder('m'), filter, 'm')
    .innerJoin(DocumentItem, 'i', 'i.id = m.itemId')
    .select('m.warehouseId', 'warehouseId').addSelect('m.quantity', 'quantity').addSelect('i.salePrice', 'salePrice')
    .andWhere('m.kind = :shippedKind AND i.salePrice IS NOT NULL', { shippedKind: MovementKind.SHIPPED })
    .andWhere('m.occurredAt >= :revenueStart AND m.occurredAt < :revenueEnd', { revenueStart: filter.period.start, revenueEnd: filter.period.end });
  for (const row of await filterProducts(ctx, qb, filter, 'm.productId').getRawMany()) {
    const line = new Decimal(String(row.quantity)).times(new Decimal(String(row.salePrice))).negated();
    const id = Number(row.warehouseId);
    result.set(id, (result.get(id) ?? new Decimal(0)).plus(line));
  }
  return result;
}
