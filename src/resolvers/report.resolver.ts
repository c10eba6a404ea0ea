import Decimal from 'decimal.js';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { DateScalar } from '../schema/date.scalar';
import { DecimalScalar } from '../schema/decimal.scalar';
import {
  DailySalesType, InventoryReportType, MovementReportType, SalesReportType, StockBalanceReportType, WarehouseSalesType,
} from '../schema/report.type';
import { ReportPlan, reportService } from '../services/reports/report.service';
import { MAX_REPORT_DAYS } from '../services/reports/report-period';

@Resolver(() => InventoryReportType)
export class ReportResolver {
  @Query(() => InventoryReportType, {
    nullable: true,
    description: `Inventory report over whole UTC days, from and to included (at most ${MAX_REPORT_DAYS} days).`,
  })
  inventoryReport(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { description: 'First day (UTC), included.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day (UTC), included.' }) to: string,
    @Arg('warehouseIds', () => [ID], { nullable: true, description: 'Narrow to these warehouses (default: all the viewer can select).' })
    warehouseIds: string[] | null,
    @Arg('productSearch', () => String, { nullable: true, description: 'Products whose name, or whose parent product\'s name, contains this text.' })
    productSearch: string | null,
    @Arg('productIds', () => [ID], { nullable: true, description: 'Only these products: a variant by its id, a parent with all its variants (default: all).' })
    productIds: string[] | null,
    @Arg('drillDownWarehouseId', () => ID, { nullable: true, description: 'The warehouse whose per-product rows to include.' })
    drillDownWarehouseId: string | null,
  ): Promise<ReportPlan> {
    return reportService.plan(ctx, { from, to, warehouseIds, productSearch, productIds, drillDownWarehouseId });
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Company-wide value of all stock at the end of the period, over every warehouse and product regardless of the filters and of WAREHOUSE_SELECT.',
  })
  totalStockValue(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return reportService.totalStockValue(ctx, plan);
  }

  @FieldResolver(() => MovementReportType, { nullable: true, description: 'Opening, received, shipped, other outgoing and closing stock.' })
  movement(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext) {
    return reportService.movement(ctx, plan);
  }

  @FieldResolver(() => SalesReportType, { nullable: true, description: 'Received and shipped value, sell-through, daily series; revenue and margin.' })
  sales(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext) {
    return reportService.sales(ctx, plan);
  }

  @FieldResolver(() => StockBalanceReportType, { nullable: true, description: 'Stock and its value at the end of the period.' })
  stockBalance(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext) {
    return reportService.stockBalance(ctx, plan);
  }
}

/** A sales section or warehouse row as reportService.sales builds it: it carries its plan for what is computed only when asked for. */
type SalesRow = { plan: ReportPlan; warehouseId: number | null; shippedValue: Decimal };

/** Revenue and margin of the whole sales section (rules: report.rules.ts). */
@Resolver(() => SalesReportType)
export class SalesReportResolver {
  @FieldResolver(() => DecimalScalar, { nullable: true })
  revenue(@Root() row: SalesRow, @Ctx() ctx: RequestContext) {
    return reportService.revenue(ctx, row.plan, row.warehouseId);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  async margin(@Root() row: SalesRow, @Ctx() ctx: RequestContext) {
    return (await reportService.revenue(ctx, row.plan, row.warehouseId)).minus(row.shippedValue);
  }
}

/** A warehouse row of the sales section carries its plan, so its daily series, revenue and margin are computed only when asked for. */
@Resolver(() => WarehouseSalesType)
export class WarehouseSalesResolver {
  @FieldResolver(() => DecimalScalar, { nullable: true })
  revenue(@Root() row: SalesRow, @Ctx() ctx: RequestContext) {
    return reportService.revenue(ctx, row.plan, row.warehouseId);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  async margin(@Root() row: SalesRow, @Ctx() ctx: RequestContext) {
    return (await reportService.revenue(ctx, row.plan, row.warehouseId)).minus(row.shippedValue);
  }

  @FieldResolver(() => [DailySalesType], { description: 'This warehouse\'s series: every day of the period, zeros included.' })
  daily(@Root() row: WarehouseSalesType & { plan: ReportPlan }, @Ctx() ctx: RequestContext) {
    return reportService.warehouseDaily(ctx, row.plan, row.warehouse!.id);
  }
}
