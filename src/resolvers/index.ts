import { NonEmptyArray } from 'type-graphql';
import { PermissionCatalogResolver } from './permission-catalog.resolver';
import { ProductResolver } from './product.resolver';
import { ReportResolver } from './report.resolver';
import { ViewerResolver } from './viewer.resolver';
import { WarehouseResolver } from './warehouse.resolver';

/** Every resolver class of the API. New ones are added here. */
export const RESOLVERS: NonEmptyArray<Function> = [
  PermissionCatalogResolver,
  ProductResolver,
  ReportResolver,
  ViewerResolver,
  WarehouseResolver,
];
