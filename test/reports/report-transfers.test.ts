import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { startApi, TestApi } from '../support/api';
import { createDraft, ledgerMismatches, processDoc } from '../documents/support';
import { expectIdentity, figuresOf, FIGURES } from './report-support';

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', code: 'A' }, { key: 'B', code: 'B' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '10' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};

const QUERY = `query($day: Date!) { inventoryReport(from: $day, to: $day) {
  movement { total { ${FIGURES} } warehouses { warehouse { code } ${FIGURES} } }
  sales { receivedValue shippedValue sellThroughPercent daily { receivedValue shippedValue }
    warehouses { warehouse { code } receivedValue shippedValue sellThroughPercent shippedSharePercent } } } }`;

/**
 * Issue 14 point 5 (DESIGN §4): the sales figures count stock from outside — receipts and
 * adjustments — and sales; a transfer is never a purchase and never a sale. The movement table
 * keeps transfers in within `received` (and transfers out within `otherOutgoing`), each also
 * shown as a column of its own. The warehouse B: a receipt of 10 @ 4.50, an adjustment of
 * 5 @ 28.50, 30 transferred in @ 10 and a sale of 7 (leaving at B's average then, 10): received
 * 187.5, sell-through 37.33 % (it was 487.5 and 14.36 % when transfers counted as received).
 */
describe('report: transfers are their own figures, not purchases or sales', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('the issue\'s warehouse B: received 187.5 and sell-through 37.33 %; the movement table shows the transfers apart', async () => {
    const [A, B, P] = [String(api.ids.warehouses.A), String(api.ids.warehouses.B), String(api.ids.products.p)];
    const post = async (type: string, item: Record<string, unknown>) =>
      processDoc(api, 'admin', await createDraft(api, 'admin', { type, items: [{ productId: P, ...item }] }));
    await post('STOCK_RECEIPT', { quantity: '30', purchasePrice: '10', toWarehouseId: A });
    await post('STOCK_TRANSFER', { quantity: '30', fromWarehouseId: A, toWarehouseId: B });
    await post('SALES_ORDER', { quantity: '7', fromWarehouseId: B });
    await post('STOCK_RECEIPT', { quantity: '10', purchasePrice: '4.50', toWarehouseId: B });
    await post('STOCK_ADJUSTMENT', { quantity: '5', purchasePrice: '28.50', toWarehouseId: B });
    expect(await ledgerMismatches(api.db)).toEqual([]);

    const res = await api.gql('admin', QUERY, { day: new Date().toISOString().slice(0, 10) });
    expect(res.errors).toBeUndefined();
    const { movement, sales } = res.data.inventoryReport;
    const none = ['0', '0'];
    expect(movement.warehouses.map((w: any) => [w.warehouse.code, figuresOf(w)])).toEqual([
      ['A', { opening: none, received: ['30', '300'], transfersIn: none, shipped: none, otherOutgoing: ['30', '300'], transfersOut: ['30', '300'], closing: none }],
      ['B', { opening: none, received: ['45', '487.5'], transfersIn: ['30', '300'], shipped: ['7', '70'], otherOutgoing: none, transfersOut: none, closing: ['38', '417.5'] }],
    ]);
    for (const row of [movement.total, ...movement.warehouses]) expectIdentity(row);
    expect(sales.warehouses).toEqual([
      { warehouse: { code: 'A' }, receivedValue: '300', shippedValue: '0', sellThroughPercent: '0', shippedSharePercent: '0' },
      { warehouse: { code: 'B' }, receivedValue: '187.5', shippedValue: '70', sellThroughPercent: '37.33', shippedSharePercent: '100' },
    ]);
    expect(sales).toMatchObject({ receivedValue: '487.5', shippedValue: '70', sellThroughPercent: '14.36', daily: [{ receivedValue: '487.5', shippedValue: '70' }] });
  });
});
