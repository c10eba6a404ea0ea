import { DocumentStatus } from '../entities/inventory-document.entity';
import { Access } from './access';
import { DocumentAction, DocumentType, Permission } from './permission-catalog';

export interface DocumentFacts {
  type: DocumentType;
  status: DocumentStatus;
  /** Every warehouse any item of the document touches (from and to sides), visible or not. */
  warehouseIds: number[];
}

/** Which statuses each action applies to (DESIGN §1 lifecycle). */
const ACTION_STATUSES: Record<DocumentAction, DocumentStatus[]> = {
  VIEW: [DocumentStatus.DRAFT, DocumentStatus.PROCESSED, DocumentStatus.CANCELLED],
  EDIT: [DocumentStatus.DRAFT],
  PROCESS: [DocumentStatus.DRAFT],
  CANCEL: [DocumentStatus.PROCESSED],
  DELETE: [DocumentStatus.DRAFT, DocumentStatus.CANCELLED],
};

/**
 * DESIGN §3.4: a document is visible with DOCUMENT VIEW for its type when it has no items
 * or at least one item touching a selectable warehouse; like everything in the inventory
 * area it also needs INVENTORY_VIEW (DESIGN §2). The SQL form is document-scope.ts.
 */
export function canViewDocument(access: Access, doc: Pick<DocumentFacts, 'type' | 'warehouseIds'>): boolean {
  if (!access.has(Permission.INVENTORY_VIEW)) return false;
  if (!access.canDocument(doc.type, DocumentAction.VIEW)) return false;
  return doc.warehouseIds.length === 0 || doc.warehouseIds.some((id) => access.canSelectWarehouse(id));
}

/**
 * Whether the viewer may perform `action` on the document now: the DOCUMENT permission for its
 * type, a status the action applies to, and WAREHOUSE_SELECT on every warehouse its items touch
 * (DESIGN §2). `allowedActions` and the mutations both ask this one function.
 */
export function canActOnDocument(access: Access, doc: DocumentFacts, action: DocumentAction): boolean {
  return permitsDocumentAction(access, doc, action) && ACTION_STATUSES[action].includes(doc.status);
}

/**
 * The access side of canActOnDocument, whatever the document's status: what `explainAccess`
 * answers with (issue 14 point 6), so its verdict is the enforcement's.
 */
export function permitsDocumentAction(access: Access, doc: Pick<DocumentFacts, 'type' | 'warehouseIds'>, action: DocumentAction): boolean {
  if (!canViewDocument(access, doc)) return false;
  if (!access.canDocument(doc.type, action)) return false;
  if (action === DocumentAction.VIEW) return true;
  return doc.warehouseIds.every((id) => access.canSelectWarehouse(id));
}

export const allowedActions = (access: Access, doc: DocumentFacts): DocumentAction[] =>
  Object.values(DocumentAction).filter((action) => canActOnDocument(access, doc, action));
