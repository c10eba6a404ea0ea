import { DataSource } from 'typeorm';
import { Config, loadConfig } from '../../src/config';
import { createServer, StockgateServer } from '../../src/server/app';
import { mintToken } from '../../src/server/identity';
import { applySeed, SeedResult, SeedSpec } from '../../src/services/demo/seed.service';
import { decodeId, encodeId, IdKind } from '../../src/services/platform/opaque-ids';
import { createTestDatabase, TestDatabase } from './database';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-production-0123456789';
/** An ID_SECRET production accepts (tests of production configuration; docs/operations.md, Ids). */
export const TEST_ID_SECRET = 'bJ3v9Qx2LmZ7tRk4WcYp8NhF6sDg1AeU0oIy5KqXjTz';

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
  /** The seeded objects' ids as the API shows them (opaque); `dbIds` are their database keys. */
  ids: ApiIds;
  dbIds: SeedResult;
  config: Config;
  server: StockgateServer;
  /** A token for the user with this login (sub = login). */
  token(login: string, options?: { clientId?: string; expiresIn?: string }): Promise<string>;
  /** Runs a GraphQL operation over HTTP as `login` (or anonymously with null, or with a raw header). */
  gql<T = any>(as: string | null | { header: string }, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** A seed's keys as the API shows them: by kind, then by the spec's local key. */
export interface ApiIds {
  warehouses: Record<string, string>;
  products: Record<string, string>;
  roles: Record<string, string>;
  users: Record<string, string>;
  documents: Record<string, string>;
}

const SEED_KINDS: Record<keyof SeedResult, IdKind> = {
  warehouses: 'Warehouse', products: 'Product', roles: 'Role', users: 'User', documents: 'InventoryDocument',
};

const encodeAll = (kind: IdKind, keys: Record<string, number>) =>
  Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, encodeId(kind, key)]));

/** The API's ids of a seed's objects (docs/design.md "Ids"). */
export const apiIds = (seed: SeedResult): ApiIds => ({
  warehouses: encodeAll('Warehouse', seed.warehouses),
  products: encodeAll('Product', seed.products),
  roles: encodeAll('Role', seed.roles),
  users: encodeAll('User', seed.users),
  documents: encodeAll('InventoryDocument', seed.documents),
});

/** The id the API shows for the object of this kind with this database key (tests with a key from SQL). */
export const apiId = (kind: IdKind, key: number | string) => encodeId(kind, Number(key));

/** The database key behind an id the API showed (tests that check rows in SQL). */
export function dbKey(id: string): number {
  const decoded = decodeId(id);
  if (!decoded) throw new Error(`not an id issued by the API: ${id}`);
  return decoded.key;
}

/**
 * Starts the real HTTP server on a fresh database seeded from a declarative spec.
 * Every test goes through the GraphQL API the way a client does.
 */
export async function startApi(spec: SeedSpec, overrides: Partial<Config> = {}, options: { logging?: boolean } = {}): Promise<TestApi> {
  const database = await createTestDatabase(options);
  const dbIds = await applySeed(database.db, spec);
  const ids = apiIds(dbIds);
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
    url, database, db: database.db, ids, dbIds, config, server, token,
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

/** An id the API could have issued for an object of this kind that does not exist (a missing object, not a malformed id). */
export const missingId = (kind: IdKind) => encodeId(kind, 999_999_999);
