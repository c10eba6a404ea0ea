import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { codes, startApi, TestApi } from '../support/api';
import { expectIdentity, FIGURES, figuresOf, reportQuery, utcDay } from './report-support';

/**
 * The seeded two-warehouse demo company (src/services/demo-data.ts), hand-computed over the
 * last 36 days: the opening adjustment (40 days ago) is before the period, everything else in it.
 * Online opening: 25 products × 40 at prices summing to 283.50 → 1000 / 11340. The 12 hoodies
 * transferred online → retail @ 15 are transfers (DESIGN §4): in the movement figures, not in sales.
 */
const NONE = ['0', '0'];
const HOODIES = ['12', '180'];
const ONLINE = { opening: ['1000', '11340'], received: ['120', '2220'], transfersIn: NONE, shipped: ['13', '126.1'], otherOutgoing: ['14', '189'],
  transfersOut: HOODIES, closing: ['1093', '13244.9'] };
const RETAIL = { opening: ['0', '0'], received: ['172', '2074'], transfersIn: HOODIES, shipped: ['5', '82.2'], otherOutgoing: ['0', '0'],
  transfersOut: NONE, closing: ['167', '1991.8'] };
const TOTAL = { opening: ['1000', '11340'], received: ['292', '4294'], transfersIn: HOODIES, shipped: ['18', '208.3'], otherOutgoing: ['14', '189'],
  transfersOut: HOODIES, closing: ['1260', '15236.7'] };

const period = () => ({ from: utcDay(new Date(Date.now() - 35 * 86_400_000)), to: utcDay(new Date()) });

describe('inventoryReport on the demo company, per demo role', () => {
  let api: TestApi;
  let admin: any;
  const report = (login: string, vars: Record<string, unknown> = {}) =>
    api.gql(login, reportQuery(), { ...period(), drill: String(api.ids.warehouses.retail), search: null, ...vars });

  beforeAll(async () => {
    api = await startApi(DEMO_DATA);
    const res = await report('admin');
    expect(res.errors).toBeUndefined();
    admin = res.data.inventoryReport;
  });
  afterAll(() => api.close());

  it('admin: the hand-computed figures, percentages and company value', () => {
    expect(admin.movement.warehouses.map((w: any) => [w.warehouse.code, figuresOf(w)])).toEqual([['ONLINE', ONLINE], ['RETAIL', RETAIL]]);
    expect(figuresOf(admin.movement.total)).toEqual(TOTAL);
    for (const row of [admin.movement.total, ...admin.movement.warehouses, ...admin.movement.products]) expectIdentity(row);
    expect(admin.totalStockValue).toBe('15236.7');
    expect(admin.sales).toMatchObject({ receivedValue: '4114', shippedValue: '208.3', sellThroughPercent: '5.06' });
    expect(admin.sales.warehouses.map((w: any) => [w.warehouse.code, w.receivedValue, w.sellThroughPercent, w.shippedSharePercent])).toEqual([
      ['ONLINE', '2220', '5.68', '60.54'], ['RETAIL', '1894', '4.34', '39.46'],
    ]);
    expect(admin.sales.daily).toHaveLength(36);
    expect(admin.sales.daily.filter((d: any) => d.shippedValue !== '0').map((d: any) => d.shippedValue)).toEqual(['126.1', '82.2']);
  });

  it('one fragment on MovementFigures reads the total, the warehouse rows and the product rows: the figures spelled out, unchanged', async () => {
    const res = await api.gql('admin', `query($from: Date!, $to: Date!, $drill: ID) {
      inventoryReport(from: $from, to: $to, drillDownWarehouseId: $drill) { movement {
        total { __typename ...Figures } warehouses { __typename warehouse { code } ...Figures } products { __typename product { sku } ...Figures } } } }
      fragment Figures on MovementFigures { ${FIGURES} }`, { ...period(), drill: String(api.ids.warehouses.retail) });
    expect(res.errors).toBeUndefined();
    const { total, warehouses, products } = res.data.inventoryReport.movement;
    const typenames = (rows: Array<{ __typename: string }>) => [...new Set(rows.map((row) => row.__typename))];
    expect([total.__typename, typenames(warehouses), typenames(products)]).toEqual(['MovementTotal', ['WarehouseMovement'], ['ProductMovement']]);
    const untyped = ({ __typename: _typename, ...row }: { __typename: string }) => row;
    expect(untyped(total)).toEqual(admin.movement.total);
    expect(warehouses.map(untyped)).toEqual(admin.movement.warehouses);
    expect(products.map(untyped)).toEqual(admin.movement.products);
  });

  it('admin: the retail drill-down and a search for every colour of the dress', async () => {
    const hoodie = admin.movement.products.find((p: any) => p.product.sku === 'HOODIE');
    expect(figuresOf(hoodie)).toEqual({ opening: ['0', '0'], received: HOODIES, transfersIn: HOODIES, shipped: ['2', '30'], otherOutgoing: ['0', '0'],
      transfersOut: NONE, closing: ['10', '150'] });
    expect(admin.stockBalance.products).toHaveLength(admin.movement.products.length);

    const dresses = (await report('admin', { search: 'one size cotton dress' })).data.inventoryReport;
    expect(dresses.movement.products.map((p: any) => [p.product.sku, p.closing.quantity])).toEqual([
      ['DRESS-COTTON-NAVY', '10'], ['DRESS-COTTON-POWDER-PINK', '10'], ['DRESS-COTTON-SAGE-GREEN', '10'], ['DRESS-COTTON-WHITE', '10'],
    ]);
    expect(figuresOf(dresses.movement.total).shipped).toEqual(['5', '92.5']);
  });

  it('victor (supervisor, all reports, all warehouses) sees what the admin sees', async () => {
    const res = await report('victor');
    expect(res.errors).toBeUndefined();
    expect(res.data.inventoryReport).toEqual(admin);
  });

  it('sam (sales: SALES reports only) gets the sales section and the company value; the other sections are null', async () => {
    const res = await report('sam');
    expect(res.data.inventoryReport).toEqual({ ...admin, movement: null, stockBalance: null });
    expect(res.errors!.map((e) => [e.extensions!.code, e.extensions!.permission])).toEqual([
      ['FORBIDDEN', 'REPORT_VIEW:MOVEMENT'], ['FORBIDDEN', 'REPORT_VIEW:STOCK_BALANCE'],
    ]);
  });

  it.each(['anna', 'rick', 'sofia'])('%s (no REPORT_VIEW) gets null with one FORBIDDEN error', async (login) => {
    const res = await report(login);
    expect(res.data).toEqual({ inventoryReport: null });
    expect(res.errors!.map((e) => [e.extensions!.code, e.extensions!.permission])).toEqual([['FORBIDDEN', 'REPORT_VIEW']]);
  });

  it('an anonymous request is UNAUTHENTICATED', async () => {
    expect(codes(await report(null as unknown as string))).toEqual(['UNAUTHENTICATED']);
  });
});
