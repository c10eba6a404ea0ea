import Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { ProductType } from './product.type';
import { WarehouseType } from './warehouse.type';

/** Inventory report types (DESIGN §4, docs/reports.md). Values are at the purchase price captured in the ledger. */

@ObjectType('ReportAmount', { description: 'A quantity and its value at the purchase price captured in the ledger.' })
export class ReportAmountType {
  @Field(() => DecimalScalar) quantity: Decimal;
  @Field(() => DecimalScalar) value: Decimal;
}

@ObjectType('MovementFigures', { description: 'closing = opening + received − shipped − otherOutgoing, exactly.' })
export class MovementFiguresType {
  @Field(() => ReportAmountType, { description: 'Stock before the first day of the period.' }) opening: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Receipts, adjustments and transfers in, net of their cancellations.' }) received: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'The transfers in included in `received`.' }) transfersIn: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Sales orders, net of their cancellations.' }) shipped: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Write-offs and transfers out, net of their cancellations.' }) otherOutgoing: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'The transfers out included in `otherOutgoing`.' }) transfersOut: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Stock at the end of the last day of the period.' }) closing: ReportAmountType;
}

@ObjectType('WarehouseMovement')
export class WarehouseMovementType extends MovementFiguresType {
  @Field(() => WarehouseType, { nullable: true }) warehouse: WarehouseType | null;
}

@ObjectType('ProductMovement')
export class ProductMovementType extends MovementFiguresType {
  @Field(() => ProductType, { nullable: true, description: 'Needs CATALOG_VIEW.' }) product: ProductType | null;
}

@ObjectType('MovementReport', { description: 'Needs REPORT_VIEW for MOVEMENT.' })
export class MovementReportType {
  @Field(() => MovementFiguresType, { description: 'Over all rows of `warehouses`.' }) total: MovementFiguresType;
  @Field(() => [WarehouseMovementType]) warehouses: WarehouseMovementType[];
  @Field(() => [ProductMovementType], { description: 'Drill-down: per product in drillDownWarehouseId (empty without one).' })
  products: ProductMovementType[];
}

@ObjectType('WarehouseSales')
export class WarehouseSalesType {
  @Field(() => WarehouseType, { nullable: true }) warehouse: WarehouseType | null;
  @Field(() => DecimalScalar, { description: 'Value of stock from outside — receipts and adjustments, net of their cancellations; transfers in do not count.' }) receivedValue: Decimal;
  @Field(() => DecimalScalar, { description: 'Value of sales orders, net of their cancellations; transfers out do not count.' }) shippedValue: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'shippedValue / receivedValue in %, 2 places; null when nothing was received.' })
  sellThroughPercent: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'This warehouse\'s share of the shipped value of the report in %, 2 places; null when nothing was shipped.' })
  shippedSharePercent: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Σ quantity × line sale price of sales orders, net of their cancellations. Needs SALES_VIEW.' }) revenue?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'revenue − shippedValue (the cost of what was shipped, at moving-average cost). Needs SALES_VIEW and PURCHASE_PRICE_VIEW.' }) margin?: Decimal | null;
}

@ObjectType('DailySales', { description: 'One UTC day of the period.' })
export class DailySalesType {
  @Field(() => DateScalar, { description: 'The UTC day.' }) day: string;
  @Field(() => DecimalScalar, { description: 'Value of stock from outside — receipts and adjustments, net of their cancellations; transfers in do not count.' }) receivedValue: Decimal;
  @Field(() => DecimalScalar, { description: 'Value of sales orders, net of their cancellations; transfers out do not count.' }) shippedValue: Decimal;
}

@ObjectType('SalesReport', { description: 'Needs REPORT_VIEW for SALES. Counts stock from outside and sales only: a transfer is never a purchase and never a sale (DESIGN §4).' })
export class SalesReportType {
  @Field(() => DecimalScalar, { description: 'Value of stock from outside — receipts and adjustments, net of their cancellations; transfers in do not count.' }) receivedValue: Decimal;
  @Field(() => DecimalScalar, { description: 'Value of sales orders, net of their cancellations; transfers out do not count.' }) shippedValue: Decimal;
  @Field(() => DecimalScalar, { nullable: true }) sellThroughPercent: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Σ quantity × line sale price of sales orders, net of their cancellations. Needs SALES_VIEW.' }) revenue?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'revenue − shippedValue (the cost of what was shipped, at moving-average cost). Needs SALES_VIEW and PURCHASE_PRICE_VIEW.' }) margin?: Decimal | null;
  @Field(() => [WarehouseSalesType]) warehouses: WarehouseSalesType[];
  @Field(() => [DailySalesType], { description: 'Every day of the period, zeros included, for the chart.' }) daily: DailySalesType[];
}

@ObjectType('WarehouseBalance')
export class WarehouseBalanceType extends ReportAmountType {
  @Field(() => WarehouseType, { nullable: true }) warehouse: WarehouseType | null;
}

@ObjectType('ProductBalance')
export class ProductBalanceType extends ReportAmountType {
  @Field(() => ProductType, { nullable: true, description: 'Needs CATALOG_VIEW.' }) product: ProductType | null;
}

@ObjectType('StockBalanceReport', { description: 'Needs REPORT_VIEW for STOCK_BALANCE. Balances at the end of the period.' })
export class StockBalanceReportType {
  @Field(() => Date, { description: 'The instant the balances are taken at: midnight (UTC) after `to`.' }) asOf: Date;
  @Field(() => ReportAmountType) total: ReportAmountType;
  @Field(() => [WarehouseBalanceType]) warehouses: WarehouseBalanceType[];
  @Field(() => [ProductBalanceType], { description: 'Per product in drillDownWarehouseId, non-zero balances only.' })
  products: ProductBalanceType[];
}

@ObjectType('InventoryReport', {
  description: 'Computed from the stock ledger over the warehouses the viewer can select (DESIGN §4). Each section needs its REPORT_VIEW kind.',
})
export class InventoryReportType {
  @Field(() => DateScalar, { description: 'First day of the period (UTC), included.' }) from: string;
  @Field(() => DateScalar, { description: 'Last day of the period (UTC), included.' }) to: string;
}
