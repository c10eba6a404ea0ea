import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentAction, DocumentType, Permission } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { as, CREATE, createDraft, PROCESS, processDoc, UPDATE } from './support';

/**
 * Stocktaking under the rules of every other document (issue 19 §2, DESIGN §2–§3): its own
 * DOCUMENT actions, lines in warehouses the viewer cannot select refused and filtered like any
 * line, the input errors of a count's lines, and the standard roles' grants of the new type.
 */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', code: 'A' }, { key: 'B', code: 'B' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '2' }, { key: 'k', sku: 'K', purchasePrice: '2', unit: 'kg' }, { key: 'm', sku: 'M', purchasePrice: '2' }],
  roles: [{
    key: 'counter',
    grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT },
      { permission: Permission.DOCUMENT, documentType: DocumentType.INVENTORY_COUNT, actions: [DocumentAction.VIEW, DocumentAction.EDIT] }],
  }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerk', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
    { key: 'staff', roles: [{ role: SystemRole.STORE_STAFF }] },
    { key: 'counter', roles: [{ role: 'counter' }] },
  ],
  documents: [{ key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [
    { product: 'p', quantity: '10', price: '2', to: 'A' }, { product: 'p', quantity: '10', price: '2', to: 'B' }] }],
};

const READ = 'query($id: ID!) { document(id: $id) { number items { quantity countedQuantity bookQuantity difference toWarehouse { code } } } }';

describe('inventory counts under the access rules (issue 19 §2)', () => {
  let api: TestApi;
  const id = (kind: 'products' | 'warehouses', key: string) => String(api.ids[kind][key]);
  const line = (product: string, quantity: string, warehouse = 'A', extra: Record<string, unknown> = {}) =>
    ({ productId: id('products', product), quantity, toWarehouseId: id('warehouses', warehouse), ...extra });
  const count = (...items: unknown[]) => ({ type: 'INVENTORY_COUNT', items });
  const errorOf = (res: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) => res.errors?.[0].extensions;

  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('needs its own DOCUMENT actions: without INVENTORY_COUNT EDIT no draft, without PROCESS no processing', async () => {
    expect(errorOf(await as(api, 'staff', CREATE, { input: count(line('p', '9')) })))
      .toMatchObject({ code: 'FORBIDDEN', permission: 'DOCUMENT:INVENTORY_COUNT:EDIT' });
    expect(errorOf(await as(api, 'staff', '{ documents(first: 5, type: INVENTORY_COUNT) { totalCount } }')))
      .toMatchObject({ code: 'FORBIDDEN', permission: 'DOCUMENT:INVENTORY_COUNT:VIEW' });
    const draft = await createDraft(api, 'counter', count(line('p', '9')));
    expect(errorOf(await as(api, 'counter', PROCESS, { id: draft.id, version: draft.version })))
      .toMatchObject({ code: 'FORBIDDEN', permission: 'DOCUMENT:INVENTORY_COUNT:PROCESS' });
    const processed = await processDoc(api, 'admin', draft);
    expect(errorOf(await as(api, 'clerk', 'mutation($id: ID!, $v: Int!) { cancelDocument(id: $id, version: $v) { id } }', { id: processed.id, v: processed.version })))
      .toMatchObject({ code: 'FORBIDDEN', permission: 'DOCUMENT:INVENTORY_COUNT:CANCEL' });
  });

  it('the standard roles: the clerk counts (view, edit, process), store staff do not, the administrator does everything', async () => {
    const permissions = async (login: string) => (await as(api, login, '{ viewer { documentPermissions { type actions } } }'))
      .data.viewer.documentPermissions.find((d: { type: string }) => d.type === 'INVENTORY_COUNT')?.actions.sort() ?? null;
    expect(await permissions('clerk')).toEqual(['EDIT', 'PROCESS', 'VIEW']);
    expect(await permissions('staff')).toBeNull();
    expect(await permissions('admin')).toEqual(['CANCEL', 'DELETE', 'EDIT', 'PROCESS', 'VIEW']);
  });

  it('counting a warehouse the viewer cannot select is refused exactly like any other line into it', async () => {
    const counted = await as(api, 'clerk', CREATE, { input: count(line('p', '1'), line('p', '3', 'B')) });
    const adjusted = await as(api, 'clerk', CREATE, { input: { type: 'STOCK_ADJUSTMENT', items: [line('p', '1'), line('p', '3', 'B')] } });
    // The warehouse is named as the viewer sent it (the opaque id), never by its database key.
    expect(errorOf(counted)).toMatchObject({ code: 'FORBIDDEN', permission: 'WAREHOUSE_SELECT', field: 'input.items[1].toWarehouseId',
      warehouseId: String(api.ids.warehouses.B) });
    expect(counted.errors![0].message).toBe(`You lack authority over warehouse ${api.ids.warehouses.B} (WAREHOUSE_SELECT).`);
    expect([counted.errors?.[0].message, errorOf(counted)]).toEqual([adjusted.errors?.[0].message, errorOf(adjusted)]);
  });

  it('a count of A and B shows a clerk of A only the A line, with its book and difference; one of B alone is hidden', async () => {
    const both = await processDoc(api, 'admin', await createDraft(api, 'admin', count(line('p', '12'), line('p', '7', 'B'))));
    const seen = (await as(api, 'clerk', READ, { id: both.id })).data.document;
    // P@A holds 9 since the first count (10 − 1).
    expect(seen.items).toEqual([{ quantity: '12', countedQuantity: '12', bookQuantity: '9', difference: '3', toWarehouse: { code: 'A' } }]);
    const onlyB = await createDraft(api, 'admin', count(line('p', '5', 'B')));
    expect((await as(api, 'clerk', READ, { id: onlyB.id })).data.document).toBeNull();
    expect(codes(await as(api, 'clerk', PROCESS, { id: onlyB.id, version: onlyB.version }))).toEqual(['NOT_FOUND']);
    const mixed = await createDraft(api, 'admin', count(line('p', '12'), line('p', '5', 'B')));
    expect(errorOf(await as(api, 'clerk', PROCESS, { id: mixed.id, version: mixed.version }))).toMatchObject({ code: 'FORBIDDEN', permission: 'WAREHOUSE_SELECT' });
    const listed = (await as(api, 'clerk', '{ documents(first: 20, type: INVENTORY_COUNT) { nodes { id } } }')).data.documents.nodes.map((d: { id: string }) => d.id);
    expect(listed).toContain(both.id);
    expect(listed).not.toContain(onlyB.id);
  });

  it('a count line counts 0 or more, once per product and warehouse, without a price or a source', async () => {
    const fields = async (input: unknown) => (errorOf(await as(api, 'admin', CREATE, { input })) as any)?.fieldErrors?.map((e: { field: string }) => e.field);
    expect(await fields(count(line('p', '-1'), line('k', '0', 'B'), line('k', '1', 'A', { purchasePrice: '2' }),
      line('p', '1.5', 'B'), line('m', '2', 'A', { fromWarehouseId: id('warehouses', 'B') }))))
      .toEqual(['input.items[0].quantity', 'input.items[2].purchasePrice', 'input.items[4].fromWarehouseId', 'input.items[3].quantity']);
    expect(await fields(count(line('p', '1'), line('k', '1'), line('p', '2')))).toEqual(['input.items[2].productId']);

    const draft = await createDraft(api, 'admin', count(line('p', '0'), line('k', '1')));
    const items = (await as(api, 'admin', 'query($id: ID!) { document(id: $id) { items { id } } }', { id: draft.id })).data.document.items;
    const update = (input: unknown) => as(api, 'admin', UPDATE, { id: draft.id, version: draft.version, input });
    expect(errorOf(await update({ addItems: [line('k', '3')] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.addItems[0].productId' });
    expect(errorOf(await update({ changeItems: [{ id: items[1].id, productId: id('products', 'p') }] })))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.changeItems[0].productId' });
    expect(codes(await update({ changeItems: [{ id: items[0].id, quantity: '3' }], addItems: [line('k', '0', 'B')] }))).toEqual([]);
  });

  it('other lines have no count fields', async () => {
    const receipt = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [line('p', '1')] });
    expect((await as(api, 'admin', READ, { id: receipt.id })).data.document.items)
      .toEqual([{ quantity: '1', countedQuantity: null, bookQuantity: null, difference: null, toWarehouse: { code: 'A' } }]);
  });
});
