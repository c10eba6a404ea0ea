import { canViewDocument } from '../document-access';
import { DocumentAction, DocumentType } from '../permission-catalog';
import { GuardMap, RuleTree } from '../rule';
import { need, needsAll } from '../requirement';
import { chain, canSelect, Permission, requires, rowGuard, rule, visibleWithParent } from '../rules';

const inventory = requires(Permission.INVENTORY_VIEW);
const catalog = requires(Permission.CATALOG_VIEW);
const purchasePrices = requires(Permission.PURCHASE_PRICE_VIEW);

/** Asking for one document type by name needs DOCUMENT VIEW on it; without the filter the list is simply filtered. */
const viewsFilteredType = rule('document(VIEW) of the type filter',
  { allOf: [], anyOf: [], args: { type: needsAll(need('DOCUMENT:<type>:VIEW', 'DOCUMENT VIEW on that type')) } }, (access, _parent, args: { type?: DocumentType | null }) => {
  if (!args.type || access.canDocument(args.type, DocumentAction.VIEW)) return null;
  return { code: 'FORBIDDEN', permission: `DOCUMENT:${args.type}:VIEW`, message: `Missing permission DOCUMENT:${args.type}:VIEW: documents of this type need it.` };
});

/**
 * The inventory area's read side (DESIGN §3): everything needs INVENTORY_VIEW, documents
 * DOCUMENT VIEW for their type, products CATALOG_VIEW, money from purchase prices
 * PURCHASE_PRICE_VIEW. Rows are scoped in SQL (document-scope.ts, scoped-query.ts) and
 * checked again by the guards below.
 */
export const inventoryRules: RuleTree = {
  Query: {
    documents: chain(inventory, viewsFilteredType),
    document: inventory,
    stockLevels: inventory,
    reservations: inventory,
    movements: inventory,
  },
  // Asked when a subscription starts and again for every event (docs/subscriptions.md).
  Subscription: {
    stockLevelChanged: inventory,
    documentChanged: inventory,
  },
  InventoryDocument: {
    ...visibleWithParent('id', 'type', 'status', 'number', 'title', 'dealRef', 'createdAt', 'updatedAt', 'processedAt',
      'cancelledAt', 'version', 'documentDate', 'supplier', 'incomingNumber', 'incomingDate', 'items', 'allowedActions', 'author', 'processedBy', 'cancelledBy', 'changedStockLevels'),
    total: purchasePrices,
  },
  DocumentItem: {
    // A count's quantities are quantities like `quantity`: visible with the line (issue 19 §2).
    ...visibleWithParent('id', 'quantity', 'fromWarehouse', 'toWarehouse', 'countedQuantity', 'bookQuantity', 'difference'),
    product: catalog,
    purchasePrice: purchasePrices,
    lineTotal: purchasePrices,
    salePrice: requires(Permission.SALES_VIEW),
  },
  StockLevel: {
    ...visibleWithParent('id', 'quantity', 'reserved', 'available', 'warehouse', 'minimum', 'reorderQuantity', 'belowMinimum'),
    product: catalog,
    value: purchasePrices,
    averageCost: purchasePrices,
  },
  Reservation: {
    ...visibleWithParent('id', 'quantity', 'dealRef', 'expiresAt', 'status', 'createdAt', 'warehouse', 'createdBy', 'stockLevel'),
    product: catalog,
  },
  // The ledger as product history (issue 19 §3): located like a level; its money like a purchase price.
  StockMovement: {
    ...visibleWithParent('id', 'kind', 'documentType', 'quantity', 'reversal', 'occurredAt', 'postedAt', 'balance', 'warehouse', 'document'),
    product: catalog,
    unitCost: purchasePrices,
    value: purchasePrices,
  },
  Product: {
    stockLevels: inventory,
    quantity: inventory,
    reserved: inventory,
    available: inventory,
  },
  InventoryDocumentConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  InventoryDocumentEdge: visibleWithParent('cursor', 'node'),
  StockLevelConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  StockLevelEdge: visibleWithParent('cursor', 'node'),
  ReservationConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  StockMovementConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  StockMovementEdge: visibleWithParent('cursor', 'node'),
  ReservationEdge: visibleWithParent('cursor', 'node'),
};

const inventoryView = need(Permission.INVENTORY_VIEW);
const located = needsAll(inventoryView, need('WAREHOUSE_SELECT:<its warehouse>', 'WAREHOUSE_SELECT on its warehouse'));

/** Row guards: the GraphQL-layer check behind the SQL scoping (DESIGN §3.1, defense in depth). */
export const inventoryGuards: GuardMap = {
  InventoryDocument: rowGuard(needsAll(inventoryView, need('DOCUMENT:<its type>:VIEW', 'DOCUMENT VIEW on its type'),
    need('WAREHOUSE_SELECT:<one of its lines>', 'WAREHOUSE_SELECT on a warehouse of one of its lines, if it has lines')),
    (access, doc: { type: DocumentType; warehouseIds?: number[] }) =>
      Array.isArray(doc.warehouseIds) && canViewDocument(access, { type: doc.type, warehouseIds: doc.warehouseIds })),
  DocumentItem: rowGuard(needsAll(inventoryView, need('WAREHOUSE_SELECT:<its from or to warehouse>', 'WAREHOUSE_SELECT on its source or its destination')),
    (access, item: { fromWarehouseId: number | null; toWarehouseId: number | null }) =>
      access.has(Permission.INVENTORY_VIEW) && (canSelect(access, item.fromWarehouseId) || canSelect(access, item.toWarehouseId))),
  StockLevel: rowGuard(located, (access, level: { warehouseId: number }) =>
    access.has(Permission.INVENTORY_VIEW) && canSelect(access, level.warehouseId)),
  Reservation: rowGuard(located, (access, reservation: { warehouseId: number }) =>
    access.has(Permission.INVENTORY_VIEW) && canSelect(access, reservation.warehouseId)),
  StockMovement: rowGuard(located, (access, row: { warehouseId: number }) =>
    access.has(Permission.INVENTORY_VIEW) && canSelect(access, row.warehouseId)),
};
