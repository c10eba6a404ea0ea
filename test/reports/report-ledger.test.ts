import { codes, startApi, TestApi } from '../support/api';
import { countStatements, expectIdentity, figuresOf, reportQuery } from './report-support';
import { LEDGER_SPEC, MARCH } from './report-spec';

/**
 * Hand-computed from LEDGER_SPEC (report-spec.ts) for March 2025. The transfer of 3 PLAIN @ 2.5
 * from A to B counts in B's received and A's other outgoing, and apart as transfers (DESIGN §4).
 */
const NONE = ['0', '0'];
const TRANSFER = ['3', '7.5'];
const figures = (f: { opening: string[]; received: string[]; shipped: string[]; otherOutgoing: string[]; closing: string[] }, transfersIn = NONE, transfersOut = NONE) =>
  ({ ...f, transfersIn, transfersOut });
const A = figures({ opening: ['14', '99'], received: ['11', '203.5'], shipped: ['4', '74'], otherOutgoing: ['4', '10'], closing: ['17', '218.5'] }, NONE, TRANSFER);
const B = figures({ opening: ['0', '0'], received: ['13', '27.8'], shipped: ['1', '2.5'], otherOutgoing: ['0', '0'], closing: ['12', '25.3'] }, TRANSFER);
const C = figures({ opening: ['0', '0'], received: ['100', '133.33'], shipped: ['0', '0'], otherOutgoing: ['0', '0'], closing: ['100', '133.33'] });
const TOTAL = figures({ opening: ['14', '99'], received: ['124', '364.63'], shipped: ['5', '76.5'], otherOutgoing: ['4', '10'], closing: ['129', '377.13'] }, TRANSFER, TRANSFER);
const ZERO = figures({ opening: ['0', '0'], received: ['0', '0'], shipped: ['0', '0'], otherOutgoing: ['0', '0'], closing: ['0', '0'] });

describe('inventoryReport over the ledger', () => {
  let api: TestApi;
  let ids: TestApi['ids'];
  const report = (login: string, vars: Record<string, unknown> = {}, query = reportQuery()) =>
    api.gql(login, query, { ...MARCH, ...vars });

  beforeAll(async () => {
    api = await startApi(LEDGER_SPEC);
    ids = api.ids;
  });
  afterAll(() => api.close());

  it('gives the hand-computed movement figures per warehouse and in total, days from and to both included', async () => {
    const res = await report('boss');
    expect(res.errors).toBeUndefined();
    const { movement } = res.data.inventoryReport;
    expect(movement.warehouses.map((w: any) => [w.warehouse.code, figuresOf(w)])).toEqual([['A', A], ['B', B], ['C', C]]);
    expect(figuresOf(movement.total)).toEqual(TOTAL);
    expect(res.data.inventoryReport.totalStockValue).toBe('377.13');
  });

  it('satisfies closing = opening + received − shipped − otherOutgoing exactly, and chains periods', async () => {
    const march = (await report('boss', { drill: String(ids.warehouses.A) })).data.inventoryReport;
    const april = (await report('boss', { from: '2025-04-01', to: '2025-04-30' })).data.inventoryReport;
    for (const row of [march.movement.total, ...march.movement.warehouses, ...march.movement.products]) expectIdentity(row);
    expect(april.movement.warehouses.map((w: any) => w.opening)).toEqual(march.movement.warehouses.map((w: any) => w.closing));
    expect(april.movement.total.received).toEqual({ quantity: '5', value: '12.5' });
    // Over every warehouse, the closing value is the company's stock value.
    expect(march.movement.total.closing.value).toBe(march.totalStockValue);
    expect(march.stockBalance.total).toEqual(march.movement.total.closing);
  });

  it('sums exactly on both databases (0.1 + 0.2 is 0.3)', async () => {
    const res = await report('boss', { search: 'tiny' });
    expect(res.data.inventoryReport.movement.total.received).toEqual({ quantity: '2', value: '0.3' });
  });

  it('sales: sell-through and share of shipped value per warehouse, and a zero-filled daily series', async () => {
    // Received counts stock from outside only (DESIGN §4): B's 3 transferred in are not a purchase.
    const { sales } = (await report('boss')).data.inventoryReport;
    expect(sales).toMatchObject({ receivedValue: '357.13', shippedValue: '76.5', sellThroughPercent: '21.42' });
    expect(sales.warehouses).toEqual([
      { warehouse: { code: 'A' }, receivedValue: '203.5', shippedValue: '74', sellThroughPercent: '36.36', shippedSharePercent: '96.73' },
      { warehouse: { code: 'B' }, receivedValue: '20.3', shippedValue: '2.5', sellThroughPercent: '12.32', shippedSharePercent: '3.27' },
      { warehouse: { code: 'C' }, receivedValue: '133.33', shippedValue: '0', sellThroughPercent: '0', shippedSharePercent: '0' },
    ]);
    expect(sales.daily).toHaveLength(31);
    expect(sales.daily[0]).toEqual({ day: '2025-03-01', receivedValue: '0', shippedValue: '0' });
    expect(sales.daily.filter((d: any) => d.receivedValue !== '0' || d.shippedValue !== '0')).toEqual([
      { day: '2025-03-03', receivedValue: '223.5', shippedValue: '0' },
      { day: '2025-03-05', receivedValue: '133.33', shippedValue: '0' },
      { day: '2025-03-07', receivedValue: '0.3', shippedValue: '0' },
      { day: '2025-03-15', receivedValue: '0', shippedValue: '39.5' },
      // The cancelled sale of 03-20 is reversed on its own date (issue 19 §1): that day nets to zero.
      { day: '2025-03-25', receivedValue: '0', shippedValue: '37' },
    ]);
  });

  it('drills down per product in one warehouse and gives its balances', async () => {
    const res = await report('boss', { drill: String(ids.warehouses.A) });
    const { movement, stockBalance } = res.data.inventoryReport;
    expect(movement.products.map((p: any) => [p.product.sku, figuresOf(p)])).toEqual([
      ['DRESS-BLUE', figures({ opening: ['0', '0'], received: ['5', '92.5'], shipped: ['2', '37'], otherOutgoing: ['0', '0'], closing: ['3', '55.5'] })],
      ['DRESS-PINK', figures({ opening: ['4', '74'], received: ['6', '111'], shipped: ['2', '37'], otherOutgoing: ['0', '0'], closing: ['8', '148'] })],
      ['PLAIN', figures({ opening: ['10', '25'], received: ['0', '0'], shipped: ['0', '0'], otherOutgoing: ['4', '10'], closing: ['6', '15'] }, NONE, TRANSFER)],
    ]);
    expect(stockBalance).toEqual({
      asOf: '2025-04-01T00:00:00.000Z',
      total: { quantity: '129', value: '377.13' },
      warehouses: [
        { warehouse: { code: 'A' }, quantity: '17', value: '218.5' },
        { warehouse: { code: 'B' }, quantity: '12', value: '25.3' },
        { warehouse: { code: 'C' }, quantity: '100', value: '133.33' },
      ],
      products: [
        { product: { sku: 'DRESS-BLUE' }, quantity: '3', value: '55.5' },
        { product: { sku: 'DRESS-PINK' }, quantity: '8', value: '148' },
        { product: { sku: 'PLAIN' }, quantity: '6', value: '15' },
      ],
    });
  });

  it('product search matches variants through their parent\'s name, and a variant by its own', async () => {
    const dress = (await report('boss', { search: 'COTTON dress', warehouseIds: [String(ids.warehouses.A)], drill: String(ids.warehouses.A) }))
      .data.inventoryReport.movement;
    expect(figuresOf(dress.total)).toEqual(figures({ opening: ['4', '74'], received: ['11', '203.5'], shipped: ['4', '74'], otherOutgoing: ['0', '0'], closing: ['11', '203.5'] }));
    expect(dress.products.map((p: any) => p.product.sku)).toEqual(['DRESS-BLUE', 'DRESS-PINK']);
    const navy = (await report('boss', { search: 'navy', drill: String(ids.warehouses.A) })).data.inventoryReport.movement;
    expect(navy.products.map((p: any) => p.product.sku)).toEqual(['DRESS-BLUE']);
    expect(navy.total.received).toEqual({ quantity: '5', value: '92.5' });
  });

  it('covers only warehouses the viewer can select, intersected with warehouseIds; totalStockValue stays company-wide', async () => {
    const own = await report('reporterA', { drill: String(ids.warehouses.C) });
    expect(own.errors).toBeUndefined();
    const r = own.data.inventoryReport;
    expect(r.movement.warehouses.map((w: any) => [w.warehouse.code, figuresOf(w)])).toEqual([['A', A]]);
    expect(figuresOf(r.movement.total)).toEqual(A);
    expect(r.movement.products).toEqual([]); // the drill-down into a hidden warehouse is empty, as for a missing one
    expect(r.sales.warehouses.map((w: any) => [w.warehouse.code, w.shippedSharePercent])).toEqual([['A', '100']]);
    expect(r.totalStockValue).toBe('377.13');

    const asked = await report('reporterA', { warehouseIds: [String(ids.warehouses.A), String(ids.warehouses.B), 'junk'] });
    expect(asked.body).toBe(own.body);
    const narrowed = await report('boss', { warehouseIds: [String(ids.warehouses.B), String(ids.warehouses.C)] });
    expect(narrowed.data.inventoryReport.movement.warehouses.map((w: any) => w.warehouse.code)).toEqual(['B', 'C']);
  });

  it('without any WAREHOUSE_SELECT the breakdowns are empty but totalStockValue is given', async () => {
    const res = await report('blind', { drill: String(ids.warehouses.A) });
    expect(res.errors).toBeUndefined();
    const r = res.data.inventoryReport;
    expect(r.totalStockValue).toBe('377.13');
    expect(r.movement).toEqual({ total: expect.anything(), warehouses: [], products: [] });
    expect(figuresOf(r.movement.total)).toEqual(ZERO);
    expect(r.sales.warehouses).toEqual([]);
    expect(r.sales.sellThroughPercent).toBeNull();
    expect(r.sales.daily.every((d: any) => d.receivedValue === '0' && d.shippedValue === '0')).toBe(true);
    expect(r.stockBalance).toMatchObject({ total: { quantity: '0', value: '0' }, warehouses: [], products: [] });
  });

  it('a section the viewer lacks is null with one FORBIDDEN error; REPORT_VIEW grants the values without PURCHASE_PRICE_VIEW', async () => {
    const res = await report('mover', { drill: String(ids.warehouses.A) },
      reportQuery().replace('products { product { sku }', 'products { product { sku purchasePrice }'));
    const r = res.data.inventoryReport;
    expect(r.sales).toBeNull();
    expect(r.stockBalance).toBeNull();
    expect(figuresOf(r.movement.total)).toEqual(TOTAL);
    expect(r.movement.products.every((p: any) => p.product.purchasePrice === null)).toBe(true);
    expect(res.errors!.map((e) => [e.extensions!.coordinate, e.extensions!.permission]).sort()).toEqual([
      ['InventoryReport.sales', 'REPORT_VIEW:SALES'],
      ['InventoryReport.stockBalance', 'REPORT_VIEW:STOCK_BALANCE'],
      ['Product.purchasePrice', 'PURCHASE_PRICE_VIEW'],
    ]);
  });

  it('rejects invalid periods with BAD_USER_INPUT naming the field', async () => {
    const fieldOf = async (from: string, to: string) => {
      const res = await report('boss', { from, to });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.data.inventoryReport).toBeNull();
      return res.errors![0].extensions!.field;
    };
    expect(await fieldOf('2025-03-02', '2025-03-01')).toBe('from');
    expect(await fieldOf('2022-01-01', '2025-01-05')).toBe('to'); // 1101 days
    // A day that is not an ISO calendar day is refused by the Date scalar before the report runs.
    for (const [from, to] of [['2025-02-30', '2025-03-01'], ['2025-03-01', '31.03.2025']]) {
      const res = await report('boss', { from, to });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].message).toMatch(/Date must be an ISO calendar day/);
      expect(res.data?.inventoryReport ?? null).toBeNull();
    }
    const longest = await report('boss', { from: '2022-01-01', to: '2025-01-04' }); // 1100 days
    expect(longest.errors).toBeUndefined();
    expect(longest.data.inventoryReport.sales.daily).toHaveLength(1100);
  });

  it('runs a fixed number of SQL statements, whatever the number of warehouses and products', async () => {
    const small = await countStatements(api, () =>
      report('boss', { warehouseIds: [String(ids.warehouses.A)], search: 'navy', drill: String(ids.warehouses.A) }));
    const large = await countStatements(api, () => report('boss', { drill: String(ids.warehouses.A) }));
    const selects = (s: string[]) => s.filter((q) => /^\s*SELECT/i.test(q));
    expect(selects(large)).toHaveLength(selects(small).length);
    // access (1) + warehouses + figures per warehouse + per product + products + daily + company value
    expect(selects(large).length).toBeLessThanOrEqual(7);
    expect(large.filter((q) => /stock_movement/.test(q))).toHaveLength(4);
  });
});
