import { spawn } from 'node:child_process';
import path from 'node:path';
import { startApi, TestApi } from '../support/api';
import { createTestDatabase } from '../support/database';
import { Permission } from '../../src/shield/permission-catalog';

const spec = {
  roles: [{ key: 'viewer', grants: [{ permission: Permission.CATALOG_VIEW }] }],
  users: [{ key: 'ana', roles: [{ role: 'viewer' }] }],
};

describe('HTTP server', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => { api = await startApi(spec); base = api.url.replace(/\/graphql$/, ''); });
  afterAll(() => api.close());

  it('has liveness and readiness endpoints', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
  });

  it('serves the GraphiQL playground and its assets from its own dependencies (no CDN)', async () => {
    const page = await (await fetch(`${base}/playground`)).text();
    expect(page).toMatch(/GraphiQL/);
    const external = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('/'));
    expect(external).toEqual([]);
    for (const asset of ['graphiql.min.js', 'graphiql.min.css', 'react.production.min.js', 'react-dom.production.min.js']) {
      const res = await fetch(`${base}/playground/assets/${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
    }
  });

  it('an unexpected failure reaches the client as INTERNAL_SERVER_ERROR without SQL or a stack trace', async () => {
    await api.db.query('DROP TABLE product');
    const res = await api.gql('ana', '{ products(first: 5) { totalCount } }');
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(res.body).not.toMatch(/SELECT|FROM|no such table|doesn't exist|stack|\.ts:/i);
  });
});

describe('production mode', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec, { production: true, playground: false, introspection: false }); });
  afterAll(() => api.close());

  it('has no playground and refuses introspection', async () => {
    const base = api.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/playground`)).status).toBe(404);
    const res = await api.gql('ana', '{ __schema { types { name } } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('process lifecycle', () => {
  it('starts on the configured database, prints the playground URL and how to get a token, and exits cleanly on SIGTERM', async () => {
    const database = await createTestDatabase();
    await database.db.destroy();
    const child = spawn(process.execPath, ['-r', './scripts/ts-register.js', 'src/main.ts'], {
      cwd: path.join(__dirname, '..', '..'),
      env: { ...process.env, PORT: '0', DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '', LOG_LEVEL: 'silent', JEST_WORKER_ID: '' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { out += chunk; });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 60_000);
      child.stdout.on('data', () => { if (/npm run token/.test(out)) { clearTimeout(timer); resolve(); } });
    });
    expect(out).toMatch(/Playground: http:\/\/localhost:\d+\/playground/);
    const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
    await database.db.initialize().catch(() => undefined);
    await database.drop();
  });
});
