import Decimal from 'decimal.js';
import { DocumentStatus } from '../../src/entities/inventory-document.entity';
import { Reservation, ReservationStatus } from '../../src/entities/reservation.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { ledgerMismatches, level, PROCESS, RESERVE } from './support';

const STOCK = 30;
const RESERVATIONS = 30;
const SALES = 30;

/** 30 units in A; 30 one-unit sales orders without a deal, all drafts. */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }],
  products: [{ key: 'p', sku: 'P' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
  documents: [
    { key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'p', quantity: String(STOCK), price: '2', to: 'A' }] },
    ...Array.from({ length: SALES }, (_, i) => ({
      key: `so${i}`, type: DocumentType.SALES_ORDER, status: DocumentStatus.DRAFT, author: 'admin', items: [{ product: 'p', quantity: '1', from: 'A' }],
    })),
  ],
};

/**
 * Issue 14 point 4: N reservations of other deals racing M sales orders on one product never
 * leave available below 0 — both paths lock the level row (MariaDB: real concurrency through
 * HTTP; SQLite serializes writers). Exactly the stock is handed out, the rest is INSUFFICIENT_STOCK.
 */
describe('reservations racing sales orders', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it(`${RESERVATIONS} reservations and ${SALES} one-unit sales orders against ${STOCK} units: available never below 0`, async () => {
    const header = { header: `Bearer ${await api.token('admin')}` };
    const { warehouses, products, documents } = api.ids;
    const work = [
      ...Array.from({ length: RESERVATIONS }, (_, i) => () => api.gql(header, RESERVE,
        { productId: String(products.p), warehouseId: String(warehouses.A), quantity: '1', dealRef: `OTHER-${i}` })),
      ...Array.from({ length: SALES }, (_, i) => () => api.gql(header, PROCESS, { id: String(documents[`so${i}`]), version: 1 })),
    ];
    // Interleaved, all at once.
    const order = work.map((_, i) => (i % 2 ? RESERVATIONS + (i >> 1) : i >> 1)).map((i) => work[i]);
    const results = await Promise.all(order.map((fn) => fn()));
    const failures = results.filter((r) => r.errors).map((r) => codes(r)[0]);
    expect(new Set(failures)).toEqual(new Set(failures.length ? ['INSUFFICIENT_STOCK'] : []));
    expect(results.length - failures.length).toBe(STOCK);

    const quantity = new Decimal(await level(api.db, api.dbIds.products.p, api.dbIds.warehouses.A));
    const active = await api.db.getRepository(Reservation).findBy({ status: ReservationStatus.ACTIVE });
    const reserved = active.reduce((s, r) => s.plus(r.quantity), new Decimal(0));
    expect(quantity.minus(reserved).toFixed()).toBe('0');
    expect(quantity.greaterThanOrEqualTo(0)).toBe(true);
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });
});
