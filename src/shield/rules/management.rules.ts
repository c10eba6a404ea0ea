import { Permission } from '../permission-catalog';
import { RuleMap } from '../rule';
import { allOf, requires, rule, visibleWithParent } from '../rules';

/**
 * Setting (or clearing) a purchase price needs PURCHASE_PRICE_VIEW on top of CATALOG_EDIT
 * (issue 9 §2): decided from the arguments alone, before anything runs.
 */
const purchasePriceNeedsView = rule('purchasePriceNeedsView', (access, _parent, args: { input?: { purchasePrice?: unknown } }) =>
  args.input && args.input.purchasePrice !== undefined && !access.has(Permission.PURCHASE_PRICE_VIEW)
    ? { code: 'FORBIDDEN', permission: Permission.PURCHASE_PRICE_VIEW,
        message: `Missing permission ${Permission.PURCHASE_PRICE_VIEW}: setting a purchase price needs it.` }
    : null);

/** Settings are read by whoever works in the inventory area (documents need them) or edits them. */
const readSettings = rule('inventoryViewOrSettingsEdit', (access) => {
  if (!access.authenticated) return { code: 'UNAUTHENTICATED', message: 'A valid bearer token is required.' };
  if (access.has(Permission.INVENTORY_VIEW) || access.has(Permission.SETTINGS_EDIT)) return null;
  return { code: 'FORBIDDEN', permission: Permission.INVENTORY_VIEW, message: `Missing permission ${Permission.INVENTORY_VIEW}: reading settings needs it (or SETTINGS_EDIT).` };
});

const catalogEdit = requires(Permission.CATALOG_VIEW, Permission.CATALOG_EDIT);

/** The management side (issue 9): warehouses, catalog editing and import, settings, form layouts. */
export const managementRules: RuleMap = {
  Query: {
    settings: readSettings,
    documentFormLayout: requires(Permission.INVENTORY_VIEW),
  },
  Mutation: {
    createWarehouse: requires(Permission.WAREHOUSE_EDIT),
    updateWarehouse: requires(Permission.WAREHOUSE_EDIT),
    deactivateWarehouse: requires(Permission.WAREHOUSE_EDIT),
    reactivateWarehouse: requires(Permission.WAREHOUSE_EDIT),
    setDefaultWarehouse: requires(Permission.WAREHOUSE_EDIT),
    createProduct: allOf(catalogEdit, purchasePriceNeedsView),
    updateProduct: allOf(catalogEdit, purchasePriceNeedsView),
    archiveProduct: catalogEdit,
    unarchiveProduct: catalogEdit,
    deleteProduct: catalogEdit,
    importProductsCsv: catalogEdit,
    updateSettings: requires(Permission.SETTINGS_EDIT),
    setDocumentFormLayout: requires(Permission.FORM_EDIT),
    resetDocumentFormLayout: requires(Permission.FORM_EDIT),
  },
  InventorySettings: visibleWithParent('allowNegativeStock', 'reservationDays'),
  DocumentFormLayout: visibleWithParent('type', 'customized', 'fields'),
  DocumentFormFieldLayout: visibleWithParent('field', 'label', 'required', 'visible', 'position'),
  ProductImportResult: visibleWithParent('ok', 'imported', 'errors'),
  CsvRowError: visibleWithParent('line', 'column', 'reason'),
};
