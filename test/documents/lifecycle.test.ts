import { SystemRole } from '../../src/entities/role.entity';
import { DocumentItem } from '../../src/entities/document-item.entity';
import { InventoryDocument } from '../../src/entities/inventory-document.entity';
import { StockMovement } from '../../src/entities/stock-movement.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { apiId, codes, dbKey, missingId, startApi, TestApi } from '../support/api';
import {
  CANCEL, CREATE, createDraft, DELETE, ledgerMismatches, level, PROCESS, processDoc, setAllowNegativeStock, UPDATE,
} from './support';

/** Two active warehouses and an inactive one, three products, an admin and a clerk of A. */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }, { key: 'C', active: false }],
  products: [
    { key: 'p', sku: 'P', purchasePrice: '10' },
    { key: 'q', sku: 'Q', purchasePrice: '2.5', unit: 'kg' },
    { key: 'n', sku: 'N', purchasePrice: null },
    { key: 'z', sku: 'Z' },
  ],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerkA', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
  ],
};

describe('inventory documents: lifecycle, validation, ledger (issue 5 §1–3, §6)', () => {
  let api: TestApi;
  let A: string, B: string, C: string, P: string, Q: string, N: string, Z: string;
  let ledgerSnapshot: StockMovement[] = [];
  const ids = (key: 'p' | 'q' | 'n', wh: string) => [api.dbIds.products[key], dbKey(wh)] as const;
  const movementsOf = (docId: string) => api.db.getRepository(StockMovement).find({ where: { documentId: dbKey(docId) }, order: { id: 'ASC' } });
  const docRow = (docId: string) => api.db.getRepository(InventoryDocument).findOneBy({ id: dbKey(docId) });
  const itemRows = (docId: string) => api.db.getRepository(DocumentItem).find({ where: { documentId: dbKey(docId) }, order: { id: 'ASC' } });

  beforeAll(async () => {
    api = await startApi(spec);
    [A, B, C] = ['A', 'B', 'C'].map((k) => String(api.ids.warehouses[k]));
    [P, Q, N, Z] = ['p', 'q', 'n', 'z'].map((k) => String(api.ids.products[k]));
    await api.db.query('UPDATE product SET archived = 1 WHERE id = ?', [dbKey(Z)]);
  });
  afterAll(() => api.close());

  it('a receipt goes DRAFT → PROCESSED → CANCELLED; the ledger gets a row and then a reversal dated at cancellation', async () => {
    const draft = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', title: 'From the supplier',
      items: [{ productId: P, quantity: '10', purchasePrice: '7.5', toWarehouseId: A }] });
    expect(draft).toMatchObject({ type: 'STOCK_RECEIPT', status: 'DRAFT', version: 1, title: 'From the supplier', processedAt: null, cancelledAt: null });
    expect(draft.number).toMatch(/^RC-A-\d{6}$/);

    const processed = await processDoc(api, 'admin', draft);
    expect(processed).toMatchObject({ status: 'PROCESSED', version: 2 });
    expect(await level(api.db, ...ids('p', A))).toBe('10');
    const [row] = await movementsOf(draft.id);
    expect([row.quantity.toFixed(), row.unitCost.toFixed(), row.value.toFixed(), row.kind, row.reversal]).toEqual(['10', '7.5', '75', 'RECEIVED', false]);

    const cancelled = await api.gql('admin', CANCEL, { id: draft.id, version: 2 });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelDocument).toMatchObject({ status: 'CANCELLED', version: 3 });
    expect(await level(api.db, ...ids('p', A))).toBe('0');
    const rows = await movementsOf(draft.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(row);
    expect([rows[1].quantity.toFixed(), rows[1].value.toFixed(), rows[1].reversal]).toEqual(['-10', '-75', true]);
    // Issue 19 §1: the reversal counts on the day the document counts on; it was written at the cancellation.
    expect(rows[1].occurredAt.getTime()).toBe(rows[0].occurredAt.getTime());
    expect(rows[1].postedAt!.getTime()).toBe(new Date(cancelled.data.cancelDocument.cancelledAt).getTime());

    // Who and when (§6): author, processor and canceller are recorded on the document.
    const stored = (await docRow(draft.id))!;
    const adminId = api.dbIds.users.admin;
    expect([stored.authorId, stored.processedById, stored.cancelledById]).toEqual([adminId, adminId, adminId]);
    expect(stored.processedAt!.getTime()).toBe(new Date(processed.processedAt!).getTime());
    ledgerSnapshot = await api.db.getRepository(StockMovement).find({ order: { id: 'ASC' } });
  });

  it('each of the five types moves stock as DESIGN §1 says, valued at the price captured at processing', async () => {
    const run = async (input: Record<string, unknown>) => processDoc(api, 'admin', await createDraft(api, 'admin', input));
    const adjustment = await run({ type: 'STOCK_ADJUSTMENT', items: [{ productId: Q, quantity: '5', toWarehouseId: A }, { productId: N, quantity: '1', toWarehouseId: A }] });
    await run({ type: 'STOCK_TRANSFER', items: [{ productId: Q, quantity: '3', fromWarehouseId: A, toWarehouseId: B }] });
    await run({ type: 'WRITE_OFF', items: [{ productId: Q, quantity: '1', fromWarehouseId: A }] });
    await run({ type: 'SALES_ORDER', items: [{ productId: Q, quantity: '1.5', fromWarehouseId: B }] });
    expect(await level(api.db, ...ids('q', A))).toBe('1');
    expect(await level(api.db, ...ids('q', B))).toBe('1.5');

    // No line price: the product's purchase price (none → 0) is captured on the line and in the ledger.
    expect((await itemRows(adjustment.id)).map((i) => i.purchasePrice!.toFixed())).toEqual(['2.5', '0']);
    await api.db.query('UPDATE product SET purchasePrice = 99 WHERE id = ?', [dbKey(Q)]);
    expect((await movementsOf(adjustment.id)).map((m) => m.unitCost.toFixed())).toEqual(['2.5', '0']);
    const kinds = await api.db.query('SELECT documentType, kind, quantity FROM stock_movement WHERE productId = ? ORDER BY id', [dbKey(Q)]);
    expect(kinds.map((k: any) => `${k.documentType}:${k.kind}:${Number(k.quantity)}`)).toEqual([
      'STOCK_ADJUSTMENT:RECEIVED:5', 'STOCK_TRANSFER:TRANSFER_OUT:-3', 'STOCK_TRANSFER:TRANSFER_IN:3', 'WRITE_OFF:OTHER_OUT:-1', 'SALES_ORDER:SHIPPED:-1.5',
    ]);
  });

  it('a draft is edited — header, lines added, changed and removed — and a stale version is a CONFLICT that changes nothing', async () => {
    const draft = await createDraft(api, 'admin', { type: 'SALES_ORDER', title: 'Order', items: [
      { productId: P, quantity: '1', fromWarehouseId: A }, { productId: Q, quantity: '2', fromWarehouseId: A }] });
    const [first, second] = await itemRows(draft.id);
    const edited = await api.gql('admin', UPDATE, { id: draft.id, version: 1, input: {
      title: 'Order 7', dealRef: 'DEAL-7',
      changeItems: [{ id: apiId('DocumentItem', first.id), quantity: '4', fromWarehouseId: B }],
      removeItemIds: [apiId('DocumentItem', second.id)],
      addItems: [{ productId: N, quantity: '3', fromWarehouseId: A }],
    } });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateDocument).toMatchObject({ title: 'Order 7', dealRef: 'DEAL-7', version: 2, status: 'DRAFT' });
    const lines = (await itemRows(draft.id)).map((i) => [i.productId, i.quantity.toFixed(), i.purchasePrice?.toFixed() ?? null, i.fromWarehouseId]);
    expect(lines).toEqual([[dbKey(P), '4', null, dbKey(B)], [dbKey(N), '3', null, dbKey(A)]]);

    const stale = await api.gql('admin', UPDATE, { id: draft.id, version: 1, input: { title: 'Lost update', removeItemIds: [String(first.id)] } });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions).toMatchObject({ field: 'version', currentVersion: 2 });
    expect((await docRow(draft.id))!).toMatchObject({ title: 'Order 7', version: 2 });
    expect(await itemRows(draft.id)).toHaveLength(2);
    expect(codes(await api.gql('admin', PROCESS, { id: draft.id, version: 1 }))).toEqual(['CONFLICT']);
    expect(codes(await api.gql('admin', DELETE, { id: draft.id, version: 1 }))).toEqual(['CONFLICT']);
    expect((await docRow(draft.id))!.status).toBe('DRAFT');

    const cleared = await api.gql('admin', UPDATE, { id: draft.id, version: 2, input: { dealRef: null } });
    expect(cleared.data.updateDocument).toMatchObject({ dealRef: null, version: 3 });
  });

  it('bad input is BAD_USER_INPUT naming the field, and creates nothing', async () => {
    const item = (over: Record<string, unknown>) => ({ productId: P, quantity: '1', ...over });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'STOCK_RECEIPT', items: [item({ toWarehouseId: A, fromWarehouseId: B })] }, 'input.items[0].fromWarehouseId'],
      [{ type: 'STOCK_ADJUSTMENT', items: [item({})] }, 'input.items[0].toWarehouseId'],
      [{ type: 'STOCK_TRANSFER', items: [item({ fromWarehouseId: A, toWarehouseId: A })] }, 'input.items[0].toWarehouseId'],
      [{ type: 'STOCK_TRANSFER', items: [item({ toWarehouseId: A })] }, 'input.items[0].fromWarehouseId'],
      [{ type: 'WRITE_OFF', items: [item({ fromWarehouseId: A, toWarehouseId: B })] }, 'input.items[0].toWarehouseId'],
      [{ type: 'SALES_ORDER', items: [item({ fromWarehouseId: A }), item({ toWarehouseId: A })] }, 'input.items[1].fromWarehouseId'],
      [{ type: 'SALES_ORDER', items: [item({ fromWarehouseId: A, quantity: '0' })] }, 'input.items[0].quantity'],
      [{ type: 'SALES_ORDER', items: [item({ fromWarehouseId: A, quantity: '-2' })] }, 'input.items[0].quantity'],
      [{ type: 'SALES_ORDER', items: [item({ fromWarehouseId: A, purchasePrice: '-1' })] }, 'input.items[0].purchasePrice'],
      [{ type: 'SALES_ORDER', items: [item({ fromWarehouseId: A, productId: '99999' })] }, 'input.items[0].productId'],
      [{ type: 'SALES_ORDER', items: [item({ fromWarehouseId: A, productId: 'abc' })] }, 'input.items[0].productId'],
      [{ type: 'SALES_ORDER', items: [item({ fromWarehouseId: A, productId: Z })] }, 'input.items[0].productId'],
      [{ type: 'STOCK_RECEIPT', items: [item({ toWarehouseId: C })] }, 'input.items[0].toWarehouseId'],
      [{ type: 'STOCK_RECEIPT', items: [item({ toWarehouseId: '99999' })] }, 'input.items[0].toWarehouseId'],
      [{ type: 'STOCK_RECEIPT', title: 'x'.repeat(256), items: [] }, 'input.title'],
      [{ type: 'SALES_ORDER', dealRef: '  ', items: [] }, 'input.dealRef'],
    ];
    const before = await api.db.getRepository(InventoryDocument).count();
    for (const [input, field] of cases) {
      const res = await api.gql('admin', CREATE, { input });
      expect([JSON.stringify(input), codes(res), res.errors?.[0].extensions?.field]).toEqual([JSON.stringify(input), ['BAD_USER_INPUT'], field]);
    }
    expect(await api.db.getRepository(InventoryDocument).count()).toBe(before);

    const draft = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [item({ toWarehouseId: A })] });
    const [line] = await itemRows(draft.id);
    const edits: Array<[Record<string, unknown>, string]> = [
      [{ removeItemIds: [missingId('DocumentItem')] }, 'input.removeItemIds[0]'],
      [{ changeItems: [{ id: apiId('DocumentItem', line.id), quantity: '0' }] }, 'input.changeItems[0].quantity'],
      [{ changeItems: [{ id: apiId('DocumentItem', line.id), toWarehouseId: C }] }, 'input.changeItems[0].toWarehouseId'],
      [{ changeItems: [{ id: missingId('DocumentItem'), quantity: '2' }] }, 'input.changeItems[0].id'],
      [{ title: 'ok', addItems: [item({ toWarehouseId: A, productId: Z })] }, 'input.addItems[0].productId'],
    ];
    for (const [input, field] of edits) {
      const res = await api.gql('admin', UPDATE, { id: draft.id, version: 1, input });
      expect([JSON.stringify(input), codes(res), res.errors?.[0].extensions?.field]).toEqual([JSON.stringify(input), ['BAD_USER_INPUT'], field]);
    }
    expect(await docRow(draft.id)).toMatchObject({ version: 1, title: '' });
    expect((await itemRows(draft.id)).map((i) => i.quantity.toFixed())).toEqual(['1']);
  });

  it('wrong transitions are INVALID_STATE; only DRAFT and CANCELLED documents can be deleted; ledger rows outlive a deleted document', async () => {
    const empty = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [] });
    expect(codes(await api.gql('admin', PROCESS, { id: empty.id, version: 1 }))).toEqual(['INVALID_STATE']);
    expect(codes(await api.gql('admin', CANCEL, { id: empty.id, version: 1 }))).toEqual(['INVALID_STATE']);

    const doc = await processDoc(api, 'admin', await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '2', toWarehouseId: B }] }));
    expect(codes(await api.gql('admin', UPDATE, { id: doc.id, version: 2, input: { title: 'late' } }))).toEqual(['INVALID_STATE']);
    expect(codes(await api.gql('admin', PROCESS, { id: doc.id, version: 2 }))).toEqual(['INVALID_STATE']);
    expect(codes(await api.gql('admin', DELETE, { id: doc.id, version: 2 }))).toEqual(['INVALID_STATE']);
    const cancelled = await api.gql('admin', CANCEL, { id: doc.id, version: 2 });
    expect(cancelled.data.cancelDocument.status).toBe('CANCELLED');
    expect(codes(await api.gql('admin', CANCEL, { id: doc.id, version: 3 }))).toEqual(['INVALID_STATE']);
    expect(codes(await api.gql('admin', PROCESS, { id: doc.id, version: 3 }))).toEqual(['INVALID_STATE']);

    const deleted = await api.gql('admin', DELETE, { id: doc.id });
    expect(deleted.data.deleteDocument).toBe(doc.id);
    expect(await docRow(doc.id)).toBeNull();
    expect(await movementsOf(doc.id)).toHaveLength(2);
    expect(codes(await api.gql('admin', PROCESS, { id: doc.id, version: 3 }))).toEqual(['NOT_FOUND']);
    expect((await api.gql('admin', DELETE, { id: empty.id, version: 1 })).data.deleteDocument).toBe(empty.id);
  });

  it('processing and cancelling refuse with INSUFFICIENT_STOCK naming product, warehouse, needed and available — unless negative stock is allowed; a receipt whose stock has left is not cancelled', async () => {
    const order = await createDraft(api, 'admin', { type: 'SALES_ORDER', items: [{ productId: P, quantity: '5', fromWarehouseId: B }] });
    const refused = await api.gql('admin', PROCESS, { id: order.id, version: 1 });
    expect(codes(refused)).toEqual(['INSUFFICIENT_STOCK']);
    expect(refused.errors![0].extensions).toMatchObject({ productId: P, sku: 'P', warehouseId: B, needed: '5', available: '0' });
    expect(await docRow(order.id)).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(await movementsOf(order.id)).toEqual([]);

    await setAllowNegativeStock(api.db, true);
    try {
      await processDoc(api, 'admin', order);
      expect(await level(api.db, ...ids('p', B))).toBe('-5');
    } finally {
      await setAllowNegativeStock(api.db, false);
    }
    expect((await api.gql('admin', CANCEL, { id: order.id, version: 2 })).errors).toBeUndefined();
    expect(await level(api.db, ...ids('p', B))).toBe('0');

    // A cancellation that would take back stock already shipped is refused: since stock left, the
    // receipt's cost is part of the average of what left (DESIGN §1, issue 14 point 1).
    const receipt = await processDoc(api, 'admin', await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '2', toWarehouseId: B }] }));
    await processDoc(api, 'admin', await createDraft(api, 'admin', { type: 'SALES_ORDER', items: [{ productId: P, quantity: '2', fromWarehouseId: B }] }));
    const undo = await api.gql('admin', CANCEL, { id: receipt.id, version: receipt.version });
    expect(codes(undo)).toEqual(['INVALID_STATE']);
    expect(undo.errors![0].extensions).toMatchObject({ reason: 'STOCK_LEFT_SINCE', productId: P, warehouseId: B });
    expect((await docRow(receipt.id))!.status).toBe('PROCESSED');

    // With negative stock once allowed, a receipt that only filled part of a negative balance
    // cannot be taken back either: the reversal would deepen it (INSUFFICIENT_STOCK, available as it is).
    await setAllowNegativeStock(api.db, true);
    try {
      await processDoc(api, 'admin', await createDraft(api, 'admin', { type: 'SALES_ORDER', items: [{ productId: P, quantity: '5', fromWarehouseId: B }] }));
    } finally {
      await setAllowNegativeStock(api.db, false);
    }
    const partial = await processDoc(api, 'admin', await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '2', toWarehouseId: B }] }));
    const deeper = await api.gql('admin', CANCEL, { id: partial.id, version: partial.version });
    expect(codes(deeper)).toEqual(['INSUFFICIENT_STOCK']);
    expect(deeper.errors![0].extensions).toMatchObject({ warehouseId: B, needed: '2', available: '-3' });
    expect((await docRow(partial.id))!.status).toBe('PROCESSED');
  });

  it('document numbers are unique per type and human-readable, also when drafts are created concurrently', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      createDraft(api, 'admin', { type: i % 2 ? 'WRITE_OFF' : 'STOCK_TRANSFER', items: [] })));
    const numbers = created.map((d) => d.number);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.filter((n) => /^WO-\d{6}$/.test(n))).toHaveLength(6);
    expect(numbers.filter((n) => /^TR-\d{6}$/.test(n))).toHaveLength(6);
    const all = await api.db.getRepository(InventoryDocument).find();
    expect(new Set(all.map((d) => `${d.type}:${d.number}`)).size).toBe(all.length);
  });

  describe('authorization: the DOCUMENT action for the type and authority over every warehouse the items touch', () => {
    it('a clerk of A cannot put lines into B — FORBIDDEN whether B exists or not', async () => {
      for (const wh of [B, missingId('Warehouse')]) {
        const res = await api.gql('clerkA', CREATE, { input: { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '1', toWarehouseId: wh }] } });
        expect(codes(res)).toEqual(['FORBIDDEN']);
        expect(res.errors![0].extensions).toMatchObject({ permission: 'WAREHOUSE_SELECT', field: 'input.items[0].toWarehouseId' });
        expect(res.errors![0].message).toContain('lack authority over warehouse');
      }
    });

    it('a clerk has no DOCUMENT action on sales orders and may not cancel', async () => {
      const so = await api.gql('clerkA', CREATE, { input: { type: 'SALES_ORDER', items: [] } });
      expect(so.data.createDocument).toBeNull();
      expect(so.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'DOCUMENT:SALES_ORDER:EDIT' });
      const own = await processDoc(api, 'clerkA', await createDraft(api, 'clerkA', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '1', toWarehouseId: A }] }));
      const cancel = await api.gql('clerkA', CANCEL, { id: own.id, version: own.version });
      expect(cancel.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'DOCUMENT:STOCK_RECEIPT:CANCEL' });
      expect((await docRow(own.id))!).toMatchObject({ status: 'PROCESSED', authorId: api.dbIds.users.clerkA, processedById: api.dbIds.users.clerkA });
    });

    it('a transfer from A to B is visible to the clerk of A but not theirs to act on; adding a line into B is refused', async () => {
      const transfer = await createDraft(api, 'admin', { type: 'STOCK_TRANSFER', items: [{ productId: P, quantity: '1', fromWarehouseId: A, toWarehouseId: B }] });
      for (const [query, vars] of [[PROCESS, {}], [UPDATE, { input: { title: 'mine' } }]] as const) {
        const res = await api.gql('clerkA', query, { id: transfer.id, version: 1, ...vars });
        expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'WAREHOUSE_SELECT' });
      }
      const own = await createDraft(api, 'clerkA', { type: 'STOCK_TRANSFER', items: [] });
      const widen = await api.gql('clerkA', UPDATE, { id: own.id, version: 1, input: { addItems: [{ productId: P, quantity: '1', fromWarehouseId: A, toWarehouseId: B }] } });
      expect(widen.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.addItems[0].toWarehouseId' });
      expect(await itemRows(own.id)).toEqual([]);
      expect((await docRow(transfer.id))!).toMatchObject({ status: 'DRAFT', version: 1 });
    });

    it('a document the viewer cannot see is indistinguishable from a missing one', async () => {
      const hidden = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '1', toWarehouseId: B }] });
      const missing = apiId('InventoryDocument', dbKey(hidden.id) + 100000);
      for (const [query, vars] of [[PROCESS, {}], [UPDATE, { input: {} }], [CANCEL, {}], [DELETE, {}]] as const) {
        const seen = await api.gql('clerkA', query, { id: hidden.id, version: 1, ...vars });
        const absent = await api.gql('clerkA', query, { id: missing, version: 1, ...vars });
        expect(seen.errors![0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
        expect(absent.errors![0].extensions).toEqual(seen.errors![0].extensions);
        expect(absent.errors![0].message.replace(missing, '#')).toBe(seen.errors![0].message.replace(hidden.id, '#'));
      }
    });

    it('anonymous requests are UNAUTHENTICATED', async () => {
      expect(codes(await api.gql(null, PROCESS, { id: '1', version: 1 }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('every stock level equals the sum of its ledger, and ledger rows are never updated or deleted', async () => {
    expect(await ledgerMismatches(api.db)).toEqual([]);
    const now = await api.db.getRepository(StockMovement).find({ order: { id: 'ASC' } });
    expect(now.slice(0, ledgerSnapshot.length)).toEqual(ledgerSnapshot);
    expect(now.length).toBeGreaterThan(ledgerSnapshot.length);
  });
});
