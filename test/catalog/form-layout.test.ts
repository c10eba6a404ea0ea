import { AccessAuditEntry } from '../../src/entities/access-audit-entry.entity';
import { startApi, TestApi } from '../support/api';
import { firstError, managementSpec } from './fixtures';

const LAYOUT = 'type customized fields { field label required visible position }';
const SET = `mutation($type: DocumentType!, $fields: [DocumentFormFieldInput!]!) { setDocumentFormLayout(type: $type, fields: $fields) { ${LAYOUT} } }`;

describe('document form layout (FORM_EDIT)', () => {
  let api: TestApi;
  const layout = async (type: string, as = 'clerk') =>
    (await api.gql(as, `query($type: DocumentType!) { documentFormLayout(type: $type) { ${LAYOUT} } }`, { type })).data.documentFormLayout;
  const set = (type: string, fields: unknown[], as = 'forms') => api.gql(as, SET, { type, fields });

  beforeAll(async () => { api = await startApi(managementSpec()); });
  afterAll(() => api.close());

  it('without a saved layout every field of the type shows, in the default order', async () => {
    expect(await layout('STOCK_RECEIPT')).toEqual({
      type: 'STOCK_RECEIPT', customized: false,
      fields: [
        { field: 'title', label: 'Title', required: false, visible: true, position: 0 },
        { field: 'documentDate', label: 'Document date', required: false, visible: true, position: 1 },
        { field: 'supplier', label: 'Supplier', required: false, visible: true, position: 2 },
        { field: 'incomingNumber', label: 'Incoming number', required: false, visible: true, position: 3 },
        { field: 'incomingDate', label: 'Incoming date', required: false, visible: true, position: 4 },
        { field: 'toWarehouse', label: 'To warehouse', required: true, visible: true, position: 5 },
        { field: 'product', label: 'Product', required: true, visible: true, position: 6 },
        { field: 'quantity', label: 'Quantity', required: true, visible: true, position: 7 },
        { field: 'purchasePrice', label: 'Purchase price', required: false, visible: true, position: 8 },
      ],
    });
    expect((await layout('SALES_ORDER')).fields.map((f: any) => f.field)).toEqual(['title', 'documentDate', 'dealRef', 'fromWarehouse', 'product', 'quantity']);
  });

  it('a form editor hides optional fields and reorders; front-ends get that order; the change is audited', async () => {
    const res = await set('SALES_ORDER', [
      { field: 'dealRef', visible: true, position: 10 }, { field: 'fromWarehouse', visible: true, position: 20 },
      { field: 'product', visible: true, position: 30 }, { field: 'quantity', visible: true, position: 40 },
      { field: 'title', visible: false, position: 50 }, { field: 'documentDate', visible: true, position: 60 },
    ]);
    expect(res.errors).toBeUndefined();
    const expected = [['dealRef', true, 0], ['fromWarehouse', true, 1], ['product', true, 2], ['quantity', true, 3], ['title', false, 4], ['documentDate', true, 5]];
    expect(res.data.setDocumentFormLayout.fields.map((f: any) => [f.field, f.visible, f.position])).toEqual(expected);
    const read = await layout('SALES_ORDER');
    expect(read.customized).toBe(true);
    expect(read.fields.map((f: any) => [f.field, f.visible, f.position])).toEqual(expected);
    expect((await layout('STOCK_TRANSFER')).customized).toBe(false);
    const entries = await api.db.getRepository(AccessAuditEntry).findBy({ subjectType: 'DOCUMENT_FORM', subjectId: 'SALES_ORDER' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: api.dbIds.users.forms, action: 'FORM_LAYOUT_SET', before: null });
  });

  it('validates against the fields the type has, naming the offending entry; nothing changes', async () => {
    const receipt = (overrides: Record<number, unknown>, extra: unknown[] = []) => [
      { field: 'title', visible: true, position: 0 }, { field: 'toWarehouse', visible: true, position: 1 },
      { field: 'product', visible: true, position: 2 }, { field: 'quantity', visible: true, position: 3 },
      { field: 'documentDate', visible: true, position: 5 }, { field: 'supplier', visible: true, position: 6 },
      { field: 'incomingNumber', visible: true, position: 7 }, { field: 'incomingDate', visible: true, position: 8 },
      { field: 'purchasePrice', visible: true, position: 4 },
    ].map((f, i) => ({ ...f, ...(overrides[i] as object) })).concat(extra as any[]);
    const cases: Array<[unknown[], string, RegExp]> = [
      [receipt({}, [{ field: 'dealRef', visible: true, position: 9 }]), 'fields[9].field', /not a field of STOCK_RECEIPT/],
      [receipt({}, [{ field: 'title', visible: true, position: 10 }]), 'fields[9].field', /twice/],
      [receipt({ 8: { position: 3 } }), 'fields[8].position', /used twice/],
      [receipt({ 8: { position: -1 } }), 'fields[8].position', /≥ 0/],
      [receipt({ 1: { visible: false } }), 'fields[1].visible', /required/],
      [receipt({}).slice(0, 8), 'fields', /missing: purchasePrice/],
    ];
    for (const [fields, field, reason] of cases) {
      const res = await set('STOCK_RECEIPT', fields);
      expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors![0].message).toMatch(reason);
    }
    expect((await layout('STOCK_RECEIPT')).customized).toBe(false);
  });

  it('changing needs FORM_EDIT, reading needs INVENTORY_VIEW', async () => {
    const before = await layout('SALES_ORDER');
    const res = await set('SALES_ORDER', before.fields.map((f: any) => ({ field: f.field, visible: true, position: f.position })), 'clerk');
    expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', permission: 'FORM_EDIT' });
    expect(await layout('SALES_ORDER')).toEqual(before);
    const read = await api.gql('forms', '{ documentFormLayout(type: WRITE_OFF) { type } }');
    expect(firstError(read)).toMatchObject({ code: 'FORBIDDEN', permission: 'INVENTORY_VIEW' });
  });

  it('reset brings back the default layout', async () => {
    const res = await api.gql('forms', `mutation { resetDocumentFormLayout(type: SALES_ORDER) { ${LAYOUT} } }`);
    expect(res.data.resetDocumentFormLayout.customized).toBe(false);
    expect((await layout('SALES_ORDER')).fields.every((f: any) => f.visible)).toBe(true);
  });

  it('concurrent layout changes of one type all succeed, the last one wins whole', async () => {
    const orders = [['title', 'dealRef'], ['dealRef', 'title'], ['title', 'dealRef'], ['dealRef', 'title']];
    const results = await Promise.all(orders.map(([first, second]) => set('SALES_ORDER', [
      { field: first, visible: true, position: 0 }, { field: second, visible: true, position: 1 },
      { field: 'fromWarehouse', visible: true, position: 2 }, { field: 'product', visible: true, position: 3 },
      { field: 'quantity', visible: true, position: 4 }, { field: 'documentDate', visible: true, position: 5 },
    ])));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const fields = (await layout('SALES_ORDER')).fields.map((f: any) => f.field);
    expect(fields.slice(2)).toEqual(['fromWarehouse', 'product', 'quantity', 'documentDate']);
    expect([...fields.slice(0, 2)].sort()).toEqual(['dealRef', 'title']);
  });
});
