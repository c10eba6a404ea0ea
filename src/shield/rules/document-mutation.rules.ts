import { parseId } from '../../services/platform/ids';
import { encodeId } from '../../services/platform/opaque-ids';
import { DocumentAction, Permission } from '../permission-catalog';
import { RuleTree } from '../rule';
import { chain, requires, requiresDocumentAction, rule, visibleWithParent } from '../rules';

const inventory = requires(Permission.INVENTORY_VIEW);

/** The `warehouseId` argument names a warehouse the viewer can select. */
const selectsWarehouseArg = (what: string) => rule(`${what}-warehouse`, (access, _parent, args) => {
  const warehouseId = parseId(args.warehouseId);
  if (warehouseId !== null && access.canSelectWarehouse(warehouseId)) return null;
  // The id as the client gave it (the boundary decoded it): never the database key.
  const named = warehouseId === null ? 'with this id' : encodeId('Warehouse', warehouseId);
  return {
    code: 'FORBIDDEN', permission: Permission.WAREHOUSE_SELECT,
    message: `You lack authority over warehouse ${named}: ${what} there needs WAREHOUSE_SELECT on it.`,
  };
});

/**
 * Document and reservation mutations. The field rule checks what the arguments alone decide;
 * the document-specific check (its type, status and every item's warehouse) runs in the service
 * through canActOnDocument, the same function `allowedActions` asks (services/document-lifecycle.ts).
 */
export const documentMutationRules: RuleTree = {
  Mutation: {
    createDocument: chain(inventory, requiresDocumentAction(DocumentAction.EDIT, (_parent, args) => args.input.type)),
    updateDocument: inventory,
    processDocument: inventory,
    cancelDocument: inventory,
    deleteDocument: inventory,
    reserveProduct: chain(requires(Permission.INVENTORY_VIEW, Permission.PRODUCT_RESERVE), selectsWarehouseArg('reserving')),
    // A minimum is catalog data located in a warehouse (issue 19 §4).
    setStockMinimum: chain(requires(Permission.INVENTORY_VIEW, Permission.CATALOG_EDIT), selectsWarehouseArg('setting a minimum')),
    releaseReservation: requires(Permission.INVENTORY_VIEW, Permission.PRODUCT_RESERVE),
    // Bulk (issue 16 §5): the field needs what every item needs; each item then gets the rule of
    // its single mutation (createDocument, processDocument) through ruleDenial, in the service.
    createDocuments: inventory,
    processDocuments: inventory,
  },
  BulkDocumentsPayload: visibleWithParent('atomic', 'applied', 'succeeded', 'failed', 'results'),
  BulkDocumentResult: visibleWithParent('index', 'document', 'error'),
  BulkItemError: visibleWithParent('code', 'message', 'details'),
};
