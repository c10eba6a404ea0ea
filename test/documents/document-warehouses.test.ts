import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { apiId, dbKey, startApi, TestApi } from '../support/api';
import { as, createDraft, DELETE, UPDATE } from './support';

/**
 * Issue 21 §3: document visibility for narrow viewers reads document_warehouse, a cache of what
 * each document's lines touch. Every write of lines keeps it equal to the lines, and what a clerk
 * sees follows it: these tests edit a draft through the API and compare the table with the lines
 * and the clerks' lists after every step.
 */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }, { key: 'C' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '1' }, { key: 'q', sku: 'Q', purchasePrice: '1' }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    ...['A', 'B', 'C'].map((w) => ({ key: `clerk${w}`, roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: [w] }] })),
  ],
};

describe('document_warehouse follows the lines (issue 21 §3)', () => {
  let api: TestApi;
  let A: string, B: string, C: string, P: string, Q: string;

  beforeAll(async () => {
    api = await startApi(spec);
    [A, B, C] = ['A', 'B', 'C'].map((k) => String(api.ids.warehouses[k]));
    [P, Q] = ['p', 'q'].map((k) => String(api.ids.products[k]));
  });
  afterAll(() => api.close());

  /** What the table says and what the lines say, per document, so a failure shows both. */
  const tableAndLines = async () => {
    const table: Array<{ documentId: number; warehouseId: number }> = await api.db.query(
      'SELECT documentId, warehouseId FROM document_warehouse ORDER BY documentId, warehouseId');
    const lines: Array<{ documentId: number; warehouseId: number }> = await api.db.query(
      'SELECT documentId, fromWarehouseId AS warehouseId FROM document_item WHERE fromWarehouseId IS NOT NULL' +
      ' UNION SELECT documentId, toWarehouseId FROM document_item WHERE toWarehouseId IS NOT NULL' +
      ' UNION SELECT d.id, 0 FROM inventory_document d WHERE NOT EXISTS (SELECT 1 FROM document_item i WHERE i.documentId = d.id)' +
      ' ORDER BY 1, 2');
    const norm = (rows: Array<{ documentId: number; warehouseId: number }>) => rows.map((r) => `${r.documentId}@${r.warehouseId}`);
    return { table: norm(table), lines: norm(lines) };
  };
  const visibleTo = async (login: string) => {
    const res = await as(api, login, '{ documents(first: 100) { totalCount nodes { number } } }');
    expect(res.errors).toBeUndefined();
    return { total: res.data.documents.totalCount, numbers: res.data.documents.nodes.map((n: { number: string }) => n.number) };
  };

  it('create, edit, move, empty and delete a draft: the table equals the lines and each clerk sees exactly the drafts touching their warehouse', async () => {
    const draft = await createDraft(api, 'admin', { type: 'STOCK_TRANSFER', items: [{ productId: P, quantity: '1', fromWarehouseId: A, toWarehouseId: B }] });
    let state = await tableAndLines();
    expect(state.table).toEqual(state.lines);
    expect((await visibleTo('clerkA')).numbers).toEqual([draft.number]);
    expect((await visibleTo('clerkB')).numbers).toEqual([draft.number]);
    expect(await visibleTo('clerkC')).toEqual({ total: 0, numbers: [] });

    // Add a line B → C: C now sees it.
    let res = await as(api, 'admin', UPDATE, { id: draft.id, version: draft.version, input: { addItems: [{ productId: Q, quantity: '1', fromWarehouseId: B, toWarehouseId: C }] } });
    expect(res.errors).toBeUndefined();
    let doc = res.data.updateDocument;
    state = await tableAndLines();
    expect(state.table).toEqual(state.lines);
    expect((await visibleTo('clerkC')).total).toBe(1);

    // Remove the A → B line: A no longer sees it.
    const items = await api.db.query('SELECT id FROM document_item WHERE documentId = ? ORDER BY id', [dbKey(draft.id)]);
    res = await as(api, 'admin', UPDATE, { id: doc.id, version: doc.version, input: { removeItemIds: [apiId('DocumentItem', items[0].id)] } });
    expect(res.errors).toBeUndefined();
    doc = res.data.updateDocument;
    state = await tableAndLines();
    expect(state.table).toEqual(state.lines);
    expect(await visibleTo('clerkA')).toEqual({ total: 0, numbers: [] });

    // Remove the last line: a document without lines is visible to every clerk of the type (DESIGN §3.4).
    res = await as(api, 'admin', UPDATE, { id: doc.id, version: doc.version, input: { removeItemIds: [apiId('DocumentItem', items[1].id)] } });
    expect(res.errors).toBeUndefined();
    doc = res.data.updateDocument;
    state = await tableAndLines();
    expect(state.table).toEqual(state.lines);
    // …numbered in the type's own sequence, which counts nothing located (DESIGN §3.8 b): not A's number any more.
    expect(doc.number).toMatch(/^TR-\d{6}$/);
    for (const clerk of ['clerkA', 'clerkB', 'clerkC']) expect((await visibleTo(clerk)).numbers).toEqual([doc.number]);

    res = await as(api, 'admin', DELETE, { id: doc.id, version: doc.version });
    expect(res.errors).toBeUndefined();
    expect((await tableAndLines()).table).toEqual([]);
  });

  it('the warehouse filter reads the same table: a clerk filtering by their warehouse sees the drafts touching it', async () => {
    const inA = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '1', toWarehouseId: A }] });
    await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '1', toWarehouseId: B }] });
    const res = await as(api, 'admin', 'query($w: ID) { documents(first: 10, warehouseId: $w) { totalCount nodes { number } } }', { w: A });
    expect(res.errors).toBeUndefined();
    expect(res.data.documents).toEqual({ totalCount: 1, nodes: [{ number: inA.number }] });
    const state = await tableAndLines();
    expect(state.table).toEqual(state.lines);
  });
});
