import { AsyncLocalStorage } from 'node:async_hooks';

/** What the server knows about one HTTP request while it runs (log line, metrics, time budget). */
export interface RequestRecord {
  requestId: string;
  startedAt: number;
  /** Wall-clock deadline of the request's SQL (time budget, docs/operations.md). */
  deadline: number;
  budgetMs: number;
  viewerId?: number;
  /** Error codes of a request rejected before any operation ran (body, batch, trusted operations, context). */
  codes: string[];
  /** Operations already logged by the Apollo plugin; when 0 at the end, the request itself is logged. */
  operationsLogged: number;
}

const scope = new AsyncLocalStorage<RequestRecord>();

/** Runs the rest of the request (Apollo, resolvers, SQL) with its record reachable from any async step. */
export const runInRequestScope = <T>(record: RequestRecord, fn: () => T): T => scope.run(record, fn);

export const currentRequest = (): RequestRecord | undefined => scope.getStore();

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A client's X-Request-Id is kept only if it is short and plain (it goes into log lines). */
export const acceptRequestId = (header: unknown, fallback: () => string): string =>
  typeof header === 'string' && REQUEST_ID.test(header) ? header : fallback();
