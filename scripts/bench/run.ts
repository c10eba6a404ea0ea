import 'reflect-metadata';
import { execSync, spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createConnection } from 'mysql2/promise';
import { DataSource, Logger } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { DEV_JWT_SECRET, loadConfig } from '../../src/config';
import { createServer } from '../../src/server/app';
import { mintToken } from '../../src/server/identity';
import { BENCH_DATABASE_URL, BENCH_USERS, benchId, YEAR_REPORT_QUERY } from './bench-config';
import { AuthMode } from './server';
import { contentionBenchmark, contentionMarkdown, ContentionRow, defaultContentionEntry } from './contention';
import { defaultServerEntry, postingBenchmark, PostingResult, PostingScenario } from './posting';
import { postingTable } from './posting-report';
import { QUERIES } from './queries';

/**
 * `npm run bench`: the service on the bench database (npm run bench:seed), measured with
 * autocannon on loopback, in one run, side by side: every query × viewer × authorization
 * mode. Appends the table to BENCHMARKS.md with date, machine and commit.
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const MODES = (process.env.BENCH_MODES ?? 'off,on,hand-written,stock-shield').split(',') as AuthMode[];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const QUERY_KEYS = (process.env.BENCH_QUERIES ?? 'a,b,c,d').split(',');
const VIEWERS = (process.env.BENCH_VIEWERS ?? 'clerk,admin').split(',') as Array<'clerk' | 'admin'>;
const SKIP_POSTING = process.env.BENCH_POSTING === '0';
const POSTING_SCENARIOS: PostingScenario[] = ['uncontended', 'contended', 'bulk'];
const CONTENTION_SECONDS = Number(process.env.BENCH_CONTENTION_SECONDS ?? 20);
const root = path.resolve(__dirname, '..', '..', '..');

interface Row { query: string; viewer: string; mode: AuthMode; rps: number; p50: number; p99: number; rssMb: number; errors: number; spread: number; rounds: number[] }

const median = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

async function startService(mode: AuthMode): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/scripts/bench/server.js')], {
    env: { ...process.env, BENCH_AUTH_MODE: mode, PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: process.env.JWT_SECRET ?? DEV_JWT_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => { out += chunk; const m = /ready (\S+)/.exec(out); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, child };
}

const rssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

async function measure(url: string, pid: number, token: string, body: string, duration = DURATION, connections = CONNECTIONS) {
  let peak = rssMb(pid);
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 100);
  const result = await autocannon({
    url, method: 'POST', connections, duration, body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  clearInterval(sampler);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rssMb: peak, errors: result.errors + result.non2xx };
}

/** One request through GraphQL to check a query answers data (not errors) before timing it. */
async function check(url: string, token: string, body: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const json = await res.json() as { errors?: Array<{ message: string }> };
  return json.errors?.map((e) => e.message).join('; ') ?? null;
}

/** The report's own SQL, captured from one report request, then timed directly on the database. */
async function bareReportSql(token: string): Promise<{ graphqlMs: number; sqlMs: number }> {
  const captured: Array<{ query: string; parameters?: unknown[] }> = [];
  const logger: Logger = {
    logQuery: (query, parameters) => { captured.push({ query, parameters: parameters as unknown[] | undefined }); },
    logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined,
  };
  const db = new DataSource({ ...dataSourceOptions({ databaseUrl: BENCH_DATABASE_URL, dataDir: '.bench' }), logging: true, logger });
  await db.initialize();
  const config = { ...loadConfig(), databaseUrl: BENCH_DATABASE_URL, playground: false };
  const server = await createServer(config, db);
  const url = `${await server.listen(0)}/graphql`;
  const body = JSON.stringify({ query: QUERIES.c.query });
  const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).then((r) => r.text());
  await post();
  captured.length = 0;
  await post();
  const statements = captured.filter((s) => /^\s*SELECT/i.test(s.query) && !/app_user|role_assignment/.test(s.query));
  const conn = await createConnection({ uri: BENCH_DATABASE_URL, timezone: 'Z' });
  const sql = async () => { for (const s of statements) await conn.query(s.query, s.parameters as unknown[]); };
  const elapsed = async (fn: () => Promise<unknown>) => { const t = process.hrtime.bigint(); await fn(); return Number(process.hrtime.bigint() - t) / 1e6; };
  // Interleaved, so both see the same cache and background load; medians of 7.
  const graphqlSamples: number[] = [];
  const sqlSamples: number[] = [];
  for (let i = 0; i < 7; i++) {
    graphqlSamples.push(await elapsed(post));
    sqlSamples.push(await elapsed(sql));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const graphqlMs = median(graphqlSamples);
  const sqlMs = median(sqlSamples);
  await conn.end();
  await server.stop();
  await db.destroy();
  return { graphqlMs, sqlMs };
}

async function main() {
  const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
  const tokens = { clerk: await mintToken(secret, BENCH_USERS.clerk, { expiresIn: '2h' }), admin: await mintToken(secret, BENCH_USERS.admin, { expiresIn: '2h' }) };
  const conn = await createConnection({ uri: BENCH_DATABASE_URL });
  const [[w]] = await conn.query("SELECT id FROM warehouse WHERE code = 'W01'") as unknown as [[{ id: number }]];
  await conn.end();
  // The services run side by side; each row measures the modes back to back, in ROUNDS rounds
  // with the mode order rotated every round, and keeps each mode's median round: background load
  // hits the modes alike, and no mode always runs first or last.
  const services = new Map<AuthMode, { url: string; child: ChildProcess }>();
  for (const mode of MODES) services.set(mode, await startService(mode));
  const samples = new Map<string, Array<Omit<Row, 'spread' | 'rounds'>>>();
  for (let round = 1; round <= ROUNDS; round++) {
    const order = MODES.map((_, i) => MODES[(i + round - 1) % MODES.length]);
    for (const [key, q] of Object.entries(QUERIES).filter(([k]) => QUERY_KEYS.includes(k))) {
      for (const viewer of VIEWERS) {
        const body = JSON.stringify({ query: q.query, variables: key === 'a' ? { w: benchId('Warehouse', w.id) } : undefined });
        for (const mode of order) {
          const { url, child } = services.get(mode)!;
          if (round === 1) {
            const problem = await check(url, tokens[viewer], body);
            if (problem) process.stderr.write(`note: ${key}/${viewer}/${mode} answers with errors: ${problem}\n`);
          }
          await measure(url, child.pid!, tokens[viewer], body, 2, q.connections); // warm-up
          const m = await measure(url, child.pid!, tokens[viewer], body, q.duration ?? DURATION, q.connections);
          const id = `${key}/${viewer}/${mode}`;
          samples.set(id, [...(samples.get(id) ?? []), { query: key, viewer, mode, ...m }]);
          process.stdout.write(`round ${round} ${key} ${viewer.padEnd(5)} ${mode.padEnd(15)} ${m.rps.toFixed(1).padStart(7)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  rss ${m.rssMb.toFixed(0)} MB\n`);
        }
      }
    }
  }
  for (const { child } of services.values()) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  }
  const rows: Row[] = [...samples.values()].map((runs) => {
    const rps = runs.map((r) => r.rps);
    const mid = median(rps);
    const at = runs.reduce((a, b) => (Math.abs(b.rps - mid) < Math.abs(a.rps - mid) ? b : a));
    return { ...at, rps: mid, p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), rssMb: Math.max(...runs.map((r) => r.rssMb)),
      errors: runs.reduce((n, r) => n + r.errors, 0), spread: (Math.max(...rps) - Math.min(...rps)) / mid, rounds: rps };
  });

  const report = QUERY_KEYS.includes('c') ? await bareReportSql(tokens.admin) : null;
  if (report) process.stdout.write(`report (c) as admin, sequential: GraphQL ${report.graphqlMs.toFixed(1)} ms, its bare SQL ${report.sqlMs.toFixed(1)} ms\n`);
  const posting: PostingResult[] = [];
  for (const scenario of SKIP_POSTING ? [] : POSTING_SCENARIOS) {
    try {
      posting.push(await postingBenchmark({ secret, serverEntry: defaultServerEntry(), scenario, engine: 'mariadb' }));
    } catch (error) {
      process.stderr.write(`posting benchmark (${scenario}) skipped: ${(error as Error).message}\n`);
    }
  }
  let contention: ContentionRow[] | null = null;
  try {
    contention = await contentionBenchmark({ serverEntry: defaultContentionEntry(), token: tokens.admin, reportQuery: YEAR_REPORT_QUERY, seconds: CONTENTION_SECONDS });
  } catch (error) {
    process.stderr.write(`contention benchmark skipped (npm run bench:seed -- --sqlite first?): ${(error as Error).message}\n`);
  }
  appendMarkdown(rows, report, posting, contention);
}

function appendMarkdown(rows: Row[], report: { graphqlMs: number; sqlMs: number } | null, posting: PostingResult[], contention: ContentionRow[] | null) {
  const peer = (r: Row, mode: AuthMode) => rows.find((o) => o.query === r.query && o.viewer === r.viewer && o.mode === mode);
  const ratio = (r: Row, mode: AuthMode) => { const p = peer(r, mode); return p ? (r.rps / p.rps).toFixed(2) : '–'; };
  const dp99 = (r: Row) => { const p = peer(r, 'off'); if (!p) return '–'; const d = r.p99 - p.p99; return `${d >= 0 ? '+' : ''}${d}`; };
  const commit = (() => { try { return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim(); } catch { return 'unknown'; } })();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const lines = [
    '', `## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — commit ${commit}`, '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average at the end ${load}. ` +
    `autocannon ${CONNECTIONS} connections × ${DURATION} s per row (the report: 2 × 15 s), after a 2 s warm-up; the modes (${MODES.join(', ')}) run as services side by side, ` +
    `measured back to back per row in ${ROUNDS} rounds with the mode order rotated each round; each figure is the median round, "spread" is (max − min) / median of the rounds' req/s; ` +
    'services, load generator and MariaDB on the same machine; ' +
    'bench database from `npm run bench:seed` (20 warehouses, 20,000 products, ≥1,000,000 movements). The clerk selects 2 of the 20 warehouses.', '',
    '| query | viewer | authorization | req/s | × off | × hand-written | spread | p50 ms | p99 ms | Δp99 vs off | peak RSS MB | errors |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${QUERIES[r.query].label} | ${r.viewer} | ${r.mode} | ${r.rps.toFixed(r.rps < 10 ? 2 : 0)} | ${ratio(r, 'off')} | ${ratio(r, 'hand-written')} | ${(r.spread * 100).toFixed(0)} % | ${r.p50} | ${r.p99} | ${dp99(r)} | ${r.rssMb.toFixed(0)} | ${r.errors} |`),
    ...(report ? ['', `Report (c) as admin, sequential median: GraphQL ${report.graphqlMs.toFixed(1)} ms vs its bare SQL run directly ${report.sqlMs.toFixed(1)} ms = ${(report.graphqlMs / report.sqlMs).toFixed(2)}×.`] : []),
    ...(posting.length ? ['', ...postingTable(posting)] : []),
    ...(contention ? contentionMarkdown(contention, CONTENTION_SECONDS) : []),
  ];
  const out = process.env.BENCH_OUT ?? path.join(root, 'BENCHMARKS.md');
  fs.appendFileSync(out, lines.join('\n') + '\n');
  process.stdout.write(`appended to ${out}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
