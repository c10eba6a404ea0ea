import 'reflect-metadata';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_JWT_SECRET } from '../../src/config';
import { defaultServerEntry, postingBenchmark, PostingResult, PostingScenario } from './posting';
import { BenchEngine } from './posting-db';
import { postingTable, statementKinds } from './posting-report';

/**
 * `npm run bench:posting`: the posting scenarios (uncontended, contended, bulk) on both bench
 * databases — MariaDB (`npm run bench:seed`) and SQLite (`npm run bench:seed -- --sqlite`) — and a
 * section appended to BENCHMARKS.md (BENCH_OUT) with the load average beside every row.
 * - BENCH_POSTING_ENGINES=mariadb,sqlite and BENCH_POSTING_SCENARIOS=uncontended,contended,bulk pick some;
 *   an engine without its bench database is skipped with a message.
 * - BASELINE_SERVER=<another build's dist/scripts/bench/server.js> runs that build too, interleaved
 *   with this one (the order alternates every round, BENCH_POSTING_ROUNDS, default 2 with a
 *   baseline, else 1): on a shared machine only rows measured side by side compare.
 * - BENCH_PROFILE_DIR=/tmp/prof: every server profiles its timed part into a .cpuprofile there
 *   (posting-probe.ts; \`node dist/scripts/bench/profile-summary.js <file>\` summarizes it);
 *   BENCH_SERVER_NODE_ARGS passes other flags to this build's server.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const engines = (process.env.BENCH_POSTING_ENGINES ?? 'mariadb,sqlite').split(',') as BenchEngine[];
const scenarios = (process.env.BENCH_POSTING_SCENARIOS ?? 'uncontended,contended,bulk').split(',') as PostingScenario[];
const builds: Array<[string, string]> = [['this', defaultServerEntry()], ...(process.env.BASELINE_SERVER ? [['before', path.resolve(process.env.BASELINE_SERVER)] as [string, string]] : [])];
const rounds = Number(process.env.BENCH_POSTING_ROUNDS ?? (builds.length > 1 ? 2 : 1));
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

async function main() {
  const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
  const results: PostingResult[] = [];
  const skipped: string[] = [];
  for (const engine of engines) {
    for (const scenario of scenarios) {
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? builds : [...builds].reverse();
        for (const [build, serverEntry] of order) {
          try {
            const result = await postingBenchmark({ secret, serverEntry, scenario, engine, build, nodeArgs: build === 'this' ? nodeArgs : [] });
            process.stdout.write(`${JSON.stringify(result)}\n`);
            results.push(result);
          } catch (error) {
            const why = `${engine} ${scenario} (${build}) skipped: ${(error as Error).message}`;
            process.stderr.write(`${why}\n`);
            skipped.push(why);
          }
        }
      }
    }
  }
  const table = postingTable(results);
  process.stdout.write(`${table.join('\n')}\n`);
  for (const r of results) process.stdout.write(`${r.engine} ${r.scenario} ${r.build}: ${statementKinds(r).join('; ')}\n`);
  const commit = (() => { try { return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim(); } catch { return 'unknown'; } })();
  const lines = [
    '', `## Posting run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — commit ${commit}`, '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; `
      + `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}. \`npm run bench:posting\`: service, load generator and MariaDB on the same machine; `
      + `${rounds} round(s)${builds.length > 1 ? `, builds interleaved (before = ${process.env.BASELINE_SERVER})` : ''}; bench databases from \`npm run bench:seed\` (and \`-- --sqlite\`).`,
    '', ...table,
    ...(skipped.length ? ['', ...skipped.map((s) => `- ${s}`)] : []),
  ];
  const out = process.env.BENCH_OUT ?? path.join(root, 'BENCHMARKS.md');
  fs.appendFileSync(out, lines.join('\n') + '\n');
  process.stdout.write(`appended to ${out}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
