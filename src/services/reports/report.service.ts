import Decimal from 'decimal.js';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { parseId } from '../platform/ids';
import { companyStockValue, dailyValues, DailyValues, figuresBy, revenueBy } from './report-aggregates';
import { Amount, fromOutside, isZeroFigures, MovementFigures, sumFigures } from './report-figures';
import { LedgerFilter } from './rollup-queries';
import { ReportPeriod, reportPeriod } from './report-period';

export interface ReportArgs {
  from: string;
  to: string;
  warehouseIds?: string[] | null;
  productSearch?: string | null;
  /** A variant, or a parent with all its variants; ids naming nothing match nothing. */
  productIds?: string[] | null;
  drillDownWarehouseId?: string | null;
}

/**
 * A requested report: the period and the warehouses it covers (those the viewer can select,
 * intersected with the requested ones). Sections are computed when asked for and share the
 * ledger aggregates through `memo`, so each statement runs at most once per request.
 */
export interface ReportPlan {
  from: string;
  to: string;
  period: ReportPeriod;
  filter: LedgerFilter;
  /** Covered warehouses, by code. */
  warehouses: Warehouse[];
  drillDown: Warehouse | null;
  memo: Map<string, Promise<unknown>>;
}

export interface WarehouseFiguresRow extends MovementFigures { warehouse: Warehouse }
export interface ProductFiguresRow extends MovementFigures { product: Product }

const memo = <T>(plan: ReportPlan, key: string, compute: () => Promise<T>): Promise<T> => {
  if (!plan.memo.has(key)) plan.memo.set(key, compute());
  return plan.memo.get(key) as Promise<T>;
};

/** part / whole in percent, 2 decimal places; null when the whole is zero. */
export const percent = (part: Decimal, whole: Decimal): Decimal | null =>
  whole.isZero() ? null : part.div(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** Rows per covered warehouse: every active one, and inactive ones that have movements. */
function warehouseRows(ctx: RequestContext, plan: ReportPlan): Promise<WarehouseFiguresRow[]> {
  return memo(plan, 'warehouses', async () => {
    const byWarehouse = await figuresBy(ctx, plan.filter, 'warehouse');
    return plan.warehouses
      .filter((w) => w.active || byWarehouse.has(w.id))
      .map((warehouse) => ({ warehouse, ...(byWarehouse.get(warehouse.id) ?? sumFigures([])) }));
  });
}

/** Drill-down: rows per product of the drill-down warehouse, by SKU; products without any figure are left out. */
function productRows(ctx: RequestContext, plan: ReportPlan): Promise<ProductFiguresRow[]> {
  return memo(plan, 'products', async () => {
    if (!plan.drillDown) return [];
    const byProduct = await figuresBy(ctx, { ...plan.filter, warehouseIds: [plan.drillDown.id] }, 'product');
    const ids = [...byProduct].filter(([, f]) => !isZeroFigures(f)).map(([id]) => id);
    const products = await ctx.loaders.product.loadMany(ids);
    return ids
      .map((id, i) => ({ product: products[i] as Product | null, ...byProduct.get(id)! }))
      .filter((row): row is ProductFiguresRow => row.product !== null)
      .sort((a, b) => a.product.sku.localeCompare(b.product.sku));
  });
}

/** Every day of the period, zeros included, for the chart. */
const everyDay = (plan: ReportPlan, series: Map<string, DailyValues>): DailyValues[] =>
  plan.period.days.map((day) => series.get(day) ?? { day, receivedValue: new Decimal(0), shippedValue: new Decimal(0) });

const balance = (f: MovementFigures): Amount => f.closing;
const hasBalance = (a: Amount) => !a.quantity.isZero() || !a.value.isZero();

export const reportService = {
  /** Validates the period (BAD_USER_INPUT) and resolves the covered warehouses in one scoped statement. */
  async plan(ctx: RequestContext, args: ReportArgs): Promise<ReportPlan> {
    const period = reportPeriod(args.from, args.to);
    const qb = ctx.db.getRepository(Warehouse).createQueryBuilder('w').orderBy('w.code', 'ASC');
    if (args.warehouseIds) {
      // Ids that name nothing, or a warehouse the viewer cannot select, cover nothing (DESIGN §3.2).
      const ids = args.warehouseIds.map(parseId).filter((id): id is number => id !== null);
      qb.andWhere(ids.length ? 'w.id IN (:...requested)' : '1 = 0', { requested: ids });
    }
    const warehouses = await restrictToWarehouses(qb, ctx.access, 'w.id').getMany();
    const drillDownId = parseId(args.drillDownWarehouseId);
    return {
      from: period.from,
      to: period.to,
      period,
      filter: {
        period, warehouseIds: warehouses.map((w) => w.id), productSearch: args.productSearch ?? null,
        productIds: args.productIds ? args.productIds.map(parseId).filter((id): id is number => id !== null) : null,
      },
      warehouses,
      drillDown: warehouses.find((w) => w.id === drillDownId) ?? null,
      memo: new Map(),
    };
  },

  /** The company-wide stock value at the end of the period (DESIGN §3.8 exception): ignores scope and filters. */
  totalStockValue(ctx: RequestContext, plan: ReportPlan): Promise<Decimal> {
    return memo(plan, 'totalStockValue', () => companyStockValue(ctx, plan.filter));
  },

  async movement(ctx: RequestContext, plan: ReportPlan) {
    const warehouses = await warehouseRows(ctx, plan);
    return {
      total: sumFigures(warehouses),
      warehouses,
      products: await productRows(ctx, plan),
    };
  },

  async sales(ctx: RequestContext, plan: ReportPlan) {
    const [rows, daily] = await Promise.all([
      warehouseRows(ctx, plan),
      memo(plan, 'daily', () => dailyValues(ctx, plan.filter, false)).then((series) => series.get(0) ?? new Map()),
    ]);
    // Sales count stock from outside only: a transfer is never a purchase and never a sale (DESIGN §4).
    const total = sumFigures(rows);
    const received = fromOutside(total).value;
    return {
      plan,
      warehouseId: null,
      receivedValue: received,
      shippedValue: total.shipped.value,
      sellThroughPercent: percent(total.shipped.value, received),
      warehouses: rows.map((row) => ({
        warehouse: row.warehouse,
        receivedValue: fromOutside(row).value,
        shippedValue: row.shipped.value,
        sellThroughPercent: percent(row.shipped.value, fromOutside(row).value),
        shippedSharePercent: percent(row.shipped.value, total.shipped.value),
        plan,
        warehouseId: row.warehouse.id,
      })),
      daily: everyDay(plan, daily),
    };
  },

  /**
   * Revenue of one warehouse row of the sales section, or (null) of all its rows; asked only by
   * viewers with SALES_VIEW (the shield), one statement per request. Margin = revenue − shippedValue.
   */
  async revenue(ctx: RequestContext, plan: ReportPlan, warehouseId: number | null): Promise<Decimal> {
    const byWarehouse = await memo(plan, 'revenue', () => revenueBy(ctx, plan.filter));
    if (warehouseId !== null) return byWarehouse.get(warehouseId) ?? new Decimal(0);
    const rows = await warehouseRows(ctx, plan);
    return rows.reduce((sum, row) => sum.plus(byWarehouse.get(row.warehouse.id) ?? 0), new Decimal(0));
  },

  /** One warehouse's daily series (asked per warehouse row; one statement for all rows of the request). */
  async warehouseDaily(ctx: RequestContext, plan: ReportPlan, warehouseId: number): Promise<DailyValues[]> {
    const series = await memo(plan, 'dailyByWarehouse', () => dailyValues(ctx, plan.filter, true));
    return everyDay(plan, series.get(warehouseId) ?? new Map());
  },

  async stockBalance(ctx: RequestContext, plan: ReportPlan) {
    const [rows, products] = await Promise.all([warehouseRows(ctx, plan), productRows(ctx, plan)]);
    return {
      asOf: plan.period.end,
      total: balance(sumFigures(rows)),
      warehouses: rows.map((row) => ({ warehouse: row.warehouse, ...balance(row) })),
      products: products.filter((row) => hasBalance(row.closing)).map((row) => ({ product: row.product, ...balance(row) })),
    };
  },
};
