import { GraphQLError } from 'graphql';
import { TimeBudgetExceeded } from './database-guard';

/** Codes the server adds to the domain's (src/errors.ts) for requests it refuses or cannot serve. */
export type ServerErrorCode = 'SERVICE_UNAVAILABLE' | 'TIMEOUT' | 'LIMIT_EXCEEDED' | 'FORBIDDEN_OPERATION' | 'BAD_REQUEST';

/** Which limit of docs/operations.md refused a request (extensions.limit). */
export type LimitName = 'depth' | 'aliases' | 'cost' | 'tokens' | 'directives' | 'bodySize' | 'batch'
  | 'subscriptions' | 'subscriptionQueue' | 'subscriptionIdleMs';

export const limitError = (limit: LimitName, message: string, status = 400) =>
  new GraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED', limit, http: { status } } });


// Driver errors that mean "the database cannot be reached", not "this statement is wrong".
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ER_QUERY_INTERRUPTED', 'POOL_ACQUIRE_TIMEOUT',
  'POOL_CLOSED', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR',
]);
const UNAVAILABLE_MESSAGES = /connection is in closed state|Pool is closed|Connection lost|database connection is not open|not established/i;
const UNAVAILABLE_TYPES = new Set(['ConnectionIsNotSetError', 'CannotExecuteNotConnectedError']);

/** The error and what it wraps (TypeORM's driverError, cause, GraphQL's originalError). */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as Record<string, unknown>;
    yield e;
    current = e.driverError ?? e.originalError ?? e.cause;
  }
}

/** A server-side reason to replace an unexpected error with a typed one, or undefined to mask it. */
export function classifyUnexpected(error: unknown): { code: ServerErrorCode; message: string; extensions?: Record<string, unknown> } | undefined {
  for (const e of chain(error)) {
    if (e instanceof TimeBudgetExceeded) return { code: 'TIMEOUT', message: e.message, extensions: { budgetMs: e.budgetMs } };
    if (e.code === 'ER_STATEMENT_TIMEOUT' || e.errno === 1969) {
      return { code: 'TIMEOUT', message: 'A database statement exceeded the operation time budget.' };
    }
    // Only reaches here once inTransaction has given up rerunning it (transaction.ts): nothing was written.
    if (e.code === 'ER_LOCK_DEADLOCK' || e.code === 'ER_LOCK_WAIT_TIMEOUT') {
      return { code: 'SERVICE_UNAVAILABLE', message: 'The write kept conflicting with concurrent writes of the same rows (deadlock, lock wait or cluster certification) and was not done; retry later.' };
    }
    if ((typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) || (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message))
      || (e instanceof Error && UNAVAILABLE_TYPES.has(e.name))) {
      return { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; retry later.' };
    }
  }
  return undefined;
}

/** Outside a resolver (context creation) a database failure answers the whole request with HTTP 503. */
export function unavailableError(error: unknown): GraphQLError | undefined {
  const known = classifyUnexpected(error);
  return known && new GraphQLError(known.message, { extensions: { code: known.code, ...known.extensions, http: { status: 503 } } });
}
