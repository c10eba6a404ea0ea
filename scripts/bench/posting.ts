import os from 'node:os';
import path from 'node:path';
import { mintToken } from '../../src/server/identity';
import { BENCH_USERS, benchId } from './bench-config';
import { BenchDb, BenchEngine, machineCpuMs, openBenchDb, processCpuMs } from './posting-db';
import { ProbeReading } from './posting-probe';
import { ask, BenchServer, client, Gql, startServer, stopServer } from './posting-server';

export type PostingScenario = 'contended' | 'uncontended' | 'bulk';

export interface PostingResult {
  engine: BenchEngine;
  /** Which server build ran (posting-run.ts: this one, or BASELINE_SERVER's). */
  build: string;
  scenario: PostingScenario;
  concurrency: number;
  /** Documents processed per second over the timed part (see `timed`). */
  documentsPerSecond: number;
  timed: string;
  seconds: number;
  singleLine: number;
  threeLine: number;
  processed: number;
  insufficientStock: number;
  otherFailures: number;
  oversold: number;
  levelsEqualLedger: boolean;
  /** 1-minute load average at the start and the end of the timed part. */
  load: [number, number];
  /** CPU ms over the timed part: the service (its own count), MariaDB (/proc), this load generator, and the whole machine (busy of total). */
  cpu: { service: number; database: number | null; client: number; machineBusy: number; machineTotal: number };
  /** The service's own account of the timed part (posting-probe.ts). */
  probe: ProbeReading | null;
  /** MariaDB's server-wide counters over the timed part (include anything else the server ran meanwhile). */
  status: Record<string, number>;
}

const CONTENDED_ORDERS = Number(process.env.BENCH_POSTING_ORDERS ?? 400);
const CONTENDED_CONCURRENCY = Number(process.env.BENCH_POSTING_CONCURRENCY ?? 16);
const CONTENDED_PRODUCTS = 25;
const UNCONTENDED_CONCURRENCY = 32;
const UNCONTENDED_ORDERS = Number(process.env.BENCH_POSTING_UNCONTENDED_ORDERS ?? 384);
const BULK_SIZE = 25;
const BULK_CONCURRENCY = 4;
/** Uncontended and bulk orders take 1 unit of each product; a level below this is topped up by a receipt first. */
const TOP_UP_BELOW = 5;

interface Order { i: number; lines: number[] }
type Outcome = (order: Order, status: string | undefined, code: string | undefined) => void;

const CREATE = 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version } }';
const PROCESS = 'mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }';
const CREATE_MANY = 'mutation($inputs: [CreateDocumentInput!]!) { createDocuments(inputs: $inputs) { results { document { id version } error { code } } } }';
const PROCESS_MANY = 'mutation($documents: [DocumentVersionInput!]!) { processDocuments(documents: $documents) { results { document { status } error { code } } } }';

export interface PostingOptions { secret: string; serverEntry: string; scenario: PostingScenario; engine: BenchEngine; build?: string; nodeArgs?: string[] }

/**
 * Issue 7 §5, issue 16 §4–5, issue 21 §4: sales orders processed through GraphQL, on MariaDB or
 * the embedded SQLite bench database, three ways.
 * - contended: 16 clients, single- and three-line orders against 25 products with little stock in
 *   one warehouse (many orders contend for the same level rows and most are refused); drafts are
 *   created first, processing is timed.
 * - uncontended: 32 clients, one-line orders each on its own product (every order succeeds);
 *   create + process of each document is timed.
 * - bulk: the uncontended orders through createDocuments + processDocuments in batches of 25, 4 clients.
 * Uncontended and bulk take the warehouse's most-stocked levels; any below 5 units is first topped
 * up by a receipt through the API (so repeated runs never run out). Each reports documents
 * processed per second, oversold units (must be 0), failures other than INSUFFICIENT_STOCK after the
 * service's deadlock retries (must be 0), levels = ledger, and where the time went (CPU, probe).
 */
export async function postingBenchmark(options: PostingOptions): Promise<PostingResult> {
  const db = await openBenchDb(options.engine);
  try {
    return await postingRun(db, options);
  } finally {
    await db.close();
  }
}

/** One scenario against its own server, which is stopped whatever happens (a failure mid-run leaves none running). */
async function postingRun(db: BenchDb, options: PostingOptions): Promise<PostingResult> {
  const { scenario, engine } = options;
  const [warehouse] = await db.query<{ id: number }>("SELECT id FROM warehouse WHERE code = 'W03'");
  const contended = scenario === 'contended';
  const wanted = contended ? CONTENDED_PRODUCTS : UNCONTENDED_ORDERS;
  const levels = await db.query<{ productId: number; quantity: string }>(contended
    ? 'SELECT productId, quantity FROM stock_level WHERE warehouseId = ? AND quantity >= 5 ORDER BY quantity ASC, productId LIMIT ?'
    : 'SELECT productId, quantity FROM stock_level WHERE warehouseId = ? ORDER BY quantity DESC, productId LIMIT ?', [warehouse.id, wanted]);
  if (levels.length < wanted) throw new Error(`the bench database has only ${levels.length} levels in W03 (${wanted} needed)`);
  const products = levels.map((l) => Number(l.productId));

  const server: BenchServer = await startServer(options);
  try {
    const { child, url } = server;
    const gql = client(url, await mintToken(options.secret, BENCH_USERS.seller, { expiresIn: '1h' }));
    const low = levels.filter((l) => Number(l.quantity) < TOP_UP_BELOW).map((l) => Number(l.productId));
    if (!contended && low.length > 0) await topUp(client(url, await mintToken(options.secret, BENCH_USERS.admin, { expiresIn: '1h' })), low, warehouse.id);
    const current = await db.query<{ productId: number; quantity: string }>('SELECT productId, quantity FROM stock_level WHERE warehouseId = ? AND productId IN (?)', [warehouse.id, products]);
    const before = new Map(current.map((l) => [Number(l.productId), Number(l.quantity)]));

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

    const tally = { processed: 0, insufficientStock: 0, otherFailures: 0, shipped: new Map<number, number>(), firstError: '' };
    const outcome: Outcome = (order, status, code) => {
      if (status === 'PROCESSED') {
        tally.processed++;
        for (const p of order.lines) tally.shipped.set(p, (tally.shipped.get(p) ?? 0) + 1);
      } else if (code === 'INSUFFICIENT_STOCK') tally.insufficientStock++;
      else { tally.otherFailures++; tally.firstError ||= String(code); }
    };
    const drafts: Array<{ id: string; version: number; order: Order }> = [];
    if (contended) {
      await pool(orders, CONTENDED_CONCURRENCY, async (order) => {
        const res = await gql(CREATE, { input: input(order) });
        if (res.data?.createDocument) drafts.push({ ...res.data.createDocument, order });
      });
    }

    const mysqld = engine === 'mariadb' ? processCpuMs(['mariadbd', 'mysqld']) : null;
    const start = { load: os.loadavg()[0], service: 0, database: mysqld?.() ?? NaN, client: process.cpuUsage(), machine: machineCpuMs(), status: await db.status() };
    await ask(child, 'probe-reset');
    const startedAt = process.hrtime.bigint();
    let timed: string;
    let concurrency: number;
    if (contended) {
      concurrency = CONTENDED_CONCURRENCY;
      timed = 'processing only (drafts created before)';
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
      concurrency = BULK_CONCURRENCY;
      timed = `createDocuments + processDocuments, batches of ${BULK_SIZE}`;
      await bulk(gql, orders, input, outcome);
    }
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const probe = await ask(child, 'probe-read') as { probe?: ProbeReading } | null;
    const client_ = process.cpuUsage(start.client);
    const machine = machineCpuMs();
    const status = await db.status();
    const end = { load: os.loadavg()[0], database: mysqld?.() ?? NaN };
    await stopServer(child);
    if (tally.firstError) process.stderr.write(`posting ${scenario}: first failure ${tally.firstError}\n`);
    const checks = await verify(db, warehouse.id, products, before, tally.shipped);
    return {
      engine, build: options.build ?? 'this', scenario, concurrency, timed, seconds, documentsPerSecond: tally.processed / seconds,
      singleLine: orders.filter((o) => o.lines.length === 1).length, threeLine: orders.filter((o) => o.lines.length === 3).length,
      processed: tally.processed, insufficientStock: tally.insufficientStock, otherFailures: tally.otherFailures, ...checks,
      load: [start.load, end.load],
      cpu: {
        service: (probe?.probe?.cpuUserMs ?? NaN) + (probe?.probe?.cpuSystemMs ?? NaN), database: mysqld ? end.database - start.database : null,
        client: (client_.user + client_.system) / 1000, machineBusy: machine.busy - start.machine.busy, machineTotal: machine.total - start.machine.total,
      },
      probe: probe?.probe ?? null,
      status: Object.fromEntries(Object.entries(status).map(([k, v]) => [k, v - (start.status[k] ?? 0)])),
    };
  } finally {
    await stopServer(server.child); // nothing to do when it already stopped
  }
}

async function bulk(gql: Gql, orders: Order[], input: (o: Order) => unknown, outcome: Outcome) {
  const batches = Array.from({ length: Math.ceil(orders.length / BULK_SIZE) }, (_, b) => orders.slice(b * BULK_SIZE, (b + 1) * BULK_SIZE));
  await pool(batches, BULK_CONCURRENCY, async (batch) => {
    const created = await gql(CREATE_MANY, { inputs: batch.map(input) });
    const results: Array<{ document: { id: string; version: number } | null; error: { code: string } | null }> = created.data?.createDocuments?.results ?? [];
    const drafts = batch.map((order, k) => ({ order, draft: results[k]?.document ?? null, code: results[k]?.error?.code ?? created.errors?.[0]?.extensions?.code }));
    drafts.filter((d) => !d.draft).forEach((d) => outcome(d.order, undefined, d.code ?? 'NO_ANSWER'));
    const ok = drafts.filter((d) => d.draft);
    if (ok.length === 0) return;
    const processed = await gql(PROCESS_MANY, { documents: ok.map((d) => ({ id: d.draft!.id, version: d.draft!.version })) });
    const answers = processed.data?.processDocuments?.results ?? [];
    ok.forEach((d, k) => outcome(d.order, answers[k]?.document?.status, answers[k]?.error?.code ?? processed.errors?.[0]?.extensions?.code));
  });
}

/** One receipt through the API (as the administrator) bringing 10 units of each product into the warehouse. */
async function topUp(gql: Gql, products: number[], warehouseId: number) {
  const items = products.map((p) => ({ productId: benchId('Product', p), quantity: '10', toWarehouseId: benchId('Warehouse', warehouseId) }));
  const created = await gql(CREATE, { input: { type: 'STOCK_RECEIPT', title: 'bench top-up', items } });
  const draft = created.data?.createDocument;
  const res = draft ? await gql(PROCESS, { id: draft.id, v: draft.version }) : created;
  if (res.errors) throw new Error(`top-up receipt failed: ${JSON.stringify(res.errors)}`);
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < items.length) await work(items[next++]); }));
}

/** Oversold units (a level below zero, or not equal to before − shipped) and levels = ledger, over the products the run touched. */
async function verify(db: BenchDb, warehouseId: number, products: number[], before: Map<number, number>, shipped: Map<number, number>) {
  const after = await db.query<{ productId: number; quantity: string }>('SELECT productId, quantity FROM stock_level WHERE warehouseId = ? AND productId IN (?)', [warehouseId, products]);
  let oversold = 0;
  for (const row of after) {
    const q = Number(row.quantity);
    const expected = before.get(Number(row.productId))! - (shipped.get(Number(row.productId)) ?? 0);
    oversold += Math.max(0, -q) + Math.abs(q - expected);
  }
  const [mismatch] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM stock_level l WHERE l.warehouseId = ? AND l.productId IN (?) AND l.quantity <>
    (SELECT COALESCE(SUM(m.quantity), 0) FROM stock_movement m WHERE m.productId = l.productId AND m.warehouseId = l.warehouseId)`, [warehouseId, products]);
  return { oversold, levelsEqualLedger: Number(mismatch.n) === 0 };
}

export const defaultServerEntry = () => path.join(__dirname, 'server.js');
