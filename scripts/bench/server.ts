import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/database';
import { createServer } from '../../src/server/app';
import { buildApiSchema, buildShieldedSchema } from '../../src/schema/build-schema';
import { GUARDS, RULES, shieldSchema } from '../../src/shield';
import { handWrittenShieldSchema } from './hand-written-shield';
import { stockShieldSchema } from './stock-shield';
import { BENCH_DATABASE_URL } from './bench-config';

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
  off: buildApiSchema,
  'stock-shield': () => stockShieldSchema(buildApiSchema(), RULES, GUARDS),
  'hand-written': () => handWrittenShieldSchema(buildApiSchema(), RULES, GUARDS),
  'on-no-fast-path': () => shieldSchema(buildApiSchema(), { fastPath: false }),
};

async function main() {
  if (process.env.NODE_ENV === 'production') throw new Error('the bench server never runs in production');
  const mode = (process.env.BENCH_AUTH_MODE ?? 'on') as AuthMode;
  if (!schemas[mode]) throw new Error(`unknown BENCH_AUTH_MODE ${mode}`);
  const config = { ...loadConfig(), databaseUrl: BENCH_DATABASE_URL, playground: false };
  const db = await openDatabase(config);
  const server = await createServer(config, db, schemas[mode]());
  const url = await server.listen(Number(process.env.PORT ?? 0));
  process.stdout.write(`ready ${url}/graphql\n`);
  process.on('SIGTERM', async () => { await server.stop(); await db.destroy(); process.exit(0); });
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
