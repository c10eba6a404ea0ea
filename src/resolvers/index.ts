import { NonEmptyArray } from 'type-graphql';
import { DocumentMutationResolver } from './document-mutation.resolver';
import { PermissionCatalogResolver } from './permission-catalog.resolver';
import { ProductResolver } from './product.resolver';
import { ReservationMutationResolver } from './reservation-mutation.resolver';
import { ViewerResolver } from './viewer.resolver';
import { WarehouseResolver } from './warehouse.resolver';

/** Every resolver class of the API. New ones are added here. */
export const RESOLVERS: NonEmptyArray<Function> = [
  DocumentMutationResolver,
  PermissionCatalogResolver,
  ProductResolver,
  ReservationMutationResolver,
  ViewerResolver,
  WarehouseResolver,
];
