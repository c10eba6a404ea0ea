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
        @Arg('search', () => String, { nullable: true, description: 'Part of a login or name, any case.' }) search: string | null,
        @Arg('includeInactive', { defaultValue: false, description: 'true: deactivated users too.' }) includeInactive: boolean,
        @Arg('filter', () => UserFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' }) filter: UserFilter | null,
        @Arg('orderBy', () => UserOrder, { nullable: true, description: 'The order of the list; default: as they were created.' }) orderBy: UserOrder | null) {
    return userAdminService.list(ctx, { search, includeInactive, ...filter }, page, orderBy);
  }

  @Query(() => UserType, { nullable: true, description: 'One user, deactivated ones too; null when there is none with this id.' })
  user(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The user\'s id.' }) id: string) {
    const key = parseId(id);
    return key === null ? null : ctx.loaders.user.load(key);
  }

  @FieldResolver(() => [RoleAssignmentType], { nullable: true, description: 'The roles the user holds, each with its narrowing.' })
  assignments(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.assignmentsOfUser.load(user.id);
  }

  @Mutation(() => UserType, { nullable: true, description: 'Creates an active user without roles; assignRole gives it access.' })
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput, { description: 'Login, name and e-mail address of the new user.' }) input: CreateUserInput) {
    return afterAccessChange(ctx, userAdminService.create(ctx, input));
  }

  @Mutation(() => UserType, { nullable: true, description: 'Changes a user\'s name or e-mail address (the login is fixed).' })
  updateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The user to change.' }) id: string,
             @Arg('input', () => UpdateUserInput, { description: 'What to change.' }) input: UpdateUserInput) {
    return afterAccessChange(ctx, userAdminService.update(ctx, id, input));
  }

  @Mutation(() => UserType, { nullable: true, description: 'Every later request of the user is refused; roles and history stay.' })
  deactivateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The user to deactivate.' }) id: string) {
    return afterAccessChange(ctx, userAdminService.setActive(ctx, id, false));
  }

  @Mutation(() => UserType, { nullable: true, description: 'Lets a deactivated user sign in again, with the roles they held.' })
  reactivateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The user to reactivate.' }) id: string) {
    return afterAccessChange(ctx, userAdminService.setActive(ctx, id, true));
  }
}
