import { RequestContext } from '../../context';
import { Warehouse } from '../../entities/warehouse.entity';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { parseId } from '../platform/ids';

/** Warehouses the viewer can select; hidden ones look exactly like missing ones (DESIGN §3.2). */
export const warehouseService = {
  list(ctx: RequestContext, includeInactive: boolean): Promise<Warehouse[]> {
    const qb = ctx.db.getRepository(Warehouse).createQueryBuilder('w').orderBy('w.code', 'ASC');
    if (!includeInactive) qb.andWhere('w.active = :active', { active: true });
    return restrictToWarehouses(qb, ctx.access, 'w.id').getMany();
  },

  async byId(ctx: RequestContext, id: string): Promise<Warehouse | null> {
    const key = parseId(id);
    return key === null ? null : ctx.loaders.warehouse.load(key);
  },

  /** The listed warehouses the viewer can select (a grant's or an application's scope); null: no list. */
  async listed(ctx: RequestContext, ids: number[] | null): Promise<Warehouse[] | null> {
    if (!ids) return null;
    return (await ctx.loaders.warehouse.loadMany(ids)).filter((w): w is Warehouse => w !== null && !(w instanceof Error));
  },
};
