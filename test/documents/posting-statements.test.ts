import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';
import { countStatements } from '../support/statement-counter';
import { as, createDraft, ledgerMismatches } from './support';

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '10' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }, { key: 'staff', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['A'] }] }],
  documents: [{ key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'p', quantity: '500', price: '10', to: 'A' }] }],
};

const CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|SET SESSION TRANSACTION)/i;
const ACCESS = /FROM [`"]?app_user|FROM [`"]?role_assignment/;
/** The report rollups kept in the same transaction (issue 17): a fixed number per posting, counted apart. */
const ROLLUPS = /stock_movement_(day|warehouse_day|warehouse_month|closing)\b/;

/**
 * Issue 16 §4: processing a one-line sales order costs at most 8 statements of work (document and
 * lines, products, warehouses, the line's captured price, the level lock, the level, the ledger row,
 * the document) besides the transaction's START/COMMIT and the 2 statements of the access object;
 * the settings row is read only when a level would go negative. The report rollups (issue 17) add a
 * fixed handful more in the same transaction: per-product day, warehouse day and month sums, and
 * the closing balance (read, then moved).
 */
describe('statements per processed one-line sales order', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('is at most 8 statements of work plus at most 5 of rollups, 17 round trips in all', async () => {
    const input = { type: 'SALES_ORDER', items: [{ productId: String(api.ids.products.p), quantity: '1', fromWarehouseId: String(api.ids.warehouses.A) }] };
    await createDraft(api, 'staff', input); // warms the pool (one SET SESSION per new connection on MariaDB)
    const doc = await createDraft(api, 'staff', input);
    const counter = countStatements(api.db);
    const res = await as(api, 'staff', 'mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }', { id: doc.id, v: doc.version });
    counter.stop();
    expect(res.data.processDocument.status).toBe('PROCESSED');
    const work = counter.statements.filter((s) => !CONTROL.test(s.trim()) && !ACCESS.test(s) && !ROLLUPS.test(s));
    const rollups = counter.statements.filter((s) => ROLLUPS.test(s));
    expect({ work: work.length, settings: work.filter((s) => /settings/i.test(s)).length }).toEqual({ work: 8, settings: 0 });
    expect(rollups.length).toBeLessThanOrEqual(5);
    expect(counter.statements.length).toBeLessThanOrEqual(17);
  });
});

const LINES = 1000;
const wide: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }],
  products: Array.from({ length: LINES }, (_, i) => ({ key: `p${i}`, sku: `P${i}`, purchasePrice: '2' })),
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};
const LEVEL_STATEMENTS = /\bstock_level\b/;

/**
 * Issue 22 point 3: a 1,000-line posting locks, creates and updates its 1,000 levels in chunks of
 * 200 (one locking SELECT per chunk, plus an INSERT IGNORE and a SELECT of the missing ones, and
 * one CASE update per chunk) — statements proportional to levels / chunk size, not ~4 per level.
 */
describe('statements per level of a 1,000-line posting', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(wide); });
  afterAll(() => api.close());

  const processCounted = async (input: Record<string, unknown>) => {
    const doc = await createDraft(api, 'admin', input);
    const counter = countStatements(api.db);
    const res = await as(api, 'admin', 'mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }', { id: doc.id, v: doc.version });
    counter.stop();
    expect(res.errors).toBeUndefined();
    return counter.statements.filter((s) => LEVEL_STATEMENTS.test(s));
  };
  const product = (i: number) => String(api.ids.products[`p${i}`]);

  it('creates and locks 1,000 new levels in 5 chunks of 3 statements and writes them in 5', async () => {
    const items = Array.from({ length: LINES }, (_, i) => ({ productId: product(i), quantity: '3', purchasePrice: '2', toWarehouseId: String(api.ids.warehouses.A) }));
    const level = await processCounted({ type: 'STOCK_RECEIPT', items });
    expect(level).toHaveLength(5 * 3 + 5);
  });

  it('locks 1,000 existing levels in 5 statements and writes them in 5', async () => {
    const items = Array.from({ length: LINES }, (_, i) => ({ productId: product(i), quantity: '1', fromWarehouseId: String(api.ids.warehouses.A) }));
    expect(await processCounted({ type: 'SALES_ORDER', items })).toHaveLength(5 + 5);
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });
});
