import { EntityManager } from 'typeorm';
import { Warehouse } from '../../src/entities/warehouse.entity';
import { inTransaction } from '../../src/services/platform/transaction';
import { createTestDatabase, TestDatabase, usingMysql } from '../support/database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const addWarehouse = (tx: EntityManager, code: string) => tx.insert(Warehouse, { code, name: code });
const lockWarehouse = (tx: EntityManager, code: string) =>
  tx.getRepository(Warehouse).createQueryBuilder('w').where('w.code = :code', { code })
    .setLock(usingMysql() ? 'pessimistic_write' : undefined as never).getOne();

/** The write-transaction helper every document and reservation mutation runs in (src/services/transaction.ts). */
describe('write transactions under concurrency', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(() => database.drop());
  const codesInDb = async () => (await database.db.getRepository(Warehouse).find({ order: { code: 'ASC' } })).map((w) => w.code);

  it('a failing transaction never takes a concurrent one down with it, nor commits its own writes', async () => {
    // On SQLite, TypeORM shares one query runner: unserialized, the second BEGIN would become a
    // SAVEPOINT inside the first, and the first's rollback would undo the second's work and keep its own.
    const failing = inTransaction(database.db, async (tx) => {
      await addWarehouse(tx, 'ROLLED-BACK');
      await sleep(60);
      throw new Error('business failure');
    });
    await sleep(15);
    const succeeding = inTransaction(database.db, async (tx) => {
      await addWarehouse(tx, 'COMMITTED');
      await sleep(90);
    });
    await expect(failing).rejects.toThrow('business failure');
    await succeeding;
    expect(await codesInDb()).toEqual(['COMMITTED']);
  });

  it('a deadlock is retried inside the helper and never reaches the caller', async () => {
    await inTransaction(database.db, async (tx) => { await addWarehouse(tx, 'X'); await addWarehouse(tx, 'Y'); });
    let runs = 0;
    const crossing = (first: string, second: string) => inTransaction(database.db, async (tx) => {
      runs++;
      await lockWarehouse(tx, first);
      await sleep(80);
      await lockWarehouse(tx, second);
      await tx.update(Warehouse, { code: first }, { name: `${first} after ${second}` });
    });
    await Promise.all([crossing('X', 'Y'), crossing('Y', 'X')]);
    // MariaDB picks a deadlock victim and the helper reruns it; SQLite serializes, so there is nothing to retry.
    expect(runs).toBe(usingMysql() ? 3 : 2);
  });
});
