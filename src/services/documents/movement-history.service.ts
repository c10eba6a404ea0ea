import DataLoader from 'dataloader';
import Decimal from 'decimal.js';
import { RequestContext } from '../../context';
import { StockMovement } from '../../entities/stock-movement.entity';
import { Page } from '../../schema/connection';
import { MovementHistoryArgs } from '../../schema/stock-movement.type';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { parseId } from '../platform/ids';
import { Ordering, paginate } from '../platform/paginate';

export type MovementView = StockMovement & { balance: Decimal };

const DAY_MS = 86_400_000;

// Exact on both: MariaDB sums DECIMALs; SQLite stores them as REAL, so it sums integer 1/10000 units
// with unit_sum (an exact aggregate, src/services/reports/sqlite-unit-sum.ts: SUM would overflow past 2^63).
const isMysql = (ctx: RequestContext) => ctx.db.options.type === 'mysql';
const quantitySum = (ctx: RequestContext, alias: string) =>
  (isMysql(ctx) ? `SUM(${alias}.quantity)` : `unit_sum(CAST(ROUND(${alias}.quantity * 10000) AS INTEGER))`);
const summed = (ctx: RequestContext, raw: unknown) => {
  const total = new Decimal((raw as string | number | null) ?? 0);
  return isMysql(ctx) ? total : total.dividedBy(10_000);
};
// SQLite compares its datetime text normalized to milliseconds, as paginate does.
const ledgerAt = (ctx: RequestContext, alias: string) => (isMysql(ctx) ? `${alias}.occurredAt` : `strftime('%Y-%m-%d %H:%M:%f', ${alias}.occurredAt)`);

/**
 * Ledger order: by the day a row counts on (`occurredAt`, its document's date), then in the order
 * rows were written — a backdated document's rows take their place on their day (issue 19 §1).
 */
const LEDGER_ORDER: Ordering<StockMovement> = { key: 'LEDGER', direction: 'ASC', column: { path: 'm.occurredAt', kind: 'date', value: (row) => row.occurredAt } };

/**
 * A product's ledger rows in the selectable warehouses (DESIGN §3.1, issue 19 §3), in ledger
 * order, each with the running balance after it. The balance counts every earlier row in the
 * same scope — also those before `from` — so a page answers with one statement for its rows and
 * one SUM for the balance before its first row, whatever the page or the history.
 */
export async function movementHistory(ctx: RequestContext, args: MovementHistoryArgs): Promise<Page<MovementView>> {
  const productId = parseId(args.productId) ?? -1;
  const warehouseId = args.warehouseId === undefined || args.warehouseId === null ? undefined : parseId(args.warehouseId) ?? -1;
  const scoped = () => {
    const qb = restrictToWarehouses(ctx.db.getRepository(StockMovement).createQueryBuilder('m'), ctx.access, 'm.warehouseId')
      .andWhere('m.productId = :productId', { productId });
    if (warehouseId !== undefined) qb.andWhere('m.warehouseId = :warehouseId', { warehouseId });
    return qb;
  };
  const listed = scoped();
  if (args.from) listed.andWhere('m.occurredAt >= :from', { from: new Date(`${args.from}T00:00:00.000Z`) });
  if (args.to) listed.andWhere('m.occurredAt < :to', { to: new Date(Date.parse(`${args.to}T00:00:00.000Z`) + DAY_MS) });
  // Ledger order, oldest first, or newest first (a cursor is a position in it, valid in either direction).
  const page = await paginate(listed, 'm', args, args.orderBy?.direction === 'DESC' ? { ...LEDGER_ORDER, direction: 'DESC' } : LEDGER_ORDER);
  if (page.nodes.length === 0) return { ...page, nodes: [], edges: [] };

  // The balance runs in ledger order whichever way the page is listed: it starts with every row before the page's earliest.
  const ledger = [...page.nodes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id);
  const at = ledgerAt(ctx, 'm');
  const first = ledger[0];
  const firstAt = isMysql(ctx) ? first.occurredAt : first.occurredAt.toISOString().replace('T', ' ').replace('Z', '');
  const before = await scoped().select(quantitySum(ctx, 'm'), 'total')
    .andWhere(`(${at} < :firstAt OR (${at} = :firstAt AND m.id < :firstId))`, { firstAt, firstId: first.id }).getRawOne();
  let balance = summed(ctx, before?.total);
  for (const row of ledger) {
    balance = balance.plus(row.quantity);
    Object.assign(row, { balance });
  }
  const nodes = page.nodes as MovementView[];
  return { ...page, nodes, edges: page.edges.map((edge, i) => ({ ...edge, node: nodes[i] })) };
}

const balanceLoaders = new WeakMap<RequestContext, DataLoader<number, Decimal>>();

/**
 * The running balance after each of these ledger rows in its own warehouse, in ledger order — what
 * `movements(productId, warehouseId)` shows beside the row — one statement per batch (node ids).
 * The rows are the caller's, already found in the viewer's scope: a row's warehouse is selectable.
 */
export function movementBalanceLoader(ctx: RequestContext): DataLoader<number, Decimal> {
  let loader = balanceLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<number, Decimal>(async (ids) => {
      const [at, earlierAt] = [ledgerAt(ctx, 'm'), ledgerAt(ctx, 'p')];
      const rows: Array<{ id: number; total: unknown }> = await ctx.db.getRepository(StockMovement).createQueryBuilder('m')
        .innerJoin(StockMovement, 'p', `p.productId = m.productId AND p.warehouseId = m.warehouseId
          AND (${earlierAt} < ${at} OR (${earlierAt} = ${at} AND p.id <= m.id))`)
        .select('m.id', 'id').addSelect(quantitySum(ctx, 'p'), 'total')
        .where('m.id IN (:...ids)', { ids: [...ids] }).groupBy('m.id')
        .getRawMany();
      const byId = new Map(rows.map((row) => [Number(row.id), summed(ctx, row.total)]));
      return ids.map((id) => byId.get(id) ?? new Decimal(0));
    });
    balanceLoaders.set(ctx, loader);
  }
  return loader;
}
