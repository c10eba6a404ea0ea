import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { afterAccessChange } from './after-change';
import { RoleAssignment } from '../entities/role-assignment.entity';
import { RoleAssignmentType, RoleType } from '../schema/role.type';
import { UserType } from '../schema/user.type';
import { WarehouseType } from '../schema/warehouse.type';
import { assignmentAdminService } from '../services/access/assignment-admin.service';

@Resolver(() => RoleAssignmentType)
export class RoleAssignmentResolver {
  @FieldResolver(() => UserType, { description: 'The user who holds the role.' })
  async user(@Root() a: RoleAssignment, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.user.load(a.userId))!;
  }

  @FieldResolver(() => RoleType, { description: 'The role held.' })
  async role(@Root() a: RoleAssignment, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.role.load(a.roleId))!;
  }

  @FieldResolver(() => [WarehouseType], { nullable: true, description: 'The narrowing\'s warehouses the viewer can select (see warehouseIds).' })
  async warehouses(@Root() a: RoleAssignment, @Ctx() ctx: RequestContext) {
    if (!a.warehouseScope) return null;
    return (await ctx.loaders.warehouse.loadMany(a.warehouseScope)).filter((w) => w && !(w instanceof Error));
  }

  @Mutation(() => RoleAssignmentType, {
    nullable: true,
    description: 'Assigns a role; warehouseIds narrows its WAREHOUSE_SELECT for this user. On a role the user holds, changes the narrowing.',
  })
  assignRole(@Ctx() ctx: RequestContext, @Arg('userId', () => ID, { description: 'The user to give the role.' }) userId: string,
             @Arg('roleId', () => ID, { description: 'The role to give.' }) roleId: string,
             @Arg('warehouseIds', () => [ID], { nullable: true, description: 'Narrows the role\'s WAREHOUSE_SELECT to these warehouses for this user; omitted: the role\'s own scope.' })
             warehouseIds: string[] | null) {
    return afterAccessChange(ctx, assignmentAdminService.assign(ctx, userId, roleId, warehouseIds));
  }

  @Mutation(() => UserType, { nullable: true, description: 'Removes a role from a user; returns the user.' })
  unassignRole(@Ctx() ctx: RequestContext, @Arg('userId', () => ID, { description: 'The user to take the role from.' }) userId: string,
               @Arg('roleId', () => ID, { description: 'The role to take away.' }) roleId: string) {
    return afterAccessChange(ctx, assignmentAdminService.unassign(ctx, userId, roleId));
  }
}
