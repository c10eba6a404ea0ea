import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DocumentItem } from '../../src/entities/document-item.entity';
import { InventoryDocument } from '../../src/entities/inventory-document.entity';
import { StockMovement } from '../../src/entities/stock-movement.entity';
import { postMovements } from '../../src/services/documents/ledger.service';
import { countMovementsOf, movementsOf, reversalOf } from '../../src/services/documents/movements';
import { inTransaction } from '../../src/services/platform/transaction';
import { verifyRollups } from '../../src/services/reports/rollup-maintenance';
import { DocumentType } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';
import { expectedRollupRows, figuresFromLedger, ledgerRows, LedgerRow, storedRollupRows } from './ledger-model';
import { FIGURES, figuresOf } from './report-support';
import { LEDGER_SPEC } from './report-spec';

/**
 * Issue 17 point 3: after random sequences of postings (every document type, dated anywhere in
 * seven months: backdated ones move every later closing), cancellations (reversals dated before
 * or after what they cancel), changing unit costs, and — on MariaDB — concurrent posters, every
 * rollup row equals a recomputation from the ledger (in SQL: verifyRollups; in JavaScript:
 * ledger-model.ts), and the report over random periods and filters equals DESIGN §4's
 * figures computed from the ledger rows.
 */
const TYPES = Object.values(DocumentType);
const WAREHOUSES = ['A', 'B', 'C'];
const PRODUCTS = ['dress', 'pink', 'blue', 'plain', 'tiny'];
const START = Date.parse('2024-11-01T00:00:00Z');
const END = Date.parse('2025-05-31T23:59:59.999Z');

const instant = fc.oneof(
  fc.integer({ min: START, max: END }).map((ms) => new Date(ms)),
  fc.constantFrom('2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00.000Z', '2025-02-28T23:59:59.999Z', '2025-03-01T00:00:00.000Z')
    .map((iso) => new Date(iso)),
);
const post = fc.record({
  op: fc.constant('post' as const), type: fc.constantFrom(...TYPES), product: fc.constantFrom(...PRODUCTS),
  quantity: fc.constantFrom('1', '2.5', '7', '0.0001', '40'), unitCost: fc.constantFrom('0.1', '0.2', '18.5', '1.3333', '2.5', '999.9999'),
  from: fc.constantFrom(...WAREHOUSES), to: fc.constantFrom(...WAREHOUSES), at: instant,
});
const cancel = fc.record({ op: fc.constant('cancel' as const), index: fc.nat(), at: instant });
type Op = { op: 'post'; type: DocumentType; product: string; quantity: string; unitCost: string; from: string; to: string; at: Date }
  | { op: 'cancel'; index: number; at: Date };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Periods of any length up to four months, half of them snapped to whole calendar months at one or both ends.
const period = fc.tuple(fc.integer({ min: START - 20 * 86_400_000, max: END + 20 * 86_400_000 }), fc.integer({ min: 0, max: 120 }),
  fc.boolean(), fc.boolean())
  .map(([from, length, snapFrom, snapTo]) => {
    const first = snapFrom ? `${day(from).slice(0, 7)}-01` : day(from);
    const last = day(Date.parse(first) + length * 86_400_000);
    const monthEnd = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).toISOString().slice(0, 10);
    return { from: first, to: snapTo ? monthEnd : last };
  });

const QUERY = `query($from: Date!, $to: Date!, $ids: [ID!], $warehouseIds: [ID!], $drill: ID) {
  inventoryReport(from: $from, to: $to, productIds: $ids, warehouseIds: $warehouseIds, drillDownWarehouseId: $drill) {
    totalStockValue
    movement { total { ${FIGURES} } warehouses { warehouse { code } ${FIGURES} } products { product { sku } ${FIGURES} } }
    sales { daily { day receivedValue shippedValue } }
  } }`;

describe('report rollups reconcile with the ledger', () => {
  let api: TestApi;
  const posted: StockMovement[][] = [];
  let serial = 0;
  beforeAll(async () => { api = await startApi({ ...LEDGER_SPEC, documents: [] }); });
  afterAll(() => api.close());

  const apply = async (op: Op) => {
    let rows: StockMovement[];
    if (op.op === 'cancel') {
      if (posted.length === 0) return;
      rows = reversalOf(posted[op.index % posted.length], op.at);
    } else {
      // postMovements is the service itself: database keys, not the API's opaque ids.
      const w = (key: string) => api.dbIds.warehouses[key];
      const to = op.type === DocumentType.STOCK_TRANSFER && op.to === op.from ? WAREHOUSES[(WAREHOUSES.indexOf(op.from) + 1) % 3] : op.to;
      const doc = Object.assign(new InventoryDocument(), { id: 900_000 + ++serial, type: op.type });
      const item = Object.assign(new DocumentItem(), {
        id: 900_000 + serial, productId: api.dbIds.products[op.product], quantity: new Decimal(op.quantity),
        purchasePrice: new Decimal(op.unitCost), fromWarehouseId: w(op.from), toWarehouseId: w(to),
      });
      rows = op.type === DocumentType.INVENTORY_COUNT
        // A count moves its difference against the book (3 here): a surplus or a shortage, at the op's unit cost.
        ? countMovementsOf(doc, [item], () => new Decimal(3), op.at)
          .map((row) => Object.assign(row, { unitCost: item.purchasePrice!, value: row.quantity.times(item.purchasePrice!).toDecimalPlaces(4) }))
        : movementsOf(doc, [item], () => item.purchasePrice!, op.at);
    }
    await inTransaction(api.db, (tx) => postMovements(tx, rows, true));
    return rows;
  };

  /** Runs the ops three at a time concurrently (MariaDB: real concurrent posters; SQLite serializes them). */
  const run = async (ops: Op[]) => {
    for (let i = 0; i < ops.length; i += 3) {
      const results = await Promise.all(ops.slice(i, i + 3).map(apply));
      for (const rows of results) if (rows && rows[0] && !rows[0].reversal) posted.push(rows);
    }
  };

  it('every rollup row equals the recomputation from the ledger, and reports equal DESIGN §4 over the ledger', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.oneof({ weight: 4, arbitrary: post }, { weight: 1, arbitrary: cancel }), { minLength: 1, maxLength: 12 }),
      period, fc.option(fc.subarray(PRODUCTS, { minLength: 1 }), { nil: null }), fc.option(fc.subarray(WAREHOUSES), { nil: null }),
      fc.constantFrom(...WAREHOUSES),
      async (ops, { from, to }, productKeys, warehouseKeys, drill) => {
        await run(ops as Op[]);
        expect(await verifyRollups(api.db)).toEqual([]);
        const ledger = await ledgerRows(api.db);
        expect(await storedRollupRows(api.db)).toEqual(expectedRollupRows(ledger));

        const ids = api.dbIds;
        const picked = productKeys && new Set(productKeys.flatMap((k) =>
          [ids.products[k], ...(k === 'dress' ? [ids.products.pink, ids.products.blue] : [])]));
        const covered = (warehouseKeys ?? WAREHOUSES).slice().sort();
        const res = await api.gql('boss', QUERY, {
          from, to, ids: productKeys?.map((k) => api.ids.products[k]) ?? null,
          warehouseIds: warehouseKeys?.map((k) => api.ids.warehouses[k]) ?? null, drill: api.ids.warehouses[drill],
        });
        expect(res.errors).toBeUndefined();
        const r = res.data.inventoryReport;
        const keep = (w: string[]) => (row: LedgerRow) =>
          w.some((k) => ids.warehouses[k] === row.warehouseId) && (!picked || picked.has(row.productId));
        expect(r.movement.warehouses.map((x: any) => [x.warehouse.code, figuresOf(x)]))
          .toEqual(covered.map((k) => [k, figuresFromLedger(ledger, from, to, keep([k]))]));
        expect(figuresOf(r.movement.total)).toEqual(figuresFromLedger(ledger, from, to, keep(covered)));
        const skuOf = (key: string): string => LEDGER_SPEC.products!.find((p) => p.key === key)!.sku!;
        const drillProducts = covered.includes(drill) ? Object.entries(ids.products)
          .map(([key, id]) => [skuOf(key), figuresFromLedger(ledger, from, to, (row) => keep([drill])(row) && row.productId === id)] as const)
          .filter(([, f]) => Object.values(f).some((a: string[]) => a.some((x) => x !== '0')))
          .sort(([a], [b]) => a.localeCompare(b)) : [];
        expect(r.movement.products.map((p: any) => [p.product.sku, figuresOf(p)])).toEqual(drillProducts);
        const total = ledger.filter((row) => row.at.toISOString().slice(0, 10) <= to).reduce((s, row) => s.plus(row.value), new Decimal(0));
        expect(r.totalStockValue).toBe(total.toFixed());
        const daily = r.sales.daily.filter((d: any) => d.receivedValue !== '0' || d.shippedValue !== '0');
        for (const d of daily) {
          const f = figuresFromLedger(ledger, d.day, d.day, keep(covered));
          // The chart counts stock from outside: transfers in are not received (DESIGN §4).
          expect([d.receivedValue, d.shippedValue]).toEqual([new Decimal(f.received[1]).minus(f.transfersIn[1]).toFixed(), f.shipped[1]]);
        }
      },
    ), { numRuns: Number(process.env.ROLLUP_RUNS ?? 25) });
  });
});
