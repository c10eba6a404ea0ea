import { SystemRole } from '../../src/entities/role.entity';
import { DocumentAction, DocumentType, Permission } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { createDraft, processDoc } from '../documents/support';
import { connect, listening, receive, WsClient } from './support';

/**
 * Issue 20 §6: live stock over graphql-ws on /graphql. Every event is re-read under the
 * subscriber's access of that moment: row guards, field rules and one error per denied coordinate
 * as for queries (DESIGN §3.1, §3.5), nothing at all for hidden warehouses (§3.8).
 */
const viewerGrants = (warehouses: string[]) => [
  { permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT, warehouses },
  { permission: Permission.DOCUMENT, documentType: DocumentType.STOCK_RECEIPT, actions: [DocumentAction.VIEW] },
];
const spec = {
  standardRoles: true,
  warehouses: [{ key: 'V', isDefault: true }, { key: 'H' }, { key: 'W' }],
  products: [{ key: 'tee', sku: 'TEE', purchasePrice: '2.5' }, { key: 'cap', sku: 'CAP', purchasePrice: '4' }],
  roles: [
    { key: 'seesV', grants: viewerGrants(['V']) },
    { key: 'seesW', grants: viewerGrants(['W']) },
    { key: 'noInventory', grants: [{ permission: Permission.CATALOG_VIEW }] },
  ],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'vera', roles: [{ role: 'seesV' }, { role: 'seesW' }] },
    { key: 'nina', roles: [{ role: 'noInventory' }] },
  ],
};

const LEVELS = `subscription($w: ID, $p: ID) { stockLevelChanged(warehouseId: $w, productId: $p) {
  quantity warehouse { code } product { sku purchasePrice } } }`;
const DOCUMENT = 'subscription($id: ID!) { documentChanged(id: $id) { id status items { quantity purchasePrice } } }';

describe('live stock over graphql-ws (issue 20 §6)', () => {
  let api: TestApi;
  const clients: WsClient[] = [];
  const as = async (login: string) => {
    const client = connect(api, `Bearer ${await api.token(login)}`);
    clients.push(client);
    return client;
  };
  beforeAll(async () => { api = await startApi(spec); });
  // The next test starts once the server has let go of this one's subscriptions.
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await listening(api, 0);
  });
  afterAll(() => api.close());

  it('delivers a level to a viewer of its warehouse, purchase price null with one FORBIDDEN; hidden warehouses deliver nothing, in order', async () => {
    const vera = await as('vera');
    const levels = vera.subscribe(LEVELS);
    await listening(api, 1);
    await receive(api, 'admin', 'tee', 'H', '7'); // hidden from vera: must not arrive
    await receive(api, 'admin', 'cap', 'V', '3');
    const first = await levels.next();
    expect(first.data).toEqual({ stockLevelChanged: { quantity: '3', warehouse: { code: expect.any(String) }, product: { sku: 'CAP', purchasePrice: null } } });
    expect(first.errors?.map((e) => [e.extensions?.code, e.extensions?.coordinate])).toEqual([['FORBIDDEN', 'Product.purchasePrice']]);
  });

  it('documentChanged: the processed document with its visible items, line prices null and one FORBIDDEN for the coordinate', async () => {
    const draft = await createDraft(api, 'admin', {
      type: 'STOCK_RECEIPT',
      items: ['tee', 'cap'].map((p) => ({ productId: String(api.ids.products[p]), quantity: '1', toWarehouseId: String(api.ids.warehouses.V), purchasePrice: '1' })),
    });
    const doc = (await as('vera')).subscribe(DOCUMENT, { id: draft.id });
    await listening(api, 1);
    await processDoc(api, 'admin', draft);
    const event = await doc.next();
    expect(event.data.documentChanged).toEqual({ id: draft.id, status: 'PROCESSED', items: [{ quantity: '1', purchasePrice: null }, { quantity: '1', purchasePrice: null }] });
    expect(event.errors?.map((e) => e.extensions?.coordinate)).toEqual(['DocumentItem.purchasePrice']);
  });

  it('a grant revoked mid-subscription stops delivery at the next event (no permission cache)', async () => {
    const levels = (await as('vera')).subscribe(LEVELS);
    await listening(api, 1);
    await receive(api, 'admin', 'tee', 'V', '1');
    expect((await levels.next()).data.stockLevelChanged.warehouse.code).toBe(await codeOf('V'));

    const unassign = await api.gql('admin', 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }',
      { u: String(api.ids.users.vera), r: String(api.ids.roles.seesV) });
    expect(unassign.errors).toBeUndefined();
    await receive(api, 'admin', 'tee', 'V', '1'); // V is no longer vera's
    await receive(api, 'admin', 'tee', 'W', '2');
    const next = await levels.next();
    expect(next.data.stockLevelChanged).toMatchObject({ quantity: '2', warehouse: { code: await codeOf('W') } });
    const reassign = await api.gql('admin', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }',
      { u: String(api.ids.users.vera), r: String(api.ids.roles.seesV) });
    expect(reassign.errors).toBeUndefined();
  });

  it('filters by warehouse and product ids; a hidden warehouse filter is accepted and hears nothing', async () => {
    const vera = await as('vera');
    const hidden = vera.subscribe(LEVELS, { w: String(api.ids.warehouses.H) });
    const capInV = vera.subscribe(LEVELS, { w: String(api.ids.warehouses.V), p: String(api.ids.products.cap) });
    await listening(api, 2);
    await receive(api, 'admin', 'tee', 'H', '1');
    await receive(api, 'admin', 'tee', 'V', '1');
    await receive(api, 'admin', 'cap', 'V', '1');
    expect((await capInV.next()).data.stockLevelChanged.product.sku).toBe('CAP');
    expect(hidden.received).toEqual([]);
  });

  it('refuses a connection without a token (4401) and a subscription the root rule denies (FORBIDDEN)', async () => {
    const anonymous = connect(api, null);
    clients.push(anonymous);
    expect((await anonymous.closed).code).toBe(4401);
    const bad = connect(api, 'Bearer not-a-token');
    clients.push(bad);
    expect(await bad.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED/) });

    const nina = (await as('nina')).subscribe(LEVELS);
    const errors = await nina.ended;
    expect(errors.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('over graphql-ws only subscriptions run; over HTTP POST a subscription is BAD_REQUEST naming graphql-ws', async () => {
    const query = (await as('vera')).subscribe('{ __typename }');
    expect((await query.ended).map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['BAD_REQUEST']);
    const http = await api.gql('vera', 'subscription { documentChanged(id: "1") { id } }');
    expect([http.status, codes(http)]).toEqual([400, ['BAD_REQUEST']]);
  });

  it('bulk processing: a batch rolled back publishes nothing, a partial one only its processed documents', async () => {
    const BULK = 'mutation($d: [DocumentVersionInput!]!, $atomic: Boolean!) { processDocuments(documents: $d, atomic: $atomic) { applied succeeded } }';
    const draft = (product: string, quantity: string) => createDraft(api, 'admin', {
      type: 'STOCK_RECEIPT', items: [{ productId: String(api.ids.products[product]), quantity, toWarehouseId: String(api.ids.warehouses.W) }],
    });
    const levels = (await as('vera')).subscribe(LEVELS, { w: String(api.ids.warehouses.W) });
    await listening(api, 1);
    const [tee, cap] = [await draft('tee', '10'), await draft('cap', '20')];
    const stale = { id: cap.id, version: cap.version + 1 };
    const rolledBack = await api.gql('admin', BULK, { d: [{ id: tee.id, version: tee.version }, stale], atomic: true });
    expect(rolledBack.data.processDocuments).toEqual({ applied: false, succeeded: 0 });
    const partial = await api.gql('admin', BULK, { d: [stale, { id: tee.id, version: tee.version }], atomic: false });
    expect(partial.data.processDocuments).toEqual({ applied: true, succeeded: 1 });
    const first = await levels.next();
    expect(first.data.stockLevelChanged.product.sku).toBe('TEE');
    await processDoc(api, 'admin', cap);
    expect((await levels.next()).data.stockLevelChanged).toMatchObject({ quantity: '20', product: { sku: 'CAP' } });
  });

  it('reserving and releasing move a level\'s reserved and available: each is an event', async () => {
    const levels = (await as('vera')).subscribe('subscription($w: ID) { stockLevelChanged(warehouseId: $w) { quantity reserved available } }',
      { w: String(api.ids.warehouses.W) });
    await listening(api, 1);
    const reserve = await api.gql('admin', 'mutation($p: ID!, $w: ID!) { reserveProduct(productId: $p, warehouseId: $w, quantity: "3", dealRef: "D-1") { id } }',
      { p: String(api.ids.products.cap), w: String(api.ids.warehouses.W) });
    expect(reserve.errors).toBeUndefined();
    expect((await levels.next()).data.stockLevelChanged).toEqual({ quantity: '20', reserved: '3', available: '17' });
    const release = await api.gql('admin', 'mutation($id: ID!) { releaseReservation(id: $id) { id } }', { id: reserve.data.reserveProduct.id });
    expect(release.errors).toBeUndefined();
    expect((await levels.next()).data.stockLevelChanged).toEqual({ quantity: '20', reserved: '0', available: '20' });
  });

  async function codeOf(key: string): Promise<string> {
    const res = await api.gql('admin', 'query($id: ID!) { warehouse(id: $id) { code } }', { id: String(api.ids.warehouses[key]) });
    return res.data.warehouse.code;
  }
});
