import { TestApi } from './api';

/**
 * Issue 18 §1: a connection read page by page, forward (first/after) and backward (last/before).
 * `query` takes $first, $after, $last, $before plus the given variables and selects
 * `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }` and `nodes`.
 */
export interface PageOf<T> {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: T[];
}

export async function pageOf<T>(api: TestApi, as: string, query: string, field: string, variables: Record<string, unknown>): Promise<PageOf<T>> {
  const res = await api.gql(as, query, variables);
  if (res.errors) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
  return res.data[field];
}

/** Every page forward, then every page backward; both must give the same rows in the same order. */
export async function walk<T>(api: TestApi, as: string, query: string, field: string, variables: Record<string, unknown>, size: number): Promise<T[]> {
  const forward: T[] = [];
  for (let after: string | null = null; ;) {
    const page: PageOf<T> = await pageOf<T>(api, as, query, field, { ...variables, first: size, after });
    expect(page.nodes.length).toBeLessThanOrEqual(size);
    forward.push(...page.nodes);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const backward: T[] = [];
  for (let before: string | null = null; ;) {
    const page: PageOf<T> = await pageOf<T>(api, as, query, field, { ...variables, last: size, before });
    backward.unshift(...page.nodes);
    expect(page.pageInfo.hasNextPage).toBe(before !== null);
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  expect(backward).toEqual(forward);
  return forward;
}

/**
 * The order a list must have: by `key` in the direction, ties in the order of `byId` (the list
 * without orderBy, id ascending) — reversed for DESC, since the id breaks ties in the same direction.
 */
export function expectedOrder<T>(byId: T[], key: (row: T) => number | string, direction: 'ASC' | 'DESC'): T[] {
  const indexed = byId.map((row, index) => ({ row, index }));
  indexed.sort((a, b) => {
    const [x, y] = [key(a.row), key(b.row)];
    const byKey = x < y ? -1 : x > y ? 1 : 0;
    return byKey !== 0 ? byKey : a.index - b.index;
  });
  const sorted = indexed.map((e) => e.row);
  if (direction === 'DESC') sorted.reverse();
  return sorted;
}
