import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { RequestHandler } from 'express';
import { Gauge } from 'prom-client';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { RequestContext } from '../context';
import { createLoaders } from '../loaders';
import { buildShieldedSchema } from '../schema/build-schema';
import { enableSqliteReaders } from '../services/platform/sqlite-readers';
import { useIdSecret } from '../services/platform/opaque-ids';
import { attachEventBus } from '../services/platform/events';
import { canonicalErrorsPlugin } from '../shield/denial-errors';
import { argumentLimitsPlugin } from './argument-limits.plugin';
import { authenticate } from './authenticate';
import { guardDatabase } from './database-guard';
import { unavailableError } from './error-mapping';
import { createFormatError } from './format-error';
import { createTokenVerifier } from './identity';
import { batchLimit, bodyErrors, jsonBody, lastResort, queryLimits } from './limits';
import { loggingPlugin, observeRequests } from './logging.plugin';
import { createMetrics, metricsHandler, metricsServer } from './metrics';
import { HttpDrain } from './graceful-shutdown';
import { playgroundRouter } from './playground/playground.router';
import { browserHint } from './browser-hint';
import { exportsRouter } from './exports/csv-export';
import { isReadOnlyRequest } from './read-routing';
import { ReplicaRouter } from '../services/platform/replica-router';
import { RequestRecord, runInRequestScope } from './request-scope';
import { readTrustedOperations, trustedOperations } from './trusted-operations';
import { openEventBus } from './subscriptions/event-bus';
import { serveSubscriptions, SubscriptionServer } from './subscriptions/ws-server';

export interface StockgateServer {
  httpServer: http.Server;
  /** Listens on the port (0: any free one) and resolves the bound URL; also the metrics port, when configured. */
  listen(port: number): Promise<string>;
  /** The bound URL of the separate metrics listener (METRICS_PORT), once listening. */
  metricsUrl?: string;
  /** Drains requests (docs/operations.md, shutdown) and stops Apollo; the caller closes the database. */
  stop(): Promise<void>;
  /** graphql-ws on the same port and path (docs/subscriptions.md). */
  subscriptions: SubscriptionServer;
}

const READY_TIMEOUT_MS = 2000;

export async function createServer(config: Config, db: DataSource, schema: GraphQLSchema = buildShieldedSchema()): Promise<StockgateServer> {
  useIdSecret(config.idSecret);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const drain = new HttpDrain(httpServer);
  app.use(drain.track);
  const verify = createTokenVerifier(config);
  const { limits } = config;
  // SQLite: reads outside transactions on reader threads, never the writer's open transaction (issue 21).
  enableSqliteReaders(db);
  const metrics = createMetrics(db);
  const guard = { budgetMs: limits.timeBudgetMs, acquireTimeoutMs: Math.min(limits.timeBudgetMs, 5000) };
  guardDatabase(db, guard);
  const replica = config.replica ? await ReplicaRouter.open(db, config.replica.url, config.replica.maxLagMs, (source) => guardDatabase(source, guard)) : undefined;

  const formatError = createFormatError({ fieldSuggestions: config.fieldSuggestions });
  const trustedSet = config.trustedOperationsFile ? readTrustedOperations(config.trustedOperationsFile) : undefined;
  // Committed changes → Redis (REDIS_URL) or this process → graphql-ws subscribers, re-read under their access.
  const bus = await openEventBus(config.redis);
  attachEventBus(db, bus);
  const subscriptions = serveSubscriptions({
    httpServer, schema, db, verify, bus, limits, validationRules: queryLimits(limits).validationRules, trusted: trustedSet, format: formatError,
  });
  new Gauge({
    name: 'stockgate_subscriptions_active', help: 'graphql-ws subscriptions listening for change events on this instance.', registers: [metrics.registry],
    collect() { this.set(subscriptions.active()); },
  });

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Automatic persisted queries would let any client register documents; trusted operations replace them.
    persistedQueries: false,
    allowBatchedHttpRequests: limits.maxBatchSize > 0,
    // Signals are main.ts' (HttpDrain): Apollo's own handlers raced it and kept the process alive on MariaDB.
    stopOnTerminationSignals: false,
    ...queryLimits(limits),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The default cache-control plugin walks every field and cost ~40 % on lists (issue 7).
      ApolloServerPluginCacheControlDisabled(),
      // One error per denied coordinate, in an order that does not depend on timing (DESIGN §3.5, §3.8).
      canonicalErrorsPlugin,
      // Subscriptions and oversized arguments are refused before execution (issue 22, issue 15 §7).
      argumentLimitsPlugin,
      loggingPlugin(metrics),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/ready', async (_req, res) => {
    if (drain.draining) return void res.status(503).json({ status: 'shutting down' });
    try {
      await withTimeout(db.query('SELECT 1'), READY_TIMEOUT_MS);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  // On the API port only outside production and only without METRICS_PORT (config.ts refuses the rest).
  if (config.metrics && config.metricsPort === undefined && !config.production) app.get('/metrics', metricsHandler(metrics));
  const metricsListener = config.metrics && config.metricsPort !== undefined ? metricsServer(metrics) : undefined;
  if (config.playground) app.use(playgroundRouter(config, db));

  const observe = observeRequests(metrics, limits.timeBudgetMs);
  const inRequestScope: RequestHandler = (_req, res, next) => runInRequestScope(res.locals.record as RequestRecord, next);

  // CSV exports of what the caller can query (issue 19 §7, docs/exports.md); reads from the primary.
  app.use('/exports', observe, exportsRouter(apollo, db, {
    authenticate: (header) => authenticate(db, verify, header), pageSize: limits.maxPageSize, budgetMs: limits.timeBudgetMs,
  }));

  const trusted = trustedSet ? [trustedOperations(trustedSet)] : [];
  app.use(
    '/graphql',
    browserHint(config.playground),
    observe,
    jsonBody(limits),
    bodyErrors(limits),
    batchLimit(limits),
    ...trusted,
    inRequestScope,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const record = res.locals.record as RequestRecord;
        try {
          // Access always from the primary: a revoked grant counts on the very next request (issue 20).
          const access = await authenticate(db, verify, req.headers.authorization);
          record.viewerId = access.user?.id;
          const source = replica && isReadOnlyRequest(req.body) ? replica.readSource() : db;
          return { db: source, access, loaders: createLoaders(source, access), deniedCoordinates: new Set(), requestId: record.requestId };
        } catch (error) {
          const typed = error instanceof GraphQLError ? error : unavailableError(error) ?? error;
          record.codes.push(typed instanceof GraphQLError ? String(typed.extensions.code) : 'INTERNAL_SERVER_ERROR');
          throw typed;
        }
      },
    }),
    lastResort,
  );

  const server: StockgateServer = {
    httpServer,
    subscriptions,
    listen: async (port) => {
      if (metricsListener) server.metricsUrl = await listenOn(metricsListener, config.metricsPort!);
      return listenOn(httpServer, port);
    },
    stop: async () => {
      metricsListener?.close();
      await subscriptions.close();
      await drain.drain(config.shutdown);
      await apollo.stop();
      attachEventBus(db, undefined);
      await bus.close();
      await replica?.close();
    },
  };
  return server;
}

function listenOn(listener: http.Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(port, () => {
      const address = listener.address();
      resolve(`http://localhost:${typeof address === 'object' && address ? address.port : port}`);
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error('timed out')), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
