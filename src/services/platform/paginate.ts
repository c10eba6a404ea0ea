import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../../errors';
import { overLimit } from '../../limits/limits';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageArgs } from '../../schema/connection';
import { openCursor, sealCursor } from './opaque-ids';

export type Direction = 'ASC' | 'DESC';

/**
 * The order of a connection: a column a screen sorts by (or none: the id alone) and a direction;
 * the id in the same direction breaks ties, so the order is total and keyset paging is exact.
 */
export interface Ordering<T> {
  /** Names the order inside cursors: a cursor of another order is refused, not misread. */
  key: string;
  direction: Direction;
  column?: OrderColumn<T>;
}

/**
 * A sort expression: a column of the row, or an expression over it (a correlated subquery, a
 * difference). Without `value` the cursor takes the value the database computed for the row, so
 * it compares exactly as the database sorted (SQLite's REAL arithmetic included).
 */
export interface OrderColumn<T> {
  path: string;
  kind: 'date' | 'text' | 'number';
  value?: (row: T) => Date | string;
}

export const BY_ID: Ordering<{ id: number }> = { key: 'ID', direction: 'ASC' };

interface Cursor {
  k: string;
  v?: string;
  id: number;
}

/** Cursors are made and read only here (opaque to clients; a change of encoding is one place). */
const encodeCursor = (ordering: Ordering<any>, row: { id: number }, value: Date | string | undefined): string => {
  const cursor: Cursor = { k: ordering.key, ...(value === undefined ? {} : { v: value instanceof Date ? value.toISOString() : value }), id: row.id };
  return sealCursor(JSON.stringify(cursor));
};

function decodeCursor(ordering: Ordering<any>, cursor: string, field: string): Cursor {
  let parsed: Partial<Cursor> | null = null;
  try {
    const content = openCursor(cursor);
    parsed = content === null ? null : JSON.parse(content);
  } catch {
    parsed = null;
  }
  const valid = parsed && parsed.k === ordering.key && Number.isSafeInteger(parsed.id)
    && (ordering.column ? typeof parsed.v === 'string' : parsed.v === undefined);
  if (!valid) throw badInput(field, 'not a cursor returned by this connection in this order');
  return parsed as Cursor;
}

const isSqlite = (qb: SelectQueryBuilder<ObjectLiteral>) => qb.connection.options.type !== 'mysql';

/**
 * A date column compared and sorted the same way on both databases: SQLite keeps datetimes as
 * text written with or without milliseconds, so both sides are normalized to milliseconds there.
 */
function sortExpression(qb: SelectQueryBuilder<ObjectLiteral>, ordering: Ordering<any>): string | null {
  const column = ordering.column;
  if (!column) return null;
  return column.kind === 'date' && isSqlite(qb) ? `strftime('%Y-%m-%d %H:%M:%f', ${column.path})` : column.path;
}

function cursorValue(qb: SelectQueryBuilder<ObjectLiteral>, ordering: Ordering<any>, value: string, field: string): string | number | Date {
  if (ordering.column?.kind === 'number') {
    const number = Number(value);
    if (!Number.isFinite(number)) throw badInput(field, 'not a cursor returned by this connection in this order');
    // SQLite computed a REAL and gets the same double back; MariaDB compares DECIMALs exactly (see comparand).
    return isSqlite(qb) ? number : value;
  }
  if (ordering.column?.kind !== 'date') return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput(field, 'not a cursor returned by this connection in this order');
  return isSqlite(qb) ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
}

/** MariaDB: a DECIMAL cursor value compared as a DECIMAL (a string beside a DECIMAL compares as a double). */
const comparand = (qb: SelectQueryBuilder<ObjectLiteral>, ordering: Ordering<any>) =>
  (ordering.column?.kind === 'number' && !isSqlite(qb) ? 'CAST(:cursorValue AS DECIMAL(30,4))' : ':cursorValue');

const SORT_VALUE = 'sg_sort_value';

/** The sort value of each row: from the entity, or as the database computed it (selected beside the row). */
async function rowsWithSortValues<T extends ObjectLiteral & { id: number }>(
  page: SelectQueryBuilder<T>, alias: string, ordering: Ordering<T>, sort: string | null,
): Promise<Array<{ row: T; value: Date | string | undefined }>> {
  const column = ordering.column;
  if (!column || !sort) return (await page.getMany()).map((row) => ({ row, value: undefined }));
  if (column.value) return (await page.getMany()).map((row) => ({ row, value: column.value!(row) }));
  // In parentheses: a bare `alias.column` would be taken for the entity's own column and renamed.
  const { entities, raw } = await page.addSelect(`(${sort})`, SORT_VALUE).getRawAndEntities();
  const values = new Map(raw.map((r) => [Number(r[`${alias}_id`]), r[SORT_VALUE]]));
  return entities.map((row) => ({ row, value: String(values.get(row.id)) }));
}

const reverse = (direction: Direction): Direction => (direction === 'ASC' ? 'DESC' : 'ASC');

function pageSize(args: PageArgs): { size: number; backward: boolean } {
  if (args.first != null && args.last != null) throw badInput('last', 'pass first or last, not both');
  if (args.last == null && args.before != null) throw badInput('before', 'pages backward: pass it with last');
  if (args.last != null && args.after != null) throw badInput('after', 'pages forward: pass it with first');
  const backward = args.last != null;
  const field = backward ? 'last' : 'first';
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw badInput(field, `must be between 1 and ${MAX_PAGE_SIZE}`);
  if (size > MAX_PAGE_SIZE) throw overLimit(field, 'pageSize', MAX_PAGE_SIZE, `must be between 1 and ${MAX_PAGE_SIZE} (pageSize, LIMIT_PAGE_SIZE)`);
  return { size, backward };
}

/**
 * Keyset pagination over an already scoped query (issue 18 §1): `first`/`after` forward,
 * `last`/`before` backward, in the given order with the id as tie-breaker. A cursor is the sort
 * value and id of a row, sealed (opaque-ids.ts: it shows neither the key nor a count), so pages
 * stay exact when rows are inserted meanwhile. One page query,
 * plus one COUNT when `totalCount` is selected, whatever the page size.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  args: PageArgs,
  ordering: Ordering<T> = BY_ID,
): Promise<Page<T>> {
  const { size, backward } = pageSize(args);
  // COUNT is the expensive part on large tables; it runs only when a client selects totalCount.
  const totalCount = () => qb.clone().getCount();
  const direction = backward ? reverse(ordering.direction) : ordering.direction;
  const sort = sortExpression(qb, ordering);
  const page = qb.clone();
  if (sort) page.orderBy(sort, direction).addOrderBy(`${alias}.id`, direction);
  else page.orderBy(`${alias}.id`, direction);
  page.take(size + 1);
  const cursor = backward ? args.before : args.after;
  if (cursor) {
    const field = backward ? 'before' : 'after';
    const at = decodeCursor(ordering, cursor, field);
    const beyond = direction === 'ASC' ? '>' : '<';
    if (sort) {
      const v = comparand(qb, ordering);
      page.andWhere(`(${sort} ${beyond} ${v} OR (${sort} = ${v} AND ${alias}.id ${beyond} :cursorId))`,
        { cursorValue: cursorValue(qb, ordering, at.v!, field), cursorId: at.id });
    } else page.andWhere(`${alias}.id ${beyond} :cursorId`, { cursorId: at.id });
  }
  const rows = await rowsWithSortValues(page, alias, ordering, sort);
  const more = rows.length > size;
  const kept = rows.slice(0, size);
  if (backward) kept.reverse();
  const nodes = kept.map((r) => r.row);
  const edges = kept.map((r) => ({ cursor: encodeCursor(ordering, r.row, r.value), node: r.row }));
  return {
    nodes,
    edges,
    pageInfo: {
      // Exact in the direction paged; towards the cursor, a row exists behind it when one was given.
      hasNextPage: backward ? Boolean(args.before) : more,
      hasPreviousPage: backward ? more : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
