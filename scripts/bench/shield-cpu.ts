import 'reflect-metadata';
import { execute, GraphQLSchema, parse } from 'graphql';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/database';
import { createLoaders } from '../../src/loaders';
import { buildApiSchema, buildShieldedSchema, buildUnshieldedSchema } from '../../src/schema/build-schema';
import { withOpaqueIds } from '../../src/schema/opaque-id-boundary';
import { GUARDS, RULES, shieldSchema } from '../../src/shield';
import { loadAccess } from '../../src/shield/access.loader';
import { canonicalErrors } from '../../src/shield/denial-errors';
import { BENCH_DATABASE_URL, BENCH_USERS, benchId } from './bench-config';
import { handWrittenShieldSchema } from './hand-written-shield';
import { QUERIES } from './queries';
import type { AuthMode } from './server';
import { stockShieldSchema } from './stock-shield';

/**
 * `npm run bench:shield`: the authorization modes' cost as CPU time of the Node process per
 * request, in process (no HTTP), on the bench database. On a machine shared with other work,
 * wall-clock throughput moves with everyone else's load; the CPU time this process spends per
 * request moves far less, and the modes are interleaved in blocks of BLOCK requests so the same
 * load hits each alike. Per request: the access object (2 statements), loaders, execution, the
 * canonical errors; the response is serialized as the server would.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BLOCK = Number(process.env.BENCH_BLOCK ?? 5);
const WARM_UP = 20;
const MODES = (process.env.BENCH_MODES ?? 'off,on,on-no-fast-path,hand-written,stock-shield').split(',') as AuthMode[];
const KEYS = (process.env.BENCH_QUERIES ?? 'a,b,d').split(',');
/** clerk, admin; `seller` lacks PURCHASE_PRICE_VIEW: (a) then denies a field on every row. */
const VIEWERS = (process.env.BENCH_VIEWERS ?? 'clerk,admin').split(',') as Array<keyof typeof BENCH_USERS>;

const schemas: Record<AuthMode, () => GraphQLSchema> = {
  off: buildUnshieldedSchema,
  on: buildShieldedSchema,
  'on-no-fast-path': () => withOpaqueIds(shieldSchema(buildApiSchema(), { fastPath: false })),
  'hand-written': () => withOpaqueIds(handWrittenShieldSchema(buildApiSchema(), RULES, GUARDS)),
  'stock-shield': () => withOpaqueIds(stockShieldSchema(buildApiSchema(), RULES, GUARDS)),
};

const median = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

async function main() {
  const config = { ...loadConfig(), databaseUrl: BENCH_DATABASE_URL };
  const db = await openDatabase(config);
  const conn = await createConnection({ uri: BENCH_DATABASE_URL });
  const [[w]] = await conn.query("SELECT id FROM warehouse WHERE code = 'W01'") as unknown as [[{ id: number }]];
  await conn.end();
  const built = new Map(MODES.map((mode) => [mode, schemas[mode]()]));
  const once = async (schema: GraphQLSchema, login: string, key: string) => {
    const access = (await loadAccess(db, login))!;
    const contextValue = { db, access, loaders: createLoaders(db, access), deniedCoordinates: new Set<string>(), requestId: 'bench' };
    const result = await execute({ schema, document: parse(QUERIES[key].query), contextValue, variableValues: key === 'a' ? { w: benchId('Warehouse', w.id) } : undefined });
    return JSON.stringify({ data: result.data, errors: result.errors && canonicalErrors(result.errors.map((e) => e.toJSON())) });
  };
  const lines: string[] = [];
  for (const key of KEYS) {
    for (const viewer of VIEWERS) {
      const login = BENCH_USERS[viewer];
      const reference = await once(built.get('off')!, login, key);
      for (const mode of MODES) {
        for (let i = 0; i < WARM_UP; i++) await once(built.get(mode)!, login, key);
        const body = await once(built.get(mode)!, login, key);
        if (body !== reference) process.stderr.write(`note: ${key}/${viewer}/${mode} answers differently from off: ${body.slice(0, 300)}\n`);
      }
      const perRound = new Map<AuthMode, number[]>(MODES.map((m) => [m, []]));
      for (let round = 0; round < ROUNDS; round++) {
        const cpu = new Map<AuthMode, { micros: number; n: number }>(MODES.map((m) => [m, { micros: 0, n: 0 }]));
        const until = Date.now() + SECONDS * 1000;
        // Whole cycles (every mode one block, the order rotated each cycle) until the time is up.
        for (let cycle = 0; cycle === 0 || Date.now() < until; cycle++) {
          for (let i = 0; i < MODES.length; i++) {
            const mode = MODES[(i + cycle + round) % MODES.length];
            const start = process.cpuUsage();
            for (let j = 0; j < BLOCK; j++) await once(built.get(mode)!, login, key);
            const used = process.cpuUsage(start);
            const acc = cpu.get(mode)!;
            acc.micros += used.user + used.system;
            acc.n += BLOCK;
          }
        }
        for (const mode of MODES) { const c = cpu.get(mode)!; perRound.get(mode)!.push(c.micros / c.n / 1000); }
      }
      const off = median(perRound.get('off')!);
      for (const mode of MODES) {
        const rounds = perRound.get(mode)!;
        const ms = median(rounds);
        const spread = (Math.max(...rounds) - Math.min(...rounds)) / ms;
        const line = `| ${QUERIES[key].label} | ${viewer} | ${mode} | ${ms.toFixed(2)} | ${(off / ms).toFixed(2)} | ${(spread * 100).toFixed(0)} % | ${rounds.map((r) => r.toFixed(2)).join(' / ')} |`;
        lines.push(line);
        process.stdout.write(`${line}\n`);
      }
    }
  }
  await db.destroy();
  process.stdout.write(['', '| query | viewer | authorization | CPU ms / request | throughput × off (CPU) | spread | rounds |', '|---|---|---|---:|---:|---:|---|', ...lines, ''].join('\n'));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
