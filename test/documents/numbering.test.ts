import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { codes, startApi, TestApi } from '../support/api';
import { as, createDraft, DELETE, Doc, PROCESS, UPDATE } from './support';

/**
 * Document numbers (issue 15 §3, DESIGN §3.8 (b), docs/documents.md "Numbers"): one sequence per
 * (type, warehouse) — the warehouse of the first line's source, else destination — with the
 * warehouse's prefix in the number, and one per type for documents without lines. What a clerk of
 * A sees of numbers never moves with work done only in B.
 */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', code: 'main' }, { key: 'B', code: 'Retail-2' }],
  products: [{ key: 'p', sku: 'P' }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerkA', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
  ],
};

describe('document numbers per (type, warehouse)', () => {
  let api: TestApi;
  let A: string, B: string, P: string;
  const line = (to: string, quantity = '1') => ({ productId: P, quantity, toWarehouseId: to });
  const receipt = (login: string, ...to: string[]) => createDraft(api, login, { type: 'STOCK_RECEIPT', items: to.map((w) => line(w)) });
  const update = async (doc: Doc, input: Record<string, unknown>) => {
    const res = await as(api, 'admin', UPDATE, { id: doc.id, version: doc.version, input });
    expect(res.errors).toBeUndefined();
    return res.data.updateDocument as Doc;
  };
  const itemIds = async (doc: Doc) => (await as(api, 'admin', 'query($id: ID!) { document(id: $id) { items { id } } }', { id: doc.id }))
    .data.document.items.map((i: { id: string }) => i.id) as string[];

  beforeAll(async () => {
    api = await startApi(spec);
    [A, B] = ['A', 'B'].map((k) => String(api.ids.warehouses[k]));
    P = String(api.ids.products.p);
  });
  afterAll(() => api.close());

  it('a number carries its type, its warehouse prefix (the code in capitals) and its place in that sequence; no lines: the type alone', async () => {
    expect((await receipt('admin', A)).number).toBe('RC-MAIN-000001');
    expect((await receipt('admin', A)).number).toBe('RC-MAIN-000002');
    expect((await receipt('admin', B)).number).toBe('RC-RETAIL-2-000001');
    // A receipt into several warehouses: its first line's; a transfer: its source.
    expect((await receipt('admin', B, A)).number).toBe('RC-RETAIL-2-000002');
    const transfer = await createDraft(api, 'admin', { type: 'STOCK_TRANSFER', items: [{ productId: P, quantity: '1', fromWarehouseId: B, toWarehouseId: A }] });
    expect(transfer.number).toBe('TR-RETAIL-2-000001');
    expect((await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [] })).number).toBe('RC-000001');
    expect((await createDraft(api, 'admin', { type: 'WRITE_OFF', items: [{ productId: P, quantity: '1', fromWarehouseId: A }] })).number).toBe('WO-MAIN-000001');
    // Filtering by number finds a warehouse's documents by its prefix, in any case.
    const found = await as(api, 'admin', '{ documents(filter: { number: "rc-main-" }) { nodes { number } } }');
    expect(found.data.documents.nodes.map((d: { number: string }) => d.number).sort()).toEqual(['RC-MAIN-000001', 'RC-MAIN-000002']);
  });

  it('a clerk of A: the next number in A is the same whatever was created, edited or deleted in B meanwhile', async () => {
    const first = await receipt('clerkA', A);
    for (let i = 0; i < 4; i++) await receipt('admin', B);
    const hidden = await receipt('admin', B);
    expect(codes(await as(api, 'admin', DELETE, { id: hidden.id, version: hidden.version }))).toEqual([]);
    const next = await receipt('clerkA', A);
    const [, n] = /^RC-MAIN-(\d{6})$/.exec(first.number)!;
    expect(next.number).toBe(`RC-MAIN-${String(Number(n) + 1).padStart(6, '0')}`);
  });

  it('a draft whose lines leave the number\'s warehouse is renumbered where they are; otherwise, and once processed, the number stays', async () => {
    // Lines in A and B, numbered in A: removing the B line keeps the number, removing the A line renumbers in B.
    const both = await receipt('admin', A, B);
    expect(both.number).toMatch(/^RC-MAIN-/);
    const [lineA, lineB] = await itemIds(both);
    const kept = await update(both, { removeItemIds: [lineB] });
    expect(kept.number).toBe(both.number);
    const moved = await update(kept, { changeItems: [{ id: lineA, toWarehouseId: B }] });
    expect(moved.number).toMatch(/^RC-RETAIL-2-\d{6}$/);
    // Emptied: the sequence of documents without lines; given lines again: their warehouse's.
    const emptied = await update(moved, { removeItemIds: [lineA] });
    expect(emptied.number).toMatch(/^RC-\d{6}$/);
    const refilled = await update(emptied, { addItems: [line(A)] });
    expect(refilled.number).toMatch(/^RC-MAIN-\d{6}$/);
    const titled = await update(refilled, { title: 'Same lines' });
    expect(titled.number).toBe(refilled.number);
    const processed = await as(api, 'admin', PROCESS, { id: titled.id, version: titled.version });
    expect(processed.data.processDocument).toMatchObject({ status: 'PROCESSED', number: refilled.number });
  });

  it('a warehouse keeps its prefix when its code changes, and no other warehouse can take that code', async () => {
    const rename = await as(api, 'admin', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { code: "central" }) { code } }', { id: A });
    expect(rename.data.updateWarehouse).toEqual({ code: 'central' });
    expect((await receipt('admin', A)).number).toMatch(/^RC-MAIN-\d{6}$/);
    const taken = await as(api, 'admin', 'mutation { createWarehouse(input: { code: "MAIN", name: "Another main" }) { code } }');
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect(taken.errors?.[0].message).toMatch(/numbers its documents with "MAIN"/);
    // Its own first code it may take back.
    const back = await as(api, 'admin', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { code: "main" }) { code } }', { id: A });
    expect(back.data.updateWarehouse).toEqual({ code: 'main' });
  });

  it('concurrent creations in the same sequences get distinct, consecutive numbers (no duplicates, no gaps)', async () => {
    const before = await createDraft(api, 'admin', { type: 'SALES_ORDER', items: [{ productId: P, quantity: '1', fromWarehouseId: B }] });
    const start = Number(/(\d{6})$/.exec(before.number)![1]);
    const created = await Promise.all(Array.from({ length: 16 }, (_, i) => createDraft(api, 'admin', {
      type: 'SALES_ORDER', items: i % 4 === 3 ? [] : [{ productId: P, quantity: '1', fromWarehouseId: i % 4 === 1 ? A : B }],
    })));
    const inSequence = (pattern: RegExp) => created.map((d) => pattern.exec(d.number)).filter(Boolean).map((m) => Number(m![1])).sort((x, y) => x - y);
    const retail = inSequence(/^SO-RETAIL-2-(\d{6})$/);
    expect(retail).toEqual(Array.from({ length: 8 }, (_, i) => start + 1 + i));
    expect(inSequence(/^SO-MAIN-(\d{6})$/)).toEqual([1, 2, 3, 4]);
    expect(inSequence(/^SO-(\d{6})$/)).toEqual([1, 2, 3, 4]);
  });
});
