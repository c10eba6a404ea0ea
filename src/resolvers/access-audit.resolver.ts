import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { AccessAuditEntry } from '../entities/access-audit-entry.entity';
import { AccessAuditEntryConnection, AccessAuditEntryType, AccessAuditFilter, AccessAuditOrder } from '../schema/access-audit.type';
import { PageArgs } from '../schema/connection';
import { UserType } from '../schema/user.type';
import { accessAuditService } from '../services/access/access-audit.service';

@Resolver(() => AccessAuditEntryType)
export class AccessAuditResolver {
  @Query(() => AccessAuditEntryConnection, { nullable: true, description: 'Access changes, oldest first unless orderBy says otherwise; `from` inclusive, `to` exclusive.' })
  accessAuditLog(@Ctx() ctx: RequestContext, @Args() page: PageArgs,
                 @Arg('actorId', () => ID, { nullable: true, description: 'Only changes made by this user.' }) actorId: string | null,
                 @Arg('subjectType', () => String, { nullable: true, description: 'ROLE or USER (other areas may add their own).' }) subjectType: string | null,
                 @Arg('subjectId', () => ID, { nullable: true, description: 'Only changes of this object (with subjectType).' }) subjectId: string | null,
                 @Arg('from', () => Date, { nullable: true, description: 'Made at or after this instant.' }) from: Date | null,
                 @Arg('to', () => Date, { nullable: true, description: 'Made before this instant (exclusive).' }) to: Date | null,
                 @Arg('filter', () => AccessAuditFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' })
                 filter: AccessAuditFilter | null,
                 @Arg('orderBy', () => AccessAuditOrder, { nullable: true, description: 'The order of the log; default: oldest first.' }) orderBy: AccessAuditOrder | null) {
    return accessAuditService.list(ctx, [{ actorId, subjectType, subjectId, from, to }, ...(filter ? [{ ...filter, from: filter.at?.from, to: filter.at?.to }] : [])], page, orderBy);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who made the change (null for system changes).' })
  actor(@Root() entry: AccessAuditEntry, @Ctx() ctx: RequestContext) {
    return entry.actorId === null ? null : ctx.loaders.user.load(entry.actorId);
  }
}
