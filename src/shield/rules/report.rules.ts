import { accessRule, and, notAuthenticated, Permission, requires, requiresReport, visibleWithParent } from '../rules';
import { RuleTree } from '../rule';
import { ReportKind } from '../permission-catalog';
import { need, needsAll } from '../requirement';

/** Any REPORT_VIEW grant, whatever its kinds. */
const anyReport = accessRule('report(any)', needsAll(need('REPORT_VIEW', 'REPORT_VIEW (any report kind)')), (access) => {
  if (!access.authenticated) return notAuthenticated;
  return access.grants.hasReportView ? null
    : { code: 'FORBIDDEN', permission: 'REPORT_VIEW', message: 'Missing permission REPORT_VIEW: reports need it.' };
});

const amountFields = ['quantity', 'value'];
const figureFields = ['opening', 'received', 'transfersIn', 'shipped', 'otherOutgoing', 'transfersOut', 'closing'];

/**
 * Reports (DESIGN §4, docs/reports.md). Each section needs its REPORT_VIEW kind, which also
 * grants the money inside it (no PURCHASE_PRICE_VIEW needed). Rows are computed over the
 * viewer's warehouses only; `totalStockValue` is the one company-wide figure (DESIGN §3.8).
 */
/** Revenue needs SALES_VIEW on top of the SALES section; margin reveals cost, so also PURCHASE_PRICE_VIEW (docs/reports.md). */
const revenue = requires(Permission.SALES_VIEW);
const margin = and(requires(Permission.SALES_VIEW), requires(Permission.PURCHASE_PRICE_VIEW));

export const reportRules: RuleTree = {
  Query: { inventoryReport: anyReport },
  InventoryReport: {
    ...visibleWithParent('from', 'to'),
    totalStockValue: anyReport,
    movement: requiresReport(ReportKind.MOVEMENT),
    sales: requiresReport(ReportKind.SALES),
    stockBalance: requiresReport(ReportKind.STOCK_BALANCE),
  },
  ReportAmount: visibleWithParent(...amountFields),
  MovementTotal: visibleWithParent(...figureFields),
  WarehouseMovement: visibleWithParent('warehouse', ...figureFields),
  ProductMovement: { ...visibleWithParent(...figureFields), product: requires(Permission.CATALOG_VIEW) },
  MovementReport: visibleWithParent('total', 'warehouses', 'products'),
  WarehouseSales: { ...visibleWithParent('warehouse', 'receivedValue', 'shippedValue', 'sellThroughPercent', 'shippedSharePercent', 'daily'), revenue, margin },
  DailySales: visibleWithParent('day', 'receivedValue', 'shippedValue'),
  SalesReport: { ...visibleWithParent('receivedValue', 'shippedValue', 'sellThroughPercent', 'warehouses', 'daily'), revenue, margin },
  WarehouseBalance: visibleWithParent('warehouse', ...amountFields),
  ProductBalance: { ...visibleWithParent(...amountFields), product: requires(Permission.CATALOG_VIEW) },
  StockBalanceReport: visibleWithParent('asOf', 'total', 'warehouses', 'products'),
};
