import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../../src/config';
import { operationHash } from '../../src/server/trusted-operations';
import { codes, startApi, TEST_ID_SECRET, TEST_SECRET, TestApi } from '../support/api';
import { baseUrl, post, smallCompany } from './http';

const productionEnv = { NODE_ENV: 'production', JWT_SECRET: TEST_SECRET, ID_SECRET: TEST_ID_SECRET, DATABASE_URL: 'mysql://app@db:3306/stockgate' } as NodeJS.ProcessEnv;

describe('startup refuses insecure configuration with a one-line reason', () => {
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the configuration was accepted');
  };

  it.each([
    ['the development JWT secret', { ...productionEnv, JWT_SECRET: DEV_JWT_SECRET }, /development secret/],
    ['no JWT secret at all', { NODE_ENV: 'production', DATABASE_URL: 'mysql://a@b/c' }, /JWT_SECRET/],
    ['a short JWT secret', { ...productionEnv, JWT_SECRET: 'short' }, /at least 32/],
    ['no database URL in production', { NODE_ENV: 'production', JWT_SECRET: TEST_SECRET }, /DATABASE_URL is required/],
    ['a non-MySQL database URL', { ...productionEnv, DATABASE_URL: 'postgres://x' }, /DATABASE_URL must be/],
    ['a plain-http JWKS URL', { NODE_ENV: 'production', JWKS_URL: 'http://idp/jwks', DATABASE_URL: 'mysql://a@b/c' }, /https/],
    ['a missing trusted-operations file', { ...productionEnv, TRUSTED_OPERATIONS_FILE: '/nonexistent/ops.txt' }, /TRUSTED_OPERATIONS_FILE/],
    ['a limit that is not a positive integer', { ...productionEnv, LIMIT_DEPTH: '0' }, /LIMIT_DEPTH/],
    ['no ID_SECRET in production (ids are derived from it)', { ...productionEnv, ID_SECRET: '' }, /ID_SECRET/],
    ['an ID_SECRET of too little entropy', { ...productionEnv, ID_SECRET: ' '.repeat(48) }, /ID_SECRET/],
  ] as Array<[string, Record<string, string>, RegExp]>)('%s', (_name, env, reason) => {
    const message = refusal(env);
    expect(message).toMatch(reason);
    expect(message).toMatch(/^Refusing to start: [^\n]+$/);
  });

  it('production turns introspection, field suggestions and the playground off unless enabled', () => {
    expect(loadConfig(productionEnv)).toMatchObject({ introspection: false, fieldSuggestions: false, playground: false });
    expect(loadConfig({ ...productionEnv, INTROSPECTION: '1', FIELD_SUGGESTIONS: 'true', PLAYGROUND: '1' }))
      .toMatchObject({ introspection: true, fieldSuggestions: true, playground: true });
    expect(loadConfig({ ...productionEnv, DATABASE_URL: '', ALLOW_EMBEDDED_DATABASE: '1' }).databaseUrl).toBeUndefined();
  });
});

describe('a server with production defaults', () => {
  let api: TestApi;
  beforeAll(async () => {
    const production = loadConfig(productionEnv);
    api = await startApi(smallCompany, { ...production, databaseUrl: undefined });
  });
  afterAll(() => api.close());

  it('refuses introspection', async () => {
    const res = await api.gql('clerk', '{ __schema { types { name } } }');
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('gives no field suggestions', async () => {
    const res = await api.gql('clerk', '{ product(id: "1") { skuu } }');
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body).not.toMatch(/Did you mean/);
    expect(res.body).not.toMatch(/"sku"/);
  });

  it('serves no playground', async () => {
    expect((await fetch(`${baseUrl(api)}/playground`)).status).toBe(404);
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${api.url}?query=${encodeURIComponent('{ viewer { allWarehouses } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/BAD_REQUEST|preflight/);
  });
});

describe('a development server keeps the helpers', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(smallCompany); });
  afterAll(() => api.close());

  it('suggests fields and allows introspection', async () => {
    expect((await api.gql('clerk', '{ product(id: "1") { skuu } }')).errors![0].message).toMatch(/Did you mean "sku"/);
    expect((await api.gql('clerk', '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // The playground's full introspection query fits within the default limits.
    expect((await api.gql(null, getIntrospectionQuery())).errors).toBeUndefined();
  });
});

describe('trusted-operations mode', () => {
  const trustedQuery = 'query Me { viewer { allWarehouses } }';
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockgate-trusted-'));
    const file = path.join(dir, 'trusted-operations.txt');
    fs.writeFileSync(file, `# the web client, build 42\n${operationHash(trustedQuery)}\n`);
    api = await startApi(smallCompany, { trustedOperationsFile: file });
  });
  afterAll(async () => { await api.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('runs an operation whose sha256 is on the allow-list', async () => {
    const res = await api.gql('clerk', trustedQuery);
    expect(res).toMatchObject({ status: 200, data: { viewer: { allWarehouses: false } } });
  });

  it('refuses any other document with FORBIDDEN_OPERATION before it is parsed', async () => {
    const res = await api.gql('clerk', 'query Me { viewer { allWarehouses permissions } }');
    expect(codes(res)).toEqual(['FORBIDDEN_OPERATION']);
    expect(res.data).toBeUndefined();
    const batch = await post(api, JSON.stringify([{ query: trustedQuery }, { query: '{ warehouses { code } }' }]));
    expect(batch.json.errors[0].extensions.code).toMatch(/FORBIDDEN_OPERATION|LIMIT_EXCEEDED/);
  });
});
