import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { StockMovement } from '../../src/entities/stock-movement.entity';

/**
 * A reference model computed in JavaScript from the ledger rows alone (independent of the
 * rollup SQL): the rollup tables as they must be, and report figures as DESIGN §4 defines them.
 */
export interface LedgerRow { warehouseId: number; productId: number; kind: string; quantity: Decimal; value: Decimal; at: Date }

export async function ledgerRows(db: DataSource): Promise<LedgerRow[]> {
  const rows = await db.getRepository(StockMovement).find({ order: { id: 'ASC' } });
  return rows.map((m) => ({ warehouseId: m.warehouseId, productId: m.productId, kind: m.kind, quantity: m.quantity, value: m.value, at: m.occurredAt }));
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
type Sums = Map<string, [Decimal, Decimal]>;
const add = (map: Sums, key: string, q: Decimal, v: Decimal) => {
  const [pq, pv] = map.get(key) ?? [new Decimal(0), new Decimal(0)];
  map.set(key, [pq.plus(q), pv.plus(v)]);
};
const asText = (map: Sums) => Object.fromEntries([...map].map(([k, [q, v]]) => [k, `${q.toFixed()} ${v.toFixed()}`]));

/** Every rollup row, 'key|key|…' → 'quantity value', as the ledger says it must be. */
export function expectedRollupRows(rows: LedgerRow[]): Record<string, Record<string, string>> {
  const day: Sums = new Map(), warehouseDay: Sums = new Map(), warehouseMonth: Sums = new Map(), monthly: Sums = new Map();
  for (const r of rows) {
    const d = dayOf(r.at);
    add(day, `${r.warehouseId}|${d}|${r.productId}|${r.kind}`, r.quantity, r.value);
    add(warehouseDay, `${r.warehouseId}|${d}|${r.kind}`, r.quantity, r.value);
    add(warehouseMonth, `${r.warehouseId}|${d.slice(0, 7)}|${r.kind}`, r.quantity, r.value);
    add(monthly, `${r.warehouseId}|${r.productId}|${d.slice(0, 7)}`, r.quantity, r.value);
  }
  const closing: Sums = new Map();
  const running = new Map<string, [Decimal, Decimal]>();
  for (const key of [...monthly.keys()].sort()) {
    const pair = key.split('|').slice(0, 2).join('|');
    const [q, v] = monthly.get(key)!;
    const [rq, rv] = running.get(pair) ?? [new Decimal(0), new Decimal(0)];
    running.set(pair, [rq.plus(q), rv.plus(v)]);
    closing.set(key, running.get(pair)!);
  }
  return { day: asText(day), warehouseDay: asText(warehouseDay), warehouseMonth: asText(warehouseMonth), closing: asText(closing) };
}

/** Every rollup row as stored, in the same shape. */
export async function storedRollupRows(db: DataSource): Promise<Record<string, Record<string, string>>> {
  const text = db.options.type === 'mysql' ? 'CHAR' : 'TEXT';
  const read = async (table: string, keys: string[]) => {
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT ${keys.join(', ')}, CAST(quantity AS ${text}) AS q, CAST(value AS ${text}) AS v FROM ${table}`);
    return Object.fromEntries(rows.map((r) => [keys.map((k) => String(r[k])).join('|'),
      `${new Decimal(String(r.q)).div(10_000).toFixed()} ${new Decimal(String(r.v)).div(10_000).toFixed()}`]));
  };
  return {
    day: await read('stock_movement_day', ['warehouseId', 'day', 'productId', 'kind']),
    warehouseDay: await read('stock_movement_warehouse_day', ['warehouseId', 'day', 'kind']),
    warehouseMonth: await read('stock_movement_warehouse_month', ['warehouseId', 'month', 'kind']),
    closing: await read('stock_movement_closing', ['warehouseId', 'productId', 'month']),
  };
}

export interface Figures {
  opening: string[]; received: string[]; transfersIn: string[]; shipped: string[]; otherOutgoing: string[]; transfersOut: string[]; closing: string[];
}

/**
 * DESIGN §4's figures over the rows that pass `keep`, for whole UTC days from..to: received =
 * RECEIVED + TRANSFER_IN rows, otherOutgoing = OTHER_OUT + TRANSFER_OUT rows, the transfers also apart.
 */
export function figuresFromLedger(rows: LedgerRow[], from: string, to: string, keep: (r: LedgerRow) => boolean): Figures {
  const zero = () => [new Decimal(0), new Decimal(0)];
  const f = { opening: zero(), received: zero(), transfersIn: zero(), shipped: zero(), otherOutgoing: zero(), transfersOut: zero() };
  const add = (target: Decimal[], r: LedgerRow, sign: number) => {
    target[0] = target[0].plus(r.quantity.times(sign));
    target[1] = target[1].plus(r.value.times(sign));
  };
  for (const r of rows.filter(keep)) {
    const d = dayOf(r.at);
    if (d > to) continue;
    if (d < from) add(f.opening, r, 1);
    else if (r.kind === 'RECEIVED' || r.kind === 'TRANSFER_IN') add(f.received, r, 1);
    else if (r.kind === 'SHIPPED') add(f.shipped, r, -1);
    else add(f.otherOutgoing, r, -1);
    if (d >= from && r.kind === 'TRANSFER_IN') add(f.transfersIn, r, 1);
    if (d >= from && r.kind === 'TRANSFER_OUT') add(f.transfersOut, r, -1);
  }
  const closing = [0, 1].map((i) => f.opening[i].plus(f.received[i]).minus(f.shipped[i]).minus(f.otherOutgoing[i]));
  const s = (a: Decimal[]) => a.map((x) => x.toFixed());
  return {
    opening: s(f.opening), received: s(f.received), transfersIn: s(f.transfersIn), shipped: s(f.shipped),
    otherOutgoing: s(f.otherOutgoing), transfersOut: s(f.transfersOut), closing: s(closing),
  };
}
