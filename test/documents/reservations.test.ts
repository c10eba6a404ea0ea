import { DocumentStatus } from '../../src/entities/inventory-document.entity';
import { Reservation } from '../../src/entities/reservation.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType, Permission } from '../../src/shield/permission-catalog';
import { apiId, codes, dbKey, missingId, startApi, TestApi } from '../support/api';
import { ledgerMismatches, PROCESS, RELEASE, RESERVE } from './support';

/** 10 units of p in A; store staff of A (may reserve), a clerk of A (may not), store staff of B. */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [{ key: 'p', sku: 'P' }, { key: 'q', sku: 'Q' }],
  roles: [{ key: 'reserver-no-inventory', grants: [{ permission: Permission.PRODUCT_RESERVE }, { permission: Permission.WAREHOUSE_SELECT }] }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'staffA', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['A'] }] },
    { key: 'staffB', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['B'] }] },
    { key: 'clerkA', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
    { key: 'outsider', roles: [{ role: 'reserver-no-inventory' }] },
  ],
  documents: [
    { key: 'stock', type: DocumentType.STOCK_ADJUSTMENT, author: 'admin', items: [{ product: 'p', quantity: '10', to: 'A' }, { product: 'q', quantity: '10', to: 'A' }] },
    { key: 'order', type: DocumentType.SALES_ORDER, status: DocumentStatus.DRAFT, author: 'staffA', dealRef: 'DEAL-1',
      items: [{ product: 'p', quantity: '3', from: 'A' }] },
  ],
};

describe('reservations (issue 5 §5)', () => {
  let api: TestApi;
  let A: string, B: string, P: string, Q: string;
  const reserve = (as: string, quantity: string, dealRef: string, over: Record<string, unknown> = {}) =>
    api.gql(as, RESERVE, { productId: P, warehouseId: A, quantity, dealRef, ...over });
  const row = (id: string) => api.db.getRepository(Reservation).findOneByOrFail({ id: dbKey(id) });

  beforeAll(async () => {
    api = await startApi(spec);
    [A, B] = [String(api.ids.warehouses.A), String(api.ids.warehouses.B)];
    [P, Q] = [String(api.ids.products.p), String(api.ids.products.q)];
  });
  afterAll(() => api.close());

  it('reserving needs PRODUCT_RESERVE and authority over the warehouse; otherwise FORBIDDEN naming the warehouse', async () => {
    const elsewhere = await reserve('staffB', '1', 'D');
    expect(elsewhere.data.reserveProduct).toBeNull();
    expect(elsewhere.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'WAREHOUSE_SELECT' });
    expect(elsewhere.errors![0].message).toBe(`You lack authority over warehouse ${A}: reserving there needs WAREHOUSE_SELECT on it.`);
    const clerk = await reserve('clerkA', '1', 'D');
    expect(clerk.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'PRODUCT_RESERVE' });
    expect(codes(await reserve('outsider', '1', 'D'))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(null, RESERVE, { productId: P, warehouseId: A, quantity: '1', dealRef: 'D' }))).toEqual(['UNAUTHENTICATED']);
    expect(await api.db.getRepository(Reservation).count()).toBe(0);
  });

  it('a reservation cannot exceed available = quantity − active reservations; the default expiry is now + 3 days', async () => {
    const first = await reserve('staffA', '6', 'DEAL-2');
    expect(first.errors).toBeUndefined();
    expect(first.data.reserveProduct).toMatchObject({ quantity: '6', dealRef: 'DEAL-2', status: 'ACTIVE' });
    const days = (new Date(first.data.reserveProduct.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThanOrEqual(3);

    const tooMuch = await reserve('staffA', '5', 'DEAL-3');
    expect(codes(tooMuch)).toEqual(['INSUFFICIENT_STOCK']);
    expect(tooMuch.errors![0].extensions).toMatchObject({ productId: P, warehouseId: A, needed: '5', available: '4' });
    expect((await reserve('staffA', '4', 'DEAL-3')).errors).toBeUndefined();
    expect(codes(await reserve('staffA', '0.0001', 'DEAL-4'))).toEqual(['INSUFFICIENT_STOCK']);
  });

  it('bad input is BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ quantity: '0' }, 'quantity'],
      [{ quantity: '-1' }, 'quantity'],
      [{ productId: '99999' }, 'productId'],
      [{ productId: 'x' }, 'productId'],
      [{ dealRef: '' }, 'dealRef'],
      [{ expiresAt: new Date(Date.now() - 1000).toISOString() }, 'expiresAt'],
    ];
    for (const [over, field] of cases) {
      const res = await api.gql('admin', RESERVE, { productId: Q, warehouseId: A, quantity: '1', dealRef: 'D', ...over });
      expect([over, codes(res), res.errors?.[0].extensions?.field]).toEqual([over, ['BAD_USER_INPUT'], field]);
    }
    const unknownWarehouse = await api.gql('admin', RESERVE, { productId: Q, warehouseId: missingId('Warehouse'), quantity: '1', dealRef: 'D' });
    expect(unknownWarehouse.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'warehouseId' });
  });

  it('an expired reservation stops counting without any background job', async () => {
    const soon = await api.gql('admin', RESERVE, { productId: Q, warehouseId: A, quantity: '10', dealRef: 'DEAL-5', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect(soon.errors).toBeUndefined();
    expect(codes(await api.gql('admin', RESERVE, { productId: Q, warehouseId: A, quantity: '1', dealRef: 'DEAL-6' }))).toEqual(['INSUFFICIENT_STOCK']);
    // Time passes: the reservation's moment is now in the past (its status is still ACTIVE in the table).
    await api.db.getRepository(Reservation).update({ id: dbKey(soon.data.reserveProduct.id) }, { expiresAt: new Date(Date.now() - 1000) });
    const after = await api.gql('admin', RESERVE, { productId: Q, warehouseId: A, quantity: '10', dealRef: 'DEAL-6' });
    expect(after.errors).toBeUndefined();
  });

  it('releasing: ACTIVE → RELEASED once; a reservation in a warehouse the viewer cannot select is indistinguishable from a missing one', async () => {
    const held = await reserve('admin', '1', 'DEAL-7', { productId: P, warehouseId: A });
    expect(codes(held)).toEqual(['INSUFFICIENT_STOCK']); // p in A is fully reserved by DEAL-2 and DEAL-3
    const [deal3] = await api.db.getRepository(Reservation).findBy({ dealRef: 'DEAL-3' });

    const hidden = await api.gql('staffB', RELEASE, { id: apiId('Reservation', deal3.id) });
    const missing = await api.gql('staffB', RELEASE, { id: missingId('Reservation') });
    expect(hidden.errors![0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(missing.errors![0].extensions).toEqual(hidden.errors![0].extensions);
    expect(missing.errors![0].message).toBe(hidden.errors![0].message);
    expect(codes(await api.gql('clerkA', RELEASE, { id: apiId('Reservation', deal3.id) }))).toEqual(['FORBIDDEN']);

    const released = await api.gql('staffA', RELEASE, { id: apiId('Reservation', deal3.id) });
    expect(released.data.releaseReservation).toEqual({ id: apiId('Reservation', deal3.id), status: 'RELEASED' });
    expect((await row(apiId('Reservation', deal3.id))).closedAt).toBeInstanceOf(Date);
    expect(codes(await api.gql('staffA', RELEASE, { id: apiId('Reservation', deal3.id) }))).toEqual(['INVALID_STATE']);
    expect((await reserve('staffA', '4', 'DEAL-8')).errors).toBeUndefined();
  });

  it('processing a sales order of a deal consumes that deal\'s reservations (and only those)', async () => {
    await api.db.query("UPDATE reservation SET status = 'RELEASED' WHERE status = 'ACTIVE'");
    const mine = await reserve('staffA', '3', 'DEAL-1');
    const other = await reserve('staffA', '2', 'DEAL-9');
    const notOnTheOrder = await reserve('staffA', '1', 'DEAL-1', { productId: Q });
    const processed = await api.gql('staffA', PROCESS, { id: String(api.ids.documents.order), version: 1 });
    expect(processed.errors).toBeUndefined();
    expect((await row(mine.data.reserveProduct.id)).status).toBe('CONSUMED');
    expect((await row(other.data.reserveProduct.id)).status).toBe('ACTIVE');
    expect((await row(notOnTheOrder.data.reserveProduct.id)).status).toBe('ACTIVE');
    expect(codes(await api.gql('staffA', RELEASE, { id: mine.data.reserveProduct.id }))).toEqual(['INVALID_STATE']);
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });

  it('concurrent reservations never exceed the available stock', async () => {
    await api.db.query("UPDATE reservation SET status = 'RELEASED' WHERE status = 'ACTIVE'");
    // p in A: 10 − 3 shipped = 7 available.
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => reserve('staffA', '1', `RUSH-${i}`)));
    expect(results.filter((r) => !r.errors)).toHaveLength(7);
    expect(results.filter((r) => r.errors).map((r) => codes(r)[0])).toEqual(Array(8).fill('INSUFFICIENT_STOCK'));
  });
});
