import { DEFAULT_LIMITS } from '../../src/config';
import { SystemRole } from '../../src/entities/role.entity';
import { LIMITS, SETTING_LIMITS } from '../../src/limits/limits';
import { codes, GraphQLResponse, startApi, TestApi } from '../support/api';
import { post } from '../hardening/http';
import { selectAll } from './select-all';

/**
 * Issue 22 §2: every limit the API declares works at exactly its value, end to end, on SQLite and
 * MariaDB; one past it is refused up front with BAD_USER_INPUT naming the limit, writing nothing.
 */
const spec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};

const LINES = LIMITS.documentLines;
/** A 1,000-line posting: levels in chunks of 200 (docs/documents.md), one UPDATE per line for its captured cost; slow on a loaded MariaDB. */
const SLOW = 600_000;
const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => new Date(Date.parse(day) - n * DAY_MS).toISOString().slice(0, 10);

const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors.slice(0, 3)));
  return res.data as T;
};
const refusedNaming = (res: GraphQLResponse, limit: string, max: number) =>
  expect(res.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', limit, max })]);

const DOC = 'id version status items { id }';
const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { ${DOC} } }`;
/** The report of one warehouse over a period, with every field, its per-product drill-down included. */
const REPORT = (period: string) => `query($w: ID!) { inventoryReport(${period}, warehouseIds: [$w], drillDownWarehouseId: $w) { ${selectAll('InventoryReport', 3)} } }`;

describe('every limit at its boundary, end to end', () => {
  let api: TestApi;
  let token: string;
  const gql = (query: string, variables?: Record<string, unknown>) => api.gql({ header: `Bearer ${token}` }, query, variables);
  const count = async (what: string) => ok(await gql(`{ ${what}(first: 1) { totalCount } }`))[what].totalCount as number;
  let products: string[] = [];
  const A = () => String(api.ids.warehouses.A);
  const B = () => String(api.ids.warehouses.B);

  beforeAll(async () => {
    // Sizes are under test here, not time: the shared CI machine may take longer than the 10 s budget
    // for a 10,000-row import or a 1,000-line posting (quiet machine: ~1 s, BENCHMARKS.md).
    api = await startApi(spec, { limits: { ...DEFAULT_LIMITS, timeBudgetMs: 300_000 } });
    token = await api.token('admin');
  });
  afterAll(() => api.close());

  it(`a CSV of ${LIMITS.csvRows} rows imports; one row more is refused naming csvRows and imports nothing`, async () => {
    const csv = (rows: number) => ['sku,name,purchasePrice,salePrice', ...Array.from({ length: rows }, (_, i) => `L-${i},Line product ${i},2.5,4`)].join('\n');
    const IMPORT = 'mutation($csv: String!) { importProductsCsv(csv: $csv) { ok imported errors { line reason } } }';
    refusedNaming(await gql(IMPORT, { csv: csv(LIMITS.csvRows + 1) }), 'csvRows', LIMITS.csvRows);
    expect(await count('products')).toBe(0);
    expect(ok(await gql(IMPORT, { csv: csv(LIMITS.csvRows) })).importProductsCsv).toEqual({ ok: true, imported: LIMITS.csvRows, errors: [] });
    expect(await count('products')).toBe(LIMITS.csvRows);
  }, SLOW);

  it(`pages at the page-size limit, read to the ${LINES}th product`, async () => {
    const max = api.config.limits.maxPageSize;
    let after: string | null = null;
    while (products.length < LINES) {
      const page: any = ok(await gql('query($first: Int!, $after: String) { products(first: $first, after: $after, search: "L-") { pageInfo { endCursor } nodes { id sku } } }', { first: max, after }));
      expect(page.products.nodes).toHaveLength(max);
      products = [...products, ...page.products.nodes.map((n: { id: string }) => n.id)];
      after = page.products.pageInfo.endCursor;
    }
    products = products.slice(0, LINES);
  });

  const lines = (fields: Record<string, string>) => products.map((productId) => ({ productId, ...fields }));

  /** Creates a document of exactly LINES lines, processes it, and checks the report of today sees it. */
  const createAndProcess = async (input: Record<string, unknown>) => {
    const created = ok(await gql(CREATE, { input })).createDocument;
    expect(created.items).toHaveLength(LINES);
    const processed = ok(await gql(`mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { ${DOC} } }`, { id: created.id, v: created.version })).processDocument;
    expect(processed.status).toBe('PROCESSED');
    return processed;
  };
  const cancelAndDelete = async (doc: { id: string; version: number }) => {
    const cancelled = ok(await gql(`mutation($id: ID!, $v: Int!) { cancelDocument(id: $id, version: $v) { ${DOC} } }`, { id: doc.id, v: doc.version })).cancelDocument;
    expect(cancelled.status).toBe('CANCELLED');
    expect(ok(await gql('mutation($id: ID!, $v: Int) { deleteDocument(id: $id, version: $v) }', { id: doc.id, v: cancelled.version })).deleteDocument).toBe(doc.id);
  };
  const movementTotal = async (warehouse: string) =>
    ok(await gql(REPORT(`from: "${today()}", to: "${today()}"`), { w: warehouse })).inventoryReport.movement;

  it(`a ${LINES}-line receipt is created, processed, reported, cancelled and deleted`, async () => {
    const receipt = await createAndProcess({ type: 'STOCK_RECEIPT', items: lines({ quantity: '10', toWarehouseId: A() }) });
    const movement = await movementTotal(A());
    expect(movement.total.received.quantity).toBe(String(10 * LINES));
    expect(movement.products).toHaveLength(LINES);
    await cancelAndDelete(receipt);
    expect((await movementTotal(A())).total.closing.quantity).toBe('0');
  }, SLOW);

  it(`a ${LINES}-line transfer likewise; adding a line to a ${LINES}-line draft is refused naming documentLines and changes nothing`, async () => {
    await createAndProcess({ type: 'STOCK_RECEIPT', items: lines({ quantity: '10', toWarehouseId: A() }) });
    const draft = ok(await gql(CREATE, { input: { type: 'STOCK_TRANSFER', items: lines({ quantity: '4', fromWarehouseId: A(), toWarehouseId: B() }) } })).createDocument;
    const over = await gql(`mutation($id: ID!, $input: UpdateDocumentInput!) { updateDocument(id: $id, version: 1, input: $input) { ${DOC} } }`,
      { id: draft.id, input: { addItems: [{ productId: products[0], quantity: '1', fromWarehouseId: A(), toWarehouseId: B() }] } });
    refusedNaming(over, 'documentLines', LINES);
    const unchanged = ok(await gql(`query($id: ID!) { document(id: $id) { ${DOC} } }`, { id: draft.id })).document;
    expect([unchanged.version, unchanged.items.length]).toEqual([1, LINES]);
    const processed = ok(await gql(`mutation($id: ID!) { processDocument(id: $id, version: 1) { ${DOC} } }`, { id: draft.id })).processDocument;
    const movement = await movementTotal(B());
    expect(movement.total.received.quantity).toBe(String(4 * LINES));
    expect(movement.products).toHaveLength(LINES);
    await cancelAndDelete(processed);
    expect((await movementTotal(B())).total.closing.quantity).toBe('0');
  }, SLOW);

  it(`a ${LINES}-line sales order of a deal (its reservation at the ${SETTING_LIMITS.maxReservationDays}-day horizon) likewise`, async () => {
    const expiresAt = new Date(Date.now() + SETTING_LIMITS.maxReservationDays * DAY_MS - 60_000).toISOString();
    const reserved = await gql('mutation($p: ID!, $w: ID!, $e: DateTimeISO) { reserveProduct(productId: $p, warehouseId: $w, quantity: "1", dealRef: "BIG", expiresAt: $e) { status } }',
      { p: products[0], w: A(), e: expiresAt });
    expect(ok(reserved).reserveProduct.status).toBe('ACTIVE');
    const order = await createAndProcess({ type: 'SALES_ORDER', dealRef: 'BIG', items: lines({ quantity: '1', fromWarehouseId: A() }) });
    expect((await movementTotal(A())).total.shipped.quantity).toBe(String(LINES));
    await cancelAndDelete(order);
    expect((await movementTotal(A())).total.shipped.quantity).toBe('0');
  }, SLOW);

  it(`a report over the longest period (${LIMITS.reportDays} days) answers in full; one day more is refused naming reportDays`, async () => {
    const to = today();
    const longest = ok(await gql(REPORT(`from: "${daysBefore(to, LIMITS.reportDays - 1)}", to: "${to}"`), { w: A() })).inventoryReport;
    expect(longest.sales.daily).toHaveLength(LIMITS.reportDays);
    expect(longest.movement.total.closing.quantity).toBe(String(10 * LINES));
    const over = await gql(REPORT(`from: "${daysBefore(to, LIMITS.reportDays)}", to: "${to}"`), { w: A() });
    refusedNaming(over, 'reportDays', LIMITS.reportDays);
  }, SLOW);

  it('a page at the page-size limit with every nested field resolves, for every connection', async () => {
    const max = api.config.limits.maxPageSize;
    const connections: Array<[string, string]> = [['products', 'Product'], ['stockLevels', 'StockLevel'], ['documents', 'InventoryDocument'], ['users', 'User'], ['reservations', 'Reservation']];
    for (const [field, type] of connections) {
      const res = await gql(`query($first: Int!) { ${field}(first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { ${selectAll(type, 2)} } } }`, { first: max });
      expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
      expect(res.data[field].nodes.length).toBe(Math.min(max, res.data[field].totalCount));
    }
    expect(codes(await gql(`{ products(first: ${max + 1}) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it(`a body of exactly LIMIT_BODY_BYTES is served; one byte more is HTTP 413`, async () => {
    const max = api.config.limits.maxBodyBytes;
    const body = (size: number) => {
      const head = '{"query":"{ viewer { permissions } }';
      return `${head}${' '.repeat(size - head.length - 2)}"}`;
    };
    const atLimit = await post(api, body(max), { authorization: `Bearer ${token}` });
    expect([atLimit.status, Buffer.byteLength(body(max))]).toEqual([200, max]);
    const over = await post(api, body(max + 1), { authorization: `Bearer ${token}` });
    expect(over.status).toBe(413);
  });
});
