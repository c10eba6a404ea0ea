import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { Permission } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { expectedOrder, pageOf, walk } from '../support/paging';

/**
 * Issue 18 §1 for stock levels and reservations: orderBy (both directions, the id breaking ties),
 * typed filters, paging both ways — inside the warehouse scope, and never by a value the viewer
 * may not read (DESIGN §3.9).
 */
const spec: SeedSpec = {
  ...DEMO_DATA,
  // Counts stock in every warehouse but may not see the catalog (products are null to him).
  roles: [...DEMO_DATA.roles!, { key: 'counter', grants: [{ permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT }] }],
  users: [...DEMO_DATA.users!, { key: 'carl', login: 'carl', roles: [{ role: 'counter' }] }],
};

type Level = { id: string; quantity: string; available: string; value: string | null; product: { sku: string; name: string } | null; warehouse: { name: string } };
const LEVELS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: StockLevelFilter, $orderBy: StockLevelOrder, $at: Date,
  $warehouseId: ID) {
  stockLevels(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy, at: $at, warehouseId: $warehouseId) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id quantity available value product { sku name } warehouse { name } }
  }
}`;
const COUNTER_LEVELS = LEVELS.replace('value product { sku name }', '');

type Reservation = { id: string; quantity: string; dealRef: string; status: string; createdAt: string; expiresAt: string; warehouse: { code: string } };
const RESERVATIONS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ReservationFilter, $orderBy: ReservationOrder) {
  reservations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id quantity dealRef status createdAt expiresAt warehouse { code } }
  }
}`;

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe('stock levels and reservations: order, paging both ways, filters (issue 18 §1)', () => {
  let api: TestApi;
  let all: Level[];
  beforeAll(async () => {
    api = await startApi(spec);
    all = (await pageOf<Level>(api, 'admin', LEVELS, 'stockLevels', { first: 200 })).nodes;
  });
  afterAll(() => api?.close());

  // Only admin reads values here.
  const queryFor = (as: string) => (as === 'admin' ? LEVELS : LEVELS.replace('value ', ''));
  const levels = (as: string, variables: Record<string, unknown>) => pageOf<Level>(api, as, queryFor(as), 'stockLevels', { first: 200, ...variables });

  const KEYS: Record<string, (l: Level) => number | string> = {
    QUANTITY: (l) => Number(l.quantity),
    AVAILABLE: (l) => Number(l.available),
    VALUE: (l) => Number(l.value),
    PRODUCT_SKU: (l) => l.product!.sku,
  };

  it('every order, both directions: sorted with the id breaking ties, the same forward and backward, DESC the reverse of ASC', async () => {
    expect(all.length).toBeGreaterThan(10);
    // Ties exist: several levels hold the same quantity.
    expect(new Set(all.map((l) => l.quantity)).size).toBeLessThan(all.length);
    for (const field of ['QUANTITY', 'AVAILABLE', 'VALUE', 'PRODUCT_SKU', 'PRODUCT_NAME', 'WAREHOUSE_NAME']) {
      const asc = await walk<Level>(api, 'admin', LEVELS, 'stockLevels', { orderBy: { field, direction: 'ASC' } }, 7);
      const desc = await walk<Level>(api, 'admin', LEVELS, 'stockLevels', { orderBy: { field, direction: 'DESC' } }, 6);
      expect([field, ids(desc)]).toEqual([field, ids([...asc].reverse())]);
      expect([field, [...ids(asc)].sort()]).toEqual([field, [...ids(all)].sort()]);
      const key = KEYS[field];
      if (key) expect([field, ids(asc)]).toEqual([field, ids(expectedOrder(all, key, 'ASC'))]);
    }
  });

  it('cursors stay exact while levels are inserted and change', async () => {
    const order = { field: 'QUANTITY', direction: 'DESC' };
    const first = await levels('admin', { first: 4, orderBy: order });
    const expected = ids((await levels('admin', { first: 4, after: first.pageInfo.endCursor, orderBy: order })).nodes);
    const created = await api.gql('admin', `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version } }`, {
      input: { type: 'STOCK_ADJUSTMENT', items: [{ productId: String(api.ids.products.cap), quantity: '5000', toWarehouseId: String(api.ids.warehouses.retail) }] },
    });
    const processed = await api.gql('admin', 'mutation($id: ID!) { processDocument(id: $id, version: 1) { status } }', { id: created.data.createDocument.id });
    expect(processed.errors).toBeUndefined();
    expect(ids((await levels('admin', { first: 4, after: first.pageInfo.endCursor, orderBy: order })).nodes)).toEqual(expected);
    all = (await levels('admin', {})).nodes;
  });

  it('filters: warehouse, product, availableBelow, belowMinimum — the same rows as filtering the whole list', async () => {
    const retail = String(api.ids.warehouses.retail);
    const inRetail = await levels('admin', { filter: { warehouseId: retail } });
    expect(inRetail.nodes).toEqual(all.filter((l) => l.warehouse.name === 'Retail store'));
    expect(inRetail.totalCount).toBe(inRetail.nodes.length);
    const hoodie = await levels('admin', { filter: { productId: String(api.ids.products.hoodie) } });
    expect(hoodie.nodes.map((l) => l.product!.sku)).toEqual(hoodie.nodes.map(() => 'HOODIE'));
    expect(hoodie.nodes.length).toBeGreaterThan(0);
    const threshold = Math.max(...inRetail.nodes.map((l) => Number(l.available)));
    const low = await levels('admin', { filter: { availableBelow: String(threshold), warehouseId: retail }, orderBy: { field: 'AVAILABLE', direction: 'ASC' } });
    expect(ids(low.nodes)).toEqual(ids(expectedOrder(inRetail.nodes.filter((l) => Number(l.available) < threshold), KEYS.AVAILABLE, 'ASC')));
    expect(low.nodes.length).toBeGreaterThan(0);
    // The argument beside the filter narrows too: all must hold.
    const online = String(api.ids.warehouses.online);
    expect((await levels('admin', { warehouseId: online, filter: { warehouseId: retail } })).totalCount).toBe(0);
    expect((await levels('admin', { filter: { belowMinimum: true } })).totalCount).toBe(0);
    expect((await levels('admin', { filter: { belowMinimum: false } })).totalCount).toBe(all.length);
    expect((await levels('admin', { filter: { productId: 'not-an-id' } })).totalCount).toBe(0);
  });

  it('hidden rows are never counted or returned: a clerk of one warehouse, in any order and filter', async () => {
    const retail = String(api.ids.warehouses.retail);
    const hidden = await levels('anna', { filter: { warehouseId: retail } });
    expect([hidden.totalCount, hidden.nodes]).toEqual([0, []]);
    const own = await walk<Level>(api, 'anna', queryFor('anna'), 'stockLevels', { orderBy: { field: 'PRODUCT_NAME', direction: 'DESC' } }, 5);
    expect(own.every((l) => l.warehouse.name === 'Online store warehouse')).toBe(true);
    const counted = await levels('anna', { orderBy: { field: 'AVAILABLE', direction: 'ASC' }, filter: { availableBelow: '1000000' } });
    expect(counted.totalCount).toBe(own.length);
  });

  it('no filter or order by what the viewer may not read: product needs CATALOG_VIEW, value PURCHASE_PRICE_VIEW', async () => {
    const res = await api.gql('carl', COUNTER_LEVELS, { first: 5, filter: { productId: String(api.ids.products.hoodie) } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'CATALOG_VIEW', field: 'filter.productId' });
    expect(res.data?.stockLevels ?? null).toBeNull();
    const byName = await api.gql('carl', COUNTER_LEVELS, { first: 5, orderBy: { field: 'PRODUCT_NAME', direction: 'ASC' } });
    expect(byName.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'CATALOG_VIEW', field: 'orderBy.field' });
    const byValue = await api.gql('anna', queryFor('anna'), { first: 5, orderBy: { field: 'VALUE', direction: 'DESC' } });
    expect(byValue.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field: 'orderBy.field' });
    // What they may read, they may sort and filter by.
    const byQuantity = await api.gql('carl', COUNTER_LEVELS, { first: 5, orderBy: { field: 'QUANTITY', direction: 'DESC' }, filter: { availableBelow: '100' } });
    expect(byQuantity.errors).toBeUndefined();
    expect(byQuantity.data.stockLevels.nodes).toHaveLength(5);
  });

  it('as of a past day: ordered by product or warehouse; today\'s figures are refused as an order', async () => {
    const at = new Date(Date.now() - 15 * 86_400_000).toISOString().slice(0, 10);
    const past = await walk<Level>(api, 'admin', LEVELS, 'stockLevels', { at, orderBy: { field: 'PRODUCT_SKU', direction: 'DESC' } }, 4);
    expect(past.map((l) => l.product!.sku)).toEqual(past.map((l) => l.product!.sku).sort().reverse());
    const today = await api.gql('admin', LEVELS, { first: 5, at, orderBy: { field: 'QUANTITY', direction: 'ASC' } });
    expect([codes(today), today.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'orderBy.field']);
    const low = await api.gql('admin', LEVELS, { first: 5, at, filter: { availableBelow: '5' } });
    expect([codes(low), low.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'filter.availableBelow']);
  });

  it('reservations: every order both ways, filters, and only the selectable warehouses', async () => {
    const reserve = async (as: string, product: string, warehouse: string, quantity: string, dealRef: string, days: number) => {
      const res = await api.gql(as, `mutation($p: ID!, $w: ID!, $q: Decimal!, $d: String!, $e: DateTimeISO) {
        reserveProduct(productId: $p, warehouseId: $w, quantity: $q, dealRef: $d, expiresAt: $e) { id } }`, {
        p: String(api.ids.products[product]), w: String(api.ids.warehouses[warehouse]), q: quantity, d: dealRef,
        e: new Date(Date.now() + days * 86_400_000).toISOString(),
      });
      expect(res.errors).toBeUndefined();
      return res.data.reserveProduct.id as string;
    };
    await reserve('sam', 'hoodie', 'online', '2', 'DEAL-B', 2);
    await reserve('sam', 'cap', 'online', '1', 'DEAL-A', 5);
    await reserve('sam', 'hoodie', 'retail', '2', 'DEAL-C', 1);
    const released = await reserve('sam', 'cap', 'retail', '1', 'DEAL-A', 3);
    await reserve('admin', 'hoodie', 'online', '3', 'DEAL-D', 4);
    expect((await api.gql('sam', 'mutation($id: ID!) { releaseReservation(id: $id) { status } }', { id: released })).errors).toBeUndefined();

    const byId = (await pageOf<Reservation>(api, 'admin', RESERVATIONS, 'reservations', { first: 200 })).nodes;
    expect(byId).toHaveLength(5);
    const keys: Record<string, (r: Reservation) => number | string> = {
      CREATED_AT: (r) => r.createdAt, EXPIRES_AT: (r) => r.expiresAt, QUANTITY: (r) => Number(r.quantity), DEAL_REF: (r) => r.dealRef,
    };
    for (const [field, key] of Object.entries(keys)) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const list = await walk<Reservation>(api, 'admin', RESERVATIONS, 'reservations', { orderBy: { field, direction } }, 2);
        expect([field, direction, ids(list)]).toEqual([field, direction, ids(expectedOrder(byId, key, direction))]);
      }
    }
    const page = (variables: Record<string, unknown>, as = 'admin') => pageOf<Reservation>(api, as, RESERVATIONS, 'reservations', { first: 50, ...variables });
    expect((await page({ filter: { dealRef: 'DEAL-A' } })).nodes.map((r) => r.status).sort()).toEqual(['ACTIVE', 'RELEASED']);
    expect((await page({ filter: { statuses: ['RELEASED'] } })).nodes.map((r) => r.dealRef)).toEqual(['DEAL-A']);
    expect((await page({ filter: { productId: String(api.ids.products.hoodie), warehouseId: String(api.ids.warehouses.online) } })).nodes.map((r) => r.dealRef))
      .toEqual(['DEAL-B', 'DEAL-D']);
    const soon = await page({ filter: { expires: { to: new Date(Date.now() + 2.5 * 86_400_000).toISOString() } }, orderBy: { field: 'EXPIRES_AT', direction: 'ASC' } });
    expect(soon.nodes.map((r) => r.dealRef)).toEqual(['DEAL-C', 'DEAL-B']);
    expect((await page({ filter: { created: { from: new Date(Date.now() + 60_000).toISOString() } } })).totalCount).toBe(0);
    // anna sees the online warehouse only: the retail ones are neither counted nor returned, in any order.
    const anna = await page({ orderBy: { field: 'DEAL_REF', direction: 'DESC' } }, 'anna');
    expect([anna.totalCount, anna.nodes.map((r) => r.dealRef)]).toEqual([3, ['DEAL-D', 'DEAL-B', 'DEAL-A']]);
    expect((await page({ filter: { warehouseId: String(api.ids.warehouses.retail) } }, 'anna')).totalCount).toBe(0);
    const forbidden = await api.gql('carl', RESERVATIONS, { first: 5, filter: { productId: String(api.ids.products.hoodie) } });
    expect(forbidden.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'CATALOG_VIEW', field: 'filter.productId' });
  });

  // After the reservations above exist.
  it('the older productId argument needs CATALOG_VIEW like filter.productId: refused whole, naming the argument', async () => {
    const hoodie = String(api.ids.products.hoodie);
    for (const list of ['stockLevels', 'reservations']) {
      const query = `query($p: ID) { ${list}(first: 5, productId: $p) { totalCount nodes { id } } }`;
      const refused = await api.gql('carl', query, { p: hoodie });
      expect([list, refused.errors?.map((e) => e.extensions)]).toEqual([list, [expect.objectContaining({ code: 'FORBIDDEN', permission: 'CATALOG_VIEW', field: 'productId' })]]);
      expect(refused.data?.[list] ?? null).toBeNull();
      // Without it the list answers; with CATALOG_VIEW the argument filters as before.
      expect((await api.gql('carl', query, {})).data[list].totalCount).toBeGreaterThan(0);
      const own = await api.gql('admin', query, { p: hoodie });
      expect([list, own.errors, own.data[list].totalCount > 0]).toEqual([list, undefined, true]);
    }
  });
});
