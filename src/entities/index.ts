import { AccessAuditEntry } from './access-audit-entry.entity';
import { Application } from './application.entity';
import { DocumentFormField } from './document-form-field.entity';
import { DocumentItem } from './document-item.entity';
import { DocumentCounter } from './document-counter.entity';
import { DocumentWarehouse } from './document-warehouse.entity';
import { InventoryDocument } from './inventory-document.entity';
import { Product } from './product.entity';
import { ProductBarcode } from './product-barcode.entity';
import { ReplicaHeartbeat } from './replica-heartbeat.entity';
import { Reservation } from './reservation.entity';
import { Role } from './role.entity';
import { RoleAssignment } from './role-assignment.entity';
import { RoleGrant } from './role-grant.entity';
import { Settings } from './settings.entity';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';
import { User } from './user.entity';
import { Warehouse } from './warehouse.entity';

export const ENTITIES = [
  AccessAuditEntry, Application, DocumentFormField, DocumentCounter, DocumentItem, DocumentWarehouse, InventoryDocument, Product, ProductBarcode, ReplicaHeartbeat, Reservation,
  Role, RoleAssignment, RoleGrant, Settings, StockLevel, StockMovement, User, Warehouse,
];
