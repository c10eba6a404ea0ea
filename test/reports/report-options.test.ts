import Decimal from 'decimal.js';
import { codes, startApi, TestApi } from '../support/api';
import { FIGURES, figuresOf } from './report-support';
import { LEDGER_SPEC, MARCH } from './report-spec';

/** Dashboard options (issue 17 point 5) over LEDGER_SPEC, March 2025 (figures hand-computed in report-ledger.test.ts). */
const QUERY = `query($from: Date!, $to: Date!, $ids: [ID!], $search: String, $drill: ID, $warehouseIds: [ID!]) {
  inventoryReport(from: $from, to: $to, productIds: $ids, productSearch: $search, drillDownWarehouseId: $drill, warehouseIds: $warehouseIds) {
    from to
    movement { total { ${FIGURES} } warehouses { warehouse { code } ${FIGURES} } products { product { sku } } }
    sales { daily { day receivedValue shippedValue }
      warehouses { warehouse { code } receivedValue shippedValue daily { day receivedValue shippedValue } } }
  } }`;

describe('inventoryReport options: productIds, per-warehouse daily series, Date', () => {
  let api: TestApi;
  const report = (vars: Record<string, unknown>) => api.gql('boss', QUERY, { ...MARCH, drill: String(api.ids.warehouses.A), ...vars });
  const id = (key: string) => String(api.ids.products[key]);
  beforeAll(async () => { api = await startApi(LEDGER_SPEC); });
  afterAll(() => api.close());

  it('a parent id picks the parent with all its variants: the same figures as searching for its name', async () => {
    const byId = await report({ ids: [id('dress')] });
    const bySearch = await report({ search: 'cotton dress' });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.inventoryReport.movement).toEqual(bySearch.data.inventoryReport.movement);
    expect(byId.data.inventoryReport.sales).toEqual(bySearch.data.inventoryReport.sales);
    const a = byId.data.inventoryReport.movement.warehouses.find((w: any) => w.warehouse.code === 'A');
    expect(figuresOf(a)).toEqual({ transfersIn: ['0', '0'], transfersOut: ['0', '0'], opening: ['4', '74'], received: ['11', '203.5'], shipped: ['4', '74'], otherOutgoing: ['0', '0'], closing: ['11', '203.5'] });
    expect(byId.data.inventoryReport.movement.products.map((p: any) => p.product.sku)).toEqual(['DRESS-BLUE', 'DRESS-PINK']);
  });

  it('a variant id picks that variant only; ids combine with the search and with each other', async () => {
    const blue = (await report({ ids: [id('blue')] })).data.inventoryReport.movement;
    expect(blue.products.map((p: any) => p.product.sku)).toEqual(['DRESS-BLUE']);
    expect(figuresOf(blue.total)).toEqual({ transfersIn: ['0', '0'], transfersOut: ['0', '0'], opening: ['0', '0'], received: ['5', '92.5'], shipped: ['2', '37'], otherOutgoing: ['0', '0'], closing: ['3', '55.5'] });
    const navyOfDress = (await report({ ids: [id('dress')], search: 'navy' })).data.inventoryReport.movement;
    expect(navyOfDress.total).toEqual(blue.total);
    const two = (await report({ ids: [id('blue'), id('plain')] })).data.inventoryReport.movement;
    expect(two.products.map((p: any) => p.product.sku)).toEqual(['DRESS-BLUE', 'PLAIN']);
    // PLAIN in A: opening 10/25, other outgoing 4/10 (hand-computed drill-down).
    expect(two.total.opening).toEqual({ quantity: '10', value: '25' });
  });

  it('ids that name nothing, and an empty list, pick no product', async () => {
    for (const ids of [['junk'], ['999999'], []]) {
      const r = (await report({ ids })).data.inventoryReport;
      expect(r.movement.products).toEqual([]);
      expect(r.movement.total.closing).toEqual({ quantity: '0', value: '0' });
      expect(r.sales.daily.every((d: any) => d.receivedValue === '0' && d.shippedValue === '0')).toBe(true);
    }
  });

  it('the daily series per warehouse: every day of the period, summing to the total series', async () => {
    for (const vars of [{}, { ids: [id('dress')] }, { warehouseIds: [String(api.ids.warehouses.B)] }]) {
      const { sales } = (await report(vars)).data.inventoryReport;
      for (const w of sales.warehouses) {
        expect(w.daily.map((d: any) => d.day)).toEqual(sales.daily.map((d: any) => d.day));
        const sum = (key: string) => w.daily.reduce((s: Decimal, d: any) => s.plus(d[key]), new Decimal(0)).toFixed();
        expect([sum('receivedValue'), sum('shippedValue')]).toEqual([w.receivedValue, w.shippedValue]);
      }
      sales.daily.forEach((day: any, i: number) => {
        const across = (key: string) => sales.warehouses.reduce((s: Decimal, w: any) => s.plus(w.daily[i][key]), new Decimal(0)).toFixed();
        expect([across('receivedValue'), across('shippedValue')]).toEqual([day.receivedValue, day.shippedValue]);
      });
    }
    const { sales } = (await report({})).data.inventoryReport;
    const daysOf = (code: string) => sales.warehouses.find((w: any) => w.warehouse.code === code).daily
      .filter((d: any) => d.receivedValue !== '0' || d.shippedValue !== '0');
    expect(daysOf('C')).toEqual([{ day: '2025-03-05', receivedValue: '133.33', shippedValue: '0' }]);
    expect(daysOf('B')).toEqual([
      { day: '2025-03-03', receivedValue: '20', shippedValue: '0' },
      { day: '2025-03-07', receivedValue: '0.3', shippedValue: '0' },
      { day: '2025-03-15', receivedValue: '0', shippedValue: '2.5' },
    ]);
  });

  it('from, to and series days are Date scalars: ISO calendar days in, the same out; anything else BAD_USER_INPUT', async () => {
    const ok = await report({ from: '2025-02-28', to: '2025-03-01' });
    expect(ok.data.inventoryReport).toMatchObject({ from: '2025-02-28', to: '2025-03-01' });
    expect(ok.data.inventoryReport.sales.daily.map((d: any) => d.day)).toEqual(['2025-02-28', '2025-03-01']);
    for (const bad of ['2025-3-01', '2025-02-29T00:00:00Z', '', '20250301']) {
      const res = await report({ from: bad });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.data?.inventoryReport ?? null).toBeNull();
    }
    // In the document itself a bad literal fails validation, as for every scalar.
    const literal = await api.gql('boss', '{ inventoryReport(from: 20250301, to: "2025-03-31") { from } }');
    expect(codes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(literal.errors![0].message).toMatch(/Date literals must be strings/);
    expect(codes(await api.gql('boss', '{ inventoryReport(from: "2025-02-30", to: "2025-03-31") { from } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const leap = await api.gql('boss', '{ inventoryReport(from: "2024-02-29", to: "2024-02-29") { from to } }');
    expect(leap.data.inventoryReport).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });
});
