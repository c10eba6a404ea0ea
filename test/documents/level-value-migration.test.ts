import Decimal from 'decimal.js';
import { DocumentItem } from '../../src/entities/document-item.entity';
import { InventoryDocument } from '../../src/entities/inventory-document.entity';
import { LevelValue1796151623889 } from '../../src/migrations/1796151623889-level-value';
import { applySeed } from '../../src/services/demo/seed.service';
import { postMovements } from '../../src/services/documents/ledger.service';
import { movementsOf } from '../../src/services/documents/movements';
import { DocumentType } from '../../src/shield/permission-catalog';
import { createTestDatabase, TestDatabase } from '../support/database';
import { ledgerMismatches } from './support';

/**
 * Old data (docs/documents.md "Valuation"): the migration gives every existing level the sum of
 * its ledger rows' values — here the old valuation's "0 units worth −30" (issue 14) and a
 * fractional one — and keeps the ledger rows as they are.
 */
describe('migration 1796151623889: stock levels get the value of their ledger rows', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(() => database.drop());

  it('existing levels start at their ledger sums, so levels = ledger holds for old data', async () => {
    const db = database.db;
    const ids = await applySeed(db, { warehouses: [{ key: 'A' }], products: [{ key: 'p' }, { key: 'q' }] });
    const A = ids.warehouses.A;
    // Rows as the old valuation wrote them: sold at the product's price of the day.
    const rows = (type: DocumentType, productId: number, quantity: string, price: string) => {
      const sides = type === DocumentType.STOCK_RECEIPT ? { toWarehouseId: A, fromWarehouseId: null } : { fromWarehouseId: A, toWarehouseId: null };
      const item = Object.assign(new DocumentItem(), { id: 1, productId, quantity: new Decimal(quantity), purchasePrice: new Decimal(price), ...sides });
      return movementsOf(Object.assign(new InventoryDocument(), { id: 1, type }), [item], () => item.purchasePrice!, new Date());
    };
    await db.transaction((tx) => postMovements(tx, [
      ...rows(DocumentType.STOCK_RECEIPT, ids.products.p, '10', '5'), ...rows(DocumentType.SALES_ORDER, ids.products.p, '10', '8'),
      ...rows(DocumentType.STOCK_RECEIPT, ids.products.q, '3', '0.1'), ...rows(DocumentType.STOCK_RECEIPT, ids.products.q, '1', '0.2'),
    ], false));
    const ledgerBefore = await db.query('SELECT id, quantity, value FROM stock_movement ORDER BY id');

    const runner = db.createQueryRunner();
    try {
      await new LevelValue1796151623889().down(runner);
      await new LevelValue1796151623889().up(runner);
    } finally {
      await runner.release();
    }
    const levels = await db.query('SELECT productId, value FROM stock_level ORDER BY productId');
    expect(levels.map((l: any) => new Decimal(l.value).toFixed())).toEqual(['-30', '0.5']);
    expect(await ledgerMismatches(db)).toEqual([]);
    expect(await db.query('SELECT id, quantity, value FROM stock_movement ORDER BY id')).toEqual(ledgerBefore);
  });
});
