import { NonEmptyArray } from 'type-graphql';
import { AccessAuditResolver } from './access-audit.resolver';
import { ApplicationPermissionResolver, ApplicationResolver } from './application.resolver';
import { ExplainAccessResolver } from './explain-access.resolver';
import { GrantResolver, RoleResolver } from './role.resolver';
import { RoleAssignmentResolver } from './role-assignment.resolver';
import { UserAdminResolver } from './user-admin.resolver';
import { FormLayoutResolver } from './form-layout.resolver';
import { NodeResolver } from './node.resolver';
import { BulkDocumentResolver } from './bulk-document.resolver';
import { DocumentMutationResolver } from './document-mutation.resolver';
import { DocumentItemResolver } from './document-item.resolver';
import { InventoryDocumentResolver } from './inventory-document.resolver';
import { PermissionCatalogResolver } from './permission-catalog.resolver';
import { ProductMutationResolver } from './product-mutation.resolver';
import { ProductResolver } from './product.resolver';
import { ReportResolver, SalesReportResolver, WarehouseSalesResolver } from './report.resolver';
import { SettingsResolver } from './settings.resolver';
import { ReservationMutationResolver } from './reservation-mutation.resolver';
import { ProductStockResolver } from './product-stock.resolver';
import { ReservationReadResolver } from './reservation-read.resolver';
import { StockLevelResolver } from './stock-level.resolver';
import { StockMovementResolver } from './stock-movement.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import { ViewerResolver } from './viewer.resolver';
import { WarehouseMutationResolver } from './warehouse-mutation.resolver';
import { WarehouseResolver } from './warehouse.resolver';

/** Every resolver class of the API. New ones are added here. */
export const RESOLVERS: NonEmptyArray<Function> = [
  FormLayoutResolver,
  DocumentMutationResolver,
  BulkDocumentResolver,
  DocumentItemResolver,
  InventoryDocumentResolver,
  PermissionCatalogResolver,
  ProductMutationResolver,
  ProductResolver,
  ReportResolver,
  SalesReportResolver,
  WarehouseSalesResolver,
  SettingsResolver,
  ReservationMutationResolver,
  ProductStockResolver,
  ReservationReadResolver,
  StockLevelResolver,
  StockMovementResolver,
  ViewerResolver,
  WarehouseMutationResolver,
  WarehouseResolver,
  // access administration (issue 4)
  AccessAuditResolver, ExplainAccessResolver, GrantResolver, RoleResolver, RoleAssignmentResolver, UserAdminResolver,
  // applications (issue 10)
  ApplicationResolver, ApplicationPermissionResolver,
  // live stock over graphql-ws (issue 20 §6)
  SubscriptionResolver,
  // global object identification (issue 18 §2)
  NodeResolver,
];
