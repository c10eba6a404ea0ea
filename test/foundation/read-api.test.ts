import { codes, startApi, TestApi } from '../support/api';
import { Permission } from '../../src/shield/permission-catalog';

/** Two warehouses, a clerk of A only, a pricing viewer, a user without roles. */
const spec = {
  warehouses: [{ key: 'A', name: 'Alpha' }, { key: 'B', name: 'Beta' }],
  products: [
    { key: 'dress', name: 'Cotton dress', sku: 'DRESS', purchasePrice: '18.5' },
    { key: 'pink', name: 'Cotton dress pink', sku: 'DRESS-PINK', parent: 'dress', attributes: { colour: 'pink' } },
    { key: 'blue', name: 'Cotton dress blue', sku: 'DRESS-BLUE', parent: 'dress', attributes: { colour: 'blue' } },
    ...Array.from({ length: 12 }, (_, i) => ({ key: `p${i}`, name: `Plain item ${i}`, sku: `PLAIN-${i}` })),
  ],
  roles: [
    { key: 'clerk', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] }] },
    { key: 'pricer', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.PURCHASE_PRICE_VIEW },
      { permission: Permission.WAREHOUSE_SELECT }] },
  ],
  users: [
    { key: 'clerk', roles: [{ role: 'clerk' }] },
    { key: 'pricer', roles: [{ role: 'pricer' }] },
    { key: 'nobody', roles: [] },
  ],
};

describe('read API under the shield', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('viewer shows the effective permissions and selectable warehouses', async () => {
    const res = await api.gql('clerk', '{ viewer { user { login } permissions allWarehouses warehouses { code } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toEqual({ user: { login: 'clerk' }, permissions: ['CATALOG_VIEW', 'WAREHOUSE_SELECT'], allWarehouses: false, warehouses: [{ code: 'A' }] });
  });

  it('warehouses lists only selectable warehouses; a hidden warehouse is null like a missing one', async () => {
    const res = await api.gql('clerk', 'query($a: ID!, $b: ID!) { warehouses { code } a: warehouse(id: $a) { code } b: warehouse(id: $b) { code } missing: warehouse(id: "99999") { code } junk: warehouse(id: "x") { code } }',
      { a: String(api.ids.warehouses.A), b: String(api.ids.warehouses.B) });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ warehouses: [{ code: 'A' }], a: { code: 'A' }, b: null, missing: null, junk: null });
  });

  it('a viewer without WAREHOUSE_SELECT sees no warehouses at all', async () => {
    const res = await api.gql('nobody', '{ warehouses { code } }');
    expect(res.data.warehouses).toEqual([]);
  });

  it('products: a cursor connection with search by name or SKU and variants', async () => {
    const first = await api.gql('clerk', '{ products(first: 2, search: "dress") { totalCount pageInfo { hasNextPage endCursor } nodes { sku parent { sku } variants { sku } attributes { name value } } } }');
    expect(first.errors).toBeUndefined();
    expect(first.data.products.totalCount).toBe(3);
    expect(first.data.products.nodes).toEqual([
      { sku: 'DRESS', parent: null, variants: [{ sku: 'DRESS-PINK' }, { sku: 'DRESS-BLUE' }], attributes: [] },
      { sku: 'DRESS-PINK', parent: { sku: 'DRESS' }, variants: [], attributes: [{ name: 'colour', value: 'pink' }] },
    ]);
    const next = await api.gql('clerk', 'query($after: String) { products(first: 2, search: "DRESS-", after: $after) { nodes { sku } pageInfo { hasNextPage } } }',
      { after: first.data.products.pageInfo.endCursor });
    expect(next.data.products).toEqual({ nodes: [{ sku: 'DRESS-BLUE' }], pageInfo: { hasNextPage: false } });
  });

  it('page sizes outside 1..200 and forged cursors are BAD_USER_INPUT', async () => {
    expect(codes(await api.gql('clerk', '{ products(first: 0) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.gql('clerk', '{ products(first: 201) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.gql('clerk', '{ products(first: 5, after: "bm9wZQ") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('purchasePrice is null without PURCHASE_PRICE_VIEW, with one FORBIDDEN error per coordinate, not per item', async () => {
    const res = await api.gql('clerk', '{ products(first: 10) { nodes { sku purchasePrice parent { purchasePrice } } } }');
    expect(res.data.products.nodes).toHaveLength(10);
    expect(res.data.products.nodes.every((n: any) => n.purchasePrice === null)).toBe(true);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', coordinate: 'Product.purchasePrice' });
  });

  it('purchasePrice is an exact decimal string with PURCHASE_PRICE_VIEW', async () => {
    const res = await api.gql('pricer', '{ products(first: 1) { nodes { purchasePrice } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.products.nodes[0].purchasePrice).toBe('18.5');
  });

  it('products need CATALOG_VIEW', async () => {
    const res = await api.gql('nobody', '{ products(first: 5) { totalCount } product(id: "1") { sku } }');
    expect(res.data).toEqual({ products: null, product: null });
    expect(res.errors!.map((e) => e.extensions!.permission)).toEqual(['CATALOG_VIEW', 'CATALOG_VIEW']);
  });
});
