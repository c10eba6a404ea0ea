import { registerEnumType } from 'type-graphql';
import { DocumentStatus } from '../entities/inventory-document.entity';
import { ReservationStatus } from '../entities/reservation.entity';
import { DocumentAction, DocumentType, Permission, ReportKind, ScopeKind } from '../shield/permission-catalog';

registerEnumType(Permission, { name: 'Permission', description: 'Permissions of DESIGN §2; see permissionCatalog.' });
registerEnumType(DocumentType, { name: 'DocumentType' });
registerEnumType(DocumentAction, { name: 'DocumentAction' });
registerEnumType(ReportKind, { name: 'ReportKind' });
registerEnumType(ScopeKind, { name: 'ScopeKind', description: 'What a grant of a permission is scoped by.' });
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });
registerEnumType(ReservationStatus, { name: 'ReservationStatus' });

export { DocumentAction, DocumentStatus, DocumentType, Permission, ReportKind, ReservationStatus, ScopeKind };
