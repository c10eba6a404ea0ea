import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In } from 'typeorm';
import { AccessAuditEntry } from '../entities/access-audit-entry.entity';
import { Application } from '../entities/application.entity';
import { DocumentFormField } from '../entities/document-form-field.entity';
import { DocumentItem } from '../entities/document-item.entity';
import { Reservation } from '../entities/reservation.entity';
import { RoleAssignment } from '../entities/role-assignment.entity';
import { StockLevel } from '../entities/stock-level.entity';
import { StockMovement } from '../entities/stock-movement.entity';
import { Access } from '../shield/access';
import { DocumentType } from '../shield/permission-catalog';
import { restrictToWarehouses } from '../shield/scoped-query';
import { byIdLoader } from './loader-factories';

/**
 * Rows by key for the kinds only `node(id:)` / `nodes(ids:)` look up one by one (issue 18 §2), so a
 * list of ids costs one statement per kind, not one per id. Rows located in a warehouse are
 * scoped in SQL (DESIGN §3.1): a hidden one is never fetched and loads as null, like a missing one.
 */
export function nodeLoaders(db: DataSource, access: Access) {
  const located = <T extends { id: number; warehouseId: number }>(entity: EntityTarget<T>) => byIdLoader<T>((ids) =>
    restrictToWarehouses(db.getRepository(entity).createQueryBuilder('row'), access, 'row.warehouseId')
      .andWhere('row.id IN (:...ids)', { ids }).getMany());
  return {
    stockLevel: located(StockLevel),
    stockMovement: located(StockMovement),
    reservation: located(Reservation),
    /** Not scoped: a line is shown only when its document is visible (nodes.service.ts), its warehouses by the row guard. */
    documentItem: byIdLoader((ids) => db.getRepository(DocumentItem).findBy({ id: In(ids) })),
    roleAssignment: byIdLoader((ids) => db.getRepository(RoleAssignment).findBy({ id: In(ids) })),
    application: byIdLoader((ids) => db.getRepository(Application).findBy({ id: In(ids) })),
    auditEntry: byIdLoader((ids) => db.getRepository(AccessAuditEntry).findBy({ id: In(ids) })),
    /** The saved form fields of each document type, in their order (none saved: the default layout). */
    formFields: new DataLoader<DocumentType, DocumentFormField[]>(async (types) => {
      const rows = await db.getRepository(DocumentFormField).find({ where: { documentType: In([...types]) }, order: { position: 'ASC' } });
      return types.map((type) => rows.filter((row) => row.documentType === type));
    }),
  };
}
