import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { codes, startApi, TestApi } from '../support/api';
import { as, createDraft } from './support';

/**
 * Issue 18 §3: a stock-changing mutation returns the levels it changed — processDocument,
 * cancelDocument and processDocuments through InventoryDocument.changedStockLevels, the
 * reservation mutations through Reservation.stockLevel — equal to a fresh read, under the usual
 * field rules and row guards (a level in a warehouse the viewer cannot select is not returned).
 */
const LEVEL = 'id quantity reserved available warehouse { code } product { sku }';
const FRESH = `query($productId: ID!) { stockLevels(first: 200, filter: { productId: $productId }) { nodes { ${LEVEL} } } }`;
type Level = { id: string; quantity: string; reserved: string; available: string; warehouse: { code: string }; product: { sku: string } };

describe('mutations return the stock levels they changed (issue 18 §3)', () => {
  let api: TestApi;
  let online: string, retail: string, hoodie: string, cap: string;
  beforeAll(async () => {
    api = await startApi(DEMO_DATA);
    [online, retail] = ['online', 'retail'].map((k) => String(api.ids.warehouses[k]));
    [hoodie, cap] = ['hoodie', 'cap'].map((k) => String(api.ids.products[k]));
  });
  afterAll(() => api?.close());

  /** The viewer's fresh read of these products' levels. */
  const fresh = async (login: string, ...productIds: string[]): Promise<Level[]> => {
    const all: Level[] = [];
    for (const productId of productIds) {
      const res = await as(api, login, FRESH, { productId });
      expect(res.errors).toBeUndefined();
      all.push(...res.data.stockLevels.nodes);
    }
    return all;
  };
  const byKey = (levels: Level[]) => Object.fromEntries(levels.map((l) => [`${l.product.sku}@${l.warehouse.code}`, l]));

  it('processDocument and cancelDocument: the levels of every line, as a fresh read shows them', async () => {
    const doc = await createDraft(api, 'admin', { type: 'STOCK_TRANSFER', items: [
      { productId: hoodie, quantity: '2', fromWarehouseId: online, toWarehouseId: retail },
      { productId: cap, quantity: '1', fromWarehouseId: online, toWarehouseId: retail },
    ] });
    const processed = await as(api, 'admin', `mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { id version status changedStockLevels { ${LEVEL} } } }`,
      { id: doc.id, v: doc.version });
    expect(processed.errors).toBeUndefined();
    const changed: Level[] = processed.data.processDocument.changedStockLevels;
    expect(Object.keys(byKey(changed)).sort()).toEqual(['CAP@ONLINE', 'CAP@RETAIL', 'HOODIE@ONLINE', 'HOODIE@RETAIL']);
    expect(byKey(changed)).toEqual(byKey(await fresh('admin', hoodie, cap)));

    // anna selects only the online warehouse: the retail levels are neither returned nor hinted at.
    const seen = await as(api, 'anna', `query($id: ID!) { document(id: $id) { changedStockLevels { ${LEVEL} } } }`, { id: doc.id });
    expect(seen.errors).toBeUndefined();
    expect(Object.keys(byKey(seen.data.document.changedStockLevels)).sort()).toEqual(['CAP@ONLINE', 'HOODIE@ONLINE']);

    const cancelled = await as(api, 'admin', `mutation($id: ID!, $v: Int!) { cancelDocument(id: $id, version: $v) { status changedStockLevels { ${LEVEL} } } }`,
      { id: doc.id, v: processed.data.processDocument.version });
    expect(cancelled.errors).toBeUndefined();
    expect(byKey(cancelled.data.cancelDocument.changedStockLevels)).toEqual(byKey(await fresh('admin', hoodie, cap)));
    // The cancellation moved them back: not the numbers processing returned.
    expect(byKey(cancelled.data.cancelDocument.changedStockLevels)['HOODIE@ONLINE'].quantity)
      .not.toBe(byKey(changed)['HOODIE@ONLINE'].quantity);
  });

  it('under the usual field rules: a level\'s value needs PURCHASE_PRICE_VIEW there too', async () => {
    const doc = await createDraft(api, 'sam', { type: 'SALES_ORDER', items: [{ productId: hoodie, quantity: '1', fromWarehouseId: retail }] });
    const res = await as(api, 'sam', 'mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status changedStockLevels { quantity value warehouse { code } } } }',
      { id: doc.id, v: doc.version });
    expect(res.data.processDocument.status).toBe('PROCESSED');
    expect(res.data.processDocument.changedStockLevels).toEqual([expect.objectContaining({ value: null, warehouse: { code: 'RETAIL' } })]);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].extensions).toMatchObject({ coordinate: 'StockLevel.value', permission: 'PURCHASE_PRICE_VIEW' });
  });

  it('processDocuments: each result\'s document carries its levels', async () => {
    const a = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: cap, quantity: '3', toWarehouseId: online }] });
    const b = await createDraft(api, 'admin', { type: 'WRITE_OFF', items: [{ productId: hoodie, quantity: '1', fromWarehouseId: retail }] });
    const res = await as(api, 'admin', `mutation($docs: [DocumentVersionInput!]!) { processDocuments(documents: $docs, atomic: true) {
      results { document { changedStockLevels { ${LEVEL} } } } } }`, { docs: [a, b].map((d) => ({ id: d.id, version: d.version })) });
    expect(res.errors).toBeUndefined();
    const [first, second] = res.data.processDocuments.results.map((r: any) => byKey(r.document.changedStockLevels));
    const now = byKey(await fresh('admin', hoodie, cap));
    expect(first).toEqual({ 'CAP@ONLINE': now['CAP@ONLINE'] });
    expect(second).toEqual({ 'HOODIE@RETAIL': now['HOODIE@RETAIL'] });
  });

  it('reserveProduct and releaseReservation: the reservation\'s level with its new reserved and available, also twice in one operation', async () => {
    const twice = await as(api, 'sam', `mutation($p: ID!, $w: ID!) {
      a: reserveProduct(productId: $p, warehouseId: $w, quantity: "1", dealRef: "D-1") { id stockLevel { ${LEVEL} } }
      b: reserveProduct(productId: $p, warehouseId: $w, quantity: "2", dealRef: "D-2") { id stockLevel { ${LEVEL} } }
    }`, { p: cap, w: online });
    expect(twice.errors).toBeUndefined();
    const [a, b] = [twice.data.a.stockLevel, twice.data.b.stockLevel];
    expect(Number(b.reserved) - Number(a.reserved)).toBe(2);
    expect(b).toEqual(byKey(await fresh('sam', cap))['CAP@ONLINE']);
    const released = await as(api, 'sam', `mutation($id: ID!) { releaseReservation(id: $id) { status stockLevel { ${LEVEL} } } }`, { id: twice.data.b.id });
    expect(released.errors).toBeUndefined();
    expect(released.data.releaseReservation.stockLevel).toEqual(byKey(await fresh('sam', cap))['CAP@ONLINE']);
    expect(released.data.releaseReservation.stockLevel.reserved).toBe(a.reserved);
  });
});

describe('role and assignment mutations return the affected user and role (issue 18 §3)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(DEMO_DATA); });
  afterAll(() => api?.close());

  it('assignRole returns the assignment with its user and role as they are now; unassignRole the user; even twice in one operation', async () => {
    const role = await as(api, 'admin', 'mutation { createRole(input: { name: "Counters" }) { id name members { id } } }');
    expect(role.data.createRole.members).toEqual([]);
    const roleId = role.data.createRole.id;
    const sam = String(api.ids.users.sam);
    const res = await as(api, 'admin', `mutation($u: ID!, $r: ID!) {
      assigned: assignRole(userId: $u, roleId: $r) { id user { id assignments { role { id } } } role { id members { user { login } } } }
      removed: unassignRole(userId: $u, roleId: $r) { id assignments { role { id } } }
    }`, { u: sam, r: roleId });
    expect(res.errors).toBeUndefined();
    expect(res.data.assigned.role.members).toEqual([{ user: { login: 'sam' } }]);
    expect(res.data.assigned.user.assignments.map((a: any) => a.role.id)).toContain(roleId);
    expect(res.data.removed.assignments.map((a: any) => a.role.id)).not.toContain(roleId);
    const fresh = await as(api, 'admin', 'query($r: ID!) { role(id: $r) { members { id } } }', { r: roleId });
    expect(fresh.data.role.members).toEqual([]);
  });
});
