import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { BULK } from '../../limits/limits';

/** The list in consecutive parts of at most `size` items. */
export const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Inserts rows in INSERTs of BULK.insertRows rows, one statement per chunk. `updateEntity(false)`:
 * TypeORM would otherwise re-select the inserted rows with one OR per row, which SQLite refuses
 * past 1,000 rows (expression depth; issue 22). Callers that need the new ids read them back.
 */
export async function insertInChunks<T extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<T>, rows: Array<QueryDeepPartialEntity<T>>): Promise<void> {
  for (const part of chunks(rows, BULK.insertRows)) {
    await tx.createQueryBuilder().insert().into(entity).values(part).updateEntity(false).execute();
  }
}
