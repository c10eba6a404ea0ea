import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, missingId, startApi, TestApi } from '../support/api';
import { firstError, managementSpec } from './fixtures';

const PRODUCT = 'id sku name unit archived purchasePrice salePrice attributes { name value } parent { sku } variants { sku }';

const spec = managementSpec({
  products: [{ key: 'used', sku: 'USED' }, { key: 'shirt', sku: 'SHIRT' }, { key: 'shirt-s', sku: 'SHIRT-S', parent: 'shirt', attributes: { size: 'S' } }],
  documents: [{ key: 'in', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'used', quantity: '2', price: '1', to: 'A' }] }],
});

describe('product management (CATALOG_EDIT)', () => {
  let api: TestApi;
  const productCount = async () => (await api.gql('admin', '{ products(first: 1, includeArchived: true) { totalCount } }')).data.products.totalCount;
  const create = (as: string, input: Record<string, unknown>) =>
    api.gql(as, `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT} } }`, { input });
  const update = (as: string, id: string, input: Record<string, unknown>) =>
    api.gql(as, `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT} } }`, { id, input });
  const find = async (sku: string) =>
    (await api.gql('admin', `query($s: String) { products(first: 50, search: $s, includeArchived: true) { nodes { ${PRODUCT} } } }`, { s: sku }))
      .data.products.nodes.find((p: any) => p.sku === sku);

  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('creates a product with decimal prices and a unit, then two variants differing by colour', async () => {
    const parent = await create('pricing', { sku: 'DRESS', name: 'Cotton dress', purchasePrice: '18.5', salePrice: '49.90', unit: 'pcs' });
    expect(parent.errors).toBeUndefined();
    expect(parent.data.createProduct).toMatchObject({ sku: 'DRESS', purchasePrice: '18.5', salePrice: '49.9', unit: 'pcs', archived: false });
    for (const colour of ['pink', 'blue']) {
      const variant = await create('pricing', {
        sku: `DRESS-${colour.toUpperCase()}`, name: `Cotton dress ${colour}`, parentId: parent.data.createProduct.id,
        attributes: [{ name: 'colour', value: colour }], salePrice: '49.90',
      });
      expect(variant.errors).toBeUndefined();
      expect(variant.data.createProduct).toMatchObject({ parent: { sku: 'DRESS' }, attributes: [{ name: 'colour', value: colour }], purchasePrice: null });
    }
    expect((await find('DRESS')).variants).toEqual([{ sku: 'DRESS-PINK' }, { sku: 'DRESS-BLUE' }]);
  });

  it('SKUs are unique, case-insensitively: BAD_USER_INPUT on sku, nothing created', async () => {
    const before = await productCount();
    for (const sku of ['DRESS', 'dress-pink']) {
      const res = await create('catalog', { sku, name: 'Copy' });
      expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sku' });
    }
    const rename = await update('catalog', String(api.ids.products.shirt), { sku: 'used' });
    expect(firstError(rename)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sku' });
    expect(await productCount()).toBe(before);
  });

  it('validates every field with BAD_USER_INPUT naming it', async () => {
    const before = await productCount();
    const dress = (await find('DRESS')).id;
    const variantOf = (await find('DRESS-PINK')).id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ sku: 'HAS SPACE', name: 'X' }, 'input.sku'],
      [{ sku: 'OK-1', name: '  ' }, 'input.name'],
      [{ sku: 'OK-1', name: 'X', unit: '' }, 'input.unit'],
      [{ sku: 'OK-1', name: 'X', salePrice: '-1' }, 'input.salePrice'],
      [{ sku: 'OK-1', name: 'X', parentId: '99999', attributes: [{ name: 'colour', value: 'red' }] }, 'input.parentId'],
      [{ sku: 'OK-1', name: 'X', parentId: variantOf, attributes: [{ name: 'size', value: 'M' }] }, 'input.parentId'],
      [{ sku: 'OK-1', name: 'X', parentId: dress }, 'input.attributes'],
      [{ sku: 'OK-1', name: 'X', parentId: dress, attributes: [{ name: 'Colour', value: 'PINK' }] }, 'input.attributes'],
      [{ sku: 'OK-1', name: 'X', attributes: [{ name: 'a', value: '1' }, { name: 'A', value: '2' }] }, 'input.attributes'],
    ];
    for (const [input, field] of cases) {
      const res = await create('catalog', input);
      expect([field, firstError(res)]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    expect(codes(await create('catalog', { sku: 'OK-1', name: 'X', salePrice: '1.5e3' }))).toEqual(['BAD_USER_INPUT']);
    expect(await productCount()).toBe(before);
  });

  it('setting a purchase price also needs PURCHASE_PRICE_VIEW: FORBIDDEN naming it, nothing created or changed', async () => {
    const before = await productCount();
    const res = await create('catalog', { sku: 'CHEAP', name: 'Cheap thing', purchasePrice: '1.00' });
    expect(res.data.createProduct).toBeNull();
    expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW' });
    expect(await productCount()).toBe(before);
    const clear = await update('catalog', String(api.ids.products.used), { purchasePrice: null });
    expect(firstError(clear)).toMatchObject({ code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW' });
    expect((await find('USED')).purchasePrice).toBe('10');
    const withoutPrice = await api.gql('catalog', 'mutation { createProduct(input: { sku: "CHEAP", name: "Cheap thing", salePrice: "2" }) { sku salePrice } }');
    expect(withoutPrice.errors).toBeUndefined();
    expect(withoutPrice.data.createProduct).toEqual({ sku: 'CHEAP', salePrice: '2' });
  });

  it('every product mutation is FORBIDDEN without CATALOG_EDIT', async () => {
    const id = String(api.ids.products.shirt);
    for (const mutation of [
      'createProduct(input: { sku: "NOPE", name: "Nope" }) { id }', `updateProduct(id: "${id}", input: { name: "Nope" }) { id }`,
      `archiveProduct(id: "${id}") { id }`, `unarchiveProduct(id: "${id}") { id }`, `deleteProduct(id: "${id}")`,
      'importProductsCsv(csv: "sku,name\\nNOPE,Nope") { ok }',
    ]) {
      const res = await api.gql('clerk', `mutation { ${mutation} }`);
      expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', permission: 'CATALOG_EDIT' });
    }
    expect((await find('SHIRT')).name).toBe('Product shirt');
    expect(await find('NOPE')).toBeUndefined();
  });

  it('updates only the fields given; null clears a price; variants keep distinct attributes', async () => {
    const id = String(api.ids.products.shirt);
    const res = await update('pricing', id, { name: 'Oxford shirt', salePrice: '39', purchasePrice: '11.30', unit: 'box' });
    expect(res.data.updateProduct).toMatchObject({ sku: 'SHIRT', name: 'Oxford shirt', salePrice: '39', purchasePrice: '11.3', unit: 'box' });
    const cleared = await update('catalog', id, { salePrice: null });
    expect(cleared.data.updateProduct).toMatchObject({ name: 'Oxford shirt', salePrice: null, unit: 'box' });
    const m = await create('catalog', { sku: 'SHIRT-M', name: 'Oxford shirt M', parentId: id, attributes: [{ name: 'size', value: 'M' }] });
    const same = await update('catalog', m.data.createProduct.id, { attributes: [{ name: 'size', value: 's' }] });
    expect(firstError(same)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attributes' });
    expect(codes(await update('catalog', missingId('Product'), { name: 'Ghost' }))).toEqual(['NOT_FOUND']);
  });

  it('a product without history is deleted; one with movements must be archived instead', async () => {
    const cheap = (await find('CHEAP')).id;
    const deleted = await api.gql('catalog', 'mutation($id: ID!) { deleteProduct(id: $id) }', { id: cheap });
    expect(deleted.data.deleteProduct).toBe(true);
    expect(await find('CHEAP')).toBeUndefined();
    const used = await api.gql('catalog', 'mutation($id: ID!) { deleteProduct(id: $id) }', { id: String(api.ids.products.used) });
    // The catalog editor sees no stock data: the history is a count-free flag (issue 15 point 4); the admin sees its kinds.
    expect(firstError(used)).toMatchObject({ code: 'INVALID_STATE', reason: 'HAS_HISTORY', blockers: [], otherRecords: true, hint: 'archiveProduct' });
    expect(used.errors![0].message).toMatch(/archive it instead/);
    const byAdmin = await api.gql('admin', 'mutation($id: ID!) { deleteProduct(id: $id) }', { id: String(api.ids.products.used) });
    expect(firstError(byAdmin)).toMatchObject({ reason: 'HAS_HISTORY', blockers: ['MOVEMENTS', 'DOCUMENT_ITEMS'], otherRecords: false });
    const parent = await api.gql('catalog', 'mutation($id: ID!) { deleteProduct(id: $id) }', { id: String(api.ids.products.shirt) });
    expect(firstError(parent)).toMatchObject({ code: 'INVALID_STATE', reason: 'HAS_VARIANTS' });
    expect(await find('USED')).toBeDefined();
  });

  it('archiving hides a product and its variants from lists; a variant cannot return while its parent is archived', async () => {
    const shirt = String(api.ids.products.shirt);
    const res = await api.gql('catalog', 'mutation($id: ID!) { archiveProduct(id: $id) { archived variants { sku archived } } }', { id: shirt });
    expect(res.data.archiveProduct).toEqual({ archived: true, variants: [{ sku: 'SHIRT-S', archived: true }, { sku: 'SHIRT-M', archived: true }] });
    const listed = await api.gql('catalog', '{ products(first: 50, search: "SHIRT") { totalCount } }');
    expect(listed.data.products.totalCount).toBe(0);
    const variant = await api.gql('catalog', 'mutation($id: ID!) { unarchiveProduct(id: $id) { id } }', { id: String(api.ids.products['shirt-s']) });
    expect(firstError(variant)).toMatchObject({ code: 'INVALID_STATE', reason: 'PARENT_ARCHIVED' });
    const under = await create('catalog', { sku: 'SHIRT-L', name: 'L', parentId: shirt, attributes: [{ name: 'size', value: 'L' }] });
    expect(firstError(under)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    const back = await api.gql('catalog', 'mutation($id: ID!) { unarchiveProduct(id: $id) { archived variants { archived } } }', { id: shirt });
    expect(back.data.unarchiveProduct).toEqual({ archived: false, variants: [{ archived: false }, { archived: false }] });
  });
});
