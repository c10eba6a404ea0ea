import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { afterAccessChange } from './after-change';
import { User } from '../entities/user.entity';
import { PageArgs } from '../schema/connection';
import { RoleAssignmentType } from '../schema/role.type';
import { CreateUserInput, UpdateUserInput, UserConnection } from '../schema/user-admin.type';
import { UserType } from '../schema/user.type';
import { UserFilter, UserOrder } from '../schema/user-list.type';
import { parseId } from '../services/platform/ids';
import { userAdminService } from '../services/access/user-admin.service';

@Resolver(() => UserType)
export class UserAdminResolver {
  @Query(() => UserConnection, { nullable: true, description: 'Users; search matches login or name.' })
  users(@Ctx() ctx: RequestContext, @Args() page: PageArgs,
        @Arg('search', () => String, { nullable: true }) search: string | null,
        @Arg('includeInactive', { defaultValue: false }) includeInactive: boolean,
        @Arg('filter', () => UserFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' }) filter: UserFilter | null,
        @Arg('orderBy', () => UserOrder, { nullable: true }) orderBy: UserOrder | null) {
    return userAdminService.list(ctx, { search, includeInactive, ...filter }, page, orderBy);
  }

  @Query(() => UserType, { nullable: true })
  user(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const key = parseId(id);
    return key === null ? null : ctx.loaders.user.load(key);
  }

  @FieldResolver(() => [RoleAssignmentType], { nullable: true, description: 'The user\'s roles (ACCESS_MANAGE only).' })
  assignments(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.assignmentsOfUser.load(user.id);
  }

  @Mutation(() => UserType, { nullable: true })
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return afterAccessChange(ctx, userAdminService.create(ctx, input));
  }

  @Mutation(() => UserType, { nullable: true })
  updateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput) {
    return afterAccessChange(ctx, userAdminService.update(ctx, id, input));
  }

  @Mutation(() => UserType, { nullable: true, description: 'Every later request of the user is refused; roles and history stay.' })
  deactivateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return afterAccessChange(ctx, userAdminService.setActive(ctx, id, false));
  }

  @Mutation(() => UserType, { nullable: true })
  reactivateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return afterAccessChange(ctx, userAdminService.setActive(ctx, id, true));
  }
}
