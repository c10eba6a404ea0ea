import { registerEnumType } from 'type-graphql';
import { DocumentStatus } from '../entities/inventory-document.entity';
import { ReservationStatus } from '../entities/reservation.entity';
import {
  DOCUMENT_ACTION_DESCRIPTIONS, DocumentAction, DocumentType, Permission, PERMISSION_CATALOG, ReportKind, ScopeKind,
} from '../shield/permission-catalog';

/** Enum value descriptions from a table of the code: the permission catalog is their one source (DESIGN §2). */
const described = <K extends string>(descriptions: Record<K, string>) =>
  Object.fromEntries(Object.entries(descriptions).map(([value, description]) => [value, { description }])) as Record<K, { description: string }>;

registerEnumType(Permission, {
  name: 'Permission',
  description: 'Permissions of DESIGN §2, granted through roles; permissionCatalog lists them with their scopes.',
  valuesConfig: described(Object.fromEntries(PERMISSION_CATALOG.map((p) => [p.permission, p.description])) as Record<Permission, string>),
});
registerEnumType(DocumentType, {
  name: 'DocumentType',
  description: 'What a document does to stock (DESIGN §1): which warehouse sides its lines name, and how processing moves stock.',
  valuesConfig: described<DocumentType>({
    STOCK_RECEIPT: 'Goods from a supplier: adds to the destination warehouse, at the line\'s price.',
    STOCK_ADJUSTMENT: 'Stock found, or initial stock: adds to the destination warehouse.',
    STOCK_TRANSFER: 'Moves stock from the source warehouse to another destination warehouse, at the source\'s average cost.',
    WRITE_OFF: 'Stock lost, damaged or used up: takes from the source warehouse.',
    SALES_ORDER: 'A shipment to a customer: takes from the source warehouse; it may take its deal\'s reservations.',
    INVENTORY_COUNT: 'Stocktaking: each line counts one product in one warehouse (toWarehouseId; quantity = the counted quantity, 0 or more); processing posts the difference against the book quantity at the document date as a surplus or a shortage.',
  }),
});
registerEnumType(DocumentAction, {
  name: 'DocumentAction',
  description: 'What a DOCUMENT grant allows on documents of its type; every action includes VIEW (DESIGN §2).',
  valuesConfig: described(DOCUMENT_ACTION_DESCRIPTIONS),
});
registerEnumType(ReportKind, {
  name: 'ReportKind',
  description: 'The sections of the inventory report, each granted by REPORT_VIEW for its kind (DESIGN §4).',
  valuesConfig: described<ReportKind>({
    MOVEMENT: 'Opening, received, shipped, other outgoing and closing stock per warehouse and product (InventoryReport.movement).',
    STOCK_BALANCE: 'Stock and its value at the end of the period (InventoryReport.stockBalance).',
    SALES: 'Received and shipped value per day, sell-through and share per warehouse (InventoryReport.sales).',
  }),
});
registerEnumType(ScopeKind, {
  name: 'ScopeKind',
  description: 'What a grant of a permission is scoped by.',
  valuesConfig: described<ScopeKind>({
    NONE: 'Nothing: the permission is simply held or not.',
    WAREHOUSES: 'A list of warehouses, or all of them (WAREHOUSE_SELECT).',
    REPORT_KINDS: 'A list of report kinds, or all of them (REPORT_VIEW).',
    DOCUMENT_TYPE_ACTIONS: 'A document type and the actions on it (DOCUMENT).',
  }),
});
registerEnumType(DocumentStatus, {
  name: 'DocumentStatus',
  description: 'Where a document is in its lifecycle: DRAFT → PROCESSED → CANCELLED (DESIGN §1).',
  valuesConfig: described<DocumentStatus>({
    DRAFT: 'Being written: editable, and not in the stock ledger yet.',
    PROCESSED: 'Posted: its ledger rows have moved stock; it can no longer be edited, only cancelled.',
    CANCELLED: 'Reversed: rows that undo its movements were appended; it may be deleted.',
  }),
});
registerEnumType(ReservationStatus, {
  name: 'ReservationStatus',
  description: 'Whether a reservation still holds stock.',
  valuesConfig: described<ReservationStatus>({
    ACTIVE: 'Holds its quantity until expiresAt (an ACTIVE reservation past it no longer counts).',
    RELEASED: 'Given back with releaseReservation.',
    CONSUMED: 'Used up by processed sales orders of its deal (one that takes only part of it leaves the rest ACTIVE).',
  }),
});

export { DocumentAction, DocumentStatus, DocumentType, Permission, ReportKind, ReservationStatus, ScopeKind };
