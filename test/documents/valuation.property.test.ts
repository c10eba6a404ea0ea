import Decimal from 'decimal.js';
import fc from 'fast-check';
import { SystemRole } from '../../src/entities/role.entity';
import { StockLevel } from '../../src/entities/stock-level.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { verifyRollups } from '../../src/services/reports/rollup-maintenance';
import { startApi, TestApi } from '../support/api';
import { as, CANCEL, CREATE, Doc, DOC_FIELDS, ledgerMismatches, PROCESS } from './support';

/**
 * Issue 14 point 1, DESIGN §1: over random sequences of documents of every type (1–3 lines,
 * several on the same product and warehouse; inventory counts, issue 19 §2, one per product and
 * warehouse, checked against the stock at their date), cancellations, purchase price changes and
 * negative stock switched on and off, documents dated today or backdated by up to 5 days (issue 19 §1:
 * valued in posting order, counted on their date), all through the API, the moving-average valuation keeps:
 * a level of quantity 0 has value 0; a level of quantity ≥ 0 never has a negative value (after
 * every step); levels equal the ledger's sums; the report's stock balance per warehouse and
 * totalStockValue equal the levels' values; the report rollups equal the ledger. Failures of a step must be typed refusals
 * (INSUFFICIENT_STOCK, INVALID_STATE), never anything else.
 *
 * By hand: VALUATION_RUNS=200 [VALUATION_SEED=n].
 */
const RUNS = Number(process.env.VALUATION_RUNS ?? 25);
const SEED = Number(process.env.VALUATION_SEED ?? 20261201);
const WAREHOUSES = ['A', 'B', 'C'];
const PRODUCTS = ['p', 'q'];
const QUANTITIES = ['1', '2', '3', '0.5', '0.3333', '7'];
/** What a count may find (issue 19 §2): nothing at all, too. */
const COUNTED = ['0', ...QUANTITIES];
const PRICES = ['5', '8', '1.3333', '0.1', '0', null];

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: WAREHOUSES.map((key) => ({ key, code: key })),
  products: PRODUCTS.map((key) => ({ key, sku: key.toUpperCase(), purchasePrice: '4', unit: 'kg' })),
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};

const line = fc.record({
  product: fc.constantFrom(...PRODUCTS), from: fc.constantFrom(...WAREHOUSES), to: fc.constantFrom(...WAREHOUSES),
  quantity: fc.constantFrom(...QUANTITIES), price: fc.constantFrom(...PRICES), counted: fc.constantFrom(...COUNTED),
});
const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    op: fc.constant('document' as const),
    type: fc.constantFrom('STOCK_RECEIPT', 'STOCK_ADJUSTMENT', 'STOCK_TRANSFER', 'STOCK_TRANSFER', 'WRITE_OFF', 'SALES_ORDER', 'SALES_ORDER',
      'INVENTORY_COUNT', 'INVENTORY_COUNT'),
    lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    daysAgo: fc.constantFrom(0, 0, 0, 1, 2, 5),
  }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('price' as const), product: fc.constantFrom(...PRODUCTS), price: fc.constantFrom(...PRICES) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('negative' as const), allow: fc.boolean() }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const REFUSALS = new Set(['INSUFFICIENT_STOCK', 'INVALID_STATE']);

describe('moving-average valuation over random histories (DESIGN §1)', () => {
  let api: TestApi;
  const processed: Doc[] = [];
  const stats = { steps: 0, processed: 0, refused: 0, cancelled: 0, counted: 0 };
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  const ok = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => {
    if (!res.errors) return true;
    expect(res.errors.map((e) => e.extensions?.code).filter((code) => !REFUSALS.has(code))).toEqual([]);
    stats.refused++;
    return false;
  };

  /** Quantity per "SKU@code" at the end of `day`, as stockLevels(at:) answers it (the ledger's). */
  const stockAt = async (day: string) => {
    const res = await as(api, 'admin', 'query($at: Date) { stockLevels(first: 100, at: $at) { nodes { quantity product { sku } warehouse { code } } } }', { at: day });
    expect(res.errors).toBeUndefined();
    return new Map<string, string>(res.data.stockLevels.nodes.map((l: any) => [`${l.product.sku}@${l.warehouse.code}`, l.quantity]));
  };

  /**
   * Issue 19 §2: a count's lines, one per (product, warehouse), are counted against the stock at the
   * end of its date; once processed each line's book is exactly that, its difference counted − book,
   * and the stock at the end of its date is what was counted.
   */
  const count = async (s: Extract<Step, { op: 'document' }>, documentDate: string) => {
    const lines = [...new Map(s.lines.map((l) => [`${l.product.toUpperCase()}@${l.to}`, l])).entries()];
    const before = await stockAt(documentDate);
    const items = lines.map(([, l]) => ({ productId: String(api.ids.products[l.product]), quantity: l.counted, toWarehouseId: String(api.ids.warehouses[l.to]) }));
    const created = await as(api, 'admin', CREATE, { input: { type: s.type, items, documentDate } });
    expect(created.errors).toBeUndefined();
    const draft = created.data.createDocument as Doc;
    const res = await as(api, 'admin', `mutation($id: ID!, $version: Int!) { processDocument(id: $id, version: $version) { ${DOC_FIELDS}
      items { countedQuantity bookQuantity difference } } }`, { id: draft.id, version: draft.version });
    if (!ok(res)) return;
    processed.push(res.data.processDocument);
    stats.processed++;
    stats.counted++;
    const after = await stockAt(documentDate);
    expect(res.data.processDocument.items).toEqual(lines.map(([key, l]) => {
      const book = new Decimal(before.get(key) ?? 0);
      return { countedQuantity: new Decimal(l.counted).toFixed(), bookQuantity: book.toFixed(), difference: new Decimal(l.counted).minus(book).toFixed() };
    }));
    expect(lines.map(([key]) => new Decimal(after.get(key) ?? 0).toFixed())).toEqual(lines.map(([, l]) => new Decimal(l.counted).toFixed()));
  };

  const apply = async (s: Step) => {
    const w = (key: string) => String(api.ids.warehouses[key]);
    if (s.op === 'document' && s.type === 'INVENTORY_COUNT') {
      await count(s, new Date(Date.now() - s.daysAgo * 86_400_000).toISOString().slice(0, 10));
    } else if (s.op === 'document') {
      const items = s.lines.map((l) => {
        const to = s.type === 'STOCK_TRANSFER' && l.to === l.from ? WAREHOUSES[(WAREHOUSES.indexOf(l.from) + 1) % 3] : l.to;
        const incoming = s.type === 'STOCK_RECEIPT' || s.type === 'STOCK_ADJUSTMENT';
        return {
          productId: String(api.ids.products[l.product]), quantity: l.quantity, ...(incoming ? { purchasePrice: l.price } : {}),
          ...(incoming ? {} : { fromWarehouseId: w(l.from) }), ...(s.type === 'WRITE_OFF' || s.type === 'SALES_ORDER' ? {} : { toWarehouseId: w(to) }),
        };
      });
      const documentDate = new Date(Date.now() - s.daysAgo * 86_400_000).toISOString().slice(0, 10);
      const created = await as(api, 'admin', CREATE, { input: { type: s.type, items, documentDate } });
      expect(created.errors).toBeUndefined();
      const draft = created.data.createDocument as Doc;
      const res = await as(api, 'admin', PROCESS, { id: draft.id, version: draft.version });
      if (ok(res)) { processed.push(res.data.processDocument); stats.processed++; }
    } else if (s.op === 'cancel') {
      const open = processed.filter((d) => d.status === 'PROCESSED');
      if (open.length === 0) return;
      const doc = open[s.index % open.length];
      const res = await as(api, 'admin', CANCEL, { id: doc.id, version: doc.version });
      if (ok(res)) { Object.assign(doc, res.data.cancelDocument); stats.cancelled++; }
    } else if (s.op === 'price') {
      const res = await as(api, 'admin', 'mutation($id: ID!, $price: Decimal) { updateProduct(id: $id, input: { purchasePrice: $price }) { id } }',
        { id: String(api.ids.products[s.product]), price: s.price });
      expect(res.errors).toBeUndefined();
    } else {
      const res = await as(api, 'admin', 'mutation($allow: Boolean) { updateSettings(input: { allowNegativeStock: $allow }) { allowNegativeStock } }', { allow: s.allow });
      expect(res.errors).toBeUndefined();
    }
  };

  /** Quantity 0 ⇒ value 0, quantity ≥ 0 ⇒ value ≥ 0, for every level as stored. */
  const levelViolations = async () => (await api.db.getRepository(StockLevel).find())
    .filter((l) => (l.quantity.isZero() && !l.value.isZero()) || (!l.quantity.isNegative() && l.value.isNegative()))
    .map((l) => `${l.productId}:${l.warehouseId} ${l.quantity.toFixed()} worth ${l.value.toFixed()}`);

  it(`keeps quantity 0 ⇒ value 0, value ≥ 0, levels = ledger = report (${RUNS} histories, seed ${SEED})`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
      for (const s of steps) {
        await apply(s);
        stats.steps++;
        expect(await levelViolations()).toEqual([]);
      }
      expect(await ledgerMismatches(api.db)).toEqual([]);
      expect(await verifyRollups(api.db)).toEqual([]);

      const day = new Date().toISOString().slice(0, 10);
      const res = await as(api, 'admin', `{ stockLevels(first: 100) { nodes { quantity value warehouse { code } } }
        inventoryReport(from: "${day}", to: "${day}") { totalStockValue stockBalance { warehouses { warehouse { code } quantity value } } } }`);
      expect(res.errors).toBeUndefined();
      const byWarehouse = new Map<string, { quantity: Decimal; value: Decimal }>(WAREHOUSES.map((k) => [k, { quantity: new Decimal(0), value: new Decimal(0) }]));
      for (const l of res.data.stockLevels.nodes) {
        const sum = byWarehouse.get(l.warehouse.code)!;
        byWarehouse.set(l.warehouse.code, { quantity: sum.quantity.plus(l.quantity), value: sum.value.plus(l.value) });
      }
      expect(res.data.inventoryReport.stockBalance.warehouses).toEqual(WAREHOUSES.map((k) => ({
        warehouse: { code: k }, quantity: byWarehouse.get(k)!.quantity.toFixed(), value: byWarehouse.get(k)!.value.toFixed() })));
      expect(res.data.inventoryReport.totalStockValue).toBe([...byWarehouse.values()].reduce((s, x) => s.plus(x.value), new Decimal(0)).toFixed());
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    // eslint-disable-next-line no-console
    console.log(`valuation property: ${stats.steps} steps, ${stats.processed} processed (${stats.counted} counts), ${stats.cancelled} cancelled, ${stats.refused} refused`);
    // Not vacuous: most documents go through, and some cancellations do.
    expect(stats.processed).toBeGreaterThan(stats.steps / 3);
    expect(stats.cancelled).toBeGreaterThan(0);
    expect(stats.counted).toBeGreaterThan(0);
  });
});
