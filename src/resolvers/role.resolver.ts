import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { afterAccessChange } from './after-change';
import { Role, SystemRole } from '../entities/role.entity';
import { CreateRoleInput, GrantInput, GrantType, RoleAssignmentType, RoleType, UpdateRoleInput } from '../schema/role.type';
import { WarehouseType } from '../schema/warehouse.type';
import { fromGrantRows, ValidGrant } from '../services/access/grant-spec';
import { roleAdminService } from '../services/access/role-admin.service';
import { warehouseService } from '../services/catalog/warehouse.service';
import { Permission } from '../shield/permission-catalog';

const toGrantType = (g: ValidGrant): GrantType => ({
  ...g,
  allWarehouses: g.permission === Permission.WAREHOUSE_SELECT && g.warehouseIds === null,
  allReportKinds: g.permission === Permission.REPORT_VIEW && g.reportKinds === null,
});

@Resolver(() => RoleType)
export class RoleResolver {
  @Query(() => [RoleType], { nullable: true, description: 'Every role, by name.' })
  roles(@Ctx() ctx: RequestContext) {
    return roleAdminService.list(ctx);
  }

  @Query(() => RoleType, { nullable: true, description: 'One role; null when there is none with this id.' })
  role(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The role\'s id.' }) id: string) {
    return roleAdminService.byId(ctx, id);
  }

  @FieldResolver(() => Boolean, { description: 'false for the Administrator role, which can be neither edited nor deleted.' })
  editable(@Root() role: Role): boolean {
    return role.systemKey !== SystemRole.ADMINISTRATOR;
  }

  @FieldResolver(() => [GrantType], { description: 'The permissions it grants, each with its scope.' })
  async grants(@Root() role: Role, @Ctx() ctx: RequestContext): Promise<GrantType[]> {
    return fromGrantRows(await ctx.loaders.roleGrants.load(role.id)).map(toGrantType);
  }

  @FieldResolver(() => [RoleAssignmentType], { description: 'Who holds the role, with their narrowing.' })
  members(@Root() role: Role, @Ctx() ctx: RequestContext) {
    return ctx.loaders.assignmentsOfRole.load(role.id);
  }

  @Mutation(() => RoleType, { nullable: true, description: 'A custom role, optionally with its grants.' })
  createRole(@Ctx() ctx: RequestContext, @Arg('input', () => CreateRoleInput, { description: 'Name, description and grants of the new role.' }) input: CreateRoleInput) {
    return afterAccessChange(ctx, roleAdminService.create(ctx, input));
  }

  @Mutation(() => RoleType, { nullable: true, description: 'Rename or describe a role.' })
  updateRole(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The role to change.' }) id: string,
             @Arg('input', () => UpdateRoleInput, { description: 'What to change.' }) input: UpdateRoleInput) {
    return afterAccessChange(ctx, roleAdminService.update(ctx, id, input));
  }

  @Mutation(() => RoleType, { nullable: true, description: 'Replaces the role\'s grants (a permission not listed is off).' })
  setRoleGrants(@Ctx() ctx: RequestContext, @Arg('roleId', () => ID, { description: 'The role whose grants to replace.' }) roleId: string,
                @Arg('grants', () => [GrantInput], { description: 'All its grants from now on; only what you hold yourself can be granted.' }) grants: GrantInput[]) {
    return afterAccessChange(ctx, roleAdminService.setGrants(ctx, roleId, grants));
  }

  @Mutation(() => RoleType, {
    nullable: true,
    description: 'Gives a standard role (systemKey set) its standard grants back, under the same rules as setRoleGrants.',
  })
  resetStandardRole(@Ctx() ctx: RequestContext, @Arg('role', () => ID, { description: 'The standard role to reset.' }) role: string) {
    return afterAccessChange(ctx, roleAdminService.resetStandard(ctx, role));
  }

  @Mutation(() => ID, {
    nullable: true,
    description: 'Deletes a custom role. A role still assigned is refused with CONFLICT unless removeAssignments is true.',
  })
  deleteRole(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The custom role to delete.' }) id: string,
             @Arg('removeAssignments', { defaultValue: false, description: 'true: also take it from every user holding it, in the same transaction.' })
             removeAssignments: boolean) {
    return afterAccessChange(ctx, roleAdminService.delete(ctx, id, removeAssignments));
  }
}

@Resolver(() => GrantType)
export class GrantResolver {
  @FieldResolver(() => [WarehouseType], { nullable: true, description: 'The listed warehouses the viewer can select (see warehouseIds).' })
  warehouses(@Root() grant: GrantType, @Ctx() ctx: RequestContext) {
    return warehouseService.listed(ctx, grant.warehouseIds);
  }
}
