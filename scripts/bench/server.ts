import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { GraphQLSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/database';
import { createServer } from '../../src/server/app';
import { buildApiSchema, buildShieldedSchema, buildUnshieldedSchema } from '../../src/schema/build-schema';
import { withOpaqueIds } from '../../src/schema/opaque-id-boundary';
import { GUARDS, RULES, shieldSchema } from '../../src/shield';
import { handWrittenShieldSchema } from './hand-written-shield';
import { stockShieldSchema } from './stock-shield';
import { installProbe } from './posting-probe';
import { BENCH_DATABASE_URL, BENCH_SQLITE_DIR } from './bench-config';

/**
 * The service as the benchmark runs it, in one of its authorization modes: `on` as shipped
 * (graphql-shield applied selectively, with the access-only fast path), `on-no-fast-path`,
 * `hand-written` (the applicator the server ran before issue 16), `stock-shield` (graphql-shield
 * over every field), `off`. Every mode but `on` exists only in this bench entry point (never in
 * src/main.ts), which refuses to run in production.
 */
export type AuthMode = 'on' | 'off' | 'stock-shield' | 'hand-written' | 'on-no-fast-path';

const schemas: Record<AuthMode, () => GraphQLSchema> = {
  on: buildShieldedSchema,
  off: buildUnshieldedSchema,
  'stock-shield': () => withOpaqueIds(stockShieldSchema(buildApiSchema(), RULES, GUARDS)),
  'hand-written': () => withOpaqueIds(handWrittenShieldSchema(buildApiSchema(), RULES, GUARDS)),
  'on-no-fast-path': () => withOpaqueIds(shieldSchema(buildApiSchema(), { fastPath: false })),
};

async function main() {
  if (process.env.NODE_ENV === 'production') throw new Error('the bench server never runs in production');
  const mode = (process.env.BENCH_AUTH_MODE ?? 'on') as AuthMode;
  if (!schemas[mode]) throw new Error(`unknown BENCH_AUTH_MODE ${mode}`);
  // BENCH_ENGINE=sqlite: the embedded bench file from `npm run bench:seed -- --sqlite` (issue 21).
  const sqlite = process.env.BENCH_ENGINE === 'sqlite';
  const config = { ...loadConfig(), databaseUrl: sqlite ? undefined : BENCH_DATABASE_URL, dataDir: path.resolve(BENCH_SQLITE_DIR), playground: false };
  if (sqlite && !fs.existsSync(path.join(config.dataDir, 'stockgate.sqlite'))) throw new Error('no SQLite bench database: npm run bench:seed -- --sqlite');
  const db = await openDatabase(config);
  const server = await createServer(config, db, schemas[mode]());
  // BENCH_PROBE=1 (the posting benchmark, over IPC): statements, lock hold and CPU per request (posting-probe.ts).
  if (process.env.BENCH_PROBE === '1' && process.send) installProbe(db, server.httpServer);
  const url = await server.listen(Number(process.env.PORT ?? 0));
  reportEventLoopDelay();
  process.stdout.write(`ready ${url}/graphql\n`);
  process.on('SIGTERM', async () => { await server.stop(); await db.destroy(); process.exit(0); });
}

/**
 * With an IPC channel (the contention benchmark), the event loop's delay is sampled every 10 ms;
 * 'reset' clears the histogram and 'read' answers its percentiles in ms.
 */
function reportEventLoopDelay() {
  if (!process.send) return;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns: number) => ns / 1e6;
  process.on('message', (message) => {
    if (message === 'reset') histogram.reset();
    if (message === 'read') {
      process.send!({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) });
    }
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
