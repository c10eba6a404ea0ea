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

  // Exact on both: MariaDB sums DECIMALs; SQLite stores them as REAL, so it sums integer 1/10000 units
  // with unit_sum (an exact aggregate, src/services/reports/sqlite-unit-sum.ts: SUM would overflow past 2^63).
  const mysql = ctx.db.options.type === 'mysql';
  const sum = mysql ? 'SUM(m.quantity)' : 'unit_sum(CAST(ROUND(m.quantity * 10000) AS INTEGER))';
  // The balance runs in ledger order whichever way the page is listed: it starts with every row
  // before the page's earliest (SQLite compares its datetime text normalized to milliseconds, as paginate does).
  const ledger = [...page.nodes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id);
  const at = mysql ? 'm.occurredAt' : "strftime('%Y-%m-%d %H:%M:%f', m.occurredAt)";
  const first = ledger[0];
  const firstAt = mysql ? first.occurredAt : first.occurredAt.toISOString().replace('T', ' ').replace('Z', '');
  const before = await scoped().select(sum, 'total')
    .andWhere(`(${at} < :firstAt OR (${at} = :firstAt AND m.id < :firstId))`, { firstAt, firstId: first.id }).getRawOne();
  const opening = new Decimal(before?.total ?? 0);
  let balance = mysql ? opening : opening.dividedBy(10_000);
  for (const row of ledger) {
    balance = balance.plus(row.quantity);
    Object.assign(row, { balance });
  }
  const nodes = page.nodes as MovementView[];
  return { ...page, nodes, edges: page.edges.map((edge, i) => ({ ...edge, node: nodes[i] })) };
}
