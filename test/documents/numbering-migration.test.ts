import { WarehouseNumbering1796162001063 } from '../../src/migrations/1796162001063-warehouse-numbering';
import { applySeed } from '../../src/services/demo/seed.service';
import { takeDocumentNumber } from '../../src/services/documents/document-number';
import { DocumentType } from '../../src/shield/permission-catalog';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * Old data (docs/documents.md "Numbers"): existing documents keep their per-type numbers, each is
 * assigned the warehouse it would be numbered in now, and every counter starts after what its
 * (type, warehouse) already has — the sequence without lines after the old per-type one.
 */
describe('migration 1796162001063: document numbers per (type, warehouse)', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(() => database.drop());

  it('keeps old numbers, starts each counter after them, and reverts', async () => {
    const db = database.db;
    const ids = await applySeed(db, { warehouses: [{ key: 'A', code: 'main' }, { key: 'B' }], products: [{ key: 'p' }], users: [{ key: 'u', roles: [] }] });
    const [A, B, p, u] = [ids.warehouses.A, ids.warehouses.B, ids.products.p, ids.users.u];
    const runner = db.createQueryRunner();
    const migration = new WarehouseNumbering1796162001063();
    try {
      await migration.down(runner);
      // As the old numbering left them: one sequence per type.
      const docs: Array<[string, string, Array<[number | null, number | null]>]> = [
        ['STOCK_RECEIPT', 'RC-000001', [[null, A]]],
        ['STOCK_RECEIPT', 'RC-000002', [[null, B], [null, A]]],
        ['STOCK_RECEIPT', 'RC-000003', [[null, A]]],
        ['STOCK_RECEIPT', 'RC-000004', []],
        ['STOCK_TRANSFER', 'TR-000001', [[B, A]]],
      ];
      for (const [type, number, lines] of docs) {
        await runner.query('INSERT INTO inventory_document (type, status, number, title, authorId, version) VALUES (?, ?, ?, ?, ?, 1)', [type, 'DRAFT', number, '', u]);
        const [{ id }] = await runner.query('SELECT id FROM inventory_document WHERE number = ?', [number]);
        for (const [from, to] of lines) {
          await runner.query('INSERT INTO document_item (documentId, productId, quantity, fromWarehouseId, toWarehouseId) VALUES (?, ?, 1, ?, ?)', [id, p, from, to]);
        }
      }
      await runner.query("UPDATE document_sequence SET next = 5 WHERE type = 'STOCK_RECEIPT'");
      await runner.query("UPDATE document_sequence SET next = 2 WHERE type = 'STOCK_TRANSFER'");
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows = await db.query('SELECT number, numberWarehouseId FROM inventory_document ORDER BY id');
    expect(rows.map((r: any) => [r.number, Number(r.numberWarehouseId)])).toEqual([
      ['RC-000001', A], ['RC-000002', B], ['RC-000003', A], ['RC-000004', 0], ['TR-000001', B],
    ]);
    const next = (type: DocumentType, warehouse: number) => db.transaction((tx) => takeDocumentNumber(tx, type, warehouse));
    expect((await next(DocumentType.STOCK_RECEIPT, A)).number).toBe('RC-MAIN-000003');
    expect((await next(DocumentType.STOCK_RECEIPT, B)).number).toBe('RC-B-000002');
    expect((await next(DocumentType.STOCK_RECEIPT, 0)).number).toBe('RC-000005');
    expect((await next(DocumentType.STOCK_TRANSFER, B)).number).toBe('TR-B-000002');
    expect((await next(DocumentType.STOCK_TRANSFER, A)).number).toBe('TR-MAIN-000001');
    expect((await next(DocumentType.SALES_ORDER, 0)).number).toBe('SO-000001');
  });
});
