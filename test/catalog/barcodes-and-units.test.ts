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
