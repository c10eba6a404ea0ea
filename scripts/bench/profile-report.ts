import 'reflect-metadata';
import { DataSource, Logger } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { DEV_JWT_SECRET, loadConfig } from '../../src/config';
import { createServer } from '../../src/server/app';
import { mintToken } from '../../src/server/identity';
import { BENCH_DATABASE_URL, BENCH_USERS } from './bench-config';

/**
 * A profile of one report request on the bench database: the time of every SQL statement it
 * runs (TypeORM's slow-query hook at 0 ms) against the request's wall time. `PROFILE_QUERY`
 * is the GraphQL document; used for issue 17's drill-down figure (BENCHMARKS.md).
 */
async function main() {
  const timed: Array<{ ms: number; sql: string }> = [];
  const logger: Logger = {
    logQuery: () => undefined, logQueryError: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined,
    logQuerySlow: (ms, query) => { timed.push({ ms, sql: query.replace(/\s+/g, ' ').slice(0, 90) }); },
  };
  const db = new DataSource({ ...dataSourceOptions({ databaseUrl: BENCH_DATABASE_URL, dataDir: '.bench' }), logger, maxQueryExecutionTime: -1 } as never);
  await db.initialize();
  const config = { ...loadConfig(), databaseUrl: BENCH_DATABASE_URL, playground: false };
  const server = await createServer(config, db);
  const url = `${await server.listen(0)}/graphql`;
  const token = await mintToken(process.env.JWT_SECRET ?? DEV_JWT_SECRET, BENCH_USERS.admin, { expiresIn: '1h' });
  for (let round = 0; round < 3; round++) {
    timed.length = 0;
    const started = process.hrtime.bigint();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: process.env.PROFILE_QUERY }) });
    const body = await res.text();
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const sqlMs = timed.reduce((s, t) => s + t.ms, 0);
    process.stdout.write(`round ${round}: ${wall.toFixed(0)} ms wall, ${timed.length} statements, ${sqlMs} ms in SQL, ${body.length} bytes\n`);
    if (round === 2) for (const t of timed) process.stdout.write(`  ${String(t.ms).padStart(5)} ms  ${t.sql}\n`);
  }
  await server.stop();
  await db.destroy();
}

main().catch((error) => { process.stderr.write(`${error.stack ?? error}\n`); process.exit(1); });
