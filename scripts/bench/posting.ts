import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { mintToken } from '../../src/server/identity';
import { BENCH_DATABASE_URL, BENCH_USERS } from './bench-config';

export interface PostingResult {
  concurrency: number;
  documentsPerSecond: number;
  singleLine: number;
  threeLine: number;
  processed: number;
  insufficientStock: number;
  otherFailures: number;
  oversold: number;
  deadlockFailures: number;
  levelsEqualLedger: boolean;
}

const ORDERS = Number(process.env.BENCH_POSTING_ORDERS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_POSTING_CONCURRENCY ?? 16);
const PRODUCTS = 25;

/**
 * Issue 7 §5: concurrent processing of single-line and three-line sales orders through GraphQL
 * on MariaDB, against a few products with little stock (so many orders contend for the same
 * level rows and some must be refused). Reports documents processed per second, oversold units
 * (stock below zero or shipped beyond what there was: must be 0), failures other than
 * INSUFFICIENT_STOCK after the service's deadlock retries (must be 0), and levels = ledger.
 */
export async function postingBenchmark(secret: string, serverEntry: string): Promise<PostingResult> {
  const conn = await createConnection({ uri: BENCH_DATABASE_URL, timezone: 'Z' });
  const [[warehouse]] = await conn.query("SELECT id FROM warehouse WHERE code = 'W03'") as unknown as [[{ id: number }]];
  const [levels] = await conn.query(
    'SELECT productId, quantity FROM stock_level WHERE warehouseId = ? AND quantity >= 5 ORDER BY quantity ASC, productId LIMIT ?',
    [warehouse.id, PRODUCTS]) as unknown as [Array<{ productId: number; quantity: string }>];
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
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return res.json() as Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }>;
  };
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pool = async <T>(items: T[], work: (item: T) => Promise<void>) => {
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < items.length) await work(items[next++]); }));
  };

  // Drafts first (not timed), then the timed part: concurrent processing.
  const orders = Array.from({ length: ORDERS }, (_, i) => {
    const lines = random() < 0.7 ? 1 : 3;
    const chosen = new Set<number>();
    while (chosen.size < lines) chosen.add(products[Math.floor(random() * products.length)]);
    return { i, lines: [...chosen] };
  });
  const drafts: Array<{ id: string; version: number; lines: number[] }> = [];
  await pool(orders, async (order) => {
    const res = await gql('mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version } }', {
      input: { type: 'SALES_ORDER', title: `bench ${order.i}`, items: order.lines.map((p) => ({ productId: String(p), quantity: '1', fromWarehouseId: String(warehouse.id) })) },
    });
    if (res.data?.createDocument) drafts.push({ ...res.data.createDocument, lines: order.lines });
  });

  const shipped = new Map<number, number>();
  let processed = 0, insufficientStock = 0, otherFailures = 0;
  const started = process.hrtime.bigint();
  await pool(drafts, async (draft) => {
    const res = await gql('mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }', { id: draft.id, v: draft.version });
    const code = res.errors?.[0]?.extensions?.code;
    if (res.data?.processDocument?.status === 'PROCESSED') {
      processed++;
      for (const p of draft.lines) shipped.set(p, (shipped.get(p) ?? 0) + 1);
    } else if (code === 'INSUFFICIENT_STOCK') insufficientStock++;
    else otherFailures++;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  child.kill('SIGTERM');

  const [after] = await conn.query('SELECT productId, quantity FROM stock_level WHERE warehouseId = ? AND productId IN (?)', [warehouse.id, products]) as unknown as [Array<{ productId: number; quantity: string }>];
  let oversold = 0;
  for (const row of after) {
    const q = Number(row.quantity);
    const expected = before.get(Number(row.productId))! - (shipped.get(Number(row.productId)) ?? 0);
    oversold += Math.max(0, -q) + Math.abs(q - expected);
  }
  const [mismatch] = await conn.query(`SELECT COUNT(*) AS n FROM stock_level l WHERE l.warehouseId = ? AND l.productId IN (?) AND l.quantity <>
    (SELECT COALESCE(SUM(m.quantity), 0) FROM stock_movement m WHERE m.productId = l.productId AND m.warehouseId = l.warehouseId)`, [warehouse.id, products]) as unknown as [[{ n: number }]];
  await conn.end();
  return {
    concurrency: CONCURRENCY, documentsPerSecond: processed / seconds, singleLine: orders.filter((o) => o.lines.length === 1).length,
    threeLine: orders.filter((o) => o.lines.length === 3).length, processed, insufficientStock, otherFailures, oversold,
    deadlockFailures: otherFailures, levelsEqualLedger: Number(mismatch[0].n) === 0,
  };
}

export const defaultServerEntry = () => path.join(__dirname, 'server.js');
