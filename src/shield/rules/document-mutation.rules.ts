import { parseId } from '../../services/platform/ids';
import { encodeId } from '../../services/platform/opaque-ids';
import { DocumentAction, Permission } from '../permission-catalog';
import { RuleTree } from '../rule';
import { need, needsAll } from '../requirement';
import { alsoInService, chain, requires, requiresDocumentAction, rule, visibleWithParent } from '../rules';

const inventory = requires(Permission.INVENTORY_VIEW);

/** The `warehouseId` argument names a warehouse the viewer can select. */
const warehouseArg = needsAll(need('WAREHOUSE_SELECT:<warehouseId>', 'WAREHOUSE_SELECT on the warehouse in warehouseId'));
const selectsWarehouseArg = (what: string) => rule(`${what}-warehouse`, warehouseArg, (access, _parent, args) => {
  const warehouseId = parseId(args.warehouseId);
  if (warehouseId !== null && access.canSelectWarehouse(warehouseId)) return null;
  // The id as the client gave it (the boundary decoded it): never the database key.
  const named = warehouseId === null ? 'with this id' : encodeId('Warehouse', warehouseId);
  return {
    code: 'FORBIDDEN', permission: Permission.WAREHOUSE_SELECT,
    message: `You lack authority over warehouse ${named}: ${what} there needs WAREHOUSE_SELECT on it.`,
  };
});

/** Every warehouse the document's lines touch: the service asks WAREHOUSE_SELECT on each (DESIGN §2). */
const itsWarehouses = need('WAREHOUSE_SELECT:<its lines>', 'WAREHOUSE_SELECT on every warehouse its lines touch');

/** A mutation on a stored document: the rule asks INVENTORY_VIEW, the service the action on the document. */
const onDocument = (action: DocumentAction) => alsoInService(inventory, `document(${action}) in the service`,
  need(`DOCUMENT:<its type>:${action}`, `DOCUMENT ${action} on the document's type`), itsWarehouses);

/**
 * Document and reservation mutations. The field rule checks what the arguments alone decide;
 * the document-specific check (its type, status and every item's warehouse) runs in the service
 * through canActOnDocument, the same function `allowedActions` asks (services/document-lifecycle.ts);
 * `alsoInService` states it in the schema.
 */
export const documentMutationRules: RuleTree = {
  Mutation: {
    createDocument: alsoInService(chain(inventory, requiresDocumentAction(DocumentAction.EDIT, 'input.type', (_parent, args) => args.input.type)),
      'createDocument', need('WAREHOUSE_SELECT:<input.items>', 'WAREHOUSE_SELECT on every warehouse its lines name')),
    updateDocument: onDocument(DocumentAction.EDIT),
    processDocument: onDocument(DocumentAction.PROCESS),
    cancelDocument: onDocument(DocumentAction.CANCEL),
    deleteDocument: onDocument(DocumentAction.DELETE),
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
