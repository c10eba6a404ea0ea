import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * SELECT … FOR UPDATE on MySQL/MariaDB; SQLite needs nothing, as it runs one writing
 * transaction at a time.
 */
export function forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.connection.options.type === 'mysql' ? qb.setLock('pessimistic_write') : qb;
}
