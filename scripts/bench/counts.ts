import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEV_JWT_SECRET } from '../../src/config';
import { mintToken } from '../../src/server/identity';
import { BENCH_USERS } from './bench-config';

/**
 * `npm run bench:counts` (issue 21 §3): how long `totalCount` of each connection takes for a clerk
 * of 2 of the 20 warehouses and for an administrator, on the bench database (MariaDB; with
 * BENCH_ENGINE=sqlite the embedded one). Sequential requests, median of 7 after one warm-up.
 */
const CONNECTIONS = ['documents', 'stockLevels', 'reservations', 'products'];

async function main() {
  const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
  const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], {
    env: { ...process.env, BENCH_AUTH_MODE: 'on', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: secret }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => { out += chunk; const m = /ready (\S+)/.exec(out); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const lines = [`| connection | viewer | totalCount | median ms (7 runs) |`, '|---|---|---:|---:|'];
  for (const field of CONNECTIONS) {
    for (const viewer of ['clerk', 'admin'] as const) {
      const token = await mintToken(secret, BENCH_USERS[viewer], { expiresIn: '1h' });
      const ask = async () => {
        const started = performance.now();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: `{ ${field}(first: 1) { totalCount } }` }) });
        const body = await res.json() as { data?: Record<string, { totalCount: number }>; errors?: unknown };
        if (body.errors) throw new Error(`${field} as ${viewer}: ${JSON.stringify(body.errors)}`);
        return { ms: performance.now() - started, count: body.data![field].totalCount };
      };
      await ask();
      const runs = [];
      for (let i = 0; i < 7; i++) runs.push(await ask());
      const median = runs.map((r) => r.ms).sort((a, b) => a - b)[3];
      lines.push(`| ${field} | ${viewer} | ${runs[0].count} | ${median.toFixed(1)} |`);
    }
  }
  child.kill('SIGTERM');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench:counts failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
