import Decimal from 'decimal.js';
import { Reservation } from '../../src/entities/reservation.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { apiId, startApi, TestApi } from '../support/api';
import { countStatements, statementsDuring } from '../support/statement-counter';
import { DEFAULT_LIMITS } from '../../src/config';
import { BULK, LIMITS } from '../../src/limits/limits';
import { IdKind } from '../../src/services/platform/opaque-ids';

/**
 * Issue 7 §1: every relation resolves through a per-request DataLoader scoped in SQL, so a
 * list query costs at most 1 statement for the page plus 1 per relation selected, the same at
 * page size 10 and 200. The statement that loads the viewer's access object (DESIGN §3) comes
 * on top of every request and is not counted here.
 */
const N = 210;
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [
    ...Array.from({ length: 20 }, (_, i) => ({ key: `parent${i}`, sku: `MODEL-${i}`, name: `Model ${i}` })),
    ...Array.from({ length: N }, (_, i) => ({ key: `p${i}`, parent: `parent${i % 20}`, attributes: { colour: `c${i}` } })),
  ],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerk', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
    ...Array.from({ length: N }, (_, i) => ({ key: `u${i}`, roles: [{ role: SystemRole.STORE_STAFF, warehouses: [i % 2 ? 'A' : 'B'] }] })),
  ],
  documents: [
    { key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin',
      items: Array.from({ length: N }, (_, i) => ({ product: `p${i}`, quantity: '50', price: '2', to: i % 3 ? 'A' : 'B' })) },
    ...Array.from({ length: N }, (_, i) => ({
      key: `t${i}`, type: DocumentType.STOCK_TRANSFER, status: 'DRAFT' as never, author: i % 2 ? 'admin' : 'clerk',
      items: [0, 1].map((j) => ({ product: `p${(i + j) % N}`, quantity: '1', from: 'A', to: 'B' })),
    })),
  ],
};

const PAGE_QUERIES: Array<{ name: string; relations: number; query: string; list: (data: any) => unknown[] }> = [
  {
    name: 'stock levels with product (name, SKU, purchase price), warehouse and reserved/available',
    relations: 3, // product, warehouse, reservations
    query: 'query($first: Int!) { stockLevels(first: $first) { nodes { quantity reserved available product { name sku purchasePrice } warehouse { code } } } }',
    list: (d) => d.stockLevels.nodes,
  },
  {
    name: 'documents with author, items, products and both warehouses',
    // the page's warehouse facts (for allowedActions and the row guard), author, items, product, warehouses (one loader for both sides)
    relations: 5,
    query: 'query($first: Int!) { documents(first: $first) { nodes { number allowedActions author { login } items { quantity product { sku } fromWarehouse { code } toWarehouse { code } } } } }',
    list: (d) => d.documents.nodes,
  },
  {
    // Issue 18 §1: an order and a filter change the page's statement, not the number of statements.
    name: 'documents filtered by type and status, newest first, with author, items and warehouses',
    relations: 5,
    query: `query($first: Int!) { documents(first: $first, orderBy: { field: CREATED_AT, direction: DESC },
      filter: { types: [STOCK_TRANSFER], statuses: [DRAFT], created: { to: "2999-01-01T00:00:00Z" } }) {
      nodes { number allowedActions author { login } items { quantity product { sku } fromWarehouse { code } toWarehouse { code } } } } }`,
    list: (d) => d.documents.nodes,
  },
  {
    name: 'documents paged backward (last) by number, with author, items and warehouses',
    relations: 5,
    query: `query($first: Int!) { documents(last: $first, orderBy: { field: NUMBER, direction: ASC }) {
      nodes { number allowedActions author { login } items { quantity product { sku } fromWarehouse { code } toWarehouse { code } } } } }`,
    list: (d) => d.documents.nodes,
  },
  {
    // Issue 18 §3: the levels a document moves come from two batched loaders (items, levels) per page.
    name: 'documents with the stock levels they move and their warehouses',
    relations: 4, // the page's warehouse facts, items, levels of their products, warehouses
    query: 'query($first: Int!) { documents(first: $first) { nodes { number changedStockLevels { quantity warehouse { code } } } } }',
    list: (d) => d.documents.nodes,
  },
  {
    name: 'products with parent, variants and stock levels with their warehouse',
    relations: 5, // parent, variants, stock levels, warehouses, reservations (quantity/available)
    query: 'query($first: Int!) { products(first: $first, search: "p") { nodes { sku parent { sku } variants { sku } quantity available stockLevels { quantity warehouse { code } } } } }',
    list: (d) => d.products.nodes,
  },
  {
    name: 'products ordered by name (Z first), a backward page (last), with parent, variants and stock levels',
    relations: 5,
    query: 'query($first: Int!) { products(last: $first, search: "p", orderBy: { field: NAME, direction: DESC }) { nodes { sku parent { sku } variants { sku } quantity available stockLevels { quantity warehouse { code } } } } }',
    list: (d) => d.products.nodes,
  },
  {
    name: 'low stock (availableBelow) with product, warehouse and reserved/available',
    relations: 3,
    query: 'query($first: Int!) { stockLevels(first: $first, availableBelow: "1000") { nodes { quantity reserved available product { name sku } warehouse { code } } } }',
    list: (d) => d.stockLevels.nodes,
  },
  {
    // The sort value of an expression (here the product's name) is read in the page's own statement.
    name: 'stock levels by product name (Z first), a backward page, filtered, with product, warehouse and reserved/available',
    relations: 3,
    query: `query($first: Int!) { stockLevels(last: $first, orderBy: { field: PRODUCT_NAME, direction: DESC }, filter: { availableBelow: "1000" }) {
      nodes { quantity reserved available product { name sku } warehouse { code } } } }`,
    list: (d) => d.stockLevels.nodes,
  },
  {
    name: 'stock levels by available, forward, with product, warehouse and reserved/available',
    relations: 3,
    query: 'query($first: Int!) { stockLevels(first: $first, orderBy: { field: AVAILABLE, direction: ASC }) { nodes { quantity available product { sku } warehouse { code } } } }',
    list: (d) => d.stockLevels.nodes,
  },
  {
    name: 'reservations expiring first, filtered, a backward page, with product, warehouse and creator',
    relations: 3,
    query: `query($first: Int!) { reservations(last: $first, orderBy: { field: EXPIRES_AT, direction: ASC }, filter: { statuses: [ACTIVE] }) {
      nodes { quantity product { sku } warehouse { code } createdBy { login } } } }`,
    list: (d) => d.reservations.nodes,
  },
  {
    name: 'reservations with product, warehouse and creator',
    relations: 3,
    query: 'query($first: Int!) { reservations(first: $first) { nodes { quantity product { sku } warehouse { code } createdBy { login } } } }',
    list: (d) => d.reservations.nodes,
  },
  {
    name: 'users with their role assignments, roles and narrowed warehouses',
    relations: 3,
    query: 'query($first: Int!) { users(first: $first) { nodes { login assignments { role { name } warehouses { code } } } } }',
    list: (d) => d.users.nodes,
  },
  {
    name: 'users by name (Z first), a backward page, filtered, with their role assignments, roles and narrowed warehouses',
    relations: 3,
    query: 'query($first: Int!) { users(last: $first, orderBy: { field: NAME, direction: DESC }, filter: { active: true }) { nodes { login assignments { role { name } warehouses { code } } } } }',
    list: (d) => d.users.nodes,
  },
];

describe('loaders everywhere: statements per list query do not grow with the page (issue 7 §1)', () => {
  let api: TestApi;
  let counter: ReturnType<typeof countStatements>;

  beforeAll(async () => {
    api = await startApi(spec);
    const expiresAt = new Date(Date.now() + 86_400_000);
    await api.db.getRepository(Reservation).insert(Array.from({ length: N }, (_, i) => ({
      productId: api.dbIds.products[`p${i}`], warehouseId: api.dbIds.warehouses[i % 3 ? 'A' : 'B'], quantity: new Decimal(1),
      dealRef: `D${i}`, expiresAt, createdById: api.dbIds.users[`u${i % 5}`],
    })));
    counter = countStatements(api.db);
  });
  afterAll(() => api.close());

  const statementsFor = async (query: string, first: number, list: (data: any) => unknown[]) => {
    const token = await api.token('admin');
    counter.reset();
    const res = await api.gql({ header: `Bearer ${token}` }, query, { first });
    expect(res.errors).toBeUndefined();
    expect(list(res.data)).toHaveLength(first);
    return counter.statements.length - 1; // minus the access object's statement
  };

  it.each(PAGE_QUERIES)('$name: ≤ 1 + $relations statements, the same at 10 and 200 items', async ({ query, relations, list }) => {
    const small = await statementsFor(query, 10, list);
    const large = await statementsFor(query, 200, list);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(1 + relations);
  });

  // Issue 21 §3: totalCount of every connection is one statement, for a narrow viewer too, and the
  // documents' count reads document_warehouse (a small index) — never the lines.
  it.each([
    ['auditLog', 'accessAuditLog(first: 1) { totalCount }'],
    ['documents', 'documents(first: 1) { totalCount }'],
    ['products', 'products(first: 1) { totalCount }'],
    ['reservations', 'reservations(first: 1) { totalCount }'],
    ['stockLevels', 'stockLevels(first: 1) { totalCount }'],
    ['users', 'users(first: 1) { totalCount }'],
  ])('%s totalCount: one COUNT over the scoped table, for an administrator and a clerk of one warehouse', async (_name, selection) => {
    for (const viewer of ['admin', 'clerk']) {
      const withCount = await statementsDuring(api.db, async () => { await api.gql(viewer, `{ ${selection} }`); });
      const without = await statementsDuring(api.db, async () => { await api.gql(viewer, `{ ${selection.replace('totalCount', '__typename')} }`); });
      const counts = withCount.slice(1).filter((sql) => !without.slice(1).includes(sql));
      expect(withCount.length - without.length).toBeLessThanOrEqual(1);
      expect(counts.filter((sql) => /document_item/.test(sql))).toEqual([]);
    }
  });

  it('viewer: a constant number of statements', async () => {
    counter.reset();
    await api.gql('clerk', '{ viewer { user { login } permissions warehouses { code } } }');
    expect(counter.statements.length - 1).toBeLessThanOrEqual(1); // minus the access object's statement
  });

  /**
   * Issue 18 §2: nodes(ids:) looks its ids up through the request's loaders, so ids of one kind cost
   * the statements of one id — one per step of the kind's lookup (a line: itself, its document and
   * the document's warehouses; a ledger row: itself and its running balance).
   */
  describe(`nodes(ids:) with up to ${LIMITS.nodeIds} ids of one kind`, () => {
    const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';
    const KINDS: Array<[IdKind, string, number]> = [
      ['Warehouse', 'warehouse', 1], ['Product', 'product', 1], ['InventoryDocument', 'inventory_document', 2], ['DocumentItem', 'document_item', 3],
      ['StockLevel', 'stock_level', 1], ['StockMovement', 'stock_movement', 2], ['Reservation', 'reservation', 1], ['User', 'app_user', 1],
      ['Role', 'role', 1], ['RoleAssignment', 'role_assignment', 1], ['Application', 'application', 1], ['AccessAuditEntry', 'access_audit_entry', 1],
    ];

    beforeAll(async () => {
      // Applications and audit entries (a registration is audited) are not seeded.
      for (let i = 0; i < 3; i++) {
        const res = await api.gql('admin', `mutation { registerApplication(input: { name: "App ${i}", vendor: "Acme", clientId: "app-${i}",
          requestedPermissions: [{ permission: CATALOG_VIEW }] }) { id } }`);
        expect(res.errors).toBeUndefined();
      }
    });

    const statementsOf = async (ids: string[]) => {
      const token = await api.token('admin');
      counter.reset();
      const res = await api.gql({ header: `Bearer ${token}` }, NODES, { ids });
      expect(res.errors).toBeUndefined();
      expect(res.data.nodes.filter((node: unknown) => node === null)).toEqual([]);
      return counter.statements.length - 1; // minus the access object's statement
    };

    it.each(KINDS)('%s (%s): as many statements for every id as for one, at most %i', async (kind, table, steps) => {
      const keys: Array<{ id: number }> = await api.db.query(`SELECT id FROM ${api.db.driver.escape(table)} ORDER BY id LIMIT ${LIMITS.nodeIds}`);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      const ids = keys.map((row) => apiId(kind, row.id));
      const one = await statementsOf(ids.slice(0, 1));
      expect([kind, ids.length, await statementsOf(ids)]).toEqual([kind, ids.length, one]);
      expect(one).toBeLessThanOrEqual(steps);
    });

    it('singletons: the settings and every form layout, each id many times, in one statement each', async () => {
      const settings = apiId('InventorySettings', 1);
      const layouts = [1, 2, 3, 4, 5].map((key) => apiId('DocumentFormLayout', key));
      expect(await statementsOf(Array.from({ length: LIMITS.nodeIds }, (_, i) => [settings, ...layouts][i % 6]))).toBeLessThanOrEqual(2);
    });

    it('every kind at once: no more than the kinds\' own statements together', async () => {
      const ids: string[] = [];
      for (const [kind, table] of KINDS) {
        const keys: Array<{ id: number }> = await api.db.query(`SELECT id FROM ${api.db.driver.escape(table)} ORDER BY id LIMIT 8`);
        ids.push(...keys.map((row) => apiId(kind, row.id)));
      }
      expect(await statementsOf(ids)).toBeLessThanOrEqual(KINDS.reduce((sum, [, , steps]) => sum + steps, 0));
    });
  });
});

/**
 * Issue 22 §3: a document at the line limit is written and posted in statements that stay below
 * both databases' limits — inserts in chunks of BULK.insertRows, IN lists of at most
 * BULK.inListValues, no OR chain near SQLite's expression depth — and creating it costs the same
 * number of statements as a one-line document plus one INSERT per chunk of lines.
 */
describe(`a ${LIMITS.documentLines}-line document: bulk statements in chunks`, () => {
  const LINES = LIMITS.documentLines;
  let api: TestApi;
  let token: string;
  let productIds: string[];
  const gql = (query: string, variables?: Record<string, unknown>) => api.gql({ header: `Bearer ${token}` }, query, variables);

  beforeAll(async () => {
    api = await startApi({ standardRoles: true, warehouses: [{ key: 'A' }], users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }] },
      { limits: { ...DEFAULT_LIMITS, timeBudgetMs: 300_000 } });
    token = await api.token('admin');
    const csv = ['sku,name,purchasePrice', ...Array.from({ length: LINES }, (_, i) => `S-${i},Product ${i},1.5`)].join('\n');
    expect((await gql('mutation($csv: String!) { importProductsCsv(csv: $csv) { ok } }', { csv })).data.importProductsCsv.ok).toBe(true);
    productIds = [];
    for (let after: string | null = null; productIds.length < LINES;) {
      const page: any = (await gql('query($after: String) { products(first: 200, after: $after) { pageInfo { endCursor } nodes { id } } }', { after })).data.products;
      productIds.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.endCursor;
    }
  });
  afterAll(() => api.close());

  const create = (lines: number) => gql('mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version } }', {
    input: { type: 'STOCK_RECEIPT', items: productIds.slice(0, lines).map((productId) => ({ productId, quantity: '2', toWarehouseId: String(api.ids.warehouses.A) })) },
  });
  const inserts = (statements: string[], table: string) => statements.filter((s) => new RegExp(`^INSERT INTO [\`"]${table}[\`"]`).test(s)).length;
  /** Placeholders and ORs of the largest statement: both far below SQLite's 32,766 parameters and depth of 1,000. */
  // A third of SQLite's host parameters (MariaDB allows 65,535): room for a chunk of rows of a dozen columns.
  const FAR_BELOW_PARAMETER_LIMITS = 10_000;
  const largest = (statements: string[]) => ({
    parameters: Math.max(...statements.map((s) => (s.match(/\?/g) ?? []).length)),
    ors: Math.max(...statements.map((s) => (s.match(/ OR /g) ?? []).length)),
  });

  it('creating it: one INSERT per chunk of lines, otherwise as many statements as a one-line draft', async () => {
    const one = await statementsDuring(api.db, () => create(1));
    let doc: any;
    const full = await statementsDuring(api.db, async () => { doc = (await create(LINES)).data.createDocument; });
    expect(doc.version).toBe(1);
    const chunks = Math.ceil(LINES / BULK.insertRows);
    expect(inserts(full, 'document_item')).toBe(chunks);
    expect(full.length).toBe(one.length - 1 + chunks);
    expect(largest(full).parameters).toBeLessThanOrEqual(FAR_BELOW_PARAMETER_LIMITS);
  });

  it('processing it: the ledger rows in one INSERT per chunk, no statement near a database limit', async () => {
    const doc = (await create(LINES)).data.createDocument;
    let status: string | undefined;
    const statements = await statementsDuring(api.db, async () => {
      status = (await gql('mutation($id: ID!) { processDocument(id: $id, version: 1) { status } }', { id: doc.id })).data.processDocument?.status;
    });
    expect(status).toBe('PROCESSED');
    expect(inserts(statements, 'stock_movement')).toBe(Math.ceil(LINES / BULK.insertRows));
    const { parameters, ors } = largest(statements);
    expect(parameters).toBeLessThanOrEqual(FAR_BELOW_PARAMETER_LIMITS);
    expect(ors).toBeLessThan(250);
  });
});
