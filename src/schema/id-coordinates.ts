import { IdKind } from '../services/platform/opaque-ids';

/**
 * What an id coordinate holds (docs/design.md "Ids"): an id of one kind; `Node`, an id of any kind
 * (`node(id:)`); or `AuditSubject`, the target of an audit entry, whose kind its `subjectType` says.
 */
export type IdSpec = IdKind | 'Node' | 'AuditSubject';

export { FORM_LAYOUT_KEYS, SETTINGS_KEY } from '../services/platform/singleton-keys';

/** The audit log's subject types (services/access, catalog) and the kind of id each names. */
export const AUDIT_SUBJECT_KINDS: Record<string, IdKind> = {
  ROLE: 'Role',
  USER: 'User',
  APPLICATION: 'Application',
  SETTINGS: 'InventorySettings',
  DOCUMENT_FORM: 'DocumentFormLayout',
};

/**
 * Ids inside the audit log's JSON states (`before`/`after`), by key: `id` at the top is the
 * subject's own (by subject type), these anywhere below it (grants' warehouse scopes, assignments).
 */
export const AUDIT_STATE_KEYS: Record<string, IdKind> = {
  roleId: 'Role',
  userId: 'User',
  warehouseId: 'Warehouse',
  warehouseIds: 'Warehouse',
};
/** Output fields of JSON that hold audit states: their ids are encoded like ID fields. */
export const AUDIT_STATE_FIELDS = ['AccessAuditEntry.before', 'AccessAuditEntry.after'];

/**
 * What the resolvers and services receive for an id the API did not issue for that coordinate (an
 * old numeric id, another kind's id, a typo): a value no key parses from (services/platform/ids.ts),
 * so it names nothing and is answered exactly like the id of a missing object (DESIGN §3.2).
 */
export const NO_KEY = 'unknown';

const same = (kind: IdSpec, ...coordinates: string[]): Record<string, IdSpec> =>
  Object.fromEntries(coordinates.map((coordinate) => [coordinate, kind]));

/**
 * Every coordinate of type ID (or a list of it) — output fields, arguments, input fields — and the
 * kind of id it carries. Fail-closed like the shield: an ID coordinate without an entry refuses its
 * value at run time, and test/foundation/opaque-ids.test.ts fails on it.
 */
export const ID_COORDINATES: Record<string, IdSpec> = {
  // Outputs
  ...same('Warehouse', 'Warehouse.id', 'AccessRequirement.warehouseId', 'ApplicationPermission.warehouseIds', 'Grant.warehouseIds',
    'RoleAssignment.warehouseIds'),
  ...same('Product', 'Product.id'),
  ...same('InventoryDocument', 'InventoryDocument.id', 'Mutation.deleteDocument'),
  ...same('DocumentItem', 'DocumentItem.id'),
  ...same('StockLevel', 'StockLevel.id'),
  ...same('StockMovement', 'StockMovement.id'),
  ...same('Reservation', 'Reservation.id'),
  ...same('User', 'User.id'),
  ...same('Role', 'Role.id', 'Mutation.deleteRole'),
  ...same('RoleAssignment', 'RoleAssignment.id'),
  ...same('Application', 'Application.id', 'ViewerApplication.id'),
  ...same('AccessAuditEntry', 'AccessAuditEntry.id'),
  ...same('InventorySettings', 'InventorySettings.id'),
  ...same('DocumentFormLayout', 'DocumentFormLayout.id'),
  ...same('AuditSubject', 'AccessAuditEntry.subjectId'),

  // Input types
  ...same('User', 'AccessAuditFilter.actorId'),
  ...same('AuditSubject', 'AccessAuditFilter.subjectId'),
  ...same('Product', 'CreateProductInput.parentId', 'ProductListFilter.parentId', 'DocumentItemInput.productId', 'DocumentItemChangeInput.productId'),
  ...same('Warehouse', 'DocumentFilter.warehouseId', 'DocumentItemInput.fromWarehouseId', 'DocumentItemInput.toWarehouseId',
    'DocumentItemChangeInput.fromWarehouseId', 'DocumentItemChangeInput.toWarehouseId', 'GrantInput.warehouseIds'),
  ...same('DocumentItem', 'DocumentItemChangeInput.id', 'UpdateDocumentInput.removeItemIds'),
  ...same('InventoryDocument', 'DocumentVersionInput.id'),
  ...same('Product', 'ReservationFilter.productId', 'StockLevelFilter.productId'),
  ...same('Warehouse', 'ReservationFilter.warehouseId', 'StockLevelFilter.warehouseId'),
  ...same('Role', 'UserFilter.roleId'),

  // Query arguments
  ...same('Node', 'Query.node(id)', 'Query.nodes(ids)'),
  ...same('User', 'Query.accessAuditLog(actorId)', 'Query.explainAccess(userId)', 'Query.user(id)'),
  ...same('AuditSubject', 'Query.accessAuditLog(subjectId)'),
  ...same('Application', 'Query.application(id)'),
  ...same('InventoryDocument', 'Query.document(id)'),
  ...same('Warehouse', 'Query.documents(warehouseId)', 'Query.explainAccess(warehouseId)', 'Query.inventoryReport(drillDownWarehouseId)',
    'Query.inventoryReport(warehouseIds)', 'Query.movements(warehouseId)', 'Query.reservations(warehouseId)', 'Query.stockLevels(warehouseId)',
    'Query.warehouse(id)'),
  ...same('Product', 'Query.inventoryReport(productIds)', 'Query.movements(productId)', 'Query.product(id)', 'Query.reservations(productId)',
    'Query.stockLevels(productId)'),
  ...same('Role', 'Query.role(id)'),

  // Subscription arguments
  ...same('InventoryDocument', 'Subscription.documentChanged(id)'),
  ...same('Product', 'Subscription.stockLevelChanged(productId)'),
  ...same('Warehouse', 'Subscription.stockLevelChanged(warehouseId)'),

  // Mutation arguments
  ...same('Product', 'Mutation.archiveProduct(id)', 'Mutation.deleteProduct(id)', 'Mutation.unarchiveProduct(id)', 'Mutation.updateProduct(id)',
    'Mutation.reserveProduct(productId)', 'Mutation.setStockMinimum(productId)'),
  ...same('Warehouse', 'Mutation.assignRole(warehouseIds)', 'Mutation.deactivateWarehouse(id)', 'Mutation.reactivateWarehouse(id)',
    'Mutation.setDefaultWarehouse(id)', 'Mutation.updateWarehouse(id)', 'Mutation.reserveProduct(warehouseId)', 'Mutation.setStockMinimum(warehouseId)'),
  ...same('Role', 'Mutation.assignRole(roleId)', 'Mutation.unassignRole(roleId)', 'Mutation.deleteRole(id)', 'Mutation.setRoleGrants(roleId)',
    'Mutation.updateRole(id)', 'Mutation.resetStandardRole(role)'),
  ...same('User', 'Mutation.assignRole(userId)', 'Mutation.unassignRole(userId)', 'Mutation.deactivateUser(id)', 'Mutation.reactivateUser(id)',
    'Mutation.updateUser(id)'),
  ...same('InventoryDocument', 'Mutation.cancelDocument(id)', 'Mutation.deleteDocument(id)', 'Mutation.processDocument(id)', 'Mutation.updateDocument(id)'),
  ...same('Application', 'Mutation.installApplication(id)', 'Mutation.revokeApplication(id)'),
  ...same('Reservation', 'Mutation.releaseReservation(id)'),
};
