import { Permission } from '../permission-catalog';
import { RuleTree } from '../rule';
import { or, requires, visibleWithParent } from '../rules';

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
    // Purchase prices among the inputs need PURCHASE_PRICE_VIEW too: input.rules.ts (DESIGN §3.9).
    createProduct: catalogEdit,
    updateProduct: catalogEdit,
    archiveProduct: catalogEdit,
    unarchiveProduct: catalogEdit,
    deleteProduct: catalogEdit,
    importProductsCsv: catalogEdit,
    updateSettings: requires(Permission.SETTINGS_EDIT),
    setDocumentFormLayout: requires(Permission.FORM_EDIT),
    resetDocumentFormLayout: requires(Permission.FORM_EDIT),
  },
  InventorySettings: visibleWithParent('id', 'allowNegativeStock', 'reservationDays', 'maxReservationDays', 'closedBefore'),
  DocumentFormLayout: visibleWithParent('id', 'type', 'customized', 'fields'),
  DocumentFormFieldLayout: visibleWithParent('field', 'label', 'required', 'visible', 'position'),
  ProductImportResult: visibleWithParent('ok', 'imported', 'errors'),
  CsvRowError: visibleWithParent('line', 'column', 'reason'),
};
