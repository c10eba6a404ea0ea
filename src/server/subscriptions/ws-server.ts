import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import { Context, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { DataSource } from 'typeorm';
import { Limits } from '../../config';
import { RequestContext } from '../../context';
import { createLoaders } from '../../loaders';
import { logger } from '../../logger';
import { EventBus } from '../../services/platform/events';
import { canonicalErrors } from '../../shield/denial-errors';
import { authenticate } from '../authenticate';
import { unavailableError } from '../error-mapping';
import { Identity } from '../identity';
import { createSubscribe } from './deliver';
import { eventsUnavailable, EventStream } from './event-stream';
import { checkOperation, SubscribePayload } from './operation';

export interface SubscriptionOptions {
  httpServer: http.Server;
  /** The shielded schema: the same rule tree and row guards as queries. */
  schema: GraphQLSchema;
  /** Always the primary: access and the re-read object must be what was just committed. */
  db: DataSource;
  verify: (token: string) => Promise<Identity>;
  bus: EventBus;
  limits: Limits;
  validationRules: ValidationRule[];
  trusted?: Set<string>;
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export interface SubscriptionServer {
  /** Subscriptions listening for events on this instance (a gauge, and what tests wait for). */
  active(): number;
  /** Closes every connection (1001, going away) and the WebSocket server. */
  close(): Promise<void>;
}

/** What this server keeps per connection. */
interface Connection {
  socket: WebSocket;
  header?: string;
  active: number;
  idle?: NodeJS.Timeout;
}

/** Close codes of a refused or ended connection (docs/subscriptions.md). */
export const CLOSE = { UNAUTHENTICATED: 4401, FORBIDDEN: 4403, IDLE: 4408, SERVICE_UNAVAILABLE: 4503 } as const;
const PING_MS = 12_000;

/**
 * graphql-ws on the HTTP server's port and path (/graphql): the connection is authenticated at
 * `connection_init` with `connectionParams.authorization` ("Bearer <token>", verified by the same
 * code as the HTTP header), every subscription passes the HTTP request checks (operation.ts), and
 * every event is re-checked under the subscriber's access of that moment (deliver.ts).
 */
export function serveSubscriptions(options: SubscriptionOptions): SubscriptionServer {
  const { db, verify, bus, limits } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: limits.maxBodyBytes, handleProtocols });
  // ws re-emits the HTTP server's errors (EADDRINUSE at start-up); the HTTP listener reports them already.
  wss.on('error', () => undefined);
  const headers = new WeakMap<RequestContext, string | undefined>();
  let listening = 0;

  const contextFor = async (header: string | undefined): Promise<RequestContext> => {
    const access = await authenticate(db, verify, header);
    const ctx: RequestContext = {
      db, access, loaders: createLoaders(db, access), deniedCoordinates: new Set(), requestId: randomUUID(),
      changes: (accept) => {
        listening += 1;
        return new EventStream(bus, accept, limits.subscriptionQueue, () => { listening -= 1; });
      },
    };
    headers.set(ctx, header);
    return ctx;
  };
  const format = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = options.format(error.toJSON(), error);
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
  const idleCheck = (connection: Connection) => {
    clearTimeout(connection.idle);
    if (connection.active > 0 || connection.socket.readyState !== WebSocket.OPEN) return;
    connection.idle = setTimeout(() => connection.socket.close(CLOSE.IDLE, 'LIMIT_EXCEEDED: idle, no active subscription (subscriptionIdleMs)'),
      limits.subscriptionIdleMs).unref();
  };

  const server = makeServer<Record<string, unknown> | undefined, Connection>({
    schema: options.schema,
    onConnect: async (ctx) => {
      const connection = ctx.extra;
      const header = ctx.connectionParams?.authorization;
      try {
        if (typeof header !== 'string' || header === '') throw new GraphQLError('connectionParams.authorization must carry "Bearer <token>".', { extensions: { code: 'UNAUTHENTICATED' } });
        const access = await authenticate(db, verify, header);
        if (!access.user) throw new GraphQLError('A valid bearer token is required.', { extensions: { code: 'UNAUTHENTICATED' } });
      } catch (error) {
        const typed = error instanceof GraphQLError ? error : unavailableError(error);
        const code = String(typed?.extensions.code ?? 'SERVICE_UNAVAILABLE') as keyof typeof CLOSE;
        if (!typed) logger.error({ err: error }, 'graphql-ws connection failed');
        connection.socket.close(CLOSE[code] ?? CLOSE.SERVICE_UNAVAILABLE, `${code}: ${(typed?.message ?? 'unavailable').slice(0, 100)}`);
        return false;
      }
      connection.header = header;
      idleCheck(connection);
      return true;
    },
    onSubscribe: async (ctx, _id, payload) => {
      const connection = ctx.extra;
      const checked = checkOperation({ schema: options.schema, validationRules: options.validationRules, maxTokens: limits.maxTokens, trusted: options.trusted },
        payload as SubscribePayload);
      if (Array.isArray(checked)) return checked;
      if (connection.active >= limits.maxSubscriptions) {
        return [new GraphQLError(`At most ${limits.maxSubscriptions} subscriptions may be active on one connection.`,
          { extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptions', max: limits.maxSubscriptions } })];
      }
      if (!bus.available()) return [eventsUnavailable()];
      let contextValue: RequestContext;
      try {
        contextValue = await contextFor(connection.header);
      } catch (error) {
        return [error instanceof GraphQLError ? error : unavailableError(error) ?? new GraphQLError('The subscription could not start.')];
      }
      connection.active += 1;
      idleCheck(connection);
      return { schema: options.schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
    },
    subscribe: createSubscribe((initial) => contextFor(headers.get(initial))),
    onNext: (_ctx, _id, _payload, _args, result: ExecutionResult): FormattedExecutionResult => {
      const { errors, ...rest } = result;
      return errors ? { ...rest, errors: canonicalErrors(errors.map(format)) } : rest;
    },
    onError: (_ctx, _id, _payload, errors) => errors.map(format),
    onComplete: (ctx) => {
      ctx.extra.active -= 1;
      idleCheck(ctx.extra);
    },
  });

  wss.on('connection', (socket) => {
    const connection: Connection = { socket, active: 0 };
    socket.once('error', (error) => {
      logger.warn({ err: error }, 'graphql-ws socket error');
      socket.terminate();
    });
    const closed = server.opened({
      protocol: socket.protocol,
      // Resolves once the frame is handed to the socket: the next event waits for it (backpressure, event-stream.ts).
      send: (data) => new Promise((resolve, reject) => {
        if (socket.readyState !== socket.OPEN) return resolve();
        socket.send(data, (error) => (error ? reject(error) : resolve()));
      }),
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) => socket.on('message', async (data) => {
        try {
          await handle(String(data));
        } catch (error) {
          logger.error({ err: error }, 'graphql-ws message failed');
          socket.close(4500, 'Internal server error');
        }
      }),
    }, connection);
    // A peer that stops answering pings is gone: its subscriptions end (no half-open sockets held).
    let alive = true;
    socket.on('pong', () => { alive = true; });
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_MS).unref();
    socket.once('close', (code, reason) => {
      clearInterval(ping);
      clearTimeout(connection.idle);
      void closed(code, String(reason));
    });
  });

  return {
    active: () => listening,
    close: async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
