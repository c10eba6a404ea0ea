import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { CreateWarehouseInput, UpdateWarehouseInput } from '../schema/warehouse-input.type';
import { WarehouseType } from '../schema/warehouse.type';
import { warehouseAdminService } from '../services/catalog/warehouse-admin.service';

const NOTE = 'A warehouse the viewer cannot select is NOT_FOUND.';

@Resolver()
export class WarehouseMutationResolver {
  @Mutation(() => WarehouseType, {
    nullable: true,
    description: 'Creates a warehouse. The result is null when the viewer cannot select the new warehouse (WAREHOUSE_SELECT not ALL).',
  })
  createWarehouse(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWarehouseInput, { description: 'Code, name and address of the new warehouse.' }) input: CreateWarehouseInput) {
    return warehouseAdminService.create(ctx, input);
  }

  @Mutation(() => WarehouseType, { nullable: true, description: `Changes a warehouse's code, name or address. ${NOTE}` })
  updateWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The warehouse to change.' }) id: string,
                  @Arg('input', () => UpdateWarehouseInput, { description: 'What to change.' }) input: UpdateWarehouseInput) {
    return warehouseAdminService.update(ctx, id, input);
  }

  @Mutation(() => WarehouseType, {
    nullable: true,
    description: `Takes a warehouse out of use: no new lines, left out of lists. ${NOTE} INVALID_STATE while it is the default, holds stock or has active reservations.`,
  })
  deactivateWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The warehouse to deactivate.' }) id: string) {
    return warehouseAdminService.deactivate(ctx, id);
  }

  @Mutation(() => WarehouseType, { nullable: true, description: `Puts a deactivated warehouse back in use. ${NOTE}` })
  reactivateWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The warehouse to reactivate.' }) id: string) {
    return warehouseAdminService.reactivate(ctx, id);
  }

  @Mutation(() => WarehouseType, { nullable: true, description: `Makes an active warehouse the default instead of the current one. ${NOTE} The viewer must also be able to select the current default.` })
  setDefaultWarehouse(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The warehouse to make the default.' }) id: string) {
    return warehouseAdminService.setDefault(ctx, id);
  }
}
