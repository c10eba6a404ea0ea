import Decimal from 'decimal.js';
import { Reservation, ReservationStatus } from '../../src/entities/reservation.entity';
import { execute, parse } from 'graphql';
import { createLoaders } from '../../src/loaders';
import { buildShieldedSchema } from '../../src/schema/build-schema';
import { loadAccess } from '../../src/shield/access.loader';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentAction, DocumentType, Permission } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';

/**
 * What each demo role sees of the inventory area (DESIGN §3), through the API. The demo
 * company plus two extra viewers: a clerk of the online warehouse who may see purchase
 * prices, and a user with catalog and document grants but no INVENTORY_VIEW.
 */
const spec: SeedSpec = {
  ...DEMO_DATA,
  roles: [
    ...DEMO_DATA.roles!,
    {
      key: 'pricing-clerk', grants: [
        { permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW }, { permission: Permission.PURCHASE_PRICE_VIEW },
        { permission: Permission.WAREHOUSE_SELECT },
        { permission: Permission.DOCUMENT, documentType: DocumentType.STOCK_RECEIPT, actions: [DocumentAction.VIEW] },
      ],
    },
    {
      key: 'outsider', grants: [
        { permission: Permission.CATALOG_VIEW }, { permission: Permission.WAREHOUSE_SELECT }, { permission: Permission.PURCHASE_PRICE_VIEW },
        ...Object.values(DocumentType).map((documentType) => ({ permission: Permission.DOCUMENT, documentType, actions: [DocumentAction.VIEW] })),
      ],
    },
  ],
  users: [
    ...DEMO_DATA.users!,
    { key: 'paula', roles: [{ role: 'pricing-clerk', warehouses: ['online'] }] },
    { key: 'olga', roles: [{ role: 'outsider' }] },
  ],
};

const DOCUMENTS = `query($first: Int) { documents(first: $first) { totalCount nodes {
  number status total allowedActions
  items { quantity purchasePrice lineTotal product { sku } fromWarehouse { code } toWarehouse { code } } } } }`;

type Doc = { number: string; status: string; total: string | null; allowedActions: string[]; items: Array<any> };

const PROCESSED_ADMIN = ['VIEW', 'CANCEL'];

/** Per demo role: the documents it sees (by number) and the actions it may take on each. */
const DOCUMENT_MATRIX: Record<string, Record<string, string[]>> = {
  admin: {
    'AD-ONLINE-000001': PROCESSED_ADMIN, 'RC-ONLINE-000001': PROCESSED_ADMIN, 'RC-RETAIL-000001': PROCESSED_ADMIN, 'TR-ONLINE-000001': PROCESSED_ADMIN,
    'SO-ONLINE-000001': PROCESSED_ADMIN, 'SO-RETAIL-000001': PROCESSED_ADMIN, 'WO-ONLINE-000001': PROCESSED_ADMIN, 'RC-RETAIL-000002': ['VIEW', 'EDIT', 'PROCESS', 'DELETE'],
  },
  // The seed's supervisor recipe (issue 19 §8): cancels processed documents, edits no drafts.
  victor: {
    'AD-ONLINE-000001': PROCESSED_ADMIN, 'RC-ONLINE-000001': PROCESSED_ADMIN, 'RC-RETAIL-000001': PROCESSED_ADMIN, 'TR-ONLINE-000001': PROCESSED_ADMIN,
    'SO-ONLINE-000001': PROCESSED_ADMIN, 'SO-RETAIL-000001': PROCESSED_ADMIN, 'WO-ONLINE-000001': PROCESSED_ADMIN, 'RC-RETAIL-000002': ['VIEW'],
  },
  sam: { 'SO-ONLINE-000001': ['VIEW'], 'SO-RETAIL-000001': ['VIEW'] },
  // Clerks: no cancel, no delete; the two-warehouse receipt is visible to both, actionable by neither.
  anna: { 'AD-ONLINE-000001': ['VIEW'], 'RC-ONLINE-000001': ['VIEW'], 'TR-ONLINE-000001': ['VIEW'], 'WO-ONLINE-000001': ['VIEW'] },
  rick: { 'RC-ONLINE-000001': ['VIEW'], 'RC-RETAIL-000001': ['VIEW'], 'TR-ONLINE-000001': ['VIEW'], 'RC-RETAIL-000002': ['VIEW', 'EDIT', 'PROCESS'] },
  sofia: { 'SO-RETAIL-000001': ['VIEW'] },
  paula: { 'RC-ONLINE-000001': ['VIEW'] },
};

/** Stock levels per viewer: online holds 29 (products) levels, retail 11. */
const LEVELS: Record<string, { total: number; warehouses: string[] }> = {
  admin: { total: 40, warehouses: ['ONLINE', 'RETAIL'] },
  victor: { total: 40, warehouses: ['ONLINE', 'RETAIL'] },
  sam: { total: 40, warehouses: ['ONLINE', 'RETAIL'] },
  anna: { total: 29, warehouses: ['ONLINE'] },
  rick: { total: 11, warehouses: ['RETAIL'] },
  sofia: { total: 11, warehouses: ['RETAIL'] },
};

/** Hoodie: 40 in online, 12 moved to retail, 2 sold there; reservations below. */
const HOODIE: Record<string, { quantity: string; reserved: string; available: string; reservations: number }> = {
  admin: { quantity: '38', reserved: '8', available: '30', reservations: 4 },
  victor: { quantity: '38', reserved: '8', available: '30', reservations: 4 },
  anna: { quantity: '28', reserved: '5', available: '23', reservations: 2 },
  rick: { quantity: '10', reserved: '3', available: '7', reservations: 2 },
  sofia: { quantity: '10', reserved: '3', available: '7', reservations: 2 },
};

describe('the demo roles in the inventory area (DESIGN §3)', () => {
  let api: TestApi;
  const days = (n: number) => new Date(Date.now() + n * 86_400_000);

  beforeAll(async () => {
    api = await startApi(spec);
    const { warehouses, products, users } = api.dbIds;
    const reservation = (warehouse: string, quantity: string, status: ReservationStatus, expiresAt: Date) =>
      Object.assign(new Reservation(), {
        productId: products.hoodie, warehouseId: warehouses[warehouse], quantity: new Decimal(quantity), dealRef: 'DEAL-1',
        status, expiresAt, createdById: users.sam,
      });
    await api.db.getRepository(Reservation).save([
      reservation('online', '5', ReservationStatus.ACTIVE, days(2)),
      reservation('online', '7', ReservationStatus.ACTIVE, days(-1)), // expired: no longer counts
      reservation('retail', '3', ReservationStatus.ACTIVE, days(2)),
      reservation('retail', '4', ReservationStatus.RELEASED, days(2)),
    ]);
  });
  afterAll(() => api.close());

  const documentsOf = async (login: string) => {
    const res = await api.gql(login, DOCUMENTS, { first: 50 });
    const docs: Doc[] = res.data.documents.nodes;
    return { res, docs, byNumber: Object.fromEntries(docs.map((d) => [d.number, d])) as Record<string, Doc> };
  };

  it.each(Object.entries(DOCUMENT_MATRIX))('%s sees exactly their documents, with the actions they may take', async (login, expected) => {
    const { res, docs } = await documentsOf(login);
    expect(res.data.documents.totalCount).toBe(Object.keys(expected).length);
    expect(Object.fromEntries(docs.map((d) => [d.number, d.allowedActions]))).toEqual(expected);
  });

  it('a clerk of the online warehouse sees the two-warehouse receipt with only the online lines', async () => {
    const { byNumber } = await documentsOf('anna');
    const receipt = byNumber['RC-ONLINE-000001'];
    expect(receipt.items).toHaveLength(4);
    expect(receipt.items.every((i: any) => i.toWarehouse.code === 'ONLINE' && i.quantity === '30')).toBe(true);
    const rick = (await documentsOf('rick')).byNumber['RC-ONLINE-000001'];
    expect(rick.items).toHaveLength(4);
    expect(rick.items.every((i: any) => i.toWarehouse.code === 'RETAIL' && i.quantity === '10')).toBe(true);
  });

  it('the total of a document is over the visible lines only, and needs PURCHASE_PRICE_VIEW', async () => {
    // 4 colours × 30 × 18.50 online, 4 × 10 × 18.50 retail
    expect((await documentsOf('paula')).byNumber['RC-ONLINE-000001'].total).toBe('2220');
    expect((await documentsOf('victor')).byNumber['RC-ONLINE-000001'].total).toBe('2960');
    expect((await documentsOf('paula')).byNumber['RC-ONLINE-000001'].items[0]).toMatchObject({ purchasePrice: '18.5', lineTotal: '555' });
  });

  it('without PURCHASE_PRICE_VIEW, prices and totals are null with one FORBIDDEN error per coordinate', async () => {
    const { res, docs } = await documentsOf('anna');
    expect(docs.every((d) => d.total === null && d.items.every((i: any) => i.purchasePrice === null && i.lineTotal === null))).toBe(true);
    expect(res.errors!.map((e) => [e.extensions!.coordinate, e.extensions!.code, e.extensions!.permission]).sort()).toEqual([
      ['DocumentItem.lineTotal', 'FORBIDDEN', 'PURCHASE_PRICE_VIEW'],
      ['DocumentItem.purchasePrice', 'FORBIDDEN', 'PURCHASE_PRICE_VIEW'],
      ['InventoryDocument.total', 'FORBIDDEN', 'PURCHASE_PRICE_VIEW'],
    ]);
  });

  it('a transfer is shown to a clerk of either side with the other side null', async () => {
    const anna = (await documentsOf('anna')).byNumber['TR-ONLINE-000001'].items;
    const rick = (await documentsOf('rick')).byNumber['TR-ONLINE-000001'].items;
    expect(anna).toEqual([expect.objectContaining({ fromWarehouse: { code: 'ONLINE' }, toWarehouse: null, product: { sku: 'HOODIE' } })]);
    expect(rick).toEqual([expect.objectContaining({ fromWarehouse: null, toWarehouse: { code: 'RETAIL' }, product: { sku: 'HOODIE' } })]);
  });

  it('a hidden document is null by id exactly like a missing one, without an error', async () => {
    const { documents } = api.ids;
    const query = 'query($a: ID!, $b: ID!, $c: ID!) { a: document(id: $a) { number } b: document(id: $b) { number } c: document(id: $c) { number } missing: document(id: "99999") { number } junk: document(id: "x") { number } }';
    const ids = { a: String(documents['receipt-retail']), b: String(documents['transfer']), c: String(documents['sale-online']) };
    const anna = await api.gql('anna', query, ids);
    expect(anna.errors).toBeUndefined();
    expect(anna.data).toEqual({ a: null, b: { number: 'TR-ONLINE-000001' }, c: null, missing: null, junk: null });
    const sofia = await api.gql('sofia', query, ids);
    expect(sofia.data).toEqual({ a: null, b: null, c: null, missing: null, junk: null });
  });

  it('filters: warehouse (a hidden one filters to nothing), type, status and date range', async () => {
    const { warehouses } = api.ids;
    const q = `query($w: ID, $type: DocumentType, $status: DocumentStatus, $from: DateTimeISO, $to: DateTimeISO) {
      documents(warehouseId: $w, type: $type, status: $status, from: $from, to: $to) { totalCount nodes { number } } }`;
    const numbers = async (login: string, vars: Record<string, unknown>) => {
      const res = await api.gql(login, q, vars);
      expect(res.errors).toBeUndefined();
      return res.data.documents.nodes.map((n: any) => n.number);
    };
    expect(await numbers('rick', { w: String(warehouses.retail) })).toEqual(['RC-ONLINE-000001', 'RC-RETAIL-000001', 'TR-ONLINE-000001', 'RC-RETAIL-000002']);
    expect(await numbers('anna', { w: String(warehouses.retail) })).toEqual([]);
    expect(await numbers('victor', { type: 'SALES_ORDER' })).toEqual(['SO-ONLINE-000001', 'SO-RETAIL-000001']);
    expect(await numbers('victor', { status: 'DRAFT' })).toEqual(['RC-RETAIL-000002']);
    expect(await numbers('victor', { from: new Date(Date.now() - 27 * 86_400_000), to: new Date(Date.now() - 4 * 86_400_000) }))
      .toEqual(['RC-RETAIL-000001', 'TR-ONLINE-000001', 'SO-ONLINE-000001', 'SO-RETAIL-000001']);
    const forbiddenType = await api.gql('anna', q, { type: 'SALES_ORDER' });
    expect(forbiddenType.data.documents).toBeNull();
    expect(forbiddenType.errors!.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', permission: 'DOCUMENT:SALES_ORDER:VIEW' }),
    ]);
  });

  it('documents page by cursor over the visible documents only', async () => {
    const q = 'query($after: String) { documents(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { number } } }';
    const first = await api.gql('rick', q, {});
    expect(first.data.documents).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true }, nodes: [{ number: 'RC-ONLINE-000001' }, { number: 'RC-RETAIL-000001' }, { number: 'TR-ONLINE-000001' }] });
    const next = await api.gql('rick', q, { after: first.data.documents.pageInfo.endCursor });
    expect(next.data.documents).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false }, nodes: [{ number: 'RC-RETAIL-000002' }] });
  });

  it.each(Object.entries(LEVELS))('%s sees stock levels of their warehouses only', async (login, expected) => {
    const res = await api.gql(login, '{ stockLevels(first: 200) { totalCount nodes { warehouse { code } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.stockLevels.totalCount).toBe(expected.total);
    expect([...new Set(res.data.stockLevels.nodes.map((n: any) => n.warehouse.code))].sort()).toEqual(expected.warehouses);
  });

  it.each(Object.entries(HOODIE))('%s: product stock, reserved and available over their warehouses', async (login, expected) => {
    const res = await api.gql(login, `query($id: ID!) { product(id: $id) { quantity reserved available stockLevels { quantity reserved available warehouse { code } } }
      reservations(productId: $id) { totalCount nodes { quantity status warehouse { code } createdBy { login } product { sku } } } }`,
    { id: String(api.ids.products.hoodie) });
    expect(res.errors).toBeUndefined();
    const { stockLevels, ...figures } = res.data.product;
    expect(figures).toEqual({ quantity: expected.quantity, reserved: expected.reserved, available: expected.available });
    expect(stockLevels.reduce((sum: Decimal, l: any) => sum.plus(l.available), new Decimal(0)).toFixed()).toBe(expected.available);
    expect(res.data.reservations.totalCount).toBe(expected.reservations);
    expect(res.data.reservations.nodes.every((r: any) => r.createdBy.login === 'sam' && r.product.sku === 'HOODIE')).toBe(true);
  });

  it('stock levels by warehouse and product; a hidden warehouse filters to nothing', async () => {
    const { warehouses, products } = api.ids;
    const q = 'query($w: ID, $p: ID) { stockLevels(warehouseId: $w, productId: $p) { totalCount nodes { quantity reserved available } } }';
    const rick = await api.gql('rick', q, { w: String(warehouses.retail), p: String(products.hoodie) });
    expect(rick.data.stockLevels).toEqual({ totalCount: 1, nodes: [{ quantity: '10', reserved: '3', available: '7' }] });
    const hidden = await api.gql('rick', q, { w: String(warehouses.online) });
    expect(hidden.data.stockLevels).toEqual({ totalCount: 0, nodes: [] });
    expect(codes(await api.gql('rick', '{ stockLevels(first: 201) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('everything in the inventory area needs INVENTORY_VIEW', async () => {
    const res = await api.gql('olga', `{ documents { totalCount } document(id: "1") { number } stockLevels { totalCount } reservations { totalCount }
      products(first: 2) { nodes { sku quantity reserved available stockLevels { quantity } } } }`);
    expect(res.data).toMatchObject({ documents: null, document: null, stockLevels: null, reservations: null });
    expect(res.data.products.nodes[0]).toEqual({ sku: expect.any(String), quantity: null, reserved: null, available: null, stockLevels: null });
    expect(res.errors!.map((e) => e.extensions!.permission)).toEqual(Array(8).fill('INVENTORY_VIEW'));
    expect(new Set(res.errors!.map((e) => e.extensions!.coordinate)).size).toBe(8);
  });

  it('the GraphQL layer checks again: with loaders that ignore the viewer\'s scope, hidden rows still never reach the viewer', async () => {
    // Defense in depth (DESIGN §3.1): the loaders below are the administrator's (unscoped SQL);
    // the rules and row guards are evaluated for clerks of the online warehouse.
    const admin = (await loadAccess(api.db, 'admin'))!;
    const run = async (login: string) => {
      const contextValue = { db: api.db, access: (await loadAccess(api.db, login))!, loaders: createLoaders(api.db, admin), deniedCoordinates: new Set(), requestId: 't' };
      const result = await execute({
        schema: buildShieldedSchema(), contextValue, variableValues: { id: String(api.ids.products.hoodie) },
        document: parse(`query($id: ID!) { documents(first: 50) { nodes { number total items { toWarehouse { code } fromWarehouse { code } } } }
          product(id: $id) { quantity reserved available stockLevels { warehouse { code } } } }`),
      });
      return JSON.parse(JSON.stringify(result));
    };
    const anna = await run('anna');
    expect(JSON.stringify(anna.data)).not.toContain('RETAIL');
    expect(anna.data.documents.nodes.find((d: any) => d.number === 'TR-ONLINE-000001').items).toEqual([{ fromWarehouse: { code: 'ONLINE' }, toWarehouse: null }]);
    expect(anna.data.product).toEqual({ quantity: '28', reserved: '5', available: '23', stockLevels: [{ warehouse: { code: 'ONLINE' } }] });
    const paula = await run('paula');
    expect(paula.errors).toBeUndefined();
    expect(paula.data.documents.nodes).toEqual([{ number: 'RC-ONLINE-000001', total: '2220', items: Array(4).fill({ toWarehouse: { code: 'ONLINE' }, fromWarehouse: null }) }]);
  });
});
