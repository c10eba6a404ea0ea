import Decimal from 'decimal.js';
import { Field, InterfaceType, ObjectType } from 'type-graphql';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { ProductType } from './product.type';
import { WarehouseType } from './warehouse.type';

/** Inventory report types (DESIGN §4, docs/reports.md). Values are at the purchase price captured in the ledger. */

const REVENUE = 'Σ quantity × line sale price of sales orders, net of their cancellations.';
const MARGIN = 'revenue − shippedValue (the cost of what was shipped, at moving-average cost).';

@ObjectType('ReportAmount', { description: 'A quantity and its value at the purchase price captured in the ledger.' })
export class ReportAmountType {
  @Field(() => DecimalScalar, { description: 'How much stock, in the products\' own units (a sum over several products adds them as they are).' })
  quantity: Decimal;
  @Field(() => DecimalScalar, { description: 'What it is worth at the costs its ledger rows carry (moving-average cost, DESIGN §1).' }) value: Decimal;
}

/**
 * The movement figures, declared once (issue 18 §5): the total, a warehouse's row and a product's
 * row implement them, so one fragment on MovementFigures reads any of them (docs/frontend.md).
 */
@InterfaceType('MovementFigures', {
  description: 'closing = opening + received − shipped − otherOutgoing, exactly. The figures of the total, a warehouse or a product: MovementTotal, WarehouseMovement, ProductMovement.',
})
export abstract class MovementFiguresType {
  @Field(() => ReportAmountType, { description: 'Stock before the first day of the period.' }) opening: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Receipts, adjustments and transfers in, net of their cancellations.' }) received: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'The transfers in included in `received`.' }) transfersIn: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Sales orders, net of their cancellations.' }) shipped: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Write-offs and transfers out, net of their cancellations.' }) otherOutgoing: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'The transfers out included in `otherOutgoing`.' }) transfersOut: ReportAmountType;
  @Field(() => ReportAmountType, { description: 'Stock at the end of the last day of the period.' }) closing: ReportAmountType;
}

@ObjectType('MovementTotal', { implements: MovementFiguresType, description: 'The movement figures over every warehouse of the report.' })
export class MovementTotalType extends MovementFiguresType {}

@ObjectType('WarehouseMovement', { implements: MovementFiguresType, description: 'The movement figures of one warehouse over the period.' })
export class WarehouseMovementType extends MovementFiguresType {
  @Field(() => WarehouseType, { nullable: true, description: 'The warehouse the figures are for.' }) warehouse: WarehouseType | null;
}

@ObjectType('ProductMovement', { implements: MovementFiguresType, description: 'The movement figures of one product in the drill-down warehouse over the period.' })
export class ProductMovementType extends MovementFiguresType {
  @Field(() => ProductType, { nullable: true, description: 'The product the figures are for.' }) product: ProductType | null;
}

@ObjectType('MovementReport', {
  description: 'What came in, went out and remained over the period, per warehouse and, in one warehouse, per product (DESIGN §4).',
})
export class MovementReportType {
  @Field(() => MovementTotalType, { description: 'Over all rows of `warehouses`.' }) total: MovementTotalType;
  @Field(() => [WarehouseMovementType], { description: 'One row per warehouse of the report.' }) warehouses: WarehouseMovementType[];
  @Field(() => [ProductMovementType], { description: 'Drill-down: per product in drillDownWarehouseId (empty without one).' })
  products: ProductMovementType[];
}

@ObjectType('WarehouseSales', { description: 'The sales figures of one warehouse over the period.' })
export class WarehouseSalesType {
  @Field(() => WarehouseType, { nullable: true, description: 'The warehouse the figures are for.' }) warehouse: WarehouseType | null;
  @Field(() => DecimalScalar, { description: 'Value of stock from outside — receipts and adjustments, net of their cancellations; transfers in do not count.' }) receivedValue: Decimal;
  @Field(() => DecimalScalar, { description: 'Value of sales orders, net of their cancellations; transfers out do not count.' }) shippedValue: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'shippedValue / receivedValue in %, 2 places; null when nothing was received.' })
  sellThroughPercent: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'This warehouse\'s share of the shipped value of the report in %, 2 places; null when nothing was shipped.' })
  shippedSharePercent: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: REVENUE }) revenue?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: MARGIN }) margin?: Decimal | null;
}

@ObjectType('DailySales', { description: 'One UTC day of the period.' })
export class DailySalesType {
  @Field(() => DateScalar, { description: 'The UTC day the figures are for.' }) day: string;
  @Field(() => DecimalScalar, { description: 'Value of stock from outside — receipts and adjustments, net of their cancellations; transfers in do not count.' }) receivedValue: Decimal;
  @Field(() => DecimalScalar, { description: 'Value of sales orders, net of their cancellations; transfers out do not count.' }) shippedValue: Decimal;
}

@ObjectType('SalesReport', { description: 'What arrived from outside and what was sold over the period; a transfer is never a purchase and never a sale (DESIGN §4).' })
export class SalesReportType {
  @Field(() => DecimalScalar, { description: 'Value of stock from outside — receipts and adjustments, net of their cancellations; transfers in do not count.' }) receivedValue: Decimal;
  @Field(() => DecimalScalar, { description: 'Value of sales orders, net of their cancellations; transfers out do not count.' }) shippedValue: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'shippedValue / receivedValue in %, 2 places; null when nothing was received.' })
  sellThroughPercent: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: REVENUE }) revenue?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: MARGIN }) margin?: Decimal | null;
  @Field(() => [WarehouseSalesType], { description: 'The same figures per warehouse of the report.' }) warehouses: WarehouseSalesType[];
  @Field(() => [DailySalesType], { description: 'Every day of the period, zeros included, for the chart.' }) daily: DailySalesType[];
}

@ObjectType('WarehouseBalance', { description: 'The stock of one warehouse at the end of the period.' })
export class WarehouseBalanceType extends ReportAmountType {
  @Field(() => WarehouseType, { nullable: true, description: 'The warehouse the balance is for.' }) warehouse: WarehouseType | null;
}

@ObjectType('ProductBalance', { description: 'The stock of one product in the drill-down warehouse at the end of the period.' })
export class ProductBalanceType extends ReportAmountType {
  @Field(() => ProductType, { nullable: true, description: 'The product the balance is for.' }) product: ProductType | null;
}

@ObjectType('StockBalanceReport', { description: 'Stock and its value at the end of the period, per warehouse and, in one warehouse, per product.' })
export class StockBalanceReportType {
  @Field(() => Date, { description: 'The instant the balances are taken at: midnight (UTC) after `to`.' }) asOf: Date;
  @Field(() => ReportAmountType, { description: 'All warehouses of the report together.' }) total: ReportAmountType;
  @Field(() => [WarehouseBalanceType], { description: 'One balance per warehouse of the report.' }) warehouses: WarehouseBalanceType[];
  @Field(() => [ProductBalanceType], { description: 'Per product in drillDownWarehouseId, non-zero balances only.' })
  products: ProductBalanceType[];
}

@ObjectType('InventoryReport', {
  description: 'Computed from the stock ledger over the warehouses the viewer can select (DESIGN §4). Each section is granted by its own '
    + 'REPORT_VIEW kind, which also shows the money inside it.',
})
export class InventoryReportType {
  @Field(() => DateScalar, { description: 'First day of the period (UTC), included.' }) from: string;
  @Field(() => DateScalar, { description: 'Last day of the period (UTC), included.' }) to: string;
}
