import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Decimal from 'decimal.js';
import { DocumentItem } from '../../src/entities/document-item.entity';
import { InventoryDocument } from '../../src/entities/inventory-document.entity';
import { applySeed } from '../../src/services/demo/seed.service';
import { postMovements } from '../../src/services/documents/ledger.service';
import { movementsOf } from '../../src/services/documents/movements';
import { inTransaction } from '../../src/services/platform/transaction';
import { DocumentType } from '../../src/shield/permission-catalog';
import { rebuildRollups, verifyRollups } from '../../src/services/reports/rollup-maintenance';
import { TEST_SECRET } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { storedRollupRows } from './ledger-model';
import { LEDGER_SPEC } from './report-spec';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');

/** `npm run rollups:<command>`'s program, the way npm runs it, against the test database. */
async function cli(command: string, database: TestDatabase): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['-r', './scripts/ts-register.js', 'scripts/rollups.ts', command], {
      cwd: root,
      env: { ...process.env, JWT_SECRET: TEST_SECRET, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', DATABASE_URL: database.databaseUrl ?? '' },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('rollups:verify and rollups:rebuild', () => {
  let database: TestDatabase;
  let ids: Awaited<ReturnType<typeof applySeed>>;
  beforeAll(async () => {
    // The CLI opens the default SQLite file name in DATA_DIR.
    database = await createTestDatabase({ defaultSqliteFile: true });
    ids = await applySeed(database.db, LEDGER_SPEC);
  });
  afterAll(() => database.drop());

  it('verify finds the rollups of postings equal to the ledger, and names each row that is not', async () => {
    expect(await verifyRollups(database.db)).toEqual([]);
    expect(await cli('verify', database)).toEqual({ code: 0, stdout: 'rollups equal the ledger\n' });
    const before = await storedRollupRows(database.db);

    const A = ids.warehouses.A;
    await database.db.query("UPDATE stock_movement_closing SET quantity = quantity + 10000 WHERE warehouseId = ? AND month = '2025-03'", [A]);
    await database.db.query("DELETE FROM stock_movement_warehouse_day WHERE day = '2025-03-15'");
    await database.db.query("INSERT INTO stock_movement_warehouse_month (warehouseId, month, kind, quantity, value) VALUES (?, '1999-01', 'SHIPPED', 0, 0)", [A]);
    const differences = await verifyRollups(database.db);
    // stored − expected: A's March closings of its three products are 1 too high, the 15th's sales are missing in A and B.
    expect(differences.map((d) => [d.table, d.key.productId ?? d.key.warehouseId, d.rows, d.quantity, d.value])).toEqual([
      ['stock_movement_warehouse_day', String(A), -1, '2', '37'],
      ['stock_movement_warehouse_day', String(ids.warehouses.B), -1, '1', '2.5'],
      ['stock_movement_warehouse_month', String(A), 1, '0', '0'],
      ...[ids.products.pink, ids.products.blue, ids.products.plain].sort((a, b) => a - b)
        .map((product) => ['stock_movement_closing', String(product), 0, '1', '0']),
    ]);
    const failed = await cli('verify', database);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/stock_movement_warehouse_month \{"warehouseId":"\d+","month":"1999-01","kind":"SHIPPED"\}: rows 1/);
    expect(failed.stdout).toMatch(/6 rollup rows differ from the ledger/);

    const rebuilt = await cli('rebuild', database);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/rollups rebuilt from the ledger in \d+ ms\nrollups equal the ledger\n$/);
    expect(await storedRollupRows(database.db)).toEqual(before);
    // Idempotent: again, the same rows.
    await rebuildRollups(database.db);
    expect(await storedRollupRows(database.db)).toEqual(before);
  });

  it('a rebuild while postings run loses and doubles nothing', async () => {
    const post = (i: number) => {
      const doc = Object.assign(new InventoryDocument(), { id: 999_999, type: DocumentType.STOCK_RECEIPT });
      const item = Object.assign(new DocumentItem(), {
        id: 999_999, productId: ids.products[['pink', 'plain', 'tiny'][i % 3]], quantity: new Decimal(i + 1), purchasePrice: new Decimal('1.5'),
        toWarehouseId: ids.warehouses[['A', 'B', 'C'][i % 3]], fromWarehouseId: null,
      });
      const rows = movementsOf(doc, [item], () => item.purchasePrice!, new Date(Date.UTC(2025, i % 6, 1 + i, 12)));
      return inTransaction(database.db, (tx) => postMovements(tx, rows, true));
    };
    const postings = Array.from({ length: 24 }, (_, i) => i);
    await Promise.all([...postings.slice(0, 12).map(post), rebuildRollups(database.db), ...postings.slice(12).map(post), rebuildRollups(database.db)]);
    expect(await verifyRollups(database.db)).toEqual([]);
    const [{ n }] = await database.db.query("SELECT COUNT(*) AS n FROM stock_movement WHERE documentId = 999999");
    expect(Number(n)).toBe(24);
  });
});
