import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { DocumentItem } from '../../entities/document-item.entity';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { Reservation } from '../../entities/reservation.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { Permission } from '../../shield/permission-catalog';
import { restrictToWarehouses, warehouseCondition } from '../../shield/scoped-query';

/**
 * What keeps a product from being deleted, as the viewer may learn it (issue 15 point 4,
 * DESIGN §3.9): `blockers` names only kinds of records the viewer can see — movements and
 * reservations in their warehouses, lines of documents they can view that touch one — and
 * `otherRecords` says, without a count or a kind, that something they cannot see refers to the
 * product — only when no visible record already explains the refusal. A hidden draft's line is never named.
 */
export async function productHistory(ctx: RequestContext, tx: EntityManager, productId: number): Promise<{ blockers: string[]; otherRecords: boolean }> {
  const { access } = ctx;
  const inventory = access.has(Permission.INVENTORY_VIEW);
  const movements = tx.getRepository(StockMovement).createQueryBuilder('m').where('m.productId = :productId', { productId });
  const reservations = tx.getRepository(Reservation).createQueryBuilder('r').where('r.productId = :productId', { productId });
  const items = tx.getRepository(DocumentItem).createQueryBuilder('i').where('i.productId = :productId', { productId });
  const [anyMovement, anyReservation, anyItem] = await Promise.all([movements.clone().getExists(), reservations.clone().getExists(), items.clone().getExists()]);

  const types = access.viewableDocumentTypes();
  const from = warehouseCondition(access, 'i.fromWarehouseId');
  const to = warehouseCondition(access, 'i.toWarehouseId');
  const [seenMovement, seenReservation, seenItem] = inventory ? await Promise.all([
    anyMovement && restrictToWarehouses(movements, access, 'm.warehouseId').getExists(),
    anyReservation && restrictToWarehouses(reservations, access, 'r.warehouseId').getExists(),
    anyItem && types.length > 0 && items.innerJoin(InventoryDocument, 'd', 'd.id = i.documentId')
      .andWhere('d.type IN (:...types)', { types })
      .andWhere(`((i.fromWarehouseId IS NULL AND i.toWarehouseId IS NULL) OR ${from.sql} OR ${to.sql})`, { ...from.params, ...to.params })
      .getExists(),
  ]) : [false, false, false];

  const blockers = [...(seenMovement ? ['MOVEMENTS'] : []), ...(seenItem ? ['DOCUMENT_ITEMS'] : []), ...(seenReservation ? ['RESERVATIONS'] : [])];
  // The flag is raised only when nothing visible explains the refusal: next to a visible blocker it
  // would tell that hidden records exist too, which the viewer needs no more than their number.
  const otherRecords = blockers.length === 0 && (anyMovement || anyItem || anyReservation);
  return { blockers, otherRecords };
}
