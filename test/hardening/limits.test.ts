import { DEFAULT_LIMITS, Limits } from '../../src/config';
import { MAX_PAGE_SIZE } from '../../src/schema/connection';
import { usingMysql } from '../support/database';
import { codes, startApi, TestApi } from '../support/api';
import { post, smallCompany } from './http';

const limits: Limits = { ...DEFAULT_LIMITS, maxDepth: 5, maxAliases: 3, maxCost: 500, maxTokens: 150, maxDirectives: 2, maxBodyBytes: 4096 };

/** A limit rejection: a typed error naming the limit, and no `data` key — execution never started. */
const expectRejected = (res: { errors?: any[]; data?: unknown; body: string }, limit: string) => {
  expect(res.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit })]);
  expect(JSON.parse(res.body)).not.toHaveProperty('data');
};

describe('query limits', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(smallCompany, { limits }); });
  afterAll(() => api.close());

  it('an operation within every limit runs', async () => {
    const res = await api.gql('clerk', '{ products(first: 2) { nodes { sku parent { sku } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.products.nodes).toHaveLength(2);
  });

  it('too deep: LIMIT_EXCEEDED (depth) before any resolver', async () => {
    expectRejected(await api.gql('clerk', '{ products { nodes { parent { parent { parent { parent { sku } } } } } } }'), 'depth');
  });

  it('too many aliases', async () => {
    expectRejected(await api.gql('clerk', '{ a: viewer { permissions } b: viewer { permissions } c: viewer { permissions } d: viewer { permissions } }'), 'aliases');
  });

  it('too costly', async () => {
    // armor weighs a literal `first` as the list size: 100 products × 3 fields is over 500.
    expectRejected(await api.gql('clerk', '{ products(first: 100) { nodes { sku name salePrice } } }'), 'cost');
  });

  it('too many tokens', async () => {
    expectRejected(await api.gql('clerk', `{ viewer { ${'permissions '.repeat(200)} } }`), 'tokens');
  });

  it('too many directives', async () => {
    expectRejected(await api.gql('clerk', '{ viewer @include(if: true) { permissions @include(if: true) allWarehouses @skip(if: false) } }'), 'directives');
  });

  it('a body over the limit is refused with HTTP 413 before parsing', async () => {
    const res = await post(api, JSON.stringify({ query: `{ viewer { permissions } }${' '.repeat(5000)}` }));
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'LIMIT_EXCEEDED', limit: 'bodySize' } }] });
  });

  it('batched requests are off unless enabled', async () => {
    const res = await post(api, JSON.stringify([{ query: '{ viewer { permissions } }' }, { query: '{ viewer { permissions } }' }]));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'batch' });
  });

  it('malformed JSON is a typed BAD_REQUEST, not an HTML error page', async () => {
    const res = await post(api, '{"query": ');
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('default limits, batching enabled', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(smallCompany, { limits: { ...DEFAULT_LIMITS, maxBatchSize: 2 } }); });
  afterAll(() => api.close());

  it(`page size: every connection refuses first > ${MAX_PAGE_SIZE} (LIMIT_PAGE_SIZE) with BAD_USER_INPUT`, async () => {
    expect(codes(await api.gql('clerk', `{ products(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('runs up to LIMIT_BATCH_SIZE operations and refuses bigger batches', async () => {
    const token = await api.token('clerk');
    const op = { query: '{ viewer { allWarehouses } }' };
    const ok = await post(api, JSON.stringify([op, op]), { authorization: `Bearer ${token}` });
    expect(ok.json).toEqual([{ data: { viewer: { allWarehouses: false } } }, { data: { viewer: { allWarehouses: false } } }]);
    const tooMany = await post(api, JSON.stringify([op, op, op]), { authorization: `Bearer ${token}` });
    expect(tooMany.json.errors[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'batch' });
  });
});

describe('time budget', () => {
  let api: TestApi;
  afterEach(() => api.close());

  it('an operation whose budget is spent starts no more SQL: TIMEOUT, never an internal error', async () => {
    api = await startApi(smallCompany, { limits: { ...DEFAULT_LIMITS, timeBudgetMs: 1 } });
    const aliases = Array.from({ length: 10 }, (_, i) => `p${i}: products(first: 50) { nodes { sku variants { sku } } }`).join(' ');
    const res = await api.gql('clerk', `{ ${aliases} }`);
    expect(res.errors!.length).toBeGreaterThan(0);
    expect(new Set(codes(res))).toEqual(new Set(['TIMEOUT']));
    expect(res.body).not.toMatch(/SELECT|stack/i);
  });

  (usingMysql() ? it : it.skip)('MariaDB kills a statement that runs past the budget (max_statement_time)', async () => {
    api = await startApi(smallCompany, { limits: { ...DEFAULT_LIMITS, timeBudgetMs: 800 } });
    const token = await api.token('clerk');
    // Another session holds a write lock on the product table: the API's SELECT waits on it until the server kills it.
    const locker = await api.db.createQueryRunner();
    await locker.connect();
    await locker.query('LOCK TABLES product WRITE');
    try {
      const started = Date.now();
      const res = await api.gql({ header: `Bearer ${token}` }, '{ products(first: 5) { totalCount } }');
      expect(codes(res)).toEqual(['TIMEOUT']);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await locker.query('UNLOCK TABLES');
      await locker.release();
    }
  });
});
