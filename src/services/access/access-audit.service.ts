import { RequestContext } from '../../context';
import { AccessAuditEntry } from '../../entities/access-audit-entry.entity';
import { badInput } from '../../errors';
import { Page, PageArgs } from '../../schema/connection';
import { parseId } from '../platform/ids';
import { BY_ID, Ordering, paginate } from '../platform/paginate';
import type { AccessAuditOrder } from '../../schema/access-audit.type';

export interface AuditFilter {
  actorId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** The access audit log, oldest first unless ordered by time, filtered by actor, subject and time (`from` inclusive, `to` exclusive). */
export const accessAuditService = {
  list(ctx: RequestContext, filters: AuditFilter[], page: PageArgs, order?: AccessAuditOrder | null): Promise<Page<AccessAuditEntry>> {
    const qb = ctx.db.getRepository(AccessAuditEntry).createQueryBuilder('e');
    filters.forEach((filter, i) => {
      if (filter.actorId !== undefined && filter.actorId !== null) {
        const actorId = parseId(filter.actorId);
        if (actorId === null) throw badInput(i ? 'filter.actorId' : 'actorId', 'not a user id');
        qb.andWhere(`e.actorId = :actorId${i}`, { [`actorId${i}`]: actorId });
      }
      if (filter.subjectType) qb.andWhere(`e.subjectType = :subjectType${i}`, { [`subjectType${i}`]: filter.subjectType });
      if (filter.subjectId) qb.andWhere(`e.subjectId = :subjectId${i}`, { [`subjectId${i}`]: String(filter.subjectId) });
      if (filter.from && filter.to && filter.from > filter.to) throw badInput(i ? 'filter.at.to' : 'to', 'must not be before from');
      if (filter.from) qb.andWhere(`e.at >= :from${i}`, { [`from${i}`]: filter.from });
      if (filter.to) qb.andWhere(`e.at < :to${i}`, { [`to${i}`]: filter.to });
    });
    const ordering: Ordering<AccessAuditEntry> = order
      ? { key: order.field, direction: order.direction, column: { path: 'e.at', kind: 'date', value: (e) => e.at } }
      : BY_ID;
    return paginate(qb, 'e', page, ordering);
  },
};
