import { csvSetsPurchasePrices } from '../../services/catalog/product-csv';
import { Permission, SimplePermission } from '../permission-catalog';
import { InputRuleTree } from '../rule';
import { need, needsAll } from '../requirement';
import { allow, missing, requires, rule } from '../rules';

/** Input fields writable by whoever may run the mutation: their value is readable with its object. */
const writable = (type: string, ...fields: string[]): InputRuleTree =>
  Object.fromEntries(fields.map((field) => [`${type}.${field}`, allow]));

/** Arguments of a field that need nothing beyond the field's own rule. */
const plainArguments = (coordinate: string, ...args: string[]): InputRuleTree =>
  Object.fromEntries(args.map((arg) => [`${coordinate}(${arg})`, allow]));

/** The paging arguments of every connection (first/after forward, last/before backward). */
const PAGE = ['first', 'after', 'last', 'before'];

/** A purchase price is written only by who can read it back (DESIGN §2, §3.9). */
const purchasePrice = requires(Permission.PURCHASE_PRICE_VIEW);

/** The CSV import sets purchase prices when a row has one: the same permission as the field. */
const csvPurchasePrices = rule('csvPurchasePrices', { ...needsAll(need(Permission.PURCHASE_PRICE_VIEW)), when: 'the file sets a purchase price' },
  (access, _parent, csv: string) => (access.has(Permission.PURCHASE_PRICE_VIEW) || !csvSetsPurchasePrices(csv) ? null
    : missing(Permission.PURCHASE_PRICE_VIEW, 'the file sets purchase prices')));

/**
 * What the product of a row shows (StockLevel.product, Reservation.product) is filtered by only with
 * the field's permission (DESIGN §3.9): `filter.productId` and the older `productId` argument alike.
 */
const catalogView = requires(Permission.CATALOG_VIEW);

/** Sorting by a value is reading it (DESIGN §3.9): the order needs what the field it sorts by needs. */
const SORT_NEEDS: Record<string, SimplePermission> = {
  VALUE: Permission.PURCHASE_PRICE_VIEW,
  PRODUCT_SKU: Permission.CATALOG_VIEW,
  PRODUCT_NAME: Permission.CATALOG_VIEW,
};
const SORT_REQUIREMENTS = Object.fromEntries(Object.entries(SORT_NEEDS).map(([field, permission]) => [field, needsAll(need(permission))]));
const levelSort = rule('stockLevelSort', { allOf: [], anyOf: [], values: SORT_REQUIREMENTS }, (access, _parent, field: string | null) => {
  const needed = field ? SORT_NEEDS[field] : undefined;
  return needed === undefined || access.has(needed) ? null : missing(needed, `sorting stock levels by ${field} reads it`);
});

/**
 * Field rules on inputs (DESIGN §3.9), fail-closed like outputs: every input field of every input
 * type and every argument of every field has an entry; a value given at a coordinate without one
 * is denied, and the schema walk test fails (test/foundation/schema.test.ts). The mutation's own
 * rule (the output tree) is asked first; these rules add what the values themselves need.
 * Warehouse ids of document lines are `allow` here because the service checks them
 * (document-validation.ts) in an order that leaks nothing: shape first, then authority.
 */
export const INPUT_RULES: InputRuleTree = {
  // Prices
  'DocumentItemInput.purchasePrice': purchasePrice,
  'DocumentItemChangeInput.purchasePrice': purchasePrice,
  'CreateProductInput.purchasePrice': purchasePrice,
  // A line's sale price is written only by who can read it back (docs/documents.md).
  'DocumentItemInput.salePrice': requires(Permission.SALES_VIEW),
  'DocumentItemChangeInput.salePrice': requires(Permission.SALES_VIEW),
  'UpdateProductInput.purchasePrice': purchasePrice,
  'Mutation.importProductsCsv(csv)': csvPurchasePrices,

  // Input types
  ...writable('DocumentItemInput', 'productId', 'quantity', 'fromWarehouseId', 'toWarehouseId'),
  ...writable('DocumentItemChangeInput', 'id', 'productId', 'quantity', 'fromWarehouseId', 'toWarehouseId'),
  // Document dates and the receipt header (issue 19 §1): readable by whoever sees the document.
  ...writable('CreateDocumentInput', 'type', 'title', 'dealRef', 'documentDate', 'supplier', 'incomingNumber', 'incomingDate', 'items'),
  ...writable('UpdateDocumentInput', 'title', 'dealRef', 'documentDate', 'supplier', 'incomingNumber', 'incomingDate', 'addItems', 'changeItems', 'removeItemIds'),
  ...writable('DocumentVersionInput', 'id', 'version'),
  ...writable('CreateProductInput', 'sku', 'name', 'parentId', 'attributes', 'salePrice', 'unit', 'barcodes'),
  ...writable('UpdateProductInput', 'sku', 'name', 'attributes', 'salePrice', 'unit', 'barcodes'),
  ...writable('ProductAttributeInput', 'name', 'value'),
  ...writable('CreateWarehouseInput', 'code', 'name', 'address'),
  ...writable('UpdateWarehouseInput', 'code', 'name', 'address'),
  ...writable('UpdateSettingsInput', 'allowNegativeStock', 'reservationDays', 'maxReservationDays', 'closedBefore'),
  ...writable('DocumentFormFieldInput', 'field', 'visible', 'position'),
  // Grants are checked against what the granting admin holds (src/shield/escalation.ts).
  ...writable('GrantInput', 'permission', 'warehouseIds', 'reportKinds', 'documentType', 'actions'),
  ...writable('CreateRoleInput', 'name', 'description', 'grants'),
  ...writable('UpdateRoleInput', 'name', 'description'),
  ...writable('CreateUserInput', 'login', 'name', 'email'),
  ...writable('UpdateUserInput', 'name', 'email'),
  ...writable('RegisterApplicationInput', 'name', 'description', 'vendor', 'callbackUrl', 'clientId', 'requestedPermissions'),

  // Query arguments: filters and pages over what the viewer may see (hidden ids match nothing, DESIGN §3.2).
  ...plainArguments('Query.accessAuditLog', 'to', 'from', 'subjectId', 'subjectType', 'actorId', ...PAGE, 'filter', 'orderBy'),
  // Filters and orders select among rows the viewer may see; a hidden warehouse filters to nothing.
  ...writable('DateTimeRange', 'from', 'to'),
  ...writable('DocumentFilter', 'number', 'dealRef', 'types', 'statuses', 'warehouseId', 'created', 'processed'),
  ...writable('DocumentOrder', 'field', 'direction'),
  ...writable('AccessAuditFilter', 'actorId', 'subjectType', 'subjectId', 'at'),
  ...writable('AccessAuditOrder', 'field', 'direction'),
  ...plainArguments('Query.applications', 'status'),
  ...plainArguments('Query.application', 'id'),
  ...plainArguments('Query.explainAccess', 'action', 'documentType', 'reportKind', 'permission', 'warehouseId', 'userId', 'clientId'),
  ...plainArguments('Query.role', 'id'),
  ...plainArguments('Query.users', 'includeInactive', 'search', ...PAGE, 'filter', 'orderBy'),
  // Whoever may list users reads all of these (login, active, assignments).
  ...writable('UserFilter', 'login', 'active', 'roleId'),
  ...writable('UserOrder', 'field', 'direction'),
  ...plainArguments('Query.user', 'id'),
  ...plainArguments('Query.documentFormLayout', 'type'),
  ...plainArguments('Query.documents', ...PAGE, 'type', 'status', 'warehouseId', 'from', 'to', 'filter', 'orderBy'),
  ...plainArguments('Query.document', 'id'),
  ...plainArguments('Query.products', 'includeArchived', 'topLevelOnly', 'search', ...PAGE, 'filter', 'orderBy'),
  ...writable('ProductListFilter', 'sku', 'skuPrefix', 'parentId', 'barcode'),
  ...writable('ProductOrder', 'field', 'direction'),
  ...plainArguments('Query.product', 'id'),
  ...plainArguments('Query.productByBarcode', 'code'),
  ...plainArguments('Query.inventoryReport', 'drillDownWarehouseId', 'productIds', 'productSearch', 'warehouseIds', 'to', 'from'),
  ...plainArguments('Query.reservations', ...PAGE, 'warehouseId', 'status', 'filter', 'orderBy'),
  'Query.reservations(productId)': catalogView,
  ...plainArguments('Query.stockLevels', ...PAGE, 'warehouseId', 'belowMinimum', 'at', 'availableBelow', 'filter', 'orderBy'),
  'Query.stockLevels(productId)': catalogView,
  ...writable('StockLevelFilter', 'warehouseId', 'availableBelow', 'belowMinimum'),
  'StockLevelFilter.productId': catalogView,
  'StockLevelOrder.field': levelSort,
  ...writable('StockLevelOrder', 'direction'),
  ...writable('ReservationFilter', 'warehouseId', 'statuses', 'dealRef', 'created', 'expires'),
  'ReservationFilter.productId': catalogView,
  ...writable('ReservationOrder', 'field', 'direction'),
  ...plainArguments('Query.movements', ...PAGE, 'productId', 'warehouseId', 'from', 'to', 'orderBy'),
  ...writable('MovementOrder', 'field', 'direction'),
  ...plainArguments('Query.warehouses', 'includeInactive'),
  ...plainArguments('Query.warehouse', 'id'),
  // Any id: what each object shows is decided by the Node guard (node.rules.ts).
  ...plainArguments('Query.node', 'id'),
  ...plainArguments('Query.nodes', 'ids'),
  // Subscription filters: ids only; a hidden one hears nothing (docs/subscriptions.md).
  ...plainArguments('Subscription.stockLevelChanged', 'warehouseId', 'productId'),
  ...plainArguments('Subscription.documentChanged', 'id'),

  // Mutation arguments: ids name what the service then finds through the viewer's scope.
  ...plainArguments('Mutation.registerApplication', 'input'),
  ...plainArguments('Mutation.installApplication', 'id'),
  ...plainArguments('Mutation.revokeApplication', 'id'),
  ...plainArguments('Mutation.createRole', 'input'),
  ...plainArguments('Mutation.updateRole', 'input', 'id'),
  ...plainArguments('Mutation.setRoleGrants', 'grants', 'roleId'),
  ...plainArguments('Mutation.resetStandardRole', 'role'),
  ...plainArguments('Mutation.deleteRole', 'removeAssignments', 'id'),
  ...plainArguments('Mutation.assignRole', 'warehouseIds', 'roleId', 'userId'),
  ...plainArguments('Mutation.unassignRole', 'roleId', 'userId'),
  ...plainArguments('Mutation.createUser', 'input'),
  ...plainArguments('Mutation.updateUser', 'input', 'id'),
  ...plainArguments('Mutation.deactivateUser', 'id'),
  ...plainArguments('Mutation.reactivateUser', 'id'),
  ...plainArguments('Mutation.setDocumentFormLayout', 'fields', 'type'),
  ...plainArguments('Mutation.resetDocumentFormLayout', 'type'),
  ...plainArguments('Mutation.createDocuments', 'atomic', 'inputs'),
  ...plainArguments('Mutation.processDocuments', 'atomic', 'documents'),
  ...plainArguments('Mutation.createDocument', 'input'),
  ...plainArguments('Mutation.updateDocument', 'input', 'version', 'id'),
  ...plainArguments('Mutation.processDocument', 'version', 'id'),
  ...plainArguments('Mutation.cancelDocument', 'version', 'id'),
  ...plainArguments('Mutation.deleteDocument', 'version', 'id'),
  ...plainArguments('Mutation.createProduct', 'input'),
  ...plainArguments('Mutation.updateProduct', 'input', 'id'),
  ...plainArguments('Mutation.archiveProduct', 'id'),
  ...plainArguments('Mutation.unarchiveProduct', 'id'),
  ...plainArguments('Mutation.deleteProduct', 'id'),
  ...plainArguments('Mutation.updateSettings', 'input'),
  // The warehouse is checked by the mutation's own rule (reserve-warehouse, document-mutation.rules.ts).
  ...plainArguments('Mutation.setStockMinimum', 'productId', 'warehouseId', 'minimum', 'reorderQuantity'),
  ...plainArguments('Mutation.reserveProduct', 'expiresAt', 'dealRef', 'quantity', 'warehouseId', 'productId'),
  ...plainArguments('Mutation.releaseReservation', 'id'),
  ...plainArguments('Mutation.createWarehouse', 'input'),
  ...plainArguments('Mutation.updateWarehouse', 'input', 'id'),
  ...plainArguments('Mutation.deactivateWarehouse', 'id'),
  ...plainArguments('Mutation.reactivateWarehouse', 'id'),
  ...plainArguments('Mutation.setDefaultWarehouse', 'id'),
};
