import { Brackets, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { MovementKind } from '../../entities/stock-movement.entity';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { likePattern } from '../catalog/product.service';
import { ReportPeriod } from './report-period';
import { ROLLUP, utcDayOf } from './rollup-tables';
import { reportDialect } from './sql-dialect';

/** What the report queries range over: only warehouses the viewer selected and may select. */
export interface LedgerFilter {
  period: ReportPeriod;
  warehouseIds: number[];
  productSearch: string | null;
  /** Products picked by id (a variant, or a parent with all its variants); null: no such filter. */
  productIds: number[] | null;
}

/** The columns every part of a figures statement yields: group keys and signed sums per figure. */
export const FIGURE_COLUMNS = ['oq', 'ov', 'rq', 'rv', 'iq', 'iv', 'sq', 'sv', 'xq', 'xv', 'tq', 'tv'] as const;

/** The kinds summed into FIGURE_COLUMNS after the opening, in order (their periodKeys parameter names). */
const FIGURE_KINDS = ['received', 'transferIn', 'shipped', 'otherOut', 'transferOut'] as const;

export const hasProductFilter = (filter: LedgerFilter) => Boolean(filter.productSearch?.trim()) || filter.productIds !== null;

const shiftMonth = (month: string, by: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * The period's edges as rollup keys. Openings: months before `from`'s month, then its days before
 * `from`. Period sums: the whole calendar months inside the period from the monthly rollup
 * (`wholeFrom`…`wholeTo`, none when wholeFrom > wholeTo) and the other days from the daily one.
 */
export function periodKeys(period: ReportPeriod) {
  const endDay = utcDayOf(period.end);
  const fromMonth = period.from.slice(0, 7);
  const wholeFrom = period.from.endsWith('-01') ? fromMonth : shiftMonth(fromMonth, 1);
  const wholeTo = endDay.endsWith('-01') ? period.to.slice(0, 7) : shiftMonth(period.to.slice(0, 7), -1);
  return {
    from: period.from, to: period.to, fromMonth, monthStart: `${fromMonth}-01`,
    wholeFrom, wholeTo, wholeFromDay: `${wholeFrom}-01`, afterWholeDay: `${shiftMonth(wholeTo, 1)}-01`, hasWhole: wholeFrom <= wholeTo,
    endDay, endMonth: endDay.slice(0, 7), endMonthStart: `${endDay.slice(0, 7)}-01`,
    received: MovementKind.RECEIVED, shipped: MovementKind.SHIPPED, otherOut: MovementKind.OTHER_OUT,
    transferIn: MovementKind.TRANSFER_IN, transferOut: MovementKind.TRANSFER_OUT,
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

/** Signed sums per figure of rollup rows: those matching `before` add to the opening, the rest to their kind. */
function figureSums(alias: string, before: string, unitSum: (expression: string) => string): string {
  const sum = (when: string, column: string, as: string) => `${unitSum(`CASE WHEN ${when} THEN ${alias}.${column} ELSE 0 END`)} AS ${as}`;
  return [
    sum(before, 'quantity', 'oq'), sum(before, 'value', 'ov'),
    ...FIGURE_KINDS.flatMap((kind, i) => [
      sum(`NOT (${before}) AND ${alias}.kind = :${kind}`, 'quantity', FIGURE_COLUMNS[2 + 2 * i]),
      sum(`NOT (${before}) AND ${alias}.kind = :${kind}`, 'value', FIGURE_COLUMNS[3 + 2 * i]),
    ]),
  ].join(', ');
}

/**
 * The parts of a figures statement (docs/reports.md "Rollups"), each already summed per group.
 * Per warehouse without a product filter: monthly rows before `from`'s month and of the whole
 * months inside the period, daily rows for the rest. Otherwise, per product: the last closing
 * before `from`'s month, then the product's daily rows from that month's first day to `to`.
 */
export function figureParts(ctx: RequestContext, filter: LedgerFilter, perProduct: boolean): Array<SelectQueryBuilder<any>> {
  const keys = periodKeys(filter.period);
  const db = ctx.db;
  const { unitSum } = reportDialect(db);
  if (!perProduct && !hasProductFilter(filter)) {
    const months = scoped(ctx, db.createQueryBuilder().from(ROLLUP.warehouseMonth, 'wm'), filter, 'wm')
      .select(`wm.warehouseId AS gw, 0 AS gp, ${figureSums('wm', 'wm.month < :fromMonth', unitSum)}`)
      .andWhere(keys.hasWhole ? '(wm.month < :fromMonth OR (wm.month >= :wholeFrom AND wm.month <= :wholeTo))' : 'wm.month < :fromMonth', keys)
      .groupBy('wm.warehouseId');
    const days = scoped(ctx, db.createQueryBuilder().from(ROLLUP.warehouseDay, 'wd'), filter, 'wd')
      .select(`wd.warehouseId AS gw, 0 AS gp, ${figureSums('wd', 'wd.day < :from', unitSum)}`)
      .andWhere('wd.day >= :monthStart AND wd.day <= :to', keys)
      .groupBy('wd.warehouseId');
    if (keys.hasWhole) days.andWhere('(wd.day < :wholeFromDay OR wd.day >= :afterWholeDay)');
    return [months, days];
  }
  const zeros = FIGURE_COLUMNS.slice(2).map((c) => `0 AS ${c}`).join(', ');
  const last = filterProducts(ctx, scoped(ctx, db.createQueryBuilder().from(ROLLUP.closing, 'lc'), filter, 'lc'), filter, 'lc.productId')
    .select('lc.warehouseId AS warehouseId, lc.productId AS productId, MAX(lc.month) AS month')
    .andWhere('lc.month < :fromMonth', keys)
    .groupBy('lc.warehouseId').addGroupBy('lc.productId');
  const opening = db.createQueryBuilder().from(`(${last.getQuery()})`, 'last')
    .innerJoin(ROLLUP.closing, 'c', 'c.warehouseId = last.warehouseId AND c.productId = last.productId AND c.month = last.month')
    .select(`c.warehouseId AS gw, c.productId AS gp, c.quantity AS oq, c.value AS ov, ${zeros}`)
    .setParameters(last.getParameters());
  const days = filterProducts(ctx, scoped(ctx, db.createQueryBuilder().from(ROLLUP.day, 'pd'), filter, 'pd'), filter, 'pd.productId')
    .select(`pd.warehouseId AS gw, pd.productId AS gp, ${figureSums('pd', 'pd.day < :from', unitSum)}`)
    .andWhere('pd.day >= :monthStart AND pd.day <= :to', keys)
    .groupBy('pd.warehouseId').addGroupBy('pd.productId');
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
 * The company's stock at `end`, every warehouse and product: monthly rows before `end`'s month
 * plus its whole days before `end`. Deliberately unscoped — declared exception (a) of DESIGN §3.8.
 */
export function companyValueParts(ctx: RequestContext, period: ReportPeriod): Array<SelectQueryBuilder<any>> {
  const keys = periodKeys(period);
  return [
    ctx.db.createQueryBuilder().from(ROLLUP.warehouseMonth, 'wm').select('wm.value AS v').where('wm.month < :endMonth', keys),
    ctx.db.createQueryBuilder().from(ROLLUP.warehouseDay, 'wd').select('wd.value AS v')
      .where('wd.day >= :endMonthStart AND wd.day < :endDay', keys),
  ];
}
