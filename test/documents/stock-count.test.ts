import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { verifyRollups } from '../../src/services/reports/rollup-maintenance';
import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { as, CANCEL, createDraft, Doc, ledgerMismatches, PROCESS, processDoc, RELEASE, RESERVE } from './support';

/**
 * Stocktaking (issue 19 §2, docs/documents.md "Stocktaking"): an INVENTORY_COUNT's lines carry
 * counted quantities; processing posts each difference against the book quantity at the document
 * date — a surplus (RECEIVED) or a shortage (OTHER_OUT) at the level's moving-average cost — and
 * shows book, counted and difference per line; cancelling reverses it on its date. Figures below
 * are worked out by hand.
 */
const DAY = 86_400_000;
const todayMs = Date.parse(new Date().toISOString().slice(0, 10));
const day = (n: number) => new Date(todayMs - n * DAY).toISOString().slice(0, 10);

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', code: 'A' }, { key: 'B', code: 'B' }],
  products: [
    { key: 'p', sku: 'P', purchasePrice: '2' }, { key: 'q', sku: 'Q', purchasePrice: '1', unit: 'kg' },
    { key: 'r', sku: 'R', purchasePrice: '7' }, { key: 'z', sku: 'Z', purchasePrice: '2' }, { key: 'b', sku: 'BK', purchasePrice: '2' },
  ],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerk', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
  ],
  documents: [
    // p@A: 10 @ 4 and 10 @ 5 → 20 worth 90 (average 4.5); q@A: 3 kg @ 1.3333 → 3.9999; z@A: 4 @ 2 → 8.
    { key: 'p1', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'p', quantity: '10', price: '4', to: 'A' }] },
    { key: 'p2', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [
      { product: 'p', quantity: '10', price: '5', to: 'A' }, { product: 'q', quantity: '3', price: '1.3333', to: 'A' },
      { product: 'z', quantity: '4', price: '2', to: 'A' }] },
  ],
};

const LINES = 'items { product { sku } quantity countedQuantity bookQuantity difference purchasePrice lineTotal toWarehouse { code } fromWarehouse { code } }';
const COUNT = `id number type status version documentDate total ${LINES}`;
const READ = `query($id: ID!) { document(id: $id) { ${COUNT} } }`;
const LEVELS = '{ stockLevels(first: 50) { nodes { product { sku } warehouse { code } quantity value } } }';
const MOVES = `query($p: ID!, $w: ID) { movements(productId: $p, warehouseId: $w, first: 50) {
  nodes { kind documentType quantity unitCost value balance reversal occurredAt document { number } } } }`;
const AT = 'query($at: Date) { stockLevels(first: 50, at: $at) { nodes { product { sku } warehouse { code } quantity } } }';
const SETTINGS = 'mutation($input: UpdateSettingsInput!) { updateSettings(input: $input) { closedBefore } }';
const REPORT = `query($from: Date!, $to: Date!) { inventoryReport(from: $from, to: $to) { movement { warehouses { warehouse { code }
  received { quantity value } otherOutgoing { quantity value } closing { quantity value } } } } }`;

describe('inventory counts (issue 19 §2)', () => {
  let api: TestApi;
  const id = (kind: 'products' | 'warehouses', key: string) => String(api.ids[kind][key]);
  const line = (product: string, quantity: string, warehouse = 'A') => ({ productId: id('products', product), quantity, toWarehouseId: id('warehouses', warehouse) });
  const count = (items: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'INVENTORY_COUNT', items, ...extra });
  const gql = async (login: string, query: string, variables?: Record<string, unknown>) => {
    const res = await as(api, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const levels = async (warehouse: string) => Object.fromEntries((await gql('admin', LEVELS)).stockLevels.nodes
    .filter((l: any) => l.warehouse.code === warehouse).map((l: any) => [l.product.sku, [l.quantity, l.value]]));
  const consistent = async () => {
    expect(await ledgerMismatches(api.db)).toEqual([]);
    expect(await verifyRollups(api.db)).toEqual([]);
  };
  const run = async (login: string, input: Record<string, unknown>) => processDoc(api, login, await createDraft(api, login, input));

  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  let first: Doc;
  it('a clerk counts a surplus, a shortage, nothing that was there and exactly what the book says; each posts at the average cost', async () => {
    const draft = await createDraft(api, 'clerk', count([line('p', '17'), line('q', '4.5'), line('r', '2'), line('z', '4')], { title: 'Year-end count' }));
    expect(draft.number).toBe('IC-A-000001');
    // A blind count: the draft shows what was counted, the book only once processed.
    const before = (await gql('admin', READ, { id: draft.id })).document;
    expect(before.items.map((i: any) => [i.countedQuantity, i.bookQuantity, i.difference, i.toWarehouse.code, i.fromWarehouse]))
      .toEqual([['17', null, null, 'A', null], ['4.5', null, null, 'A', null], ['2', null, null, 'A', null], ['4', null, null, 'A', null]]);

    first = await processDoc(api, 'clerk', draft);
    const doc = (await gql('admin', READ, { id: first.id })).document;
    expect(doc.status).toBe('PROCESSED');
    // p: book 20, −3 at 90/20 = 4.5 → −13.5. q: book 3, +1.5 at 3.9999/3 → round(1.99995) = 2, unit cost 1.3333.
    // r: never there, +2 at its purchase price 7 → 14. z: 4 = 4, no ledger row, no cost.
    expect(doc.items.map((i: any) => [i.product.sku, i.quantity, i.countedQuantity, i.bookQuantity, i.difference, i.purchasePrice, i.lineTotal])).toEqual([
      ['P', '17', '17', '20', '-3', '4.5', '-13.5'], ['Q', '4.5', '4.5', '3', '1.5', '1.3333', '1.99995'],
      ['R', '2', '2', '0', '2', '7', '14'], ['Z', '4', '4', '4', '0', null, '0'],
    ]);
    expect(doc.total).toBe('2.49995');
    expect(await levels('A')).toEqual({ P: ['17', '76.5'], Q: ['4.5', '5.9999'], R: ['2', '14'], Z: ['4', '8'] });

    const rows = async (product: string) => (await gql('admin', MOVES, { p: id('products', product), w: id('warehouses', 'A') })).movements.nodes;
    expect((await rows('p')).slice(-1)).toEqual([expect.objectContaining({
      kind: 'OTHER_OUT', documentType: 'INVENTORY_COUNT', quantity: '-3', unitCost: '4.5', value: '-13.5', balance: '17', document: { number: 'IC-A-000001' } })]);
    expect((await rows('q')).slice(-1)).toEqual([expect.objectContaining({ kind: 'RECEIVED', quantity: '1.5', unitCost: '1.3333', value: '2', balance: '4.5' })]);
    expect((await rows('r')).map((m: any) => [m.kind, m.quantity, m.value])).toEqual([['RECEIVED', '2', '14']]);
    expect((await rows('z')).map((m: any) => m.documentType)).toEqual(['STOCK_RECEIPT']);

    // The report counts a surplus as received and a shortage as other outgoing (docs/reports.md).
    const report = (await gql('admin', REPORT, { from: day(0), to: day(0) })).inventoryReport.movement.warehouses.find((w: any) => w.warehouse.code === 'A');
    expect(report).toEqual({ warehouse: { code: 'A' }, received: { quantity: '30.5', value: '117.9999' },
      otherOutgoing: { quantity: '3', value: '13.5' }, closing: { quantity: '27.5', value: '104.4999' } });
    await consistent();
  });

  it('cancelling reverses the rows at their values on the count\'s date; a surplus that has been sold from cannot be cancelled', async () => {
    expect((await as(api, 'admin', CANCEL, { id: first.id, version: first.version })).errors).toBeUndefined();
    expect(await levels('A')).toEqual({ P: ['20', '90'], Q: ['3', '3.9999'], R: ['0', '0'], Z: ['4', '8'] });
    const moves = (await gql('admin', MOVES, { p: id('products', 'p') })).movements.nodes.slice(-2);
    expect(moves.map((m: any) => [m.quantity, m.value, m.reversal])).toEqual([['-3', '-13.5', false], ['3', '13.5', true]]);
    expect(moves[1].occurredAt).toBe(moves[0].occurredAt);
    // The book stays on the lines: the record of what was counted against what.
    expect((await gql('admin', READ, { id: first.id })).document.items.map((i: any) => i.bookQuantity)).toEqual(['20', '3', '0', '4']);

    // q: book 3, counted 5: +2 at 3.9999/3 → 2.6666; then 1 kg is sold, so the surplus is part of what left.
    const surplus = await run('admin', count([line('q', '5')]));
    await run('admin', { type: 'SALES_ORDER', items: [{ productId: id('products', 'q'), quantity: '1', fromWarehouseId: id('warehouses', 'A') }] });
    const refused = await as(api, 'admin', CANCEL, { id: surplus.id, version: surplus.version });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', reason: 'STOCK_LEFT_SINCE' });
    await consistent();
  });

  it('a shortage takes only stock nobody reserved: reserved units must be released before the count can say they are gone', async () => {
    const reserved = await as(api, 'admin', RESERVE, { productId: id('products', 'p'), warehouseId: id('warehouses', 'A'), quantity: '15', dealRef: 'D-1' });
    expect(reserved.errors).toBeUndefined();
    const draft = await createDraft(api, 'admin', count([line('p', '10')]));
    const refused = await as(api, 'admin', PROCESS, { id: draft.id, version: draft.version });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_STOCK', needed: '10', available: '5' });
    expect(await levels('A')).toMatchObject({ P: ['20', '90'] });
    expect((await as(api, 'admin', RELEASE, { id: reserved.data.reserveProduct.id })).errors).toBeUndefined();
    await processDoc(api, 'admin', draft);
    expect(await levels('A')).toMatchObject({ P: ['10', '45'] });
    await consistent();
  });

  let backdated: Doc;
  it('a backdated count is counted against the stock at the end of its date, and that day\'s stock becomes what was counted', async () => {
    const bk = (quantity: string, extra: Record<string, unknown>) => ({ productId: id('products', 'b'), quantity, ...extra });
    const B = id('warehouses', 'B');
    // BK@B: +10 @ 2 five days ago, −4 two days ago, +6 @ 3 today: 12 worth 20 − 8 + 18 = 30 (average 2.5).
    await run('admin', { type: 'STOCK_RECEIPT', documentDate: day(5), items: [bk('10', { purchasePrice: '2', toWarehouseId: B })] });
    await run('admin', { type: 'SALES_ORDER', documentDate: day(2), items: [bk('4', { fromWarehouseId: B })] });
    await run('admin', { type: 'STOCK_RECEIPT', items: [bk('6', { purchasePrice: '3', toWarehouseId: B })] });

    backdated = await run('admin', count([line('b', '8', 'B')], { documentDate: day(3) }));
    const doc = (await gql('admin', READ, { id: backdated.id })).document;
    // Book: the stock at the end of three days ago (10); the shortage of 2 leaves at today's average 2.5 (posting order, DESIGN §1).
    expect(doc.items.map((i: any) => [i.bookQuantity, i.difference, i.purchasePrice])).toEqual([['10', '-2', '2.5']]);
    expect(await levels('B')).toEqual({ BK: ['10', '25'] });
    const at = async (n: number) => (await gql('admin', AT, { at: day(n) })).stockLevels.nodes.find((l: any) => l.product.sku === 'BK')?.quantity;
    expect([await at(4), await at(3), await at(2), await at(0)]).toEqual(['10', '8', '4', '10']);
    const moves = (await gql('admin', MOVES, { p: id('products', 'b'), w: B })).movements.nodes;
    expect(moves.map((m: any) => [m.documentType, m.quantity, m.balance])).toEqual([
      ['STOCK_RECEIPT', '10', '10'], ['INVENTORY_COUNT', '-2', '8'], ['SALES_ORDER', '-4', '4'], ['STOCK_RECEIPT', '6', '10']]);
    expect(moves[1].occurredAt).toBe(`${day(3)}T23:59:59.999Z`);

    // Counting the same day again finds what the first count left; a count dated today finds the level.
    for (const documentDate of [day(3), day(0)]) {
      const again = await run('admin', count([line('b', documentDate === day(0) ? '10' : '8', 'B')], { documentDate }));
      expect((await gql('admin', READ, { id: again.id })).document.items.map((i: any) => [i.bookQuantity, i.difference])).toEqual([[documentDate === day(0) ? '10' : '8', '0']]);
    }
    await consistent();
  });

  it('a closed period refuses dating, processing and cancelling counts in it (issue 19 §1)', async () => {
    const draft = await createDraft(api, 'admin', count([line('b', '7', 'B')], { documentDate: day(3) }));
    expect((await as(api, 'admin', SETTINGS, { input: { closedBefore: day(1) } })).errors).toBeUndefined();
    try {
      const dated = await as(api, 'admin', 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }',
        { input: count([line('b', '7', 'B')], { documentDate: day(3) }) });
      expect(dated.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentDate' });
      for (const [mutation, doc] of [[PROCESS, draft], [CANCEL, backdated]] as const) {
        const res = await as(api, 'admin', mutation, { id: doc.id, version: doc.version });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', reason: 'PERIOD_CLOSED', documentDate: day(3) });
      }
      expect(await levels('B')).toEqual({ BK: ['10', '25'] });
    } finally {
      expect((await as(api, 'admin', SETTINGS, { input: { closedBefore: null } })).errors).toBeUndefined();
    }
    expect(codes(await as(api, 'admin', CANCEL, { id: backdated.id, version: backdated.version }))).toEqual([]);
    expect(await levels('B')).toEqual({ BK: ['12', '30'] });
    await consistent();
  });
});
