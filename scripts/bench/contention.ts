import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * Issue 21 §2: does one heavy query stall everybody else? Per database, 2 clients loop the
 * year report (the heaviest query the API allows) while, at the same time, 2 clients loop
 * `viewer` and 2 a 50-item stock page; autocannon measures each, and the service samples its
 * own event loop delay (perf_hooks.monitorEventLoopDelay, over IPC). SQLite runs twice: with
 * its reader threads (the default) and with them off (SQLITE_READERS=0, everything on the
 * event loop as before issue 21), so the table shows the difference side by side.
 */
export interface ContentionRow {
  setup: string;
  report: { rps: number; p50: number; p99: number };
  viewer: { rps: number; p50: number; p99: number };
  stock: { rps: number; p50: number; p99: number };
  eventLoop: { p50: number; p99: number; max: number };
  errors: number;
}

const SETUPS: Array<{ setup: string; env: Record<string, string>; noReport?: boolean }> = [
  // What the machine gives short queries with no report running at all: the floor of the other rows.
  { setup: 'SQLite, reader threads, no report running (baseline)', env: { BENCH_ENGINE: 'sqlite' }, noReport: true },
  { setup: 'SQLite, reader threads off (before issue 21)', env: { BENCH_ENGINE: 'sqlite', SQLITE_READERS: '0' } },
  { setup: 'SQLite, reader threads (default: 2 + 2 for slow statements)', env: { BENCH_ENGINE: 'sqlite' } },
  { setup: 'MariaDB', env: { BENCH_ENGINE: 'mariadb' } },
];

export const VIEWER_QUERY = '{ viewer { user { login } permissions allWarehouses warehouses { code name } } }';
export const STOCK_PAGE_QUERY = '{ stockLevels(first: 50) { nodes { quantity available product { name sku } warehouse { code } } } }';

async function start(serverEntry: string, env: Record<string, string>, secret: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [serverEntry], {
    env: { ...process.env, ...env, BENCH_AUTH_MODE: 'on', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => { out += chunk; const m = /ready (\S+)/.exec(out); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, child };
}

const ask = (child: ChildProcess) => new Promise<ContentionRow['eventLoop']>((resolve) => {
  child.once('message', (m) => resolve(m as ContentionRow['eventLoop']));
  child.send('read');
});

export async function contentionBenchmark(opts: { serverEntry: string; token: string; reportQuery: string; seconds: number }): Promise<ContentionRow[]> {
  const rows: ContentionRow[] = [];
  // BENCH_CONTENTION_ONLY=<text>: only the setups whose label contains it (a focused rerun).
  for (const { setup, env, noReport } of SETUPS.filter((x) => x.setup.includes(process.env.BENCH_CONTENTION_ONLY ?? ''))) {
    const { url, child } = await start(opts.serverEntry, env, process.env.JWT_SECRET ?? '');
    const run = (query: string, connections: number, duration: number) => autocannon({
      url, method: 'POST', connections, duration, timeout: 30, body: JSON.stringify({ query }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
    });
    const stats = (r: autocannon.Result) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
    // Warm-up: caches, prepared statements and the readers' knowledge of which statements are slow.
    await Promise.all([run(noReport ? VIEWER_QUERY : opts.reportQuery, 2, 4), run(VIEWER_QUERY, 1, 4), run(STOCK_PAGE_QUERY, 1, 4)]);
    child.send('reset');
    const [report, viewer, stock] = await Promise.all([
      run(noReport ? VIEWER_QUERY : opts.reportQuery, noReport ? 1 : 2, noReport ? 1 : opts.seconds), run(VIEWER_QUERY, 2, opts.seconds), run(STOCK_PAGE_QUERY, 2, opts.seconds),
    ]);
    const eventLoop = await ask(child);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    const errors = [report, viewer, stock].reduce((n, r) => n + r.errors + r.non2xx, 0);
    const row = { setup, report: noReport ? { rps: 0, p50: 0, p99: 0 } : stats(report), viewer: stats(viewer), stock: stats(stock), eventLoop, errors };
    process.stdout.write(`contention ${setup}: ${JSON.stringify(row)}\n`);
    rows.push(row);
  }
  return rows;
}

export function contentionMarkdown(rows: ContentionRow[], seconds: number): string[] {
  const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);
  return [
    '', `### Heavy and light queries together (issue 21 §2): ${seconds} s, 2 clients looping the year report as admin, ` +
      'at the same time 2 looping `viewer` and 2 a 50-item stock page (admin); the service samples its own event loop delay. ' +
      'Target: viewer and stock page p99 ≤ 50 ms.', '',
    '| setup | report req/s | report p50 / p99 ms | viewer req/s | viewer p50 / p99 ms | stock page req/s | stock page p50 / p99 ms | event loop delay p50 / p99 / max ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.setup} | ${r.report.rps.toFixed(2)} | ${r.report.p50} / ${r.report.p99} | ${f(r.viewer.rps)} | ${r.viewer.p50} / ${r.viewer.p99} | ` +
      `${f(r.stock.rps)} | ${r.stock.p50} / ${r.stock.p99} | ${f(r.eventLoop.p50)} / ${f(r.eventLoop.p99)} / ${f(r.eventLoop.max)} | ${r.errors} |`),
  ];
}

export const defaultContentionEntry = () => path.resolve(__dirname, 'server.js');

/** `npm run bench:contention`: this section alone (about a minute per setup), appended to BENCHMARKS.md. */
async function main() {
  const { execSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const { mintToken } = await import('../../src/server/identity');
  const { DEV_JWT_SECRET } = await import('../../src/config');
  const { BENCH_USERS, YEAR_REPORT_QUERY } = await import('./bench-config');
  process.env.JWT_SECRET ??= DEV_JWT_SECRET;
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const token = await mintToken(process.env.JWT_SECRET, BENCH_USERS.admin, { expiresIn: '2h' });
  const rows = await contentionBenchmark({ serverEntry: defaultContentionEntry(), token, reportQuery: YEAR_REPORT_QUERY, seconds });
  const root = path.resolve(__dirname, '..', '..', '..');
  const commit = (() => { try { return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim(); } catch { return 'unknown'; } })();
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  fs.appendFileSync(path.join(root, 'BENCHMARKS.md'), [
    '', `## Issue 21: SQLite beside MariaDB under a heavy query — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}`, '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, shared; load average (1 / 5 / 15 min) at the end: ${load}. ` +
      'Bench databases of the same generator (`npm run bench:seed`, `npm run bench:seed -- --sqlite`): 20 warehouses, 20,000 products, ≥1,000,000 movements.',
    ...contentionMarkdown(rows, seconds),
  ].join('\n') + '\n');
  process.stdout.write('appended to BENCHMARKS.md\n');
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench:contention failed: ${error.stack ?? error}\n`);
    process.exit(1);
  });
}
