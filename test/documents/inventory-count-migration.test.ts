import { InventoryCount1796172779472 } from '../../src/migrations/1796172779472-inventory-count';
import { SystemRole } from '../../src/entities/role.entity';
import { applySeed } from '../../src/services/demo/seed.service';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * Migration 1796172779472 (issue 19 §2): document lines get `bookQuantity`, and the standard roles
 * of an existing database get the INVENTORY_COUNT actions a new one seeds — the Administrator all,
 * the Warehouse clerk view, edit and process, Store staff none — without repeating one a role holds.
 */
describe('migration 1796172779472: inventory counts', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(() => database.drop());

  it('grants the new type to the existing standard roles once, and reverts', async () => {
    const db = database.db;
    const { roles } = await applySeed(db, { standardRoles: true });
    const grants = async () => (await db.query("SELECT roleId, action FROM role_grant WHERE documentType = 'INVENTORY_COUNT' ORDER BY roleId, action"))
      .map((g: { roleId: number | string; action: string }) => [Number(g.roleId), g.action]);
    const seeded = await grants();
    const runner = db.createQueryRunner();
    const migration = new InventoryCount1796172779472();
    try {
      await migration.down(runner);
      expect(await grants()).toEqual([]);
      // An admin had already given the clerks VIEW of counts by hand.
      await runner.query("INSERT INTO role_grant (roleId, permission, documentType, action) VALUES (?, 'DOCUMENT', 'INVENTORY_COUNT', 'VIEW')",
        [roles[SystemRole.WAREHOUSE_CLERK]]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const admin = roles[SystemRole.ADMINISTRATOR];
    const clerk = roles[SystemRole.WAREHOUSE_CLERK];
    expect(await grants()).toEqual([
      ...['CANCEL', 'DELETE', 'EDIT', 'PROCESS', 'VIEW'].map((a) => [admin, a]), ...['EDIT', 'PROCESS', 'VIEW'].map((a) => [clerk, a]),
    ].sort((x, y) => Number(x[0]) - Number(y[0]) || String(x[1]).localeCompare(String(y[1]))));
    // What a new database seeds (standard-roles.ts) is what the migration gives an old one.
    expect(await grants()).toEqual(seeded);
    const reader = db.createQueryRunner();
    try {
      expect((await reader.getTable('document_item'))!.columns.map((c) => c.name)).toContain('bookQuantity');
    } finally {
      await reader.release();
    }
  });
});
