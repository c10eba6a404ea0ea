import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Connection, createConnection } from 'mysql2/promise';
import { mintToken } from '../../src/server/identity';
import { BENCH_DATABASE_URL, BENCH_USERS, benchId } from './bench-config';

export type PostingScenario = 'contended' | 'uncontended' | 'bulk';

export interface PostingResult {
  scenario: PostingScenario;
  concurrency: number;
  /** Documents processed per second over the timed part (see `timed`). */
  documentsPerSecond: number;
  timed: string;
  singleLine: number;
  threeLine: number;
  processed: number;
  insufficientStock: number;
  otherFailures: number;
  oversold: number;
  deadlockFailures: number;
  levelsEqualLedger: boolean;
}

const CONTENDED_ORDERS = Number(process.env.BENCH_POSTING_ORDERS ?? 400);
const CONTENDED_CONCURRENCY = Number(process.env.BENCH_POSTING_CONCURRENCY ?? 16);
const CONTENDED_PRODUCTS = 25;
const UNCONTENDED_CONCURRENCY = 32;
const UNCONTENDED_ORDERS = Number(process.env.BENCH_POSTING_UNCONTENDED_ORDERS ?? 384);
const BULK_SIZE = 25;

type Gql = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }>;
interface Order { i: number; lines: number[] }

const CREATE = 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version } }';
const PROCESS = 'mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }';
const CREATE_MANY = 'mutation($inputs: [CreateDocumentInput!]!) { createDocuments(inputs: $inputs) { results { document { id version } error { code } } } }';
const PROCESS_MANY = 'mutation($documents: [DocumentVersionInput!]!) { processDocuments(documents: $documents) { results { document { status } error { code } } } }';

/**
 * Issue 7 §5, issue 16 §4–5: sales orders processed through GraphQL on MariaDB, three ways.
 * - contended: 16 clients, single- and three-line orders against 25 products with little stock in
 *   one warehouse (many orders contend for the same level rows and most are refused); drafts are
 *   created first, processing is timed.
 * - uncontended: 32 clients, one-line orders each on its own product (every order succeeds);
 *   create + process of each document is timed.
 * - bulk: the uncontended orders through createDocuments + processDocuments in batches of 25, 4 clients.
 * Each reports documents processed per second, oversold units (must be 0), failures other than
 * INSUFFICIENT_STOCK after the service's deadlock retries (must be 0), and levels = ledger.
 */
export async function postingBenchmark(secret: string, serverEntry: string, scenario: PostingScenario = 'contended'): Promise<PostingResult> {
  const conn = await createConnection({ uri: BENCH_DATABASE_URL, timezone: 'Z' });
  const [[warehouse]] = await conn.query("SELECT id FROM warehouse WHERE code = 'W03'") as unknown as [[{ id: number }]];
  const contended = scenario === 'contended';
  const wanted = contended ? CONTENDED_PRODUCTS : UNCONTENDED_ORDERS;
  // Uncontended orders take products no earlier run took (stock ≥ 5 and the most stock first), one unit each.
  const [levels] = await conn.query(
    `SELECT productId, quantity FROM stock_level WHERE warehouseId = ? AND quantity >= 5 ORDER BY quantity ${contended ? 'ASC' : 'DESC'}, productId LIMIT ?`,
    [warehouse.id, wanted]) as unknown as [Array<{ productId: number; quantity: string }>];
  if (levels.length < wanted) throw new Error(`the bench database has only ${levels.length} levels with stock in W03 (${wanted} needed)`);
  const before = new Map(levels.map((l) => [Number(l.productId), Number(l.quantity)]));
  const products = [...before.keys()];

  const child: ChildProcess = spawn(process.execPath, [serverEntry], {
    env: { ...process.env, BENCH_AUTH_MODE: 'on', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: secret }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => { out += c; const m = /ready (\S+)/.exec(out); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const token = await mintToken(secret, BENCH_USERS.seller, { expiresIn: '1h' });
  const gql: Gql = async (query, variables) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return res.json() as ReturnType<Gql>;
  };
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const orders: Order[] = contended
    ? Array.from({ length: CONTENDED_ORDERS }, (_, i) => {
      const chosen = new Set<number>();
      const lines = random() < 0.7 ? 1 : 3;
      while (chosen.size < lines) chosen.add(products[Math.floor(random() * products.length)]);
      return { i, lines: [...chosen] };
    })
    : products.map((p, i) => ({ i, lines: [p] }));
  const input = (order: Order) => ({
    type: 'SALES_ORDER', title: `bench ${scenario} ${order.i}`,
    items: order.lines.map((p) => ({ productId: benchId('Product', p), quantity: '1', fromWarehouseId: benchId('Warehouse', warehouse.id) })),
  });

  const tally = { processed: 0, insufficientStock: 0, otherFailures: 0, shipped: new Map<number, number>() };
  const outcome = (order: Order, status: string | undefined, code: string | undefined) => {
    if (status === 'PROCESSED') {
      tally.processed++;
      for (const p of order.lines) tally.shipped.set(p, (tally.shipped.get(p) ?? 0) + 1);
    } else if (code === 'INSUFFICIENT_STOCK') tally.insufficientStock++;
    else tally.otherFailures++;
  };
  const started = { at: process.hrtime.bigint() };
  let timed: string;
  let concurrency: number;
  if (contended) {
    concurrency = CONTENDED_CONCURRENCY;
    timed = 'processing only (drafts created before)';
    const drafts: Array<{ id: string; version: number; order: Order }> = [];
    await pool(orders, concurrency, async (order) => {
      const res = await gql(CREATE, { input: input(order) });
      if (res.data?.createDocument) drafts.push({ ...res.data.createDocument, order });
    });
    started.at = process.hrtime.bigint();
    await pool(drafts, concurrency, async (draft) => {
      const res = await gql(PROCESS, { id: draft.id, v: draft.version });
      outcome(draft.order, res.data?.processDocument?.status, res.errors?.[0]?.extensions?.code);
    });
  } else if (scenario === 'uncontended') {
    concurrency = UNCONTENDED_CONCURRENCY;
    timed = 'create + process of every document';
    await pool(orders, concurrency, async (order) => {
      const created = await gql(CREATE, { input: input(order) });
      const draft = created.data?.createDocument;
      if (!draft) return outcome(order, undefined, created.errors?.[0]?.extensions?.code);
      const res = await gql(PROCESS, { id: draft.id, v: draft.version });
      outcome(order, res.data?.processDocument?.status, res.errors?.[0]?.extensions?.code);
    });
  } else {
    concurrency = 4;
    timed = `createDocuments + processDocuments, batches of ${BULK_SIZE}`;
    const batches = Array.from({ length: Math.ceil(orders.length / BULK_SIZE) }, (_, b) => orders.slice(b * BULK_SIZE, (b + 1) * BULK_SIZE));
    await pool(batches, concurrency, async (batch) => {
      const created = await gql(CREATE_MANY, { inputs: batch.map(input) });
      const results: Array<{ document: { id: string; version: number } | null; error: { code: string } | null }> = created.data?.createDocuments?.results ?? [];
      const drafts = batch.map((order, k) => ({ order, draft: results[k]?.document ?? null, code: results[k]?.error?.code }));
      drafts.filter((d) => !d.draft).forEach((d) => outcome(d.order, undefined, d.code ?? 'NO_ANSWER'));
      const ok = drafts.filter((d) => d.draft);
      const processed = await gql(PROCESS_MANY, { documents: ok.map((d) => ({ id: d.draft!.id, version: d.draft!.version })) });
      const answers = processed.data?.processDocuments?.results ?? [];
      ok.forEach((d, k) => outcome(d.order, answers[k]?.document?.status, answers[k]?.error?.code ?? processed.errors?.[0]?.extensions?.code));
    });
  }
  const seconds = Number(process.hrtime.bigint() - started.at) / 1e9;
  child.kill('SIGTERM');
  const checks = await verify(conn, warehouse.id, products, before, tally.shipped);
  await conn.end();
  return {
    scenario, concurrency, timed, documentsPerSecond: tally.processed / seconds,
    singleLine: orders.filter((o) => o.lines.length === 1).length, threeLine: orders.filter((o) => o.lines.length === 3).length,
    processed: tally.processed, insufficientStock: tally.insufficientStock, otherFailures: tally.otherFailures,
    deadlockFailures: tally.otherFailures, ...checks,
  };
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < items.length) await work(items[next++]); }));
}

/** Oversold units (a level below zero, or not equal to before − shipped) and levels = ledger, over the products the run touched. */
async function verify(conn: Connection, warehouseId: number, products: number[], before: Map<number, number>, shipped: Map<number, number>) {
  const [after] = await conn.query('SELECT productId, quantity FROM stock_level WHERE warehouseId = ? AND productId IN (?)', [warehouseId, products]) as unknown as [Array<{ productId: number; quantity: string }>];
  let oversold = 0;
  for (const row of after) {
    const q = Number(row.quantity);
    const expected = before.get(Number(row.productId))! - (shipped.get(Number(row.productId)) ?? 0);
    oversold += Math.max(0, -q) + Math.abs(q - expected);
  }
  const [mismatch] = await conn.query(`SELECT COUNT(*) AS n FROM stock_level l WHERE l.warehouseId = ? AND l.productId IN (?) AND l.quantity <>
    (SELECT COALESCE(SUM(m.quantity), 0) FROM stock_movement m WHERE m.productId = l.productId AND m.warehouseId = l.warehouseId)`, [warehouseId, products]) as unknown as [[{ n: number }]];
  return { oversold, levelsEqualLedger: Number(mismatch[0].n) === 0 };
}

export const defaultServerEntry = () => path.join(__dirname, 'server.js');

/** The posting rows of BENCHMARKS.md. */
export function postingTable(results: PostingResult[]): string[] {
  return [
    '| posting scenario (MariaDB, through GraphQL) | clients | timed | documents/s | processed | refused (stock) | other failures | oversold | levels = ledger |',
    '|---|---:|---|---:|---:|---:|---:|---:|---|',
    ...results.map((r) => `| ${r.scenario} (${r.singleLine} one-line${r.threeLine ? `, ${r.threeLine} three-line` : ''} sales orders) | ${r.concurrency} | ${r.timed} | ${r.documentsPerSecond.toFixed(1)} | ` +
      `${r.processed} | ${r.insufficientStock} | ${r.otherFailures} | ${r.oversold} | ${r.levelsEqualLedger ? 'yes' : 'NO'} |`),
  ];
}

