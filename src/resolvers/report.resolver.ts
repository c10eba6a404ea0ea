import Decimal from 'decimal.js';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { DecimalScalar } from '../schema/decimal.scalar';
import { InventoryReportType, MovementReportType, SalesReportType, StockBalanceReportType } from '../schema/report.type';
import { ReportPlan, reportService } from '../services/reports/report.service';
import { MAX_REPORT_DAYS } from '../services/reports/report-period';

@Resolver(() => InventoryReportType)
export class ReportResolver {
  @Query(() => InventoryReportType, {
    nullable: true,
    description: `Inventory report over whole UTC days, from and to included (at most ${MAX_REPORT_DAYS} days). Needs REPORT_VIEW.`,
  })
  inventoryReport(
    @Ctx() ctx: RequestContext,
    @Arg('from', { description: 'First day, YYYY-MM-DD.' }) from: string,
    @Arg('to', { description: 'Last day, YYYY-MM-DD (included).' }) to: string,
    @Arg('warehouseIds', () => [ID], { nullable: true, description: 'Narrow to these warehouses (default: all the viewer can select).' })
    warehouseIds: string[] | null,
    @Arg('productSearch', () => String, { nullable: true, description: 'Products whose name, or whose parent product\'s name, contains this text.' })
    productSearch: string | null,
    @Arg('drillDownWarehouseId', () => ID, { nullable: true, description: 'The warehouse whose per-product rows to include.' })
    drillDownWarehouseId: string | null,
  ): Promise<ReportPlan> {
    return reportService.plan(ctx, { from, to, warehouseIds, productSearch, drillDownWarehouseId });
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Company-wide value of all stock at the end of the period, over every warehouse and product regardless of the filters and of WAREHOUSE_SELECT.',
  })
  totalStockValue(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return reportService.totalStockValue(ctx, plan);
  }

  @FieldResolver(() => MovementReportType, { nullable: true })
  movement(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext) {
    return reportService.movement(ctx, plan);
  }

  @FieldResolver(() => SalesReportType, { nullable: true })
  sales(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext) {
    return reportService.sales(ctx, plan);
  }

  @FieldResolver(() => StockBalanceReportType, { nullable: true })
  stockBalance(@Root() plan: ReportPlan, @Ctx() ctx: RequestContext) {
    return reportService.stockBalance(ctx, plan);
  }
}
