import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';
import { countStatements } from '../support/statement-counter';
import { as, createDraft } from './support';

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
