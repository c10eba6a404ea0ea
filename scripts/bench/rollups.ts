import 'reflect-metadata';
import { spawn, ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { createConnection } from 'mysql2/promise';
import { DEV_JWT_SECRET } from '../../src/config';
import { mintToken } from '../../src/server/identity';
import { BENCH_USERS, benchId } from './bench-config';
import { postingBenchmark } from './posting';

/**
 * Issue 17's rows, side by side in one run (this machine is shared and busy: compare rows of
 * one run, not runs): the report queries on the 1,000,000-row bench database (BENCH_DATABASE_URL)
 * and on its doubled-history twin (BENCH_DATABASE_URL_2X, seeded with BENCH_HISTORY_YEARS=4),
 * served by this build and, when BASELINE_SERVER names another build's dist/scripts/bench/server.js
 * (the code before the rollups), by that one (on the first database only); then posting throughput of both builds, alternated.
 * Prints a markdown table; nothing is written to BENCHMARKS.md.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const now = Date.now();
const year = { from: day(now - 364 * 86_400_000), to: day(now) };
const lastMonth = (() => { const d = new Date(now); return { from: day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)), to: day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0)) }; })();
const FIG = 'opening { quantity value } received { quantity value } shipped { quantity value } otherOutgoing { quantity value } closing { quantity value }';
const YEAR = `{ inventoryReport(from: "${year.from}", to: "${year.to}") { movement { total { closing { quantity value } } warehouses { warehouse { code } ${FIG} } } } }`;
const drill = (w: number) => `{ inventoryReport(from: "${lastMonth.from}", to: "${lastMonth.to}", warehouseIds: ["${benchId('Warehouse', w)}"], drillDownWarehouseId: "${benchId('Warehouse', w)}") {
  movement { products { product { sku } ${FIG} } } stockBalance { products { product { sku } quantity value } } } }`;

const builds: Array<[string, string]> = [['rollups', path.join(__dirname, 'server.js')], ...(process.env.BASELINE_SERVER ? [['before', process.env.BASELINE_SERVER] as [string, string]] : [])];
const databases: Array<[string, string]> = [['1M rows', process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/stockgate_bench'],
  ...(process.env.BENCH_DATABASE_URL_2X ? [['2M rows (history doubled)', process.env.BENCH_DATABASE_URL_2X] as [string, string]] : [])];

async function start(entry: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_AUTH_MODE: 'on', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: DEV_JWT_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => { out += c; const m = /ready (\S+)/.exec(out); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

async function measure(url: string, token: string, query: string) {
  const body = JSON.stringify({ query });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const first = await (await fetch(url, { method: 'POST', headers, body })).json() as { errors?: unknown };
  if (first.errors) throw new Error(`errors: ${JSON.stringify(first.errors)}`);
  const r = await autocannon({ url, method: 'POST', connections: 2, duration: SECONDS, body, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function main() {
  const tokens = { admin: await mintToken(DEV_JWT_SECRET, BENCH_USERS.admin, { expiresIn: '2h' }), clerk: await mintToken(DEV_JWT_SECRET, BENCH_USERS.clerk, { expiresIn: '2h' }) };
  const lines = ['| query | database | build | req/s | p50 ms | p99 ms | errors |', '|---|---|---|---:|---:|---:|---:|'];
  for (const [dbLabel, databaseUrl] of databases) {
    const conn = await createConnection({ uri: databaseUrl });
    const [[w01]] = await conn.query("SELECT id FROM warehouse WHERE code = 'W01'") as unknown as [[{ id: number }]];
    await conn.end();
    const queries: Array<[string, string, string]> = [
      [`year report, 20 warehouses (${year.from}…${year.to})`, 'admin', YEAR],
      ['year report, clerk of 2 warehouses', 'clerk', YEAR],
      [`drill-down of W01 by product, ${lastMonth.from.slice(0, 7)}`, 'admin', drill(w01.id)],
    ];
    // The build before the rollups needs seconds per report: it is measured on the first database only.
    const here = dbLabel === databases[0][0] ? builds : builds.slice(0, 1);
    const servers = new Map<string, { url: string; child: ChildProcess }>();
    for (const [label, entry] of here) servers.set(label, await start(entry, databaseUrl));
    for (const [label, viewer, query] of queries) {
      for (const [build] of here) {
        const m = await measure(servers.get(build)!.url, tokens[viewer as 'admin' | 'clerk'], query);
        const line = `| ${label} (${viewer}) | ${dbLabel} | ${build} | ${m.rps.toFixed(m.rps < 10 ? 2 : 0)} | ${m.p50} | ${m.p99} | ${m.errors} |`;
        lines.push(line);
        process.stdout.write(`${line}\n`);
      }
    }
    for (const { child } of servers.values()) child.kill('SIGTERM');
  }
  if (process.env.BENCH_POSTING !== '0') {
    const rounds = Number(process.env.BENCH_POSTING_ROUNDS ?? 2);
    lines.push('', '| posting round | build | documents/s | processed | refused | oversold | deadlock failures | levels = ledger |', '|---|---|---:|---:|---:|---:|---:|---|');
    for (let round = 1; round <= rounds; round++) {
      for (const [build, entry] of builds) {
        const p = await postingBenchmark({ secret: DEV_JWT_SECRET, serverEntry: entry, scenario: 'contended', engine: 'mariadb', build });
        const line = `| ${round} | ${build} | ${p.documentsPerSecond.toFixed(1)} | ${p.processed} | ${p.insufficientStock} | ${p.oversold} | ${p.otherFailures} | ${p.levelsEqualLedger ? 'yes' : 'NO'} |`;
        lines.push(line);
        process.stdout.write(`${line}\n`);
      }
    }
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

main().catch((error) => { process.stderr.write(`${error.stack ?? error}\n`); process.exit(1); });
