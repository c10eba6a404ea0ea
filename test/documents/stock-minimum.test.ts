import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType, Permission } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { as, RESERVE } from './support';

/** Issue 19 §4: minimum stock and reorder quantity per (product, warehouse), the belowMinimum flag and filter. */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  roles: [{ key: 'plannerA', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.CATALOG_EDIT },
    { permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] }] }],
  products: [{ key: 'p', sku: 'P' }, { key: 'q', sku: 'Q' }, { key: 'n', sku: 'NEVER' }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    // Clerks view the catalog but do not edit it; store staff may reserve.
    { key: 'clerkA', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
    { key: 'staffA', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['A'] }] },
    // May edit the catalog, in warehouse A only.
    { key: 'plannerA', roles: [{ role: 'plannerA' }] },
  ],
  documents: [
    { key: 'r', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [
      { product: 'p', quantity: '10', price: '1', to: 'A' }, { product: 'q', quantity: '3', price: '1', to: 'A' }, { product: 'p', quantity: '1', price: '1', to: 'B' }] },
  ],
};

const SET = `mutation($productId: ID!, $warehouseId: ID!, $minimum: Decimal, $reorderQuantity: Decimal) {
  setStockMinimum(productId: $productId, warehouseId: $warehouseId, minimum: $minimum, reorderQuantity: $reorderQuantity) {
    quantity minimum reorderQuantity belowMinimum product { sku } warehouse { code } } }`;
const BELOW = `query($below: Boolean) { stockLevels(first: 50, belowMinimum: $below) { totalCount nodes { product { sku } warehouse { code } available minimum belowMinimum } } }`;

describe('minimum stock (issue 19 §4)', () => {
  let api: TestApi;
  const id = (kind: 'products' | 'warehouses', key: string) => String(api.ids[kind][key]);

  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('set, flagged when available falls below it, listed by the filter, cleared with null', async () => {
    let res = await as(api, 'admin', SET, { productId: id('products', 'p'), warehouseId: id('warehouses', 'A'), minimum: '8', reorderQuantity: '20' });
    expect(res.errors).toBeUndefined();
    expect(res.data.setStockMinimum).toMatchObject({ quantity: '10', minimum: '8', reorderQuantity: '20', belowMinimum: false });
    res = await as(api, 'admin', SET, { productId: id('products', 'q'), warehouseId: id('warehouses', 'A'), minimum: '5' });
    expect(res.data.setStockMinimum).toMatchObject({ minimum: '5', reorderQuantity: null, belowMinimum: true });

    let below = await as(api, 'admin', BELOW, { below: true });
    expect(below.data.stockLevels.nodes.map((n: { product: { sku: string } }) => n.product.sku)).toEqual(['Q']);

    // Reserving 3 of p leaves 7 available, below 8: reservations count as on the field.
    const reserved = await as(api, 'staffA', RESERVE, { productId: id('products', 'p'), warehouseId: id('warehouses', 'A'), quantity: '3', dealRef: 'D-1' });
    expect(reserved.errors).toBeUndefined();
    below = await as(api, 'admin', BELOW, { below: true });
    expect(below.data.stockLevels.nodes.map((n: { product: { sku: string }; belowMinimum: boolean }) => [n.product.sku, n.belowMinimum])).toEqual([['P', true], ['Q', true]]);
    const notBelow = await as(api, 'admin', BELOW, { below: false });
    expect(notBelow.data.stockLevels).toMatchObject({ totalCount: 1, nodes: [{ product: { sku: 'P' }, minimum: null, belowMinimum: false }] });

    res = await as(api, 'admin', SET, { productId: id('products', 'q'), warehouseId: id('warehouses', 'A'), minimum: null });
    expect(res.data.setStockMinimum).toMatchObject({ minimum: null, belowMinimum: false });
  });

  it('a product never stocked in the warehouse gets a level at zero, below any positive minimum', async () => {
    const res = await as(api, 'admin', SET, { productId: id('products', 'n'), warehouseId: id('warehouses', 'B'), minimum: '1' });
    expect(res.errors).toBeUndefined();
    expect(res.data.setStockMinimum).toMatchObject({ quantity: '0', minimum: '1', belowMinimum: true, product: { sku: 'NEVER' } });
  });

  it('refused without CATALOG_EDIT, for a warehouse not selectable, and for bad values — changing nothing', async () => {
    const clerk = await as(api, 'clerkA', SET, { productId: id('products', 'p'), warehouseId: id('warehouses', 'A'), minimum: '1' });
    expect(codes(clerk)).toEqual(['FORBIDDEN']);
    expect(clerk.errors![0].extensions!.permission).toBe('CATALOG_EDIT');
    const before = await api.db.query('SELECT productId, warehouseId, minimumQuantity FROM stock_level ORDER BY id');
    const otherWarehouse = await as(api, 'plannerA', SET, { productId: id('products', 'p'), warehouseId: id('warehouses', 'B'), minimum: '1' });
    expect(otherWarehouse.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'WAREHOUSE_SELECT' });
    const negative = await as(api, 'admin', SET, { productId: id('products', 'p'), warehouseId: id('warehouses', 'A'), minimum: '-1' });
    expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minimum' });
    const huge = await as(api, 'admin', SET, { productId: id('products', 'p'), warehouseId: id('warehouses', 'A'), minimum: '1e30' });
    expect(codes(huge)).toEqual(['BAD_USER_INPUT']);
    const noProduct = await as(api, 'admin', SET, { productId: '999999', warehouseId: id('warehouses', 'A'), minimum: '1' });
    expect(noProduct.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productId' });
    expect(await api.db.query('SELECT productId, warehouseId, minimumQuantity FROM stock_level ORDER BY id')).toEqual(before);
    // In its own warehouse the same user may.
    const own = await as(api, 'plannerA', SET, { productId: id('products', 'q'), warehouseId: id('warehouses', 'A'), minimum: '2' });
    expect(own.data.setStockMinimum).toMatchObject({ minimum: '2', belowMinimum: false });
  });

  it('a viewer of A sees minimums and flags of A only', async () => {
    const res = await as(api, 'clerkA', BELOW, { below: null });
    expect(res.errors).toBeUndefined();
    const codesSeen = new Set(res.data.stockLevels.nodes.map((n: { warehouse: { code: string } }) => n.warehouse.code));
    expect(codesSeen.size).toBe(1);
  });
});
