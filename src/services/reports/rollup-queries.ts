import { Brackets, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { MovementKind } from '../../entities/stock-movement.entity';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { likePattern } from '../catalog/product.service';
import { ReportPeriod } from './report-period';
import { ROLLUP, utcDayOf } from './rollup-tables';

/** What the report queries range over: only warehouses the viewer selected and may select. */
export interface LedgerFilter {
  period: ReportPeriod;
  warehouseIds: number[];
  productSearch: string | null;
  /** Products picked by id (a variant, or a parent with all its variants); null: no such filter. */
  productIds: number[] | null;
}

/** The columns every part of a figures statement yields: group keys and signed sums per figure. */
export const FIGURE_COLUMNS = ['oq', 'ov', 'rq', 'rv', 'sq', 'sv', 'xq', 'xv'] as const;

export const hasProductFilter = (filter: LedgerFilter) => Boolean(filter.productSearch?.trim()) || filter.productIds !== null;

/** The period's edges as rollup keys: sums run from the first day of `from`'s month, openings from months before it. */
export function periodKeys(period: ReportPeriod) {
  const endDay = utcDayOf(period.end);
  return {
    from: period.from, to: period.to, fromMonth: period.from.slice(0, 7), monthStart: `${period.from.slice(0, 7)}-01`,
    endDay, endMonth: endDay.slice(0, 7), endMonthStart: `${endDay.slice(0, 7)}-01`,
    received: MovementKind.RECEIVED, shipped: MovementKind.SHIPPED, otherOut: MovementKind.OTHER_OUT,
  };
}

/** Restricts `alias.warehouseId` to the report's warehouses and the viewer's scope (DESIGN §3.1). */
export function scoped<T extends SelectQueryBuilder<any>>(ctx: RequestContext, qb: T, filter: LedgerFilter, alias: string): T {
  qb.andWhere(`${alias}.warehouseId IN (:...reportWarehouses)`, { reportWarehouses: filter.warehouseIds });
  return restrictToWarehouses(qb, ctx.access, `${alias}.warehouseId`) as T;
}

/**
 * Keeps rows of products matching the filter: a name search matches a product's own name or
 * its parent's ("cotton dress" finds every colour); picked ids take the product or, for a
 * parent, all its variants. A semi-join, so the rollups' keys stay usable.
 */
export function filterProducts<T extends SelectQueryBuilder<any>>(ctx: RequestContext, qb: T, filter: LedgerFilter, column: string): T {
  if (!hasProductFilter(filter)) return qb;
  const products = ctx.db.createQueryBuilder().subQuery().select('p.id').from(Product, 'p').leftJoin(Product, 'pp', 'pp.id = p.parentId');
  const search = filter.productSearch?.trim();
  if (search) {
    products.andWhere(new Brackets((w) => {
      w.where("LOWER(p.name) LIKE :pattern ESCAPE '!'").orWhere("LOWER(pp.name) LIKE :pattern ESCAPE '!'");
    }));
    qb.setParameter('pattern', likePattern(search));
  }
  if (filter.productIds !== null) {
    products.andWhere(filter.productIds.length ? '(p.id IN (:...pickedProducts) OR p.parentId IN (:...pickedProducts))' : '1 = 0');
    qb.setParameter('pickedProducts', filter.productIds);
  }
  return qb.andWhere(`${column} IN ${products.getQuery()}`) as T;
}

/** A SELECT over several parts glued with UNION ALL, their parameters merged (names are shared on purpose). */
export function unionOf(ctx: RequestContext, parts: Array<SelectQueryBuilder<any>>, alias: string): SelectQueryBuilder<any> {
  const sql = parts.map((p) => p.getQuery()).join(' UNION ALL ');
  const outer = ctx.db.createQueryBuilder().from(`(${sql})`, alias);
  for (const part of parts) outer.setParameters(part.getParameters());
  return outer;
}

/**
 * The parts of a figures statement (docs/reports.md "Rollups"): the opening from closings
 * before `from`'s month, then the whole days from that month's first day to `to` — those
 * before `from` add to the opening, the rest to received / shipped / other outgoing.
 * Per warehouse without a product filter, the per-warehouse rollups are enough; otherwise the per-product ones.
 */
export function figureParts(ctx: RequestContext, filter: LedgerFilter, perProduct: boolean): Array<SelectQueryBuilder<any>> {
  const keys = periodKeys(filter.period);
  const zeros = (from: number) => FIGURE_COLUMNS.slice(from).map((c) => `0 AS ${c}`).join(', ');
  const kindSums = (r: string) => [
    `CASE WHEN ${r}.day < :from THEN ${r}.quantity ELSE 0 END AS oq`, `CASE WHEN ${r}.day < :from THEN ${r}.value ELSE 0 END AS ov`,
    ...(['received', 'shipped', 'otherOut'] as const).flatMap((kind, i) => [
      `CASE WHEN ${r}.day >= :from AND ${r}.kind = :${kind} THEN ${r}.quantity ELSE 0 END AS ${FIGURE_COLUMNS[2 + 2 * i]}`,
      `CASE WHEN ${r}.day >= :from AND ${r}.kind = :${kind} THEN ${r}.value ELSE 0 END AS ${FIGURE_COLUMNS[3 + 2 * i]}`,
    ]),
  ].join(', ');
  const db = ctx.db;
  if (!perProduct && !hasProductFilter(filter)) {
    const opening = scoped(ctx, db.createQueryBuilder().from(ROLLUP.warehouseMonth, 'wm'), filter, 'wm')
      .select(`wm.warehouseId AS gw, 0 AS gp, wm.quantity AS oq, wm.value AS ov, ${zeros(2)}`)
      .andWhere('wm.month < :fromMonth', keys);
    const days = scoped(ctx, db.createQueryBuilder().from(ROLLUP.warehouseDay, 'wd'), filter, 'wd')
      .select(`wd.warehouseId AS gw, 0 AS gp, ${kindSums('wd')}`)
      .andWhere('wd.day >= :monthStart AND wd.day <= :to', keys);
    return [opening, days];
  }
  const last = filterProducts(ctx, scoped(ctx, db.createQueryBuilder().from(ROLLUP.closing, 'lc'), filter, 'lc'), filter, 'lc.productId')
    .select('lc.warehouseId AS warehouseId, lc.productId AS productId, MAX(lc.month) AS month')
    .andWhere('lc.month < :fromMonth', keys)
    .groupBy('lc.warehouseId').addGroupBy('lc.productId');
  const opening = db.createQueryBuilder().from(`(${last.getQuery()})`, 'last')
    .innerJoin(ROLLUP.closing, 'c', 'c.warehouseId = last.warehouseId AND c.productId = last.productId AND c.month = last.month')
    .select(`c.warehouseId AS gw, c.productId AS gp, c.quantity AS oq, c.value AS ov, ${zeros(2)}`)
    .setParameters(last.getParameters());
  const days = filterProducts(ctx, scoped(ctx, db.createQueryBuilder().from(ROLLUP.day, 'pd'), filter, 'pd'), filter, 'pd.productId')
    .select(`pd.warehouseId AS gw, pd.productId AS gp, ${kindSums('pd')}`)
    .andWhere('pd.day >= :monthStart AND pd.day <= :to', keys);
  return [opening, days];
}

/** Received and shipped value per day (and warehouse) of the period, from the rollup the filter allows. */
export function dailyPart(ctx: RequestContext, filter: LedgerFilter): SelectQueryBuilder<any> {
  const keys = periodKeys(filter.period);
  const [table, alias] = hasProductFilter(filter) ? [ROLLUP.day, 'pd'] : [ROLLUP.warehouseDay, 'wd'];
  const qb = scoped(ctx, ctx.db.createQueryBuilder().from(table, alias), filter, alias)
    .andWhere(`${alias}.day >= :from AND ${alias}.day <= :to`, keys);
  return alias === 'pd' ? filterProducts(ctx, qb, filter, 'pd.productId') : qb;
}

/**
 * The company's stock at `end`, every warehouse and product: monthly nets before `end`'s month
 * plus its whole days before `end`. Deliberately unscoped — the one declared exception of DESIGN §3.8.
 */
export function companyValueParts(ctx: RequestContext, period: ReportPeriod): Array<SelectQueryBuilder<any>> {
  const keys = periodKeys(period);
  return [
    ctx.db.createQueryBuilder().from(ROLLUP.warehouseMonth, 'wm').select('wm.value AS v').where('wm.month < :endMonth', keys),
    ctx.db.createQueryBuilder().from(ROLLUP.warehouseDay, 'wd').select('wd.value AS v')
      .where('wd.day >= :endMonthStart AND wd.day < :endDay', keys),
  ];
}
