import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/database';
import { createServer } from '../../src/server/app';
import { buildApiSchema, buildShieldedSchema } from '../../src/schema/build-schema';
import { GUARDS, RULES } from '../../src/shield';
import { stockShieldSchema } from '../../src/shield/graphql-shield-peer';
import { BENCH_DATABASE_URL } from './bench-config';

/**
 * The service as the benchmark runs it, in one of three authorization modes. The "off"
 * mode exists only in this bench entry point (never in src/main.ts) and refuses to run
 * in production.
 */
export type AuthMode = 'on' | 'off' | 'stock-shield';

const schemas: Record<AuthMode, () => GraphQLSchema> = {
  on: buildShieldedSchema,
  off: buildApiSchema,
  'stock-shield': () => stockShieldSchema(buildApiSchema(), RULES, GUARDS),
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
