import { DocumentItem } from '../../entities/document-item.entity';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { conflict, DomainError, forbidden, invalidState } from '../../errors';
import { Access } from '../../shield/access';
import { canActOnDocument, canViewDocument, DocumentFacts } from '../../shield/document-access';
import { DocumentAction } from '../../shield/permission-catalog';

/** What the access rules need to know about a document: every warehouse its items touch, visible or not. */
export function factsOf(doc: Pick<InventoryDocument, 'type' | 'status'>, items: Array<Pick<DocumentItem, 'fromWarehouseId' | 'toWarehouseId'>>): DocumentFacts {
  const ids = new Set<number>();
  for (const item of items) {
    if (item.fromWarehouseId !== null) ids.add(item.fromWarehouseId);
    if (item.toWarehouseId !== null) ids.add(item.toWarehouseId);
  }
  return { type: doc.type, status: doc.status, warehouseIds: [...ids].sort((a, b) => a - b) };
}

/**
 * A document the viewer may not see is indistinguishable from one that does not exist
 * (DESIGN §3.2): both get NOT_FOUND naming the `id` argument, with the same message.
 */
export const documentNotFound = (_id?: string | number) =>
  new DomainError('NOT_FOUND', 'No document with this id.', { field: 'id' });

/**
 * Refuses unless `canActOnDocument` — the one function `allowedActions` also asks — allows
 * the action, so what a front-end is offered and what the API accepts never diverge. The
 * reason picks the error: hidden → NOT_FOUND, missing DOCUMENT action or warehouse authority
 * → FORBIDDEN, wrong status → INVALID_STATE.
 */
export function assertCanAct(access: Access, doc: InventoryDocument, facts: DocumentFacts, action: DocumentAction): void {
  if (canActOnDocument(access, facts, action)) return;
  if (!canViewDocument(access, facts)) throw documentNotFound(doc.id);
  if (!access.canDocument(facts.type, action)) {
    const permission = `DOCUMENT:${facts.type}:${action}`;
    throw forbidden(`Missing permission ${permission}: you may not ${action.toLowerCase()} ${facts.type} documents.`, { permission });
  }
  if (!facts.warehouseIds.every((id) => access.canSelectWarehouse(id))) {
    // The hidden warehouse is not named: its id is data the viewer may not see.
    throw forbidden('You lack authority over a warehouse this document\'s items touch (WAREHOUSE_SELECT).', { permission: 'WAREHOUSE_SELECT' });
  }
  throw invalidState(`A ${doc.status} document cannot be ${PAST[action]} (document ${doc.number}).`, { status: doc.status, action });
}

const PAST: Record<DocumentAction, string> = {
  VIEW: 'viewed', EDIT: 'edited', PROCESS: 'processed', CANCEL: 'cancelled', DELETE: 'deleted',
};

/** Optimistic lock: the caller must name the version it read; a stale one changes nothing. */
export function assertVersion(doc: InventoryDocument, version: number | null | undefined): void {
  if (version === null || version === undefined || version === doc.version) return;
  throw conflict(`Document ${doc.number} was changed by someone else (version ${doc.version}, you sent ${version}); reload it and retry.`, {
    field: 'version', currentVersion: doc.version,
  });
}
