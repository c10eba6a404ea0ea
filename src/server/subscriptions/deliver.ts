import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
import { RequestContext } from '../../context';
import { logger } from '../../logger';
import { unavailableError } from '../error-mapping';

/** The context of one event: the subscriber's access loaded again, fresh loaders, a fresh denial record. */
export type Renew = (initial: RequestContext) => Promise<RequestContext>;

type Results = AsyncIterableIterator<ExecutionResult>;
const DONE = { value: undefined, done: true } as const;

/**
 * graphql-ws' `subscribe`. graphql-js' own runs every event with the context of the moment the
 * subscription started; here every event gets a context of its own (`renew`): the access object is
 * loaded again from the primary (a revoked grant counts at the next event — no per-process
 * permission cache, DESIGN §3 "per request"), and the selection is executed through the shielded
 * schema with the event as the root value, so field rules, row guards and one error per denied
 * coordinate apply exactly as for a query. An event whose root field reads as null (hidden: row
 * guard, scoped read, root rule) is not delivered at all — not even as a null (DESIGN §3.8).
 */
export function createSubscribe(renew: Renew) {
  return async (args: ExecutionArgs): Promise<Results> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return refused(source.errors ?? [new GraphQLError('The subscription could not start.')]);
    return perEvent(source[Symbol.asyncIterator](), args, renew);
  };
}

function perEvent(source: AsyncIterator<unknown>, args: ExecutionArgs, renew: Renew): Results {
  const stop = async () => { await source.return?.(); };
  return {
    async next(): Promise<IteratorResult<ExecutionResult>> {
      try {
        for (;;) {
          const step = await source.next();
          if (step.done) return DONE;
          const contextValue = await renewed(renew, args.contextValue as RequestContext);
          const result = await execute({ ...args, rootValue: step.value, contextValue });
          const value = result.data ? Object.values(result.data)[0] : null;
          if (value !== null && value !== undefined) return { value: result, done: false };
          const unexpected = result.errors?.filter((error) => error.extensions.code !== 'FORBIDDEN');
          if (unexpected?.length) logger.warn({ errors: unexpected.map((e) => e.message), requestId: contextValue.requestId }, 'subscription event not delivered');
        }
      } catch (error) {
        // The client hears why (typed); the listener on the bus is released.
        await stop();
        throw error;
      }
    },
    async return() {
      await stop();
      return DONE;
    },
    async throw(error: unknown) {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The access of this event; a database failure is SERVICE_UNAVAILABLE, a revoked user or app ends the subscription typed. */
async function renewed(renew: Renew, initial: RequestContext): Promise<RequestContext> {
  try {
    return await renew(initial);
  } catch (error) {
    throw error instanceof GraphQLError ? error : unavailableError(error) ?? error;
  }
}

/** A subscription that could not start ends with an `error` message carrying the typed errors. */
function refused(errors: readonly GraphQLError[]): Results {
  const [first] = errors;
  const typed = first.extensions.code ? first : new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
  return {
    next: () => Promise.reject(typed),
    return: () => Promise.resolve(DONE),
    throw: (error: unknown) => Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
