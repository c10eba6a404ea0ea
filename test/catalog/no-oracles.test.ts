import { DocumentType, DocumentAction, Permission } from '../../src/shield/permission-catalog';
import { DocumentStatus } from '../../src/entities/inventory-document.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { codes, startApi, TestApi } from '../support/api';

/**
 * Issue 15 point 4 (DESIGN §3.9): uniqueness and dependency errors never reveal objects the
 * viewer cannot see. Anna edits warehouses and the catalog but selects only "online"; "retail"
 * and a draft receipt there are hidden from her.
 */
const SPEC = {
  standardRoles: true,
  warehouses: [{ key: 'online', code: 'online', name: 'Online store' }, { key: 'retail', code: 'retail', name: 'Retail store' },
    { key: 'spare', code: 'spare', name: 'Spare room' }],
  products: [{ key: 'hiddenLine', sku: 'HIDDEN-LINE' }, { key: 'bothKinds', sku: 'BOTH' }, { key: 'free', sku: 'FREE' }],
  roles: [{
    key: 'editor', grants: [
      { permission: Permission.CATALOG_VIEW }, { permission: Permission.CATALOG_EDIT }, { permission: Permission.WAREHOUSE_EDIT },
      { permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT, warehouses: ['online', 'spare'] },
      { permission: Permission.DOCUMENT, documentType: DocumentType.STOCK_RECEIPT, actions: [DocumentAction.VIEW] },
    ],
  }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'anna', roles: [{ role: 'editor' }] },
  ],
  documents: [
    { key: 'hiddenDraft', type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.DRAFT, author: 'admin',
      items: [{ product: 'hiddenLine', quantity: '1', to: 'retail' }, { product: 'bothKinds', quantity: '2', to: 'retail' }] },
    { key: 'visible', type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.PROCESSED, author: 'admin',
      items: [{ product: 'bothKinds', quantity: '3', to: 'online' }] },
  ],
};

describe('no existence oracles in uniqueness and dependency errors', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(SPEC as never); });
  afterAll(() => api.close());

  const UPDATE = 'mutation($id: ID!, $code: String!) { updateWarehouse(id: $id, input: { code: $code }) { code } }';
  const CREATE = 'mutation($code: String!) { createWarehouse(input: { code: $code, name: "New" }) { code } }';
  const DELETE = 'mutation($id: ID!) { deleteProduct(id: $id) }';

  it('a warehouse code held by a hidden warehouse is refused without naming it: same words as any unavailable code', async () => {
    const online = String(api.ids.warehouses.online);
    const hidden = await api.gql('anna', UPDATE, { id: online, code: 'retail' });
    expect(codes(hidden)).toEqual(['BAD_USER_INPUT']);
    expect(hidden.errors![0].message).toBe('input.code: the code "retail" is not available; choose another');
    expect(JSON.stringify(hidden.errors)).not.toMatch(/Retail store|exists|warehouse retail/i);
    expect(JSON.stringify(hidden.errors)).not.toContain(`"${api.ids.warehouses.retail}"`);
    const created = await api.gql('anna', CREATE, { code: 'RETAIL' });
    expect(created.errors![0].message).toBe('input.code: the code "RETAIL" is not available; choose another');
    // A clash with a warehouse she can see may say which one.
    const visible = await api.gql('anna', UPDATE, { id: online, code: 'spare' });
    expect(codes(visible)).toEqual(['BAD_USER_INPUT']);
    expect(visible.errors![0].message).toMatch(/warehouse spare already has this code/);
    expect((await api.gql('anna', '{ warehouses { code } }')).data.warehouses.map((w: { code: string }) => w.code).sort()).toEqual(['online', 'spare']);
  });

  it('deleteProduct names only visible blockers; a hidden draft\'s line is a count-free otherRecords flag', async () => {
    const onlyHidden = await api.gql('anna', DELETE, { id: String(api.ids.products.hiddenLine) });
    expect(codes(onlyHidden)).toEqual(['INVALID_STATE']);
    expect(onlyHidden.errors![0].extensions).toMatchObject({ reason: 'HAS_HISTORY', blockers: [], otherRecords: true });
    expect(onlyHidden.errors![0].message).toBe('Product HIDDEN-LINE has stock history (records you cannot see); archive it instead.');

    const both = await api.gql('anna', DELETE, { id: String(api.ids.products.bothKinds) });
    // Visible blockers explain the refusal: nothing is said about the hidden draft's line beside them.
    expect(both.errors![0].extensions).toMatchObject({ reason: 'HAS_HISTORY', blockers: ['MOVEMENTS', 'DOCUMENT_ITEMS'], otherRecords: false });
    expect(both.errors![0].message).toBe('Product BOTH has stock history (movements, document items); archive it instead.');

    // The administrator sees everything: no other records.
    const asAdmin = await api.gql('admin', DELETE, { id: String(api.ids.products.hiddenLine) });
    expect(asAdmin.errors![0].extensions).toMatchObject({ reason: 'HAS_HISTORY', blockers: ['DOCUMENT_ITEMS'], otherRecords: false });

    expect((await api.gql('anna', DELETE, { id: String(api.ids.products.free) })).data.deleteProduct).toBe(true);
  });
});
