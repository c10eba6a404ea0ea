import { createTestDatabase, TestDatabase } from '../support/database';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(() => database.drop());

  it('create every table and column the entities map, with the same nullability', async () => {
    const runner = database.db.createQueryRunner();
    const mismatches: string[] = [];
    for (const entity of database.db.entityMetadatas) {
      const table = await runner.getTable(entity.tableName);
      if (!table) { mismatches.push(`${entity.tableName}: missing table`); continue; }
      for (const column of entity.columns) {
        const found = table.findColumnByName(column.databaseName);
        if (!found) mismatches.push(`${entity.tableName}.${column.databaseName}: missing`);
        else if (found.isNullable !== column.isNullable) mismatches.push(`${entity.tableName}.${column.databaseName}: nullability`);
      }
    }
    await runner.release();
    expect(mismatches).toEqual([]);
  });

  it('create the indexes of the API access paths', async () => {
    const runner = database.db.createQueryRunner();
    const indexNames = async (table: string) => (await runner.getTable(table))!.indices.map((i) => i.name);
    expect(await indexNames('stock_level')).toEqual(expect.arrayContaining(['uq_level_product_warehouse', 'idx_level_warehouse_product']));
    expect(await indexNames('inventory_document')).toEqual(expect.arrayContaining(['idx_document_type_status_date']));
    expect(await indexNames('stock_movement')).toEqual(expect.arrayContaining(['idx_movement_warehouse_date']));
    await runner.release();
  });

  it('run again as a no-op and can be reverted and re-applied', async () => {
    expect(await database.db.runMigrations()).toEqual([]);
    const count = database.db.migrations.length;
    for (let i = 0; i < count; i++) await database.db.undoLastMigration();
    const applied = await database.db.runMigrations();
    expect(applied).toHaveLength(count);
  });
});
