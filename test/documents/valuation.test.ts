import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { codes, startApi, TestApi } from '../support/api';
import { CANCEL, createDraft, ledgerMismatches, processDoc, setAllowNegativeStock } from './support';

/** One warehouse pair, products without stock; an admin and store staff of A (no PURCHASE_PRICE_VIEW). */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', code: 'A' }, { key: 'B', code: 'B' }],
  products: [
    { key: 'p', sku: 'P', purchasePrice: '5' }, { key: 'q', sku: 'Q', purchasePrice: '1' }, { key: 'r', sku: 'R', purchasePrice: '2' },
    { key: 's', sku: 'S', purchasePrice: '3' }, { key: 't', sku: 'T', purchasePrice: '4' }, { key: 'u', sku: 'U', purchasePrice: '6' },
  ],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'staff', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['A'] }] },
  ],
};

const LEVELS = 'query($p: ID) { stockLevels(productId: $p) { nodes { quantity value averageCost warehouse { code } } } }';
const ITEMS = 'query($id: ID!) { document(id: $id) { total items { quantity purchasePrice lineTotal } } }';

/**
 * Moving-average cost per (product, warehouse) (DESIGN §1, issue 14 point 1), through the API:
 * outgoing lines at their source's average, transfers carrying it, quantity 0 ⇒ value 0,
 * cancellations at the values posted.
 */
describe('valuation: moving-average cost per (product, warehouse)', () => {
  let api: TestApi;
  let A: string, B: string;
  const product = (key: string) => String(api.ids.products[key]);
  const post = async (type: string, items: Array<Record<string, unknown>>) => processDoc(api, 'admin', await createDraft(api, 'admin', { type, items }));
  const receive = (p: string, quantity: string, purchasePrice: string | null, to = A) =>
    post('STOCK_RECEIPT', [{ productId: product(p), quantity, purchasePrice, toWarehouseId: to }]);
  const sell = (p: string, quantity: string, from = A) => post('SALES_ORDER', [{ productId: product(p), quantity, fromWarehouseId: from }]);
  const levels = async (p: string) => {
    const res = await api.gql('admin', LEVELS, { p: product(p) });
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(res.data.stockLevels.nodes.map((l: any) => [l.warehouse.code, [l.quantity, l.value, l.averageCost]]));
  };
  const lines = async (docId: string) => (await api.gql('admin', ITEMS, { id: docId })).data.document;

  beforeAll(async () => {
    api = await startApi(spec);
    [A, B] = ['A', 'B'].map((k) => String(api.ids.warehouses[k]));
  });
  afterAll(() => api.close());
  afterEach(async () => { expect(await ledgerMismatches(api.db)).toEqual([]); });

  it('the issue\'s reproduction: receive 10 @ 5.00, purchase price set to 8.00, sell 10 → shipped 50, 0 units worth 0', async () => {
    await receive('p', '10', '5.00');
    const price = await api.gql('admin', 'mutation($id: ID!) { updateProduct(id: $id, input: { purchasePrice: "8.00" }) { purchasePrice } }', { id: product('p') });
    expect(price.data.updateProduct.purchasePrice).toBe('8');
    const sale = await sell('p', '10');
    expect(await lines(sale.id)).toEqual({ total: '50', items: [{ quantity: '10', purchasePrice: '5', lineTotal: '50' }] });
    expect(await levels('p')).toEqual({ A: ['0', '0', null] });
    const day = new Date().toISOString().slice(0, 10);
    const report = await api.gql('admin', `{ inventoryReport(from: "${day}", to: "${day}") { totalStockValue sales { shippedValue }
      stockBalance { total { quantity value } } } }`);
    expect(report.data.inventoryReport).toEqual({ totalStockValue: '0', sales: { shippedValue: '50' }, stockBalance: { total: { quantity: '0', value: '0' } } });
  });

  it('outgoing lines leave at the running average, line by line within one document; a transfer carries it to its destination', async () => {
    await receive('q', '10', '5');
    await receive('q', '10', '8');
    expect(await levels('q')).toEqual({ A: ['20', '130', '6.5'] });
    const writeOff = await post('WRITE_OFF', [
      { productId: product('q'), quantity: '1', fromWarehouseId: A }, { productId: product('q'), quantity: '2', fromWarehouseId: A }]);
    expect((await lines(writeOff.id)).items.map((i: any) => i.lineTotal)).toEqual(['6.5', '13']);
    const transfer = await post('STOCK_TRANSFER', [{ productId: product('q'), quantity: '4', fromWarehouseId: A, toWarehouseId: B }]);
    expect((await lines(transfer.id)).items).toEqual([{ quantity: '4', purchasePrice: '6.5', lineTotal: '26' }]);
    expect(await levels('q')).toEqual({ A: ['13', '84.5', '6.5'], B: ['4', '26', '6.5'] });
  });

  it('rounds to 4 places and the last unit out takes the remainder: 3 units worth 1 leave as 0.3333 + 0.3334 + 0.3333', async () => {
    await receive('r', '1', '1');
    await receive('r', '2', '0');
    const values = [];
    for (let i = 0; i < 3; i++) values.push((await lines((await sell('r', '1')).id)).total);
    expect(values).toEqual(['0.3333', '0.3334', '0.3333']);
    expect(await levels('r')).toEqual({ A: ['0', '0', null] });
  });

  it('cancelling an outgoing document brings its stock back at the cost it left with, whatever happened since', async () => {
    await receive('s', '4', '2');
    const sale = await sell('s', '2');
    await receive('s', '2', '11');
    expect(await levels('s')).toEqual({ A: ['4', '26', '6.5'] });
    const undo = await api.gql('admin', CANCEL, { id: sale.id, version: sale.version });
    expect(undo.errors).toBeUndefined();
    expect(await levels('s')).toEqual({ A: ['6', '30', '5'] });
  });

  it('a document that brought stock in is cancelled only while nothing has left since: INVALID_STATE with the reason', async () => {
    const first = await receive('t', '5', '4');
    const second = await receive('t', '5', '6');
    // Only stock in since the first: both can be taken back, each at exactly its own value.
    expect((await api.gql('admin', CANCEL, { id: first.id, version: first.version })).errors).toBeUndefined();
    expect(await levels('t')).toEqual({ A: ['5', '30', '6'] });
    const transfer = await post('STOCK_TRANSFER', [{ productId: product('t'), quantity: '2', fromWarehouseId: A, toWarehouseId: B }]);
    const refused = await api.gql('admin', CANCEL, { id: second.id, version: second.version });
    expect(codes(refused)).toEqual(['INVALID_STATE']);
    expect(refused.errors![0].extensions).toMatchObject({ reason: 'STOCK_LEFT_SINCE', productId: product('t'), warehouseId: A });
    expect(refused.errors![0].message).toMatch(/has left warehouse .* correcting document/);
    // The transfer's destination received stock; once some leaves B, the transfer stays.
    await sell('t', '1', B);
    const transferUndo = await api.gql('admin', CANCEL, { id: transfer.id, version: transfer.version });
    expect(transferUndo.errors![0].extensions).toMatchObject({ code: 'INVALID_STATE', warehouseId: B });
    expect(await levels('t')).toEqual({ A: ['3', '18', '6'], B: ['1', '6', '6'] });
  });

  it('negative stock (when allowed) is valued at the product\'s purchase price and settled by the stock that fills it', async () => {
    await receive('u', '2', '3');
    await setAllowNegativeStock(api.db, true);
    try {
      await sell('u', '5');
      expect(await levels('u')).toEqual({ A: ['-3', '-18', null] });
      await receive('u', '1', '10');
      expect(await levels('u')).toEqual({ A: ['-2', '-12', null] });
      await receive('u', '4', '10');
      expect(await levels('u')).toEqual({ A: ['2', '20', '10'] });
    } finally {
      await setAllowNegativeStock(api.db, false);
    }
  });

  it('value and averageCost are purchase-price money: null with one FORBIDDEN error naming PURCHASE_PRICE_VIEW', async () => {
    const res = await api.gql('staff', LEVELS, { p: product('q') });
    expect(res.data.stockLevels.nodes).toEqual([{ quantity: '13', value: null, averageCost: null, warehouse: { code: 'A' } }]);
    expect(res.errors!.map((e) => [e.extensions!.code, e.extensions!.permission])).toEqual([
      ['FORBIDDEN', 'PURCHASE_PRICE_VIEW'], ['FORBIDDEN', 'PURCHASE_PRICE_VIEW']]);
  });
});
