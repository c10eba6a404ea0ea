import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TestApi } from '../support/api';
import { createDraft, processDoc } from '../documents/support';

/** A `next` payload as the client receives it. */
export interface Result {
  data?: any;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

/** One graphql-ws subscription as a test reads it: results in arrival order, and how it ended. */
export interface Subscription {
  /** The next result (waits for it); fails when the subscription ends first. */
  next(): Promise<Result>;
  /** Resolves with the errors it ended with ([] for a normal completion). */
  ended: Promise<readonly unknown[]>;
  received: Array<Result>;
}

export interface WsClient {
  client: Client;
  /** Resolves with the close event's code and reason when the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  subscribe(query: string, variables?: Record<string, unknown>): Subscription;
  dispose(): Promise<void>;
}

/** A graphql-ws client on the API's /graphql, authenticated like a front-end (connectionParams.authorization), never retrying. */
export function connect(api: TestApi, authorization: string | null): WsClient {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => { onClosed = resolve; });
  const client = createClient({
    url: api.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization === null ? {} : { authorization },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
  });
  return {
    client, closed,
    subscribe(query, variables) {
      const received: Array<Result> = [];
      const waiters: Array<(value: Result | Error) => void> = [];
      let end: readonly unknown[] | undefined;
      let onEnded!: (errors: readonly unknown[]) => void;
      const ended = new Promise<readonly unknown[]>((resolve) => { onEnded = resolve; });
      let read = 0;
      const finish = (errors: readonly unknown[]) => {
        end = errors;
        onEnded(errors);
        for (const waiter of waiters.splice(0)) waiter(new Error(`subscription ended: ${JSON.stringify(errors)}`));
      };
      client.subscribe({ query, variables }, {
        next: (payload) => {
          const result = payload as Result;
          received.push(result);
          waiters.shift()?.(result);
        },
        error: (error) => finish(Array.isArray(error) ? error : [error instanceof Error ? { message: error.message } : error]),
        complete: () => finish([]),
      });
      return {
        received, ended,
        next: () => {
          if (read < received.length) return Promise.resolve(received[read++]);
          if (end) return Promise.reject(new Error(`subscription ended: ${JSON.stringify(end)}`));
          read += 1;
          return new Promise((resolve, reject) => waiters.push((value) => (value instanceof Error ? reject(value) : resolve(value))));
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Waits until exactly `count` subscriptions listen for events on this instance (no timing: the server says so). */
export async function listening(api: TestApi, count: number): Promise<void> {
  while (api.server.subscriptions.active() !== count) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Receives `quantity` of `product` into `warehouse` and processes it, as `login`; returns the processed document. */
export async function receive(api: TestApi, login: string, product: string, warehouse: string, quantity = '5') {
  const draft = await createDraft(api, login, {
    type: 'STOCK_RECEIPT',
    items: [{ productId: String(api.ids.products[product]), quantity, toWarehouseId: String(api.ids.warehouses[warehouse]), purchasePrice: '2.5' }],
  });
  return processDoc(api, login, draft);
}
