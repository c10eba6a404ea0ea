import { RequestContext } from '../../context';
import { AccessAuditEntry } from '../../entities/access-audit-entry.entity';
import { badInput } from '../../errors';
import { Page, PageArgs } from '../../schema/connection';
import { parseId } from '../platform/ids';
import { paginate } from '../platform/paginate';

export interface AuditFilter {
  actorId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** The access audit log, oldest first, filtered by actor, subject and time (`from` inclusive, `to` exclusive). */
export const accessAuditService = {
  list(ctx: RequestContext, filter: AuditFilter, page: PageArgs): Promise<Page<AccessAuditEntry>> {
    const qb = ctx.db.getRepository(AccessAuditEntry).createQueryBuilder('e');
    if (filter.actorId !== undefined && filter.actorId !== null) {
      const actorId = parseId(filter.actorId);
      if (actorId === null) throw badInput('actorId', 'not a user id');
      qb.andWhere('e.actorId = :actorId', { actorId });
    }
    if (filter.subjectType) qb.andWhere('e.subjectType = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) qb.andWhere('e.subjectId = :subjectId', { subjectId: String(filter.subjectId) });
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('to', 'must not be before from');
    if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.at < :to', { to: filter.to });
    return paginate(qb, 'e', page);
  },
};
