import { DataSource, Logger } from 'typeorm';

/**
 * Records every SQL statement the DataSource runs (TypeORM hands each one to its logger,
 * whatever the logging option), so tests can count them.
 */
export function countStatements(db: DataSource): { statements: string[]; reset(): void } {
  const statements: string[] = [];
  const original = db.logger;
  const counting: Logger = Object.assign(Object.create(original), {
    logQuery: (query: string, ...rest: unknown[]) => {
      statements.push(query);
      return (original.logQuery as (...args: unknown[]) => unknown).call(original, query, ...rest);
    },
  });
  (db as { logger: Logger }).logger = counting;
  return { statements, reset: () => { statements.length = 0; } };
}
