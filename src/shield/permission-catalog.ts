/**
 * The permission registry (DESIGN §2). Permissions are data: the GraphQL enums,
 * the `permissionCatalog` query and the admin validation all read this one table.
 */
export enum Permission {
  CATALOG_VIEW = 'CATALOG_VIEW',
  CATALOG_EDIT = 'CATALOG_EDIT',
  PURCHASE_PRICE_VIEW = 'PURCHASE_PRICE_VIEW',
  SALES_VIEW = 'SALES_VIEW',
  INVENTORY_VIEW = 'INVENTORY_VIEW',
  WAREHOUSE_SELECT = 'WAREHOUSE_SELECT',
  WAREHOUSE_EDIT = 'WAREHOUSE_EDIT',
  PRODUCT_RESERVE = 'PRODUCT_RESERVE',
  REPORT_VIEW = 'REPORT_VIEW',
  FORM_EDIT = 'FORM_EDIT',
  SETTINGS_EDIT = 'SETTINGS_EDIT',
  ACCESS_MANAGE = 'ACCESS_MANAGE',
  DOCUMENT = 'DOCUMENT',
}

export enum DocumentType {
  STOCK_RECEIPT = 'STOCK_RECEIPT',
  STOCK_ADJUSTMENT = 'STOCK_ADJUSTMENT',
  STOCK_TRANSFER = 'STOCK_TRANSFER',
  WRITE_OFF = 'WRITE_OFF',
  SALES_ORDER = 'SALES_ORDER',
  /** Stocktaking (issue 19 §2): counted quantities; processing posts the differences against the book. */
  INVENTORY_COUNT = 'INVENTORY_COUNT',
}

export enum DocumentAction {
  VIEW = 'VIEW',
  EDIT = 'EDIT',
  PROCESS = 'PROCESS',
  CANCEL = 'CANCEL',
  DELETE = 'DELETE',
}

export enum ReportKind {
  MOVEMENT = 'MOVEMENT',
  STOCK_BALANCE = 'STOCK_BALANCE',
  SALES = 'SALES',
}

/** What a grant of the permission is scoped by. */
export enum ScopeKind {
  NONE = 'NONE',
  WAREHOUSES = 'WAREHOUSES',
  REPORT_KINDS = 'REPORT_KINDS',
  DOCUMENT_TYPE_ACTIONS = 'DOCUMENT_TYPE_ACTIONS',
}

export interface PermissionInfo {
  permission: Permission;
  scopeKind: ScopeKind;
  description: string;
}

export const PERMISSION_CATALOG: readonly PermissionInfo[] = [
  { permission: Permission.CATALOG_VIEW, scopeKind: ScopeKind.NONE, description: 'See products and variants (prerequisite of nearly everything).' },
  { permission: Permission.CATALOG_EDIT, scopeKind: ScopeKind.NONE, description: 'Create and edit products and variants, set their prices.' },
  { permission: Permission.PURCHASE_PRICE_VIEW, scopeKind: ScopeKind.NONE, description: 'See purchase prices and money computed from them (line prices, document totals); report figures are granted by REPORT_VIEW.' },
  { permission: Permission.SALES_VIEW, scopeKind: ScopeKind.NONE, description: 'See and set sale prices on sales-order lines, and see revenue in the sales report (margin also needs PURCHASE_PRICE_VIEW).' },
  { permission: Permission.INVENTORY_VIEW, scopeKind: ScopeKind.NONE, description: 'Enter the inventory area at all: documents, stock, reservations.' },
  { permission: Permission.WAREHOUSE_SELECT, scopeKind: ScopeKind.WAREHOUSES, description: 'See and select the chosen warehouses (or all) and any data located in them.' },
  { permission: Permission.WAREHOUSE_EDIT, scopeKind: ScopeKind.NONE, description: 'Create, edit and deactivate warehouses; set the default warehouse.' },
  { permission: Permission.PRODUCT_RESERVE, scopeKind: ScopeKind.NONE, description: 'Reserve and release products (also needs WAREHOUSE_SELECT on that warehouse).' },
  { permission: Permission.REPORT_VIEW, scopeKind: ScopeKind.REPORT_KINDS, description: 'See the chosen report kinds (or all), including the money figures inside them.' },
  { permission: Permission.FORM_EDIT, scopeKind: ScopeKind.NONE, description: 'Edit the inventory document form layout.' },
  { permission: Permission.SETTINGS_EDIT, scopeKind: ScopeKind.NONE, description: 'Change inventory settings (negative stock, reservation period, the closed period).' },
  { permission: Permission.ACCESS_MANAGE, scopeKind: ScopeKind.NONE, description: 'Manage roles, assignments and applications; read the access audit log.' },
  { permission: Permission.DOCUMENT, scopeKind: ScopeKind.DOCUMENT_TYPE_ACTIONS, description: 'Act on inventory documents of a type: VIEW, EDIT (create and edit drafts), PROCESS, CANCEL, DELETE; every action also needs WAREHOUSE_SELECT on the items\' warehouses.' },
];

export const DOCUMENT_ACTION_DESCRIPTIONS: Record<DocumentAction, string> = {
  VIEW: 'See documents of this type.',
  EDIT: 'Create drafts of this type and edit them.',
  PROCESS: 'Process drafts of this type (writes the stock ledger).',
  CANCEL: 'Cancel processed documents of this type (appends reversing movements).',
  DELETE: 'Delete draft or cancelled documents of this type.',
};

/** Permissions without a scope: a grant is simply on or off. */
export type SimplePermission = Exclude<Permission, Permission.WAREHOUSE_SELECT | Permission.REPORT_VIEW | Permission.DOCUMENT>;

export const scopeKindOf = (permission: Permission): ScopeKind =>
  PERMISSION_CATALOG.find((p) => p.permission === permission)!.scopeKind;
