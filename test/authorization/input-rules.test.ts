import { SystemRole } from '../../src/entities/role.entity';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { Permission } from '../../src/shield/permission-catalog';
import { apiId, codes, dbKey, startApi, TestApi } from '../support/api';
import { as, CREATE, createDraft, UPDATE } from '../documents/support';

/**
 * Writes obey the same rules as reads (DESIGN §3.9): an input the viewer could not read back
 * needs the permission to read it — FORBIDDEN naming the input path and the permission, nothing
 * written — and a price on an outgoing line is refused for everyone (its cost is the server's, §1).
 */
const spec: SeedSpec = {
  ...DEMO_DATA,
  roles: [
    ...DEMO_DATA.roles!,
    // Edits the catalog, but cannot see purchase prices.
    { key: 'cataloguer', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.CATALOG_EDIT }] },
  ],
  users: [...DEMO_DATA.users!, { key: 'cat', roles: [{ role: 'cataloguer' }] }, { key: 'root', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};

const TABLES = ['inventory_document', 'document_item', 'stock_movement', 'stock_level', 'product', 'reservation'];
const CREATE_MANY = `mutation($inputs: [CreateDocumentInput!]!) { createDocuments(inputs: $inputs, atomic: true) { applied } }`;

describe('input rules (DESIGN §3.9)', () => {
  let api: TestApi;
  let online: string, retail: string, hoodie: string;

  /** Row counts of every table a document or product write touches, and every stock level. */
  const snapshot = async () => ({
    counts: await Promise.all(TABLES.map(async (t) => Number((await api.db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n))),
    levels: (await api.db.query('SELECT productId, warehouseId, quantity FROM stock_level ORDER BY id')).map((r: any) => `${r.productId}:${r.warehouseId}:${Number(r.quantity)}`),
    prices: (await api.db.query('SELECT id, purchasePrice FROM product ORDER BY id')).map((r: any) => `${r.id}:${r.purchasePrice}`),
  });

  /** Runs the write and asserts it failed with exactly this error and changed nothing. */
  const refused = async (login: string, query: string, variables: Record<string, unknown>, expected: Record<string, unknown>) => {
    const before = await snapshot();
    const res = await as(api, login, query, variables);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
    return res;
  };

  beforeAll(async () => {
    api = await startApi(spec);
    [online, retail] = ['online', 'retail'].map((k) => String(api.ids.warehouses[k]));
    hoodie = String(api.ids.products.hoodie);
  });
  afterAll(() => api.close());

  it('issue 14: sam (no PURCHASE_PRICE_VIEW) writing purchasePrice "999" on a sales order line is FORBIDDEN naming the path and the permission; nothing written', async () => {
    const res = await refused('sam', CREATE, { input: { type: 'SALES_ORDER', items: [{ productId: hoodie, quantity: '2', purchasePrice: '999', fromWarehouseId: online }] } },
      { code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field: 'input.items[0].purchasePrice' });
    expect(res.errors![0].message).toContain('input.items[0].purchasePrice');
    expect(res.data?.createDocument ?? null).toBeNull();
    // The same line without a price is his to write.
    expect((await as(api, 'sam', CREATE, { input: { type: 'SALES_ORDER', items: [{ productId: hoodie, quantity: '2', fromWarehouseId: online }] } })).errors).toBeUndefined();
  });

  it('a clerk without PURCHASE_PRICE_VIEW may not price a receipt line, add or change one with a price, or clear a price', async () => {
    const receipt = { type: 'STOCK_RECEIPT', items: [{ productId: hoodie, quantity: '1', purchasePrice: '3', toWarehouseId: online }] };
    await refused('anna', CREATE, { input: receipt }, { code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field: 'input.items[0].purchasePrice' });
    const draft = await createDraft(api, 'anna', { type: 'STOCK_RECEIPT', items: [{ productId: hoodie, quantity: '1', toWarehouseId: online }] });
    const line = apiId('DocumentItem', (await api.db.query('SELECT id FROM document_item WHERE documentId = ?', [dbKey(draft.id)]))[0].id);
    for (const [input, field] of [
      [{ addItems: [{ productId: hoodie, quantity: '1', toWarehouseId: online }, { productId: hoodie, quantity: '1', purchasePrice: '2', toWarehouseId: online }] }, 'input.addItems[1].purchasePrice'],
      [{ changeItems: [{ id: String(line), purchasePrice: '2' }] }, 'input.changeItems[0].purchasePrice'],
      [{ changeItems: [{ id: String(line), purchasePrice: null }] }, 'input.changeItems[0].purchasePrice'],
    ] as const) {
      await refused('anna', UPDATE, { id: draft.id, version: draft.version, input }, { code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field });
    }
    expect((await as(api, 'anna', UPDATE, { id: draft.id, version: draft.version, input: { changeItems: [{ id: String(line), quantity: '2' }] } })).errors).toBeUndefined();
  });

  it('bulk createDocuments: a price in any document is FORBIDDEN naming its path; no document is created', async () => {
    const line = (price?: string) => ({ productId: hoodie, quantity: '1', toWarehouseId: online, ...(price ? { purchasePrice: price } : {}) });
    await refused('anna', CREATE_MANY, { inputs: [{ type: 'STOCK_RECEIPT', items: [line()] }, { type: 'STOCK_RECEIPT', items: [line(), line('4')] }] },
      { code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field: 'inputs[1].items[1].purchasePrice' });
  });

  it('products: setting or clearing a purchase price without PURCHASE_PRICE_VIEW is FORBIDDEN naming input.purchasePrice; the sale price is free', async () => {
    const create = 'mutation($input: CreateProductInput!) { createProduct(input: $input) { sku salePrice } }';
    const update = 'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { sku salePrice } }';
    await refused('cat', create, { input: { sku: 'NEW-1', name: 'New', purchasePrice: '1' } }, { code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field: 'input.purchasePrice' });
    await refused('cat', update, { id: hoodie, input: { purchasePrice: null } }, { code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field: 'input.purchasePrice' });
    const ok = await as(api, 'cat', update, { id: hoodie, input: { salePrice: '30' } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateProduct).toEqual({ sku: 'HOODIE', salePrice: '30' });
  });

  it('CSV import: a purchasePrice value in the file needs PURCHASE_PRICE_VIEW; an empty purchasePrice column does not', async () => {
    const importCsv = 'mutation($csv: String!) { importProductsCsv(csv: $csv) { ok imported } }';
    await refused('cat', importCsv, { csv: 'sku,name,purchasePrice\nCSV-1,One,\nCSV-2,Two,7' }, { code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW', field: 'csv' });
    const ok = await as(api, 'cat', importCsv, { csv: 'sku,name,purchasePrice\nCSV-1,One,' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.importProductsCsv).toEqual({ ok: true, imported: 1 });
  });

  it('a price on an outgoing line (sales order, write-off, transfer) is BAD_USER_INPUT naming the path, even for an administrator; nothing written', async () => {
    for (const input of [
      { type: 'SALES_ORDER', items: [{ productId: hoodie, quantity: '1', purchasePrice: '999', fromWarehouseId: online }] },
      { type: 'WRITE_OFF', items: [{ productId: hoodie, quantity: '1', purchasePrice: '0', fromWarehouseId: online }] },
      { type: 'STOCK_TRANSFER', items: [{ productId: hoodie, quantity: '1', purchasePrice: '15', fromWarehouseId: online, toWarehouseId: retail }] },
    ]) {
      await refused('admin', CREATE, { input }, { code: 'BAD_USER_INPUT', field: 'input.items[0].purchasePrice' });
    }
    const draft = await createDraft(api, 'admin', { type: 'STOCK_TRANSFER', items: [{ productId: hoodie, quantity: '1', fromWarehouseId: online, toWarehouseId: retail }] });
    const line = apiId('DocumentItem', (await api.db.query('SELECT id FROM document_item WHERE documentId = ?', [dbKey(draft.id)]))[0].id);
    await refused('admin', UPDATE, { id: draft.id, version: draft.version, input: { changeItems: [{ id: String(line), purchasePrice: '1' }] } },
      { code: 'BAD_USER_INPUT', field: 'input.changeItems[0].purchasePrice' });
    await refused('admin', UPDATE, { id: draft.id, version: draft.version, input: { addItems: [{ productId: hoodie, quantity: '1', purchasePrice: '1', fromWarehouseId: online, toWarehouseId: retail }] } },
      { code: 'BAD_USER_INPUT', field: 'input.addItems[0].purchasePrice' });
    // Clearing is allowed: it is the server's cost either way.
    expect(codes(await as(api, 'admin', UPDATE, { id: draft.id, version: draft.version, input: { changeItems: [{ id: String(line), purchasePrice: null }] } }))).toEqual([]);
  });
});
