import { UnitCatalog1796156306310 } from '../../src/migrations/1796156306310-unit-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { firstError, managementSpec } from './fixtures';

const PRODUCT = 'id sku unit barcodes';

/** Issue 19 §5: barcodes (unique, several per product, exact lookup and search) and units. */
describe('barcodes', () => {
  let api: TestApi;
  const create = (as: string, input: Record<string, unknown>) =>
    api.gql(as, `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT} } }`, { input });
  const update = (as: string, id: string, input: Record<string, unknown>) =>
    api.gql(as, `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT} } }`, { id, input });
  const byBarcode = (as: string, code: string) =>
    api.gql(as, `query($code: String!) { productByBarcode(code: $code) { ${PRODUCT} } }`, { code });
  const search = async (text: string) =>
    (await api.gql('clerk', 'query($s: String) { products(first: 50, search: $s) { nodes { sku } } }', { s: text })).data.products.nodes.map((p: any) => p.sku);
  const barcodeCount = async () => (await api.db.query('SELECT COUNT(*) AS n FROM product_barcode'))[0].n;

  beforeAll(async () => { api = await startApi(managementSpec({ products: [{ key: 'tea', sku: 'TEA' }] })); });
  afterAll(() => api.close());

  it('a product carries several barcodes, read with it and found exactly by any of them', async () => {
    const res = await create('catalog', { sku: 'MUG', name: 'Mug', barcodes: ['4006381333931', 'MUG-INT-1'] });
    expect(res.errors).toBeUndefined();
    expect(res.data.createProduct.barcodes).toEqual(['4006381333931', 'MUG-INT-1']);
    expect((await byBarcode('clerk', 'MUG-INT-1')).data.productByBarcode).toMatchObject({ sku: 'MUG', barcodes: ['4006381333931', 'MUG-INT-1'] });
    expect((await byBarcode('clerk', '4006381333931')).data.productByBarcode.sku).toBe('MUG');
    // Exact: another case, a prefix or a longer text names nothing.
    for (const code of ['mug-int-1', 'MUG-INT', '4006381333931 ', '400638133393']) {
      expect([code, (await byBarcode('clerk', code)).data.productByBarcode]).toEqual([code, null]);
    }
    expect(await search('4006381333931')).toEqual(['MUG']);
    expect(await search('40063813339')).toEqual([]);
  });

  it('codes differing only in case are different barcodes (byte-exact on both databases)', async () => {
    const lower = await create('catalog', { sku: 'CUP', name: 'Cup', barcodes: ['cup-x'] });
    const upper = await create('catalog', { sku: 'CUP2', name: 'Cup 2', barcodes: ['CUP-X'] });
    expect([lower.errors, upper.errors]).toEqual([undefined, undefined]);
    expect((await byBarcode('clerk', 'cup-x')).data.productByBarcode.sku).toBe('CUP');
    expect((await byBarcode('clerk', 'CUP-X')).data.productByBarcode.sku).toBe('CUP2');
  });

  it('a barcode another product holds is a CONFLICT naming the field and the SKU; nothing changes', async () => {
    const before = await barcodeCount();
    const res = await create('catalog', { sku: 'MUG-COPY', name: 'Copy', barcodes: ['NEW-1', 'MUG-INT-1'] });
    expect(res.data.createProduct).toBeNull();
    expect(firstError(res)).toMatchObject({ code: 'CONFLICT', field: 'input.barcodes[1]', sku: 'MUG' });
    expect(await search('MUG-COPY')).toEqual([]);
    const tea = String(api.ids.products.tea);
    const steal = await update('catalog', tea, { barcodes: ['4006381333931'] });
    expect(firstError(steal)).toMatchObject({ code: 'CONFLICT', field: 'input.barcodes[0]', sku: 'MUG' });
    expect(await barcodeCount()).toBe(before);
    expect((await byBarcode('clerk', '4006381333931')).data.productByBarcode.sku).toBe('MUG');
  });

  it('updateProduct replaces the list; [] removes them; a product may keep its own codes', async () => {
    const mug = (await byBarcode('clerk', 'MUG-INT-1')).data.productByBarcode;
    const replaced = await update('catalog', mug.id, { barcodes: ['MUG-INT-1', 'MUG-INT-2'] });
    expect(replaced.data.updateProduct.barcodes).toEqual(['MUG-INT-1', 'MUG-INT-2']);
    expect((await byBarcode('clerk', '4006381333931')).data.productByBarcode).toBeNull();
    expect((await update('catalog', mug.id, { name: 'Big mug' })).data.updateProduct.barcodes).toEqual(['MUG-INT-1', 'MUG-INT-2']);
    const freed = await update('catalog', String(api.ids.products.tea), { barcodes: ['4006381333931'] });
    expect(freed.data.updateProduct.barcodes).toEqual(['4006381333931']);
    expect((await update('catalog', mug.id, { barcodes: [] })).data.updateProduct.barcodes).toEqual([]);
    expect((await byBarcode('clerk', 'MUG-INT-2')).data.productByBarcode).toBeNull();
  });

  it('refuses malformed and repeated codes with BAD_USER_INPUT naming each, together with other bad fields', async () => {
    const before = await barcodeCount();
    const res = await create('catalog', { sku: 'BAD ONE', name: 'X', barcodes: ['OK-9', 'has space', 'OK-9', ''] });
    expect(firstError(res).code).toBe('BAD_USER_INPUT');
    expect(firstError(res).fieldErrors.map((e: any) => e.field)).toEqual(['input.sku', 'input.barcodes[1]', 'input.barcodes[2]', 'input.barcodes[3]']);
    expect(await barcodeCount()).toBe(before);
  });

  it('bounds: a code of more than 64 characters, more than 50 codes (named limits)', async () => {
    expect(firstError(await create('catalog', { sku: 'LONG', name: 'X', barcodes: ['1'.repeat(65)] })))
      .toMatchObject({ code: 'BAD_USER_INPUT', limit: 'stringLength', max: 64 });
    expect(firstError(await byBarcode('clerk', '1'.repeat(65)))).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'stringLength', max: 64 });
    const many = Array.from({ length: 51 }, (_, i) => `C${i}`);
    expect(firstError(await create('catalog', { sku: 'MANY', name: 'X', barcodes: many })))
      .toMatchObject({ code: 'BAD_USER_INPUT', limit: 'productBarcodes', max: 50 });
  });

  it('lookup needs CATALOG_VIEW; deleting a product frees its codes', async () => {
    expect(codes(await byBarcode('nobody', '4006381333931'))).toEqual(['FORBIDDEN']);
    const temp = await create('catalog', { sku: 'TEMP', name: 'Temp', barcodes: ['TEMP-1'] });
    const del = await api.gql('catalog', 'mutation($id: ID!) { deleteProduct(id: $id) }', { id: temp.data.createProduct.id });
    expect(del.errors).toBeUndefined();
    expect((await byBarcode('clerk', 'TEMP-1')).data.productByBarcode).toBeNull();
    expect((await create('catalog', { sku: 'TEMP2', name: 'Temp', barcodes: ['TEMP-1'] })).errors).toBeUndefined();
  });
});

describe('units', () => {
  let api: TestApi;
  const CREATE_DOC = 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version items { id quantity } } }';
  const receipt = (items: Array<[string, string]>) => ({
    input: { type: 'STOCK_RECEIPT', items: items.map(([p, quantity]) => ({ productId: String(p), quantity, toWarehouseId: String(api.ids.warehouses.A) })) },
  });
  const fieldsOf = (res: any) => (firstError(res).fieldErrors ?? []).map((e: any) => e.field);
  const documentCount = async () => (await api.db.query('SELECT COUNT(*) AS n FROM inventory_document'))[0].n;

  beforeAll(async () => {
    api = await startApi(managementSpec({ products: [{ key: 'flour', sku: 'FLOUR', unit: 'kg' }, { key: 'jar', sku: 'JAR' }] }));
  });
  afterAll(() => api.close());

  it('units lists the catalog with the whole-numbers flag; a product unit must be one of them', async () => {
    const res = await api.gql('clerk', '{ units { code name wholeNumbersOnly } }');
    const byCode = Object.fromEntries(res.data.units.map((u: any) => [u.code, u.wholeNumbersOnly]));
    expect(byCode).toMatchObject({ pcs: true, box: true, pack: true, pair: true, set: true, kg: false, g: false, l: false, ml: false, m: false, m2: false, m3: false });
    const bad = await api.gql('catalog', 'mutation { createProduct(input: { sku: "SOAP", name: "Soap", unit: "kilo" }) { id } }');
    expect(firstError(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unit' });
    const jar = String(api.ids.products.jar);
    const update = await api.gql('catalog', 'mutation($id: ID!) { updateProduct(id: $id, input: { unit: "piece" }) { unit } }', { id: jar });
    expect(firstError(update)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unit' });
    const ok = await api.gql('catalog', 'mutation { createProduct(input: { sku: "ROPE", name: "Rope", unit: "m" }) { unit } }');
    expect(ok.data.createProduct.unit).toBe('m');
  });

  it('a whole-numbers-only unit refuses a fractional line quantity, naming the line, in create and update', async () => {
    const { flour, jar } = api.ids.products;
    const before = await documentCount();
    const res = await api.gql('admin', CREATE_DOC, receipt([[flour, '0.5'], [jar, '1.5'], [jar, '2']]));
    expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[1].quantity' });
    expect(fieldsOf(res)).toEqual(['input.items[1].quantity']);
    expect(await documentCount()).toBe(before);
    const doc = (await api.gql('admin', CREATE_DOC, receipt([[flour, '0.5'], [jar, '2']]))).data.createDocument;
    const edit = await api.gql('admin', `mutation($id: ID!, $input: UpdateDocumentInput!) { updateDocument(id: $id, version: 1, input: $input) { version } }`,
      { id: doc.id, input: { changeItems: [{ id: doc.items[1].id, quantity: '2.25' }] } });
    expect(firstError(edit)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(firstError(edit).field).toMatch(/quantity$/);
  });

  it('processing re-checks: a draft whose product became whole-numbers-only is refused, nothing posted', async () => {
    const { flour } = api.ids.products;
    const doc = (await api.gql('admin', CREATE_DOC, receipt([[flour, '2.5']]))).data.createDocument;
    await api.gql('catalog', 'mutation($id: ID!) { updateProduct(id: $id, input: { unit: "box" }) { unit } }', { id: String(flour) });
    const res = await api.gql('admin', 'mutation($id: ID!) { processDocument(id: $id, version: 1) { status } }', { id: doc.id });
    expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].quantity' });
    expect(Number((await api.db.query('SELECT COUNT(*) AS n FROM stock_movement'))[0].n)).toBe(0);
    await api.gql('catalog', 'mutation($id: ID!) { updateProduct(id: $id, input: { unit: "kg" }) { unit } }', { id: String(flour) });
    expect((await api.gql('admin', 'mutation($id: ID!) { processDocument(id: $id, version: 1) { status } }', { id: doc.id })).data.processDocument.status).toBe('PROCESSED');
  });

  it('the migration maps known free-text spellings to codes and anything else to pcs', async () => {
    const spellings: Array<[string, string]> = [['шт', 'pcs'], ['Pieces', 'pcs'], ['KG', 'kg'], ['litre', 'l'], ['bucket', 'pcs'], ['m²', 'm2'], ['pairs', 'pair']];
    for (const [unit] of spellings) {
      await api.db.query('INSERT INTO product (sku, name, unit, archived) VALUES (?, ?, ?, 0)', [`OLD-${spellings.findIndex(([u]) => u === unit)}`, 'Old', unit]);
    }
    const runner = api.db.createQueryRunner();
    try { await new UnitCatalog1796156306310().up(runner); } finally { await runner.release(); }
    const rows: Array<{ sku: string; unit: string }> = await api.db.query("SELECT sku, unit FROM product WHERE sku LIKE 'OLD-%' ORDER BY sku");
    expect(rows.map((r) => r.unit)).toEqual(spellings.map(([, code]) => code));
    expect((await api.db.query("SELECT unit FROM product WHERE sku = 'FLOUR'"))[0].unit).toBe('kg');
  });
});
