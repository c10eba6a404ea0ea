import Decimal from 'decimal.js';
import { DocumentItem } from '../../src/entities/document-item.entity';
import { InventoryDocument } from '../../src/entities/inventory-document.entity';
import { TransferKinds1796153262998 } from '../../src/migrations/1796153262998-transfer-kinds';
import { applySeed } from '../../src/services/demo/seed.service';
import { postMovements } from '../../src/services/documents/ledger.service';
import { movementsOf } from '../../src/services/documents/movements';
import { verifyRollups } from '../../src/services/reports/rollup-maintenance';
import { DocumentType } from '../../src/shield/permission-catalog';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * Issue 14 point 5: existing transfer rows — RECEIVED and OTHER_OUT before the migration — are
 * recognised by their document type and relabelled TRANSFER_IN / TRANSFER_OUT; nothing else of
 * the ledger changes, and the rollups are rebuilt to match.
 */
describe('migration 1796153262998: transfer rows get their own kinds', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(() => database.drop());

  it('relabels old transfer rows only, keeps quantities and values, and rebuilds the rollups', async () => {
    const db = database.db;
    const ids = await applySeed(db, { warehouses: [{ key: 'A' }, { key: 'B' }], products: [{ key: 'p' }] });
    const post = (type: DocumentType, from: number | null, to: number | null) => {
      const item = Object.assign(new DocumentItem(), { id: 1, productId: ids.products.p, quantity: new Decimal(2), purchasePrice: new Decimal('2.5'), fromWarehouseId: from, toWarehouseId: to });
      return db.transaction((tx) => postMovements(tx, movementsOf(Object.assign(new InventoryDocument(), { id: 1, type }), [item], () => item.purchasePrice!, new Date()), false));
    };
    await post(DocumentType.STOCK_RECEIPT, null, ids.warehouses.A);
    await post(DocumentType.STOCK_TRANSFER, ids.warehouses.A, ids.warehouses.B);
    const ledger = () => db.query('SELECT documentType, kind, quantity, value FROM stock_movement ORDER BY id');
    const now = await ledger();
    expect(now.map((r: any) => r.kind)).toEqual(['RECEIVED', 'TRANSFER_OUT', 'TRANSFER_IN']);

    const runner = db.createQueryRunner();
    try {
      await new TransferKinds1796153262998().down(runner);
      expect((await ledger()).map((r: any) => r.kind)).toEqual(['RECEIVED', 'OTHER_OUT', 'RECEIVED']);
      expect(await verifyRollups(db)).toEqual([]);
      await new TransferKinds1796153262998().up(runner);
    } finally {
      await runner.release();
    }
    expect(await ledger()).toEqual(now);
    expect(await verifyRollups(db)).toEqual([]);
  });
});
