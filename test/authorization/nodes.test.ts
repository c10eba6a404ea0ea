import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { missingId, startApi, TestApi } from '../support/api';

/**
 * Global object identification (issue 18 §2, docs/design.md "Ids"): every entity type is a Node,
 * and node(id:) / nodes(ids:) answer under the same rules as the objects' own lookups and lists —
 * a hidden object is null exactly like a missing one, and fields keep their rules.
 */
describe('node(id:) and nodes(ids:)', () => {
  let api: TestApi;
  /** One id of every kind, as the administrator sees them; `retail…` ones lie only in the retail warehouse. */
  let ids: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(DEMO_DATA);
    const { warehouses, products, documents } = api.ids;
    const reserved = await api.gql('admin', 'mutation($p: ID!, $w: ID!) { reserveProduct(productId: $p, warehouseId: $w, quantity: "1", dealRef: "NODE-1") { id } }',
      { p: products.hoodie, w: warehouses.retail });
    const app = await api.gql('admin', `mutation { registerApplication(input: { name: "Node app", vendor: "Acme", clientId: "node-app",
      requestedPermissions: [{ permission: CATALOG_VIEW }] }) { id } }`);
    const res = await api.gql('admin', `query($hoodie: ID!, $retail: ID!, $doc: ID!) {
      document(id: $doc) { id items { id } }
      stockLevels(first: 1, warehouseId: $retail) { nodes { id } }
      movements(productId: $hoodie, warehouseId: $retail, first: 1) { nodes { id } }
      users(first: 1, search: "anna") { nodes { id assignments { id } } }
      roles { id }
      accessAuditLog(last: 1) { nodes { id } }
      settings { id }
      documentFormLayout(type: STOCK_RECEIPT) { id } }`, { hoodie: products.hoodie, retail: warehouses.retail, doc: documents['receipt-retail'] });
    expect([reserved.errors, app.errors, res.errors]).toEqual([undefined, undefined, undefined]);
    const d = res.data;
    ids = {
      Warehouse: warehouses.retail, Product: products.hoodie, InventoryDocument: documents['receipt-retail'], DocumentItem: d.document.items[0].id,
      StockLevel: d.stockLevels.nodes[0].id, StockMovement: d.movements.nodes[0].id, Reservation: reserved.data.reserveProduct.id,
      User: d.users.nodes[0].id, Role: d.roles[0].id, RoleAssignment: d.users.nodes[0].assignments[0].id, Application: app.data.registerApplication.id,
      AccessAuditEntry: d.accessAuditLog.nodes[0].id, InventorySettings: d.settings.id, DocumentFormLayout: d.documentFormLayout.id,
    };
  });
  afterAll(() => api.close());

  const node = (as: string, id: string, selection = '__typename id') =>
    api.gql(as, `query($id: ID!) { node(id: $id) { ${selection} } }`, { id });

  it('an administrator refetches an object of every entity type by its id: the same type and the same id (a stable cache key)', async () => {
    expect(Object.keys(ids)).toHaveLength(14);
    for (const [kind, id] of Object.entries(ids)) {
      const res = await node('admin', id);
      expect([kind, res.errors, res.data.node]).toEqual([kind, undefined, { __typename: kind, id }]);
    }
    const all = await api.gql('admin', 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: Object.values(ids) });
    expect(all.data.nodes).toEqual(Object.entries(ids).map(([kind, id]) => ({ __typename: kind, id })));
  });

  it('a node shows the fields of its type, as its own lookup does', async () => {
    const res = await node('admin', ids.Warehouse, '... on Warehouse { code } ... on Product { sku }');
    expect(res.data.node).toEqual({ code: 'RETAIL' });
    const layout = await node('admin', ids.DocumentFormLayout, '... on DocumentFormLayout { type }');
    expect(layout.data.node).toEqual({ type: 'STOCK_RECEIPT' });
  });

  it('what the viewer cannot see is null exactly like a missing or unknown id, without an error', async () => {
    // anna: clerk of the online warehouse only, without ACCESS_MANAGE.
    const hidden = ['Warehouse', 'InventoryDocument', 'DocumentItem', 'StockLevel', 'StockMovement', 'Reservation', 'User', 'Role', 'RoleAssignment',
      'Application', 'AccessAuditEntry'];
    const asked = [...hidden.map((kind) => ids[kind]), missingId('Warehouse'), missingId('InventoryDocument'), '1', 'not an id'];
    const res = await api.gql('anna', 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: asked });
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes).toEqual(asked.map(() => null));
    for (const id of asked) {
      const one = await node('anna', id);
      expect([id, one.errors, one.data]).toEqual([id, undefined, { node: null }]);
    }
    // What anna may look up is there: her warehouse, the catalog, the settings and form layouts.
    const seen = await api.gql('anna', 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
      { ids: [api.ids.warehouses.online, ids.Product, ids.InventorySettings, ids.DocumentFormLayout] });
    expect(seen.data.nodes.map((n: { __typename: string } | null) => n?.__typename)).toEqual(['Warehouse', 'Product', 'InventorySettings', 'DocumentFormLayout']);
  });

  it('a partly visible document shows only its visible lines, like document(id:)', async () => {
    const transfer = api.ids.documents.transfer;
    const fields = 'number items { id fromWarehouse { code } toWarehouse { code } }';
    const viaNode = await node('anna', transfer, `... on InventoryDocument { ${fields} }`);
    const viaLookup = await api.gql('anna', `query($id: ID!) { document(id: $id) { ${fields} } }`, { id: transfer });
    expect(viaNode.errors).toBeUndefined();
    expect(viaNode.data.node).toEqual(viaLookup.data.document);
    expect(viaNode.data.node.items.length).toBeGreaterThan(0);
  });

  it('fields keep their rules: a field the viewer may not read is null with one FORBIDDEN naming its permission', async () => {
    const res = await api.gql('anna', 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { sku purchasePrice } } }',
      { ids: [ids.Product, api.ids.products.dress] });
    expect(res.data.nodes).toEqual([{ sku: expect.any(String), purchasePrice: null }, { sku: expect.any(String), purchasePrice: null }]);
    expect(res.errors!.map((e) => [e.extensions!.code, e.extensions!.permission])).toEqual([['FORBIDDEN', 'PURCHASE_PRICE_VIEW']]);
  });

  it('a ledger row shows the running balance movements() shows beside it, in ledger order: a backdated receipt counts first', async () => {
    const { products, warehouses } = api.ids;
    const created = await api.gql('admin', `mutation($p: ID!, $w: ID!) { createDocument(input: { type: STOCK_RECEIPT, documentDate: "2020-01-01",
      items: [{ productId: $p, quantity: "3", toWarehouseId: $w }] }) { id version } }`, { p: products.hoodie, w: warehouses.retail });
    const { id, version } = created.data.createDocument;
    expect((await api.gql('admin', 'mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { id } }', { id, v: version })).errors).toBeUndefined();
    const listed = (await api.gql('admin', `query($p: ID!, $w: ID!) { movements(productId: $p, warehouseId: $w, first: 100) {
      nodes { id occurredAt balance } } }`, { p: products.hoodie, w: warehouses.retail })).data.movements.nodes;
    expect(listed.length).toBeGreaterThan(1);
    expect(listed[0].occurredAt).toMatch(/^2020-01-01/);
    const res = await api.gql('admin', 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on StockMovement { occurredAt balance } } }', { ids: listed.map((m: { id: string }) => m.id) });
    expect(res.data.nodes).toEqual(listed);
  });

  it('needs a signed-in viewer', async () => {
    const res = await api.gql(null, 'query($id: ID!) { node(id: $id) { id } }', { id: ids.Warehouse });
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
