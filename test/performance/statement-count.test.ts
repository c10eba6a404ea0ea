import Decimal from 'decimal.js';
import { Reservation } from '../../src/entities/reservation.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';
import { countStatements } from '../support/statement-counter';

/**
 * Issue 7 §1: every relation resolves through a per-request DataLoader scoped in SQL, so a
 * list query costs at most 1 statement for the page plus 1 per relation selected, the same at
 * page size 10 and 200. The 2 statements that load the viewer's access object (DESIGN §3) come
 * on top of every request and are not counted here.
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
    name: 'products with parent, variants and stock levels with their warehouse',
    relations: 5, // parent, variants, stock levels, warehouses, reservations (quantity/available)
    query: 'query($first: Int!) { products(first: $first, search: "p") { nodes { sku parent { sku } variants { sku } quantity available stockLevels { quantity warehouse { code } } } } }',
    list: (d) => d.products.nodes,
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
];

describe('loaders everywhere: statements per list query do not grow with the page (issue 7 §1)', () => {
  let api: TestApi;
  let counter: ReturnType<typeof countStatements>;

  beforeAll(async () => {
    api = await startApi(spec);
    const expiresAt = new Date(Date.now() + 86_400_000);
    await api.db.getRepository(Reservation).insert(Array.from({ length: N }, (_, i) => ({
      productId: api.ids.products[`p${i}`], warehouseId: api.ids.warehouses[i % 3 ? 'A' : 'B'], quantity: new Decimal(1),
      dealRef: `D${i}`, expiresAt, createdById: api.ids.users[`u${i % 5}`],
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
    return counter.statements.length - 2; // minus the access object's two statements
  };

  it.each(PAGE_QUERIES)('$name: ≤ 1 + $relations statements, the same at 10 and 200 items', async ({ query, relations, list }) => {
    const small = await statementsFor(query, 10, list);
    const large = await statementsFor(query, 200, list);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(1 + relations);
  });

  it('viewer: a constant number of statements', async () => {
    counter.reset();
    await api.gql('clerk', '{ viewer { user { login } permissions warehouses { code } } }');
    expect(counter.statements.length - 2).toBeLessThanOrEqual(1);
  });
});
