import { DataSource, Logger } from 'typeorm';

/**
 * Records every SQL statement the DataSource runs (TypeORM hands each one to its logger,
 * whatever the logging option), so tests can count them.
 */
export function countStatements(db: DataSource): { statements: string[]; reset(): void; stop(): void } {
  const statements: string[] = [];
  const original = db.logger;
  const counting: Logger = Object.assign(Object.create(original), {
    logQuery: (query: string, ...rest: unknown[]) => {
      statements.push(query);
      return (original.logQuery as (...args: unknown[]) => unknown).call(original, query, ...rest);
    },
  });
  (db as { logger: Logger }).logger = counting;
  return { statements, reset: () => { statements.length = 0; }, stop: () => { (db as { logger: Logger }).logger = original; } };
}

/** The statements run while `fn` runs. */
export async function statementsDuring(db: DataSource, fn: () => Promise<unknown>): Promise<string[]> {
  const counter = countStatements(db);
  try {
    await fn();
  } finally {
    counter.stop();
  }
  return counter.statements;
}
