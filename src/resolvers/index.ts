import { NonEmptyArray } from 'type-graphql';
import { DocumentItemResolver } from './document-item.resolver';
import { InventoryDocumentResolver } from './inventory-document.resolver';
import { PermissionCatalogResolver } from './permission-catalog.resolver';
import { ProductResolver } from './product.resolver';
import { ProductStockResolver } from './product-stock.resolver';
import { ReservationReadResolver } from './reservation-read.resolver';
import { StockLevelResolver } from './stock-level.resolver';
import { ViewerResolver } from './viewer.resolver';
import { WarehouseResolver } from './warehouse.resolver';

/** Every resolver class of the API. New ones are added here. */
export const RESOLVERS: NonEmptyArray<Function> = [
  DocumentItemResolver,
  InventoryDocumentResolver,
  PermissionCatalogResolver,
  ProductResolver,
  ProductStockResolver,
  ReservationReadResolver,
  StockLevelResolver,
  ViewerResolver,
  WarehouseResolver,
];
