import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../../errors';
import { overLimit } from '../../limits/limits';
import { MAX_PAGE_SIZE, Page, PageArgs } from '../../schema/connection';

const encodeCursor = (id: number) => Buffer.from(`id:${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('after', 'not a cursor returned by this connection');
  return Number(match[1]);
}

/**
 * Keyset pagination by id over an already scoped query: one page query, plus one COUNT when
 * `totalCount` is selected, whatever the page size.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  args: PageArgs,
): Promise<Page<T>> {
  if (!Number.isInteger(args.first) || args.first < 1) throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  if (args.first > MAX_PAGE_SIZE) throw overLimit('first', 'pageSize', MAX_PAGE_SIZE, `must be between 1 and ${MAX_PAGE_SIZE} (pageSize, LIMIT_PAGE_SIZE)`);
  // COUNT is the expensive part on large tables; it runs only when a client selects totalCount.
  const totalCount = () => qb.clone().getCount();
  const page = qb.clone().orderBy(`${alias}.id`, 'ASC').take(args.first + 1);
  if (args.after) page.andWhere(`${alias}.id > :afterId`, { afterId: decodeCursor(args.after) });
  const rows = await page.getMany();
  const nodes = rows.slice(0, args.first);
  return {
    nodes,
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
    totalCount,
  };
}
