import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';
import { countStatements } from '../support/statement-counter';
import { as, CREATE, createDraft, ledgerMismatches } from './support';

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }],
  products: [{ key: 'p', sku: 'P', purchasePrice: '10' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }, { key: 'staff', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['A'] }] }],
  documents: [{ key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'p', quantity: '500', price: '10', to: 'A' }] }],
};

const CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|SET SESSION TRANSACTION)/i;
const ACCESS = /FROM [`"]?app_user|FROM [`"]?role_assignment/;
/** The report rollups kept in the same transaction (issue 17): a fixed number per posting, counted apart. */
const ROLLUPS = /stock_movement_(day|warehouse_day|warehouse_month|closing)\b/;
/** The rollup rows every posting into the warehouse writes (not guarded by a level lock). */
const WAREHOUSE_ROLLUPS = /stock_movement_warehouse_(day|month)\b/;
const PROCESS = 'mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }';

/** The statements of one GraphQL operation as `login`, and its answer (which must carry no error). */
async function counted(api: TestApi, login: string, query: string, variables: Record<string, unknown>) {
  const counter = countStatements(api.db);
  const res = await as(api, login, query, variables);
  counter.stop();
  expect(res.errors).toBeUndefined();
  return { data: res.data, statements: counter.statements.map((s) => s.trim()) };
}

/** The statements a transaction sent before its COMMIT, last first. */
const beforeCommit = (statements: string[]) => statements.slice(0, statements.findIndex((s) => /^COMMIT/i.test(s))).reverse();

/**
 * Issue 16 §4: processing a one-line sales order costs at most 8 statements of work (document and
 * lines, products, warehouses, the document, the level lock, the level, the ledger row, the
 * line's captured prices) besides the transaction's START/COMMIT and the statement of the
 * access object; the settings row is read only when a level would go negative. The report rollups
 * (issue 17) add a fixed handful more in the same transaction: per-product day, warehouse day and
 * month sums, and the closing balance (read, then moved). Creating it costs 7 (products,
 * warehouses, the document, its line, its warehouse, its number, the number onto the document).
 */
describe('statements per processed one-line sales order', () => {
  let api: TestApi;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    api = await startApi(spec);
    input = { type: 'SALES_ORDER', items: [{ productId: String(api.ids.products.p), quantity: '1', fromWarehouseId: String(api.ids.warehouses.A) }] };
    await createDraft(api, 'staff', input); // warms the pool (one SET SESSION per new connection on MariaDB)
  });
  afterAll(() => api.close());

  it('is at most 8 statements of work plus at most 5 of rollups, 16 round trips in all', async () => {
    const doc = await createDraft(api, 'staff', input);
    const { data, statements } = await counted(api, 'staff', PROCESS, { id: doc.id, v: doc.version });
    expect(data.processDocument.status).toBe('PROCESSED');
    const work = statements.filter((s) => !CONTROL.test(s) && !ACCESS.test(s) && !ROLLUPS.test(s));
    const rollups = statements.filter((s) => ROLLUPS.test(s));
    expect({ work: work.length, settings: work.filter((s) => /settings/i.test(s)).length }).toEqual({ work: 8, settings: 0 });
    expect(rollups.length).toBeLessThanOrEqual(5);
    expect(statements.length).toBeLessThanOrEqual(16);
  });

  it('creating it is 7 statements of work, the access object 1, 10 round trips in all', async () => {
    const { statements } = await counted(api, 'staff', CREATE, { input });
    const work = statements.filter((s) => !CONTROL.test(s) && !ACCESS.test(s));
    expect(work).toHaveLength(7);
    expect(statements.filter((s) => ACCESS.test(s))).toHaveLength(1);
    expect(statements.length).toBe(work.length + 3);
  });

  it('locks the rows every posting of the warehouse waits for last: the number in creating, the warehouse rollups in processing', async () => {
    const created = await counted(api, 'staff', CREATE, { input });
    // The counter row of the sequence is taken by the last statement but one, then only the number is written.
    expect(beforeCommit(created.statements).slice(0, 2).map((s) => /^\w+ (?:INTO )?[`"]?(\w+)/i.exec(s)?.[1]))
      .toEqual(['inventory_document', 'document_counter']);
    const doc = created.data.createDocument;
    const processed = await counted(api, 'staff', PROCESS, { id: doc.id, v: doc.version });
    const last = beforeCommit(processed.statements);
    // The warehouse's day and month rows are the transaction's last writes, and written nowhere before.
    const tail = last.findIndex((s) => !WAREHOUSE_ROLLUPS.test(s));
    expect(tail).toBe(2);
    expect(last.slice(tail).filter((s) => WAREHOUSE_ROLLUPS.test(s))).toEqual([]);
  });
});

const CHUNK_LINES = 150;
const many: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }],
  products: Array.from({ length: CHUNK_LINES }, (_, i) => ({ key: `p${i}`, sku: `P${i}`, purchasePrice: '2', salePrice: '3' })),
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
  documents: [{
    key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin',
    items: Array.from({ length: CHUNK_LINES }, (_, i) => ({ product: `p${i}`, quantity: '10', price: '2', to: 'A' })),
  }],
};

/**
 * Issue 16 §4: nothing on the create + process path is written or read per line — the lines, their
 * warehouses, levels, ledger rows, rollups and the captured costs and sale prices each go in
 * chunked statements (200 or more per statement) — so a 150-line sales order costs exactly the
 * statements of a one-line one.
 */
describe('statements per sales order, whatever its number of lines', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(many); });
  afterAll(() => api.close());

  const createAndProcess = async (lines: number) => {
    const items = Array.from({ length: lines }, (_, i) => ({ productId: String(api.ids.products[`p${i}`]), quantity: '1', fromWarehouseId: String(api.ids.warehouses.A) }));
    const created = await counted(api, 'admin', CREATE, { input: { type: 'SALES_ORDER', items } });
    const doc = created.data.createDocument;
    const processed = await counted(api, 'admin', PROCESS, { id: doc.id, v: doc.version });
    expect(processed.data.processDocument.status).toBe('PROCESSED');
    const lineRows = await as(api, 'admin', 'query($id: ID!) { document(id: $id) { items { purchasePrice salePrice } } }', { id: doc.id });
    return { create: created.statements, process: processed.statements, items: lineRows.data.document.items };
  };

  it('a 150-line sales order is created and processed in as many statements as a one-line one, its prices captured in one', async () => {
    await createAndProcess(1); // warms the pool (one SET SESSION per new connection on MariaDB)
    const one = await createAndProcess(1);
    const wide = await createAndProcess(CHUNK_LINES);
    expect({ create: wide.create.length, process: wide.process.length }).toEqual({ create: one.create.length, process: one.process.length });
    const captures = (statements: string[]) => statements.filter((s) => /^UPDATE [`"]?document_item\b/i.test(s)).length;
    expect([captures(one.process), captures(wide.process)]).toEqual([1, 1]);
    // What the one statement wrote: every line's cost (the level's average, 2) and the product's sale price.
    expect(new Set(wide.items.map((i: { purchasePrice: string; salePrice: string }) => `${i.purchasePrice}/${i.salePrice}`))).toEqual(new Set(['2/3']));
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });
});

const LINES = 1000;
const wide: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }],
  products: Array.from({ length: LINES }, (_, i) => ({ key: `p${i}`, sku: `P${i}`, purchasePrice: '2' })),
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};
const LEVEL_STATEMENTS = /\bstock_level\b/;

/**
 * Issue 22 point 3: a 1,000-line posting locks, creates and updates its 1,000 levels in chunks of
 * 200 (one locking SELECT per chunk, plus an INSERT IGNORE and a SELECT of the missing ones, and
 * one CASE update per chunk) — statements proportional to levels / chunk size, not ~4 per level;
 * its lines' captured costs likewise (issue 16 §4: one CASE update per 200 lines, not one per line).
 */
describe('statements per level of a 1,000-line posting', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(wide); });
  afterAll(() => api.close());

  const processCounted = async (input: Record<string, unknown>) => {
    const doc = await createDraft(api, 'admin', input);
    const counter = countStatements(api.db);
    const res = await as(api, 'admin', PROCESS, { id: doc.id, v: doc.version });
    counter.stop();
    expect(res.errors).toBeUndefined();
    return counter.statements;
  };
  const levelStatements = (statements: string[]) => statements.filter((s) => LEVEL_STATEMENTS.test(s));
  const product = (i: number) => String(api.ids.products[`p${i}`]);

  it('creates and locks 1,000 new levels in 5 chunks of 3 statements and writes them in 5', async () => {
    const items = Array.from({ length: LINES }, (_, i) => ({ productId: product(i), quantity: '3', purchasePrice: '2', toWarehouseId: String(api.ids.warehouses.A) }));
    const level = levelStatements(await processCounted({ type: 'STOCK_RECEIPT', items }));
    expect(level).toHaveLength(5 * 3 + 5);
  });

  it('locks 1,000 existing levels in 5 statements and writes them in 5', async () => {
    const items = Array.from({ length: LINES }, (_, i) => ({ productId: product(i), quantity: '1', fromWarehouseId: String(api.ids.warehouses.A) }));
    const statements = await processCounted({ type: 'SALES_ORDER', items });
    expect(levelStatements(statements)).toHaveLength(5 + 5);
    // Each line's cost captured: 200 lines per statement (issue 16 §4), not one statement per line.
    expect(statements.filter((s) => /^UPDATE [`"]?document_item\b/i.test(s.trim()))).toHaveLength(5);
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });
});
