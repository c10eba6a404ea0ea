import Decimal from 'decimal.js';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { verifyRollups } from '../../src/services/reports/rollup-maintenance';
import { DocumentType } from '../../src/shield/permission-catalog';
import { apiId, codes, dbKey, startApi, TestApi } from '../support/api';
import { as, CANCEL, createDraft, ledgerMismatches, PROCESS, processDoc, UPDATE } from './support';

/**
 * Issue 19 §1: documents carry a `documentDate` that dates their ledger rows; receipts carry a
 * supplier and the supplier's document number and date; `settings.closedBefore` refuses dating,
 * processing and cancelling into a closed period. Reports, rollups, `stockLevels(at:)` and
 * `movements` agree after backdated postings and a backdated cancellation.
 */
const DAY = 86_400_000;
const todayMs = Date.parse(new Date().toISOString().slice(0, 10));
const day = (n: number) => new Date(todayMs - n * DAY).toISOString().slice(0, 10);

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '2' }],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerk', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A', 'B'] }] },
  ],
  documents: [
    { key: 'r0', type: DocumentType.STOCK_RECEIPT, author: 'admin', at: new Date(todayMs - 20 * DAY + 10 * 3_600_000), items: [{ product: 'p', quantity: '10', price: '2', to: 'A' }] },
  ],
};

const HEADER = 'id number status version documentDate supplier incomingNumber incomingDate processedAt';
const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { ${HEADER} } }`;
const SETTINGS = 'mutation($input: UpdateSettingsInput!) { updateSettings(input: $input) { closedBefore } }';
const REPORT = `query($from: Date!, $to: Date!) { inventoryReport(from: $from, to: $to) {
  movement { total { opening { quantity value } received { quantity value } shipped { quantity value } closing { quantity value } } }
  sales { daily { day receivedValue shippedValue } } } }`;
const AT = 'query($at: Date) { stockLevels(first: 50, at: $at) { nodes { warehouse { code } quantity value } } }';
const MOVES = `query($p: ID!, $w: ID) { movements(productId: $p, warehouseId: $w, first: 100) {
  nodes { id quantity value balance occurredAt postedAt reversal } } }`;

describe('document dates and closed periods (issue 19 §1)', () => {
  let api: TestApi;
  let A: string;
  let B: string;
  let p: string;
  beforeAll(async () => {
    api = await startApi(spec);
    A = String(api.ids.warehouses.A);
    B = String(api.ids.warehouses.B);
    p = String(api.ids.products.p);
  });
  afterAll(() => api.close());

  const receipt = (extra: Record<string, unknown> = {}) => ({ type: 'STOCK_RECEIPT', items: [{ productId: p, quantity: '5', purchasePrice: '4', toWarehouseId: A }], ...extra });
  const sale = (extra: Record<string, unknown> = {}) => ({ type: 'SALES_ORDER', items: [{ productId: p, quantity: '3', fromWarehouseId: A }], ...extra });
  const create = async (input: Record<string, unknown>) => {
    const res = await as(api, 'admin', CREATE, { input });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createDocument;
  };

  /** Everything a refused operation must leave alone: ledger, levels, rollups (through the report) and the documents. */
  const snapshot = async () => ({
    ledger: await api.db.query('SELECT id, quantity, value, occurredAt FROM stock_movement ORDER BY id'),
    levels: await api.db.query('SELECT productId, warehouseId, quantity, value FROM stock_level ORDER BY id'),
    documents: await api.db.query('SELECT id, status, version, documentDate FROM inventory_document ORDER BY id'),
    report: (await as(api, 'admin', REPORT, { from: day(30), to: day(0) })).data,
  });

  /** The ledger recomputed: stock of p in A at the end of `n` days ago, and the rows of A in ledger order with their running balance. */
  async function fromLedger() {
    const rows: Array<{ id: number; warehouseId: number; quantity: unknown; value: unknown; occurredAt: string | Date }> =
      await api.db.query('SELECT id, warehouseId, quantity, value, occurredAt FROM stock_movement WHERE productId = ?', [api.dbIds.products.p]);
    const ordered = rows.map((r) => ({ ...r, at: new Date(r.occurredAt).getTime(), q: new Decimal(String(r.quantity)), v: new Decimal(String(r.value)) }))
      .sort((a, b) => a.at - b.at || a.id - b.id);
    const endOf = (n: number, warehouseId: number) => ordered.filter((r) => r.warehouseId === warehouseId && r.at < todayMs - n * DAY + DAY)
      .reduce((s, r) => ({ q: s.q.plus(r.q), v: s.v.plus(r.v) }), { q: new Decimal(0), v: new Decimal(0) });
    let balance = new Decimal(0);
    const history = ordered.filter((r) => r.warehouseId === api.dbIds.warehouses.A)
      .map((r) => { balance = balance.plus(r.q); return { id: apiId('StockMovement', r.id), quantity: r.q.toFixed(), balance: balance.toFixed() }; });
    return { endOf, history };
  }

  /** Reports, rollups, stock at every day and the history all agree with the ledger. */
  async function expectAgreement() {
    expect(await verifyRollups(api.db)).toEqual([]);
    expect(await ledgerMismatches(api.db)).toEqual([]);
    const { endOf, history } = await fromLedger();
    for (let n = 21; n >= 0; n--) {
      const res = await as(api, 'admin', AT, { at: day(n) });
      const a = res.data.stockLevels.nodes.find((l: { warehouse: { code: string } }) => l.warehouse.code === 'A');
      const want = endOf(n, api.dbIds.warehouses.A);
      expect({ n, quantity: a?.quantity ?? '0', value: a?.value ?? '0' }).toEqual({ n, quantity: want.q.toFixed(), value: want.v.toFixed() });
      // The movement report of that single day closes where the stock at its end stands.
      const report = await as(api, 'admin', REPORT, { from: day(n), to: day(n) });
      expect(report.data.inventoryReport.movement.total.closing.quantity).toBe(endOf(n, api.dbIds.warehouses.A).q.plus(endOf(n, api.dbIds.warehouses.B).q).toFixed());
    }
    const moves = await as(api, 'admin', MOVES, { p, w: A });
    expect(moves.data.movements.nodes.map((m: { id: string; quantity: string; balance: string }) => ({ id: m.id, quantity: m.quantity, balance: m.balance }))).toEqual(history);
    // Two-row pages give the same balances (the SUM before a page's first row follows ledger order).
    const paged: unknown[] = [];
    let after: string | null = null as string | null;
    do {
      const res = await as(api, 'admin', `query($p: ID!, $w: ID, $after: String) { movements(productId: $p, warehouseId: $w, first: 2, after: $after) {
          edges { node { id quantity balance } } pageInfo { endCursor hasNextPage } } }`, { p, w: A, after });
      paged.push(...res.data.movements.edges.map((e: { node: unknown }) => e.node));
      after = res.data.movements.pageInfo.hasNextPage ? res.data.movements.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(history);
  }

  it('dates a draft today by default, takes a receipt\'s supplier header, and refuses it on other types', async () => {
    const doc = await create(receipt({ supplier: '  Acme Ltd ', incomingNumber: 'INV-77', incomingDate: day(6) }));
    expect(doc).toMatchObject({ documentDate: day(0), supplier: 'Acme Ltd', incomingNumber: 'INV-77', incomingDate: day(6) });
    const cleared = await as(api, 'admin', `mutation($id: ID!, $v: Int!, $input: UpdateDocumentInput!) { updateDocument(id: $id, version: $v, input: $input) { ${HEADER} } }`,
      { id: doc.id, v: doc.version, input: { supplier: null, incomingNumber: 'INV-78', documentDate: day(1) } });
    expect(cleared.data.updateDocument).toMatchObject({ documentDate: day(1), supplier: null, incomingNumber: 'INV-78', incomingDate: day(6) });

    const before = await snapshot();
    const bad = await as(api, 'admin', CREATE, { input: sale({ supplier: 'Acme', incomingNumber: 'X', incomingDate: day(1), documentDate: day(-400) }) });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field).sort())
      .toEqual(['input.documentDate', 'input.incomingDate', 'input.incomingNumber', 'input.supplier']);
    const long = await as(api, 'admin', CREATE, { input: receipt({ supplier: 'x'.repeat(256) }) });
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot()).toEqual(before);
  });

  it('posts a backdated receipt and sale on their days: report, rollups, stock at a date and history agree; a cancellation reverses on the same day', async () => {
    const received = await processDoc(api, 'clerk', await create(receipt({ documentDate: day(5) })));
    const sold = await processDoc(api, 'admin', await create(sale({ documentDate: day(3), dealRef: null })));
    const rows: Array<{ documentId: number; occurredAt: string | Date; postedAt: string | Date }> =
      await api.db.query('SELECT documentId, occurredAt, postedAt FROM stock_movement WHERE documentId IN (?, ?) ORDER BY id', [dbKey(received.id), dbKey(sold.id)]);
    expect(rows.map((r) => new Date(r.occurredAt).toISOString())).toEqual([`${day(5)}T00:00:00.000Z`, `${day(3)}T00:00:00.000Z`]);
    for (const r of rows) expect(new Date(r.postedAt).getTime()).toBeGreaterThan(todayMs);

    const onDay = async (n: number) => (await as(api, 'admin', REPORT, { from: day(n), to: day(n) })).data.inventoryReport;
    expect((await onDay(5)).movement.total.received).toEqual({ quantity: '5', value: '20' });
    // 3 units leave at the average of 10 @ 2 and 5 @ 4 at processing time: 3 × 40/15 = 8.
    expect((await onDay(3)).movement.total.shipped).toEqual({ quantity: '3', value: '8' });
    expect((await onDay(3)).sales.daily).toEqual([{ day: day(3), receivedValue: '0', shippedValue: '8' }]);
    expect((await onDay(0)).movement.total.received.quantity).toBe('0');
    await expectAgreement();

    // Cancelling the backdated sale reverses it on its own day: that day nets to zero.
    const cancelled = await as(api, 'admin', CANCEL, { id: sold.id, version: sold.version });
    expect(cancelled.errors).toBeUndefined();
    const reversal: Array<{ occurredAt: string | Date; postedAt: string | Date }> =
      await api.db.query('SELECT occurredAt, postedAt FROM stock_movement WHERE documentId = ? AND reversal = 1', [dbKey(sold.id)]);
    expect(new Date(reversal[0].occurredAt).toISOString()).toBe(`${day(3)}T00:00:00.000Z`);
    expect(new Date(reversal[0].postedAt).getTime()).toBe(new Date(cancelled.data.cancelDocument.cancelledAt).getTime());
    expect((await onDay(3)).movement.total.shipped).toEqual({ quantity: '0', value: '0' });
    await expectAgreement();
  });

  it('processes a draft dated ahead only from its date on', async () => {
    const ahead = await create(receipt({ documentDate: day(-2) }));
    const before = await snapshot();
    const res = await as(api, 'admin', PROCESS, { id: ahead.id, version: ahead.version });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('documentDate');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses dating, processing and cancelling into a closed period, changing nothing; reopening lets them through', async () => {
    const draft = await create(receipt({ documentDate: day(8) }));
    const posted = await processDoc(api, 'admin', await create(receipt({ documentDate: day(9) })));

    // Only SETTINGS_EDIT closes a period, and not ahead of today.
    expect(codes(await as(api, 'clerk', SETTINGS, { input: { closedBefore: day(7) } }))).toEqual(['FORBIDDEN']);
    const ahead = await as(api, 'admin', SETTINGS, { input: { closedBefore: day(-1) } });
    expect(codes(ahead)).toEqual(['BAD_USER_INPUT']);
    expect(ahead.errors![0].extensions!.field).toBe('input.closedBefore');
    expect((await as(api, 'admin', SETTINGS, { input: { closedBefore: day(7) } })).data.updateSettings.closedBefore).toBe(day(7));
    expect((await as(api, 'clerk', '{ settings { closedBefore } }')).data.settings.closedBefore).toBe(day(7));

    const before = await snapshot();
    const created = await as(api, 'admin', CREATE, { input: receipt({ documentDate: day(8) }) });
    expect(codes(created)).toEqual(['BAD_USER_INPUT']);
    expect(created.errors![0].extensions!.field).toBe('input.documentDate');
    const open = await create(receipt({ documentDate: day(6) }));
    const moved = await as(api, 'admin', UPDATE, { id: open.id, version: open.version, input: { documentDate: day(7 + 1) } });
    expect(codes(moved)).toEqual(['BAD_USER_INPUT']);
    const processed = await as(api, 'admin', PROCESS, { id: draft.id, version: draft.version });
    expect(codes(processed)).toEqual(['INVALID_STATE']);
    expect(processed.errors![0].extensions).toMatchObject({ reason: 'PERIOD_CLOSED', field: 'documentDate', documentDate: day(8), closedBefore: day(7) });
    const cancelled = await as(api, 'admin', CANCEL, { id: posted.id, version: posted.version });
    expect(codes(cancelled)).toEqual(['INVALID_STATE']);
    expect(cancelled.errors![0].extensions).toMatchObject({ reason: 'PERIOD_CLOSED', documentDate: day(9) });
    const after = await snapshot();
    // The one document created meanwhile (dated in the open period) is the only difference.
    expect({ ...after, documents: after.documents.filter((d: { id: number }) => d.id !== dbKey(open.id)) }).toEqual(before);

    // The open period still posts; moving closedBefore back reopens the days before.
    await processDoc(api, 'admin', open);
    await as(api, 'admin', SETTINGS, { input: { closedBefore: null } });
    expect((await as(api, 'admin', PROCESS, { id: draft.id, version: draft.version })).errors).toBeUndefined();
    expect((await as(api, 'admin', CANCEL, { id: posted.id, version: posted.version })).errors).toBeUndefined();
    await expectAgreement();
  });
});
