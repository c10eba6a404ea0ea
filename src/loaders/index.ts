import DataLoader from 'dataloader';
import { Brackets, DataSource, In } from 'typeorm';
import { DocumentItem } from '../entities/document-item.entity';
import { InventoryDocument } from '../entities/inventory-document.entity';
import { Product } from '../entities/product.entity';
import { ProductBarcode } from '../entities/product-barcode.entity';
import { Reservation, ReservationStatus } from '../entities/reservation.entity';
import { StockLevel } from '../entities/stock-level.entity';
import { User } from '../entities/user.entity';
import { Warehouse } from '../entities/warehouse.entity';
import { Access } from '../shield/access';
import { DocumentType } from '../shield/permission-catalog';
import { itemTouchesSelectable } from '../shield/document-scope';
import { restrictToWarehouses } from '../shield/scoped-query';
import { accessLoaders } from './access.loaders';
import { byIdLoader, groupLoader } from './loader-factories';
import { nodeLoaders } from './node.loaders';

/** One set per request; warehouse-located loaders apply the viewer's scope in SQL. */
export function createLoaders(db: DataSource, access: Access) {
  // One "now" per request: every reserved/available figure of a response agrees.
  const now = new Date();
  return {
    warehouse: byIdLoader((ids) =>
      restrictToWarehouses(db.getRepository(Warehouse).createQueryBuilder('w').where('w.id IN (:...ids)', { ids }), access, 'w.id')
        .getMany(),
    ),
    product: byIdLoader((ids) => db.getRepository(Product).findBy({ id: In(ids) })),
    variants: groupLoader(
      (parentIds) => db.getRepository(Product).find({ where: { parentId: In(parentIds) }, order: { id: 'ASC' } }),
      (p) => p.parentId!,
    ),
    /** A product's barcodes, in the order they were given. */
    barcodes: groupLoader(
      (productIds) => db.getRepository(ProductBarcode).find({ where: { productId: In(productIds) }, order: { id: 'ASC' } }),
      (b) => b.productId,
    ),
    user: byIdLoader((ids) => db.getRepository(User).findBy({ id: In(ids) })),
    ...accessLoaders(db),
    ...nodeLoaders(db, access),
    /** Documents' types by id, for fields of lines the viewer already sees (DocumentItem.countedQuantity). */
    documentType: new DataLoader<number, DocumentType | null>(async (ids) => {
      const docs = await db.getRepository(InventoryDocument).find({ select: { id: true, type: true }, where: { id: In([...ids]) } });
      const typeOf = new Map(docs.map((doc) => [doc.id, doc.type]));
      return ids.map((id) => typeOf.get(id) ?? null);
    }),
    /** The items of a document the viewer may see: those with a side in a selectable warehouse (DESIGN §3.4). */
    documentItems: groupLoader((documentIds) => {
      const touches = itemTouchesSelectable(access, 'item');
      return db.getRepository(DocumentItem).createQueryBuilder('item')
        .where('item.documentId IN (:...documentIds)', { documentIds })
        .andWhere(touches.sql, touches.params)
        .orderBy('item.id', 'ASC')
        .getMany();
    }, (item) => item.documentId),
    /** Stock levels of a product in the selectable warehouses. */
    productLevels: groupLoader((productIds) =>
      restrictToWarehouses(
        db.getRepository(StockLevel).createQueryBuilder('level').where('level.productId IN (:...productIds)', { productIds }),
        access, 'level.warehouseId',
      ).orderBy('level.warehouseId', 'ASC').getMany(),
    (level) => level.productId),
    /**
     * Reservations of a product that count against stock now (ACTIVE and not expired), in the
     * selectable warehouses; reserved figures are sums of these, never a stored column.
     */
    activeReservations: groupLoader((productIds) =>
      restrictToWarehouses(
        db.getRepository(Reservation).createQueryBuilder('r')
          .where('r.productId IN (:...productIds)', { productIds })
          .andWhere(new Brackets((w) => w.where('r.status = :active', { active: ReservationStatus.ACTIVE }).andWhere('r.expiresAt > :now', { now }))),
        access, 'r.warehouseId',
      ).getMany(),
    (r) => r.productId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
