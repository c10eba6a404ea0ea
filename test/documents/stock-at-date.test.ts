import Decimal from 'decimal.js';
import { Reservation, ReservationStatus } from '../../src/entities/reservation.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentStatus } from '../../src/entities/inventory-document.entity';
import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { as } from './support';

/**
 * Issue 19 §3: `stockLevels(at:)` answers the stock at the end of any past day. Checked for every
 * day of a history (receipts, transfers, sales, a cancellation, reservations opened and closed)
 * against a recomputation from the ledger and reservation tables, as an administrator and as a
 * clerk of one warehouse.
 */
const DAY = 86_400_000;
const today = Date.parse(new Date().toISOString().slice(0, 10));
const daysAgo = (n: number, hours = 12) => new Date(today - n * DAY + hours * 3_600_000);
const day = (n: number) => new Date(today - n * DAY).toISOString().slice(0, 10);

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '2' }, { key: 'q', sku: 'Q', purchasePrice: '3' }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerkA', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
  ],
  documents: [
    { key: 'r1', type: DocumentType.STOCK_RECEIPT, author: 'admin', at: daysAgo(10), items: [{ product: 'p', quantity: '10', price: '2', to: 'A' }] },
    { key: 't1', type: DocumentType.STOCK_TRANSFER, author: 'admin', at: daysAgo(8), items: [{ product: 'p', quantity: '4', from: 'A', to: 'B' }] },
    { key: 'r2', type: DocumentType.STOCK_RECEIPT, author: 'admin', at: daysAgo(6), items: [{ product: 'q', quantity: '5.5', price: '3', to: 'B' }] },
    { key: 's1', type: DocumentType.SALES_ORDER, author: 'admin', at: daysAgo(4), items: [{ product: 'p', quantity: '1.25', from: 'B' }] },
    { key: 'w1', type: DocumentType.WRITE_OFF, author: 'admin', at: daysAgo(3), status: DocumentStatus.CANCELLED, cancelledAt: daysAgo(2), items: [{ product: 'p', quantity: '2', from: 'A' }] },
  ],
};

const AT = 'query($at: Date) { stockLevels(first: 50, at: $at) { totalCount nodes { product { sku } warehouse { code } quantity value reserved available } } }';

describe('stockLevels(at:): stock at the end of a past day (issue 19 §3)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi(spec);
    // A reservation held from day 7 to day 5 (released), and one still active since day 3.
    const base = { productId: api.dbIds.products.p, dealRef: 'D', createdById: api.dbIds.users.admin };
    await api.db.getRepository(Reservation).insert([
      { ...base, warehouseId: api.dbIds.warehouses.A, quantity: new Decimal(3), status: ReservationStatus.RELEASED, createdAt: daysAgo(7), expiresAt: daysAgo(-30), closedAt: daysAgo(5) },
      { ...base, warehouseId: api.dbIds.warehouses.B, quantity: new Decimal(1), status: ReservationStatus.ACTIVE, createdAt: daysAgo(3), expiresAt: daysAgo(-30), closedAt: null },
    ]);
  });
  afterAll(() => api.close());

  /** What the tables say about the end of day `n` days ago, for the warehouses given. */
  async function expected(n: number, warehouses: number[]) {
    const end = today - n * DAY + DAY;
    const moves: Array<{ productId: number; warehouseId: number; quantity: unknown; value: unknown; occurredAt: string | Date }> =
      await api.db.query('SELECT productId, warehouseId, quantity, value, occurredAt FROM stock_movement');
    const held = await api.db.getRepository(Reservation).find();
    const rows = new Map<string, { quantity: Decimal; value: Decimal; reserved: Decimal }>();
    for (const m of moves) {
      if (!warehouses.includes(m.warehouseId) || new Date(m.occurredAt).getTime() >= end) continue;
      const key = `${m.productId}:${m.warehouseId}`;
      const row = rows.get(key) ?? { quantity: new Decimal(0), value: new Decimal(0), reserved: new Decimal(0) };
      rows.set(key, { ...row, quantity: row.quantity.plus(String(m.quantity)), value: row.value.plus(String(m.value)) });
    }
    for (const r of held) {
      const key = `${r.productId}:${r.warehouseId}`;
      const active = r.createdAt.getTime() < end && r.expiresAt.getTime() > end && (r.closedAt === null || r.closedAt.getTime() > end);
      if (active && rows.has(key)) rows.get(key)!.reserved = rows.get(key)!.reserved.plus(r.quantity);
    }
    return [...rows.entries()].sort().map(([key, r]) => ({ key, quantity: r.quantity.toFixed(), value: r.value.toFixed(), reserved: r.reserved.toFixed(), available: r.quantity.minus(r.reserved).toFixed() }));
  }

  it('every day of the history, as an administrator and as a clerk of A, equals the recomputation from the tables', async () => {
    const { A, B } = api.dbIds.warehouses;
    const skuKey = (node: { product: { sku: string }; warehouse: { code: string } }) =>
      `${node.product.sku === 'P' ? api.dbIds.products.p : api.dbIds.products.q}:${api.dbIds.warehouses[node.warehouse.code as 'A']}`;
    for (let n = 11; n >= 0; n--) {
      for (const [login, warehouses] of [['admin', [A, B]], ['clerkA', [A]]] as const) {
        const res = await as(api, login, AT, { at: day(n) });
        expect((res.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
        const got = res.data.stockLevels.nodes.map((node: any) => ({
          key: skuKey(node), quantity: new Decimal(node.quantity).toFixed(), value: node.value === null ? null : new Decimal(node.value).toFixed(),
          reserved: new Decimal(node.reserved).toFixed(), available: new Decimal(node.available).toFixed(),
        })).sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key));
        const want = (await expected(n, [...warehouses])).map((row) => (login === 'admin' ? row : { ...row, value: null }));
        expect({ day: day(n), login, levels: got }).toEqual({ day: day(n), login, levels: want });
        expect(res.data.stockLevels.totalCount).toBe(want.length);
      }
    }
  });

  it('today equals the current levels; belowMinimum cannot be combined with a date', async () => {
    const now = await as(api, 'admin', '{ stockLevels(first: 50) { nodes { quantity value reserved } } }');
    const asOfToday = await as(api, 'admin', AT, { at: day(0) });
    expect(asOfToday.data.stockLevels.nodes.map((n: any) => [n.quantity, n.value, n.reserved]).map((r: string[]) => r.map((x) => new Decimal(x).toFixed())))
      .toEqual(now.data.stockLevels.nodes.map((n: any) => [n.quantity, n.value, n.reserved]).map((r: string[]) => r.map((x) => new Decimal(x).toFixed())));
    const both = await as(api, 'admin', '{ stockLevels(first: 5, at: "2026-01-01", belowMinimum: true) { totalCount } }');
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
  });
});
