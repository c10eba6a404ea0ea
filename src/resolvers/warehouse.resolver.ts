import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { WarehouseType } from '../schema/warehouse.type';
import { warehouseService } from '../services/catalog/warehouse.service';

@Resolver(() => WarehouseType)
export class WarehouseResolver {
  @Query(() => [WarehouseType], { nullable: true, description: 'Warehouses the viewer can select.' })
  warehouses(@Ctx() ctx: RequestContext, @Arg('includeInactive', { defaultValue: false, description: 'true: deactivated warehouses too.' }) includeInactive: boolean) {
    return warehouseService.list(ctx, includeInactive);
  }

  @Query(() => WarehouseType, { nullable: true, description: 'One warehouse; null when missing or not selectable by the viewer.' })
  warehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The warehouse\'s id.' }) id: string) {
    return warehouseService.byId(ctx, id);
  }
}
