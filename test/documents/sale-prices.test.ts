import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentAction, DocumentType, Permission, ReportKind } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { as, CANCEL, createDraft, processDoc, UPDATE } from './support';

/**
 * Sale prices on sales-order lines (issue 19 §6, docs/documents.md): written and read under
 * SALES_VIEW, the product's captured at processing, refused on any other line.
 */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', code: 'A' }, { key: 'B', code: 'B' }],
  products: [{ key: 'dress', sku: 'DRESS', purchasePrice: '18.50', salePrice: '39' }, { key: 'hat', sku: 'HAT', purchasePrice: '2', salePrice: '5.5' }],
  roles: [{
    key: 'viewer',
    grants: [
      { permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT },
      { permission: Permission.PURCHASE_PRICE_VIEW }, { permission: Permission.REPORT_VIEW, reportKinds: [ReportKind.SALES] },
      { permission: Permission.DOCUMENT, documentType: DocumentType.SALES_ORDER, actions: [DocumentAction.VIEW, DocumentAction.EDIT] },
    ],
  }, {
    key: 'seller',
    grants: [{ permission: Permission.WAREHOUSE_SELECT }, { permission: Permission.SALES_VIEW }, { permission: Permission.REPORT_VIEW, reportKinds: [ReportKind.SALES] }],
  }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'staff', roles: [{ role: SystemRole.STORE_STAFF }] },
    { key: 'viewer', roles: [{ role: 'viewer' }] },
    { key: 'seller', roles: [{ role: 'seller' }] },
  ],
};

const ITEMS = 'query($id: ID!) { document(id: $id) { items { quantity salePrice } } }';

describe('sale prices on sales-order lines', () => {
  let api: TestApi;
  let A: string;
  const product = (key: string) => String(api.ids.products[key]);

  beforeAll(async () => {
    api = await startApi(spec);
    A = String(api.ids.warehouses.A);
    await processDoc(api, 'admin', await createDraft(api, 'admin', {
      type: 'STOCK_RECEIPT', items: [{ productId: product('dress'), quantity: '10', purchasePrice: '18.50', toWarehouseId: A },
        { productId: product('hat'), quantity: '10', toWarehouseId: A }],
    }));
  });
  afterAll(() => api.close());

  it('store staff set a line sale price; a line without one takes the product\'s at processing', async () => {
    const draft = await createDraft(api, 'staff', {
      type: 'SALES_ORDER', items: [{ productId: product('dress'), quantity: '2', salePrice: '39', fromWarehouseId: A },
        { productId: product('hat'), quantity: '1', fromWarehouseId: A }],
    });
    expect((await as(api, 'staff', ITEMS, { id: draft.id })).data.document.items).toEqual([
      { quantity: '2', salePrice: '39' }, { quantity: '1', salePrice: null }]);
    await processDoc(api, 'staff', draft);
    expect((await as(api, 'staff', ITEMS, { id: draft.id })).data.document.items).toEqual([
      { quantity: '2', salePrice: '39' }, { quantity: '1', salePrice: '5.5' }]);
  });

  it('a viewer without SALES_VIEW reads null with FORBIDDEN and cannot write one; other fields still answer', async () => {
    const draft = await createDraft(api, 'admin', { type: 'SALES_ORDER', items: [{ productId: product('dress'), quantity: '1', salePrice: '40', fromWarehouseId: A }] });
    const read = await as(api, 'viewer', ITEMS, { id: draft.id });
    expect(read.data.document.items).toEqual([{ quantity: '1', salePrice: null }]);
    expect(codes(read)).toEqual(['FORBIDDEN']);
    expect(read.errors![0].path).toEqual(['document', 'items', 0, 'salePrice']);
    const write = await as(api, 'viewer', UPDATE, { id: draft.id, version: draft.version, input: { addItems: [{ productId: product('hat'), quantity: '1', salePrice: '1', fromWarehouseId: A }] } });
    expect(codes(write)).toEqual(['FORBIDDEN']);
    expect((await api.gql('admin', ITEMS, { id: draft.id })).data.document.items).toEqual([{ quantity: '1', salePrice: '40' }]);
  });

  it('a sale price on a receipt line, or a negative one, is BAD_USER_INPUT and changes nothing', async () => {
    const receipt = await as(api, 'admin', 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }', {
      input: { type: 'STOCK_RECEIPT', items: [{ productId: product('dress'), quantity: '1', salePrice: '39', toWarehouseId: A }] },
    });
    expect(codes(receipt)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(receipt.errors)).toContain('input.items[0].salePrice');
    const negative = await as(api, 'admin', 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }', {
      input: { type: 'SALES_ORDER', items: [{ productId: product('dress'), quantity: '1', salePrice: '-1', fromWarehouseId: A }] },
    });
    expect(codes(negative)).toEqual(['BAD_USER_INPUT']);
    const docs = await api.gql('admin', '{ documents(first: 50) { nodes { id } } }');
    expect(docs.data.documents.nodes).toHaveLength(3);
  });

  it('a sale price over amount.price is refused by the argument bound', async () => {
    const res = await as(api, 'admin', 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }', {
      input: { type: 'SALES_ORDER', items: [{ productId: product('dress'), quantity: '1', salePrice: '1000000000000', fromWarehouseId: A }] },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res.errors)).toContain('amount.price');
  });

  it('a cancelled sales order keeps its line prices (the ledger rows are reversed)', async () => {
    const sale = await processDoc(api, 'admin', await createDraft(api, 'admin', { type: 'SALES_ORDER', items: [{ productId: product('hat'), quantity: '1', fromWarehouseId: A }] }));
    const cancelled = await as(api, 'admin', CANCEL, { id: sale.id, version: sale.version });
    expect(cancelled.errors).toBeUndefined();
    expect((await api.gql('admin', ITEMS, { id: sale.id })).data.document.items).toEqual([{ quantity: '1', salePrice: '5.5' }]);
  });
});

/** Revenue and margin in the sales section of the report (docs/reports.md), over warehouse B only. */
describe('revenue and margin in the sales report', () => {
  let api: TestApi;
  let B: string;
  const product = (key: string) => String(api.ids.products[key]);
  const day = new Date().toISOString().slice(0, 10);
  const REPORT = `query($w: [ID!]) { inventoryReport(from: "${day}", to: "${day}", warehouseIds: $w) {
    sales { shippedValue revenue margin warehouses { warehouse { code } shippedValue revenue margin } } } }`;
  const report = (login: string) => as(api, login, REPORT, { w: [B] });
  const sell = async (items: Array<Record<string, unknown>>) =>
    processDoc(api, 'admin', await createDraft(api, 'admin', { type: 'SALES_ORDER', items: items.map((i) => ({ ...i, fromWarehouseId: B })) }));

  beforeAll(async () => {
    api = await startApi(spec);
    B = String(api.ids.warehouses.B);
    await processDoc(api, 'admin', await createDraft(api, 'admin', {
      type: 'STOCK_RECEIPT', items: [{ productId: product('dress'), quantity: '10', purchasePrice: '18.50', toWarehouseId: B },
        { productId: product('hat'), quantity: '10', toWarehouseId: B }],
    }));
  });
  afterAll(() => api.close());

  it('2 @ 39 on a product received at 18.50: revenue 78, margin 41; a line without a price adds the product\'s', async () => {
    await sell([{ productId: product('dress'), quantity: '2', salePrice: '39' }]);
    let res = await report('admin');
    expect(res.errors).toBeUndefined();
    expect(res.data.inventoryReport.sales).toEqual({
      shippedValue: '37', revenue: '78', margin: '41', warehouses: [{ warehouse: { code: 'B' }, shippedValue: '37', revenue: '78', margin: '41' }],
    });
    await sell([{ productId: product('hat'), quantity: '2' }]);
    res = await report('admin');
    expect(res.data.inventoryReport.sales).toMatchObject({ shippedValue: '41', revenue: '89', margin: '48' });
  });

  it('cancelling a sales order takes its revenue and margin back', async () => {
    const sale = await sell([{ productId: product('dress'), quantity: '1', salePrice: '100' }]);
    expect((await report('admin')).data.inventoryReport.sales).toMatchObject({ revenue: '189', margin: '129.5' });
    const cancelled = await as(api, 'admin', CANCEL, { id: sale.id, version: sale.version });
    expect(cancelled.errors).toBeUndefined();
    expect((await report('admin')).data.inventoryReport.sales).toMatchObject({ shippedValue: '41', revenue: '89', margin: '48' });
  });

  it('without SALES_VIEW: revenue and margin are null with one FORBIDDEN each; without PURCHASE_PRICE_VIEW only margin is', async () => {
    const viewer = await report('viewer');
    expect(viewer.data.inventoryReport.sales).toEqual({
      shippedValue: '41', revenue: null, margin: null, warehouses: [{ warehouse: { code: 'B' }, shippedValue: '41', revenue: null, margin: null }],
    });
    expect(viewer.errors!.map((e) => [e.extensions?.code, e.path!.join('.')]).sort()).toEqual([
      ['FORBIDDEN', 'inventoryReport.sales.margin'], ['FORBIDDEN', 'inventoryReport.sales.revenue'],
      ['FORBIDDEN', 'inventoryReport.sales.warehouses.0.margin'], ['FORBIDDEN', 'inventoryReport.sales.warehouses.0.revenue'],
    ]);
    const seller = await report('seller');
    expect(seller.data.inventoryReport.sales).toMatchObject({ revenue: '89', margin: null, warehouses: [{ revenue: '89', margin: null }] });
    expect(codes(seller)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});
