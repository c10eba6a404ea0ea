import { Permission } from '../permission-catalog';
import { RuleTree } from '../rule';
import { chain, or, requires, rule, visibleWithParent } from '../rules';

/**
 * Setting (or clearing) a purchase price needs PURCHASE_PRICE_VIEW on top of CATALOG_EDIT
 * (issue 9 §2): decided from the arguments alone, before anything runs.
 */
const purchasePriceNeedsView = or(
  rule('leavesPurchasePrice', (_access, _parent, args: { input?: { purchasePrice?: unknown } }) =>
    args.input?.purchasePrice === undefined ? null
      : { code: 'FORBIDDEN', permission: Permission.PURCHASE_PRICE_VIEW,
          message: `Missing permission ${Permission.PURCHASE_PRICE_VIEW}: setting a purchase price needs it.` }),
  requires(Permission.PURCHASE_PRICE_VIEW),
);

/** Settings are read by whoever works in the inventory area (documents need them) or edits them. */
const readSettings = or(requires(Permission.INVENTORY_VIEW), requires(Permission.SETTINGS_EDIT));

const catalogEdit = requires(Permission.CATALOG_VIEW, Permission.CATALOG_EDIT);

/** The management side (issue 9): warehouses, catalog editing and import, settings, form layouts. */
export const managementRules: RuleTree = {
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
    createProduct: chain(catalogEdit, purchasePriceNeedsView),
    updateProduct: chain(catalogEdit, purchasePriceNeedsView),
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
