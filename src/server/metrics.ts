import http from 'node:http';
import express, { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { poolUsage } from './database-guard';

export type Outcome = 'success' | 'partial' | 'error';

export interface Metrics {
  registry: Registry;
  recordOperation(operation: string | undefined, outcome: Outcome, seconds: number, codes: string[]): void;
}

// Client-chosen operation names become label values: keep them plain and few.
const MAX_OPERATION_NAMES = 200;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Prometheus metrics of one server (its own registry, so tests can run several servers). */
export function createMetrics(db: DataSource): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'stockgate_' });
  const operations = new Counter({
    name: 'stockgate_graphql_operations_total', help: 'GraphQL operations by operation name and outcome (success, partial, error).',
    labelNames: ['operation', 'outcome'], registers: [registry],
  });
  const latency = new Histogram({
    name: 'stockgate_graphql_operation_duration_seconds', help: 'GraphQL operation latency.',
    labelNames: ['operation'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const errors = new Counter({
    name: 'stockgate_graphql_errors_total', help: 'Errors returned to clients by extensions.code.', labelNames: ['code'], registers: [registry],
  });
  new Gauge({
    name: 'stockgate_db_pool_connections', help: 'Database pool connections by state (total, idle, in_use, waiting requests, max).',
    labelNames: ['state'], registers: [registry],
    collect() {
      const usage = poolUsage(db);
      this.set({ state: 'total' }, usage.total);
      this.set({ state: 'idle' }, usage.idle);
      this.set({ state: 'in_use' }, usage.inUse);
      this.set({ state: 'waiting' }, usage.waiting);
      this.set({ state: 'max' }, usage.max);
    },
  });

  const names = new Set<string>();
  const label = (operation: string | undefined) => {
    if (!operation) return 'anonymous';
    if (!PLAIN_NAME.test(operation)) return 'other';
    if (names.has(operation)) return operation;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(operation);
    return operation;
  };

  return {
    registry,
    recordOperation(operation, outcome, seconds, codes) {
      const name = label(operation);
      operations.inc({ operation: name, outcome });
      latency.observe({ operation: name }, seconds);
      for (const code of codes) errors.inc({ code });
    },
  };
}

/** GET /metrics in the Prometheus text format. */
export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/**
 * The separate metrics listener (METRICS_PORT): only /metrics, nothing of the API, so the port
 * can be opened to the scraper alone (docs/operations.md, Metrics).
 */
export function metricsServer(metrics: Metrics): http.Server {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(metrics));
  return http.createServer(app);
}
