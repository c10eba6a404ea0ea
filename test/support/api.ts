import { DataSource } from 'typeorm';
import { Config, loadConfig } from '../../src/config';
import { createServer, StockgateServer } from '../../src/server/app';
import { mintToken } from '../../src/server/identity';
import { applySeed, SeedResult, SeedSpec } from '../../src/services/demo/seed.service';
import { createTestDatabase, TestDatabase } from './database';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-production-0123456789';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  body: string;
}

export interface TestApi {
  url: string;
  database: TestDatabase;
  db: DataSource;
  ids: SeedResult;
  config: Config;
  server: StockgateServer;
  /** A token for the user with this login (sub = login). */
  token(login: string, options?: { clientId?: string; expiresIn?: string }): Promise<string>;
  /** Runs a GraphQL operation over HTTP as `login` (or anonymously with null, or with a raw header). */
  gql<T = any>(as: string | null | { header: string }, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real HTTP server on a fresh database seeded from a declarative spec.
 * Every test goes through the GraphQL API the way a client does.
 */
export async function startApi(spec: SeedSpec, overrides: Partial<Config> = {}, options: { logging?: boolean } = {}): Promise<TestApi> {
  const database = await createTestDatabase(options);
  const ids = await applySeed(database.db, spec);
  const config: Config = {
    ...loadConfig({ JWT_SECRET: TEST_SECRET, NODE_ENV: 'test' } as NodeJS.ProcessEnv),
    databaseUrl: database.databaseUrl,
    dataDir: database.dataDir,
    ...overrides,
  };
  const server = await createServer(config, database.db);
  const url = `${await server.listen(0)}/graphql`;
  const token = (login: string, opts: { clientId?: string; expiresIn?: string } = {}) => mintToken(TEST_SECRET, login, opts);

  return {
    url, database, db: database.db, ids, config, server, token,
    async gql(as, query, variables) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (typeof as === 'string') headers.authorization = `Bearer ${await token(as)}`;
      else if (as && typeof as === 'object') headers.authorization = as.header;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = await res.text();
      const json = JSON.parse(body);
      return { status: res.status, data: json.data, errors: json.errors, body };
    },
    async close() {
      await server.stop();
      await database.drop();
    },
  };
}

/** The error codes of a response, for compact assertions. */
export const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);
