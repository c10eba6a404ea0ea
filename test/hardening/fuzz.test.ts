import fc from 'fast-check';
import { startApi, TestApi } from '../support/api';
import { smallCompany } from './http';

/**
 * Hostile input through HTTP: every response is a well-formed GraphQL response (data or typed
 * errors), never a 5xx, a stack trace, SQL or an internal error; the process stays up.
 * FUZZ_RUNS sets the number of requests (CI: 1,500 to stay under ~40 s on a shared 2-core runner;
 * the acceptance run is FUZZ_RUNS=10000 or more, docs/operations.md); FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_500);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 16;

const INJECTIONS = [
  "' OR 1=1 --", '"; DROP TABLE product; --', '%', '_', '\\', '\u0000', '\uFFFF', '𝕏', '<script>alert(1)</script>', '../../etc/passwd',
  '${process.exit()}', '1e309', '-0', '99999999999999999999999', 'NaN', '', ' ', 'null', '__proto__', 'constructor',
  'aWQ6MQ', 'aWQ6LTE', 'aWQ6OTk5OTk5OTk5OTk5OTk5OTk5', Buffer.from("id:1' OR '1'='1").toString('base64url'),
];
const TOKENS = ['{', '}', '(', ')', '[', ']', ':', '$', '@', '...', '!', '=', ',', '|', '&', 'query', 'mutation', 'subscription', 'fragment',
  'on', 'products', 'product', 'viewer', 'warehouses', 'warehouse', 'nodes', 'sku', 'first', 'after', 'id', '__typename', '__schema',
  '"str"', '"""block"""', '123', '-1', '1.5e999', 'null', 'true', '#comment\n', '\\u0000', 'include', 'skip', 'if', 'Int', 'ID!'];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 50, unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.string({ minLength: 500, maxLength: 2000 }), fc.array(fc.constantFrom(...INJECTIONS), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

const argument = fc.oneof(
  fc.constantFrom(...INJECTIONS).map((s) => JSON.stringify(s)), fc.integer().map(String), fc.double({ noNaN: true }).map(String),
  fc.constantFrom('null', 'true', '[]', '{}', '$v', 'ENUM_VALUE', '"""x"""', '[1, "a", null]', '{ a: 1 }'),
);
const ROOTS = [
  (a: string, b: string) => `products(first: ${a}, after: ${b}) { totalCount nodes { id sku purchasePrice parent { sku } } }`,
  (a: string, b: string) => `products(search: ${a}, topLevelOnly: ${b}) { edges { cursor node { name } } }`,
  (a: string) => `product(id: ${a}) { id sku variants { sku } }`,
  (a: string) => `warehouse(id: ${a}) { code name }`,
  (a: string) => `warehouses(includeInactive: ${a}) { code }`,
  () => 'viewer { permissions warehouses { code } }',
  () => 'permissionCatalog { permission documentTypes }',
];

// Arguments far over their limits and subscriptions (issue 15 §7): each a typed error, never an internal one.
const OVERSIZED = [
  { query: 'query($s: String) { products(first: 5, search: $s) { totalCount } }', variables: { s: 'x'.repeat(50_000) } },
  { query: 'query($s: String) { users(first: 5, search: $s) { totalCount } }', variables: { s: '%'.repeat(50_000) } },
  { query: 'query($w: [ID!]) { inventoryReport(from: "2026-01-01", to: "2026-01-31", warehouseIds: $w) { from } }',
    variables: { w: Array.from({ length: 40_000 }, (_, i) => String(i + 1)) } },
  { query: 'query($p: String) { inventoryReport(from: "2026-01-01", to: "2026-01-31", productSearch: $p) { from } }', variables: { p: '_'.repeat(50_000) } },
  { query: 'mutation($e: DateTimeISO) { reserveProduct(productId: "1", warehouseId: "1", quantity: "1", dealRef: "D", expiresAt: $e) { id } }',
    variables: { e: '9999-12-31T00:00:00.000Z' } },
  { query: '{ inventoryReport(from: "0001-01-01", to: "9999-12-31") { from } }' },
  { query: 'query($id: ID!) { product(id: $id) { sku } }', variables: { id: '9'.repeat(50_000) } },
  { query: 'mutation($c: String!) { importProductsCsv(csv: $c) { ok } }', variables: { c: `sku,name\n${'A,a\n'.repeat(20_000)}` } },
  { query: 'subscription { viewer { permissions } }' },
  { query: 'subscription S($s: String) { products(search: $s) { totalCount } }', variables: { s: 'x' } },
];

const document: fc.Arbitrary<{ query?: unknown; variables?: unknown; operationName?: unknown }> = fc.oneof(
  // random token soup
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => ({ query: t.join(' ') })),
  // well-formed operations with hostile literal arguments
  fc.tuple(fc.integer({ min: 0, max: ROOTS.length - 1 }), argument, argument).map(([i, a, b]) => ({ query: `{ ${ROOTS[i](a, b)} }` })),
  // hostile variables of any type
  fc.tuple(fc.constantFrom('Int', 'Int!', 'String', 'ID!', 'Boolean', '[Int]'), hostileValue, hostileValue).map(([type, v, w]) => ({
    query: `query Q($v: ${type}, $w: String) { products(first: 5, search: $w) { totalCount } product(id: "1") { sku } a: products(first: 1, after: $w) { totalCount } }`,
    variables: { v, w },
  })),
  // deep nesting and huge alias lists
  fc.integer({ min: 1, max: 60 }).map((n) => ({ query: `{ products { nodes { ${'parent { '.repeat(n)} sku ${'} '.repeat(n)} } } }` })),
  fc.integer({ min: 1, max: 200 }).map((n) => ({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { permissions }`).join(' ')} }` })),
  fc.integer({ min: 1, max: 300 }).map((n) => ({ query: `{ viewer ${'@include(if: true) '.repeat(n)} { permissions } }` })),
  // wrong shapes of the request itself
  fc.record({ query: hostileValue, variables: hostileValue, operationName: hostileValue }, { requiredKeys: [] }),
);

const body = fc.oneof(
  { weight: 8, arbitrary: document.map((d) => JSON.stringify(d)) },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
);

const LEAKS = /stacktrace|\n\s+at |node_modules|QueryFailed|SQLITE|SELECT .* FROM|typeorm|\.ts:\d+/i;
const DRIVER_CODES = /\bER_[A-Z_]+|\bE(CONN|PIPE|TIMEDOUT)[A-Z]*/;

describe('fuzzing the HTTP API', () => {
  let api: TestApi;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    api = await startApi(smallCompany);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await api.close();
  });

  it(`${RUNS} malformed or hostile requests get well-formed GraphQL answers (seed ${SEED})`, async () => {
    const headers: Array<Record<string, string>> = [{}, { authorization: `Bearer ${await api.token('boss')}` }, { authorization: `Bearer ${await api.token('clerk')}` }, { authorization: 'Bearer ' + 'x'.repeat(300) }];
    const samples = fc.sample(fc.tuple(body, fc.integer({ min: 0, max: headers.length - 1 })), { numRuns: RUNS, seed: SEED });
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < samples.length) {
        const [payload, who] = samples[next++];
        let status = 0;
        let text = '';
        try {
          const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers[who] }, body: payload, signal: AbortSignal.timeout(15_000) });
          [status, text] = [res.status, await res.text()];
        } catch (error) {
          text = `no answer: ${(error as Error).message}`;
        }
        const problem = status === 0 ? text : check(status, text);
        if (problem && failures.length < 5) failures.push(`${problem}\n  request: ${payload.slice(0, 300)}\n  response ${status}: ${text.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    // The process is up and serves normal traffic.
    expect((await api.gql('boss', '{ products(first: 1) { totalCount } }')).data.products.totalCount).toBe(smallCompany.products.length);
  }, Math.max(120_000, RUNS * 40));

  it('arguments far over their limits and subscriptions, as every viewer: typed errors, never an internal one', async () => {
    const headers: Array<Record<string, string>> = [{}, { authorization: `Bearer ${await api.token('boss')}` }, { authorization: `Bearer ${await api.token('clerk')}` }];
    const failures: string[] = [];
    for (const request of OVERSIZED) {
      for (const header of headers) {
        const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...header }, body: JSON.stringify(request) });
        const text = await res.text();
        const problem = check(res.status, text);
        if (problem) failures.push(`${problem}: ${request.query.slice(0, 80)} → ${res.status} ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

function check(status: number, text: string): string | undefined {
  if (status >= 500) return `HTTP ${status}`;
  if (LEAKS.test(text) || DRIVER_CODES.test(text)) return 'leaks internals';
  let json: any;
  try { json = JSON.parse(text); } catch { return 'not JSON'; }
  const results = Array.isArray(json) ? json : [json];
  for (const r of results) {
    if (typeof r !== 'object' || r === null || !('data' in r || 'errors' in r)) return 'neither data nor errors';
    for (const e of r.errors ?? []) {
      if (typeof e.message !== 'string' || typeof e.extensions?.code !== 'string') return 'untyped error';
      if (e.extensions.code === 'INTERNAL_SERVER_ERROR') return 'internal error';
    }
  }
  return undefined;
}
