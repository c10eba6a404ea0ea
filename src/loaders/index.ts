import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Product } from '../entities/product.entity';
import { User } from '../entities/user.entity';
import { Warehouse } from '../entities/warehouse.entity';
import { Access } from '../shield/access';
import { restrictToWarehouses } from '../shield/scoped-query';
import { accessLoaders } from './access.loaders';

/** Loads rows by key in one statement per tick; keys without a row resolve to null. */
export function byIdLoader<T extends { id: number }>(fetch: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Groups rows under a key, in one statement per tick. */
export function groupLoader<T>(fetch: (keys: number[]) => Promise<T[]>, keyOf: (row: T) => number) {
  return new DataLoader<number, T[]>(async (keys) => {
    const rows = await fetch([...keys]);
    const groups = new Map<number, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** One set per request; warehouse-located loaders apply the viewer's scope in SQL. */
export function createLoaders(db: DataSource, access: Access) {
  return {
    warehouse: byIdLoader((ids) =>
      restrictToWarehouses(db.getRepository(Warehouse).createQueryBuilder('w').where('w.id IN (:...ids)', { ids }), access, 'w.id')
        .getMany(),
    ),
    product: byIdLoader((ids) => db.getRepository(Product).findBy({ id: In(ids) })),
    variants: groupLoader(
      (parentIds) => db.getRepository(Product).find({ where: { parentId: In(parentIds) }, order: { id: 'ASC' } }),
      (p) => p.parentId!,
    ),
    user: byIdLoader((ids) => db.getRepository(User).findBy({ id: In(ids) })),
    ...accessLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
