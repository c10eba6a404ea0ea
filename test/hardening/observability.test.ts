import { logger, setLogSink } from '../../src/logger';
import { loadConfig } from '../../src/config';
import { startApi, TEST_ID_SECRET, TEST_SECRET, TestApi } from '../support/api';
import { baseUrl, post, smallCompany } from './http';

describe('logs: one structured line per operation', () => {
  let api: TestApi;
  let lines: any[];
  let restore: () => void;
  const level = logger.level;
  beforeAll(async () => {
    api = await startApi(smallCompany);
    restore = setLogSink((line) => void lines.push(JSON.parse(line)));
    logger.level = 'debug';
  });
  beforeEach(() => { lines = []; });
  afterAll(async () => { restore(); logger.level = level; await api.close(); });

  const operationLines = () => lines.filter((l) => l.msg === 'graphql operation');

  it('carries request id, viewer id, operation name, duration, outcome and error codes — never the token', async () => {
    const token = await api.token('clerk');
    const res = await post(api, JSON.stringify({ query: 'query Prices { products(first: 3) { nodes { sku purchasePrice } } }', operationName: 'Prices' }),
      { authorization: `Bearer ${token}`, 'x-request-id': 'req-42' });
    expect(res.headers.get('x-request-id')).toBe('req-42');
    expect(operationLines()).toEqual([expect.objectContaining({
      level: 30, requestId: 'req-42', viewerId: api.dbIds.users.clerk, operationName: 'Prices',
      durationMs: expect.any(Number), outcome: 'partial', errorCodes: ['FORBIDDEN'],
    })]);
    const all = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/Bearer/i);
  });

  it('logs the denied authorization decision at debug with the rule that denied', async () => {
    await api.gql('clerk', '{ products(first: 3) { nodes { purchasePrice } } }');
    const denial = lines.find((l) => l.msg === 'authorization denied');
    expect(denial).toMatchObject({ level: 20, coordinate: 'Product.purchasePrice', rule: expect.any(String), requestId: operationLines()[0].requestId });
  });

  it('a request refused before any operation ran still gets its line', async () => {
    await post(api, JSON.stringify({ query: `{ viewer { permissions } }${' '.repeat(2_200_000)}` })); // over the 2 MiB default
    expect(operationLines()).toEqual([expect.objectContaining({ outcome: 'error', errorCodes: ['LIMIT_EXCEEDED'], viewerId: null })]);
  });

  it('an invalid token is UNAUTHENTICATED in the line, and the token is not', async () => {
    await api.gql({ header: 'Bearer not.a.token' }, '{ viewer { allWarehouses } }');
    expect(operationLines()).toEqual([expect.objectContaining({ errorCodes: ['UNAUTHENTICATED'] })]);
    expect(JSON.stringify(lines)).not.toContain('not.a.token');
  });
});

describe('metrics, liveness and readiness', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(smallCompany); });
  afterAll(() => api.close());

  it('/metrics counts operations by name and outcome, latency, errors by code and pool usage', async () => {
    await api.gql('boss', 'query Catalog { products(first: 2) { totalCount } }');
    await api.gql('clerk', 'query Prices { products(first: 2) { nodes { purchasePrice } } }');
    await api.gql('clerk', 'query Broken { products(first: 0) { totalCount } }');
    const res = await fetch(`${baseUrl(api)}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/stockgate_graphql_operations_total\{operation="Catalog",outcome="success"\} 1/);
    expect(text).toMatch(/stockgate_graphql_operations_total\{operation="Prices",outcome="partial"\} 1/);
    expect(text).toMatch(/stockgate_graphql_operations_total\{operation="Broken",outcome="partial"\} 1/);
    expect(text).toMatch(/stockgate_graphql_operation_duration_seconds_bucket\{le="\+Inf",operation="Catalog"\} 1/);
    expect(text).toMatch(/stockgate_graphql_errors_total\{code="FORBIDDEN"\} 1/);
    expect(text).toMatch(/stockgate_graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/stockgate_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/stockgate_db_pool_connections\{state="in_use"\} \d/);
  });

  it('/health is alive and /ready is ready while the database answers', async () => {
    expect(await (await fetch(`${baseUrl(api)}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${baseUrl(api)}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('readiness is false and requests are SERVICE_UNAVAILABLE while the database is gone; both recover', async () => {
    await api.db.destroy();
    try {
      const ready = await fetch(`${baseUrl(api)}/ready`);
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable' }]);
      const res = await api.gql({ header: `Bearer ${await api.token('clerk')}` }, '{ viewer { allWarehouses } }');
      expect(res.status).toBe(503);
      expect(res.errors!.map((e) => e.extensions!.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(res.body).not.toMatch(/sqlite|SELECT|stack/i);
    } finally {
      await api.db.initialize();
    }
    expect((await fetch(`${baseUrl(api)}/ready`)).status).toBe(200);
    expect((await api.gql('clerk', '{ viewer { allWarehouses } }')).data).toEqual({ viewer: { allWarehouses: false } });
  });
});

describe('metrics are never public in production (issue 15 point 6)', () => {
  it('production without METRICS_PORT: no /metrics anywhere, the API port answers 404', async () => {
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_SECRET, ID_SECRET: TEST_ID_SECRET, DATABASE_URL: 'mysql://u@db/x' } as NodeJS.ProcessEnv);
    expect([prod.metrics, prod.metricsPort]).toEqual([false, undefined]);
    const api = await startApi(smallCompany, { production: true, metrics: prod.metrics, metricsPort: prod.metricsPort });
    try {
      expect((await fetch(`${baseUrl(api)}/metrics`)).status).toBe(404);
      expect(api.server.metricsUrl).toBeUndefined();
    } finally {
      await api.close();
    }
    // Even a config that asks for metrics without a port keeps them off the API port in production.
    const forced = await startApi(smallCompany, { production: true, metrics: true, metricsPort: undefined });
    try {
      expect((await fetch(`${baseUrl(forced)}/metrics`)).status).toBe(404);
    } finally {
      await forced.close();
    }
  });

  it('METRICS_PORT serves /metrics on its own listener, and only that: not on the API port, no API there', async () => {
    const api = await startApi(smallCompany, { production: true, metrics: true, metricsPort: 0 });
    try {
      await api.gql('boss', 'query Catalog { products(first: 2) { totalCount } }');
      const res = await fetch(`${api.server.metricsUrl}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/stockgate_graphql_operations_total\{operation="Catalog",outcome="success"\} 1/);
      expect((await fetch(`${baseUrl(api)}/metrics`)).status).toBe(404);
      const graphql = await fetch(`${api.server.metricsUrl}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(graphql.status).toBe(404);
    } finally {
      await api.close();
    }
  });

  it('configuration: production metrics only with METRICS_PORT; never on PORT; development keeps them on the API port', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: TEST_SECRET, ID_SECRET: TEST_ID_SECRET, DATABASE_URL: 'mysql://u@db/x' };
    const withPort = loadConfig({ ...env, METRICS_PORT: '9464' } as NodeJS.ProcessEnv);
    expect([withPort.metrics, withPort.metricsPort]).toEqual([true, 9464]);
    expect(() => loadConfig({ ...env, METRICS: '1' } as NodeJS.ProcessEnv)).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ ...env, METRICS_PORT: '4000', PORT: '4000' } as NodeJS.ProcessEnv)).toThrow(/differ from PORT/);
    expect(() => loadConfig({ ...env, METRICS_PORT: 'x' } as NodeJS.ProcessEnv)).toThrow(/METRICS_PORT/);
    const dev = loadConfig({} as NodeJS.ProcessEnv);
    expect([dev.metrics, dev.metricsPort]).toEqual([true, undefined]);
    expect(loadConfig({ METRICS: '0' } as NodeJS.ProcessEnv).metrics).toBe(false);
  });
});
