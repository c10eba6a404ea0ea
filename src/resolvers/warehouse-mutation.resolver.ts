import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { CreateWarehouseInput, UpdateWarehouseInput } from '../schema/warehouse-input.type';
import { WarehouseType } from '../schema/warehouse.type';
import { warehouseAdminService } from '../services/catalog/warehouse-admin.service';

const NOTE = 'Needs WAREHOUSE_EDIT; warehouses the viewer cannot select are NOT_FOUND.';

@Resolver()
export class WarehouseMutationResolver {
  @Mutation(() => WarehouseType, {
    nullable: true,
    description: 'Needs WAREHOUSE_EDIT. The result is null when the viewer cannot select the new warehouse (WAREHOUSE_SELECT not ALL).',
  })
  createWarehouse(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput) {
    return warehouseAdminService.create(ctx, input);
  }

  @Mutation(() => WarehouseType, { nullable: true, description: NOTE })
  updateWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string,
                  @Arg('input', () => UpdateWarehouseInput) input: UpdateWarehouseInput) {
    return warehouseAdminService.update(ctx, id, input);
  }

  @Mutation(() => WarehouseType, { nullable: true, description: `${NOTE} INVALID_STATE while it is the default, holds stock or has active reservations.` })
  deactivateWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return warehouseAdminService.deactivate(ctx, id);
  }

  @Mutation(() => WarehouseType, { nullable: true, description: NOTE })
  reactivateWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return warehouseAdminService.reactivate(ctx, id);
  }

  @Mutation(() => WarehouseType, { nullable: true, description: `${NOTE} The viewer must also be able to select the current default.` })
  setDefaultWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return warehouseAdminService.setDefault(ctx, id);
  }
}
