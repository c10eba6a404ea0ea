import { InventoryDocument } from '../../src/entities/inventory-document.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { MAX_BULK_DOCUMENTS } from '../../src/services/documents/bulk-document.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { as, createDraft, ledgerMismatches, level } from './support';

/** Stock of p in A: 5; staff sells from A and B; a clerk of A receives; someone without INVENTORY_VIEW. */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '10' }, { key: 'q', sku: 'Q', purchasePrice: '4' }],
  roles: [{ key: 'catalog-only', grants: [{ permission: 'CATALOG_VIEW' as never }] }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'staff', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['A', 'B'] }] },
    { key: 'clerkA', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
    { key: 'viewer', roles: [{ role: 'catalog-only' }] },
  ],
  documents: [{ key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [
    { product: 'p', quantity: '5', price: '10', to: 'A' }, { product: 'q', quantity: '50', price: '4', to: 'A' }] }],
};

const RESULT = 'atomic applied succeeded failed results { index document { id number status version } error { code message details } }';
const CREATE_MANY = `mutation($inputs: [CreateDocumentInput!]!, $atomic: Boolean) { createDocuments(inputs: $inputs, atomic: $atomic) { ${RESULT} } }`;
const PROCESS_MANY = `mutation($documents: [DocumentVersionInput!]!, $atomic: Boolean) { processDocuments(documents: $documents, atomic: $atomic) { ${RESULT} } }`;

describe('bulk createDocuments / processDocuments (issue 16 §5)', () => {
  let api: TestApi;
  let A: string, P: string, Q: string;
  const sale = (product: string, quantity: string) => ({ type: 'SALES_ORDER', title: 'bulk', items: [{ productId: product, quantity, fromWarehouseId: A }] });
  const count = () => api.db.getRepository(InventoryDocument).count();

  beforeAll(async () => {
    api = await startApi(spec);
    A = String(api.ids.warehouses.A);
    [P, Q] = ['p', 'q'].map((k) => String(api.ids.products[k]));
  });
  afterAll(() => api.close());

  it('creates each item under the single mutation\'s rules: one result per input, a failing item writes nothing of its own', async () => {
    const before = await count();
    const res = await as(api, 'staff', CREATE_MANY, { inputs: [
      sale(P, '1'),
      sale(P, '-2'),
      { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '1', toWarehouseId: A }] },
      sale(Q, '2'),
    ] });
    expect(res.errors).toBeUndefined();
    const out = res.data.createDocuments;
    expect(out).toMatchObject({ atomic: false, applied: true, succeeded: 2, failed: 2 });
    expect(out.results.map((r: any) => [r.index, r.document?.status ?? null, r.error?.code ?? null])).toEqual([
      [0, 'DRAFT', null], [1, null, 'BAD_USER_INPUT'], [2, null, 'FORBIDDEN'], [3, 'DRAFT', null],
    ]);
    expect(out.results[1].error.details).toMatchObject({ field: 'inputs[1].items[0].quantity' });
    // The same answer createDocument gives for that input: the rule names DOCUMENT:STOCK_RECEIPT:EDIT.
    expect(out.results[2].error.details).toEqual({ permission: 'DOCUMENT:STOCK_RECEIPT:EDIT' });
    const single = await as(api, 'staff', 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }',
      { input: { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '1', toWarehouseId: A }] } });
    expect(single.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'DOCUMENT:STOCK_RECEIPT:EDIT' });
    expect(await count()).toBe(before + 2);
  });

  it('all-or-nothing: one failing item and nothing is created; the others say NOT_APPLIED', async () => {
    const before = await count();
    const res = await as(api, 'staff', CREATE_MANY, { atomic: true, inputs: [sale(P, '1'), sale('999999', '1'), sale(Q, '1')] });
    expect(res.data.createDocuments).toMatchObject({ atomic: true, applied: false, succeeded: 0, failed: 3 });
    expect(res.data.createDocuments.results.map((r: any) => r.error.code)).toEqual(['NOT_APPLIED', 'BAD_USER_INPUT', 'NOT_APPLIED']);
    expect(res.data.createDocuments.results.every((r: any) => r.document === null)).toBe(true);
    expect(await count()).toBe(before);
  });

  it('processes each document on its own: stock, stale versions and states are per item; levels stay equal to the ledger', async () => {
    const fits = await createDraft(api, 'staff', sale(P, '3'));
    const tooMuch = await createDraft(api, 'staff', sale(P, '3')); // 5 − 3 leaves 2
    const stale = await createDraft(api, 'staff', sale(Q, '1'));
    const res = await as(api, 'staff', PROCESS_MANY, { documents: [
      { id: fits.id, version: fits.version }, { id: tooMuch.id, version: tooMuch.version },
      { id: stale.id, version: stale.version + 1 }, { id: fits.id, version: fits.version }, { id: '999999', version: 1 },
    ] });
    expect(res.errors).toBeUndefined();
    const out = res.data.processDocuments;
    expect(out.results.map((r: any) => r.document?.status ?? r.error.code)).toEqual(['PROCESSED', 'INSUFFICIENT_STOCK', 'CONFLICT', 'INVALID_STATE', 'NOT_FOUND']);
    expect(out.results[1].error.details).toMatchObject({ needed: '3', available: '2' });
    expect(out).toMatchObject({ succeeded: 1, failed: 4, applied: true });
    expect(await level(api.db, P, A)).toBe('2');
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });

  it('all-or-nothing processing: one refused document and no stock moves', async () => {
    const a = await createDraft(api, 'staff', sale(Q, '10'));
    const b = await createDraft(api, 'staff', sale(P, '50'));
    const res = await as(api, 'staff', PROCESS_MANY, { atomic: true, documents: [{ id: a.id, version: a.version }, { id: b.id, version: b.version }] });
    expect(res.data.processDocuments.results.map((r: any) => r.error.code)).toEqual(['NOT_APPLIED', 'INSUFFICIENT_STOCK']);
    expect(await level(api.db, Q, A)).toBe('50');
    const again = await as(api, 'staff', PROCESS_MANY, { atomic: true, documents: [{ id: a.id, version: a.version }] });
    expect(again.data.processDocuments).toMatchObject({ applied: true, succeeded: 1, failed: 0 });
    expect(await level(api.db, Q, A)).toBe('40');
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });

  it('a viewer without INVENTORY_VIEW is refused the whole field; a request over the size limit is BAD_USER_INPUT and writes nothing', async () => {
    const refused = await as(api, 'viewer', CREATE_MANY, { inputs: [sale(P, '1')] });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data.createDocuments).toBeNull();
    const before = await count();
    const tooMany = await as(api, 'staff', CREATE_MANY, { inputs: Array.from({ length: MAX_BULK_DOCUMENTS + 1 }, () => sale(Q, '1')) });
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0].message).toContain(String(MAX_BULK_DOCUMENTS));
    const atLimit = await as(api, 'staff', CREATE_MANY, { inputs: Array.from({ length: MAX_BULK_DOCUMENTS }, () => sale(Q, '1')) });
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data.createDocuments).toMatchObject({ succeeded: MAX_BULK_DOCUMENTS, failed: 0 });
    expect(await count()).toBe(before + MAX_BULK_DOCUMENTS);
  });
});
