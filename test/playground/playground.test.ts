import { gunzipSync } from 'node:zlib';
import { DEV_JWT_SECRET } from '../../src/config';
import { mintToken } from '../../src/server/identity';
import { EXAMPLE_TABS } from '../../src/server/playground/examples';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { startApi, TestApi } from '../support/api';

const base = (api: TestApi) => api.url.replace(/\/graphql$/, '');
const minimalSpec = { roles: [], users: [{ key: 'ana', roles: [] }] };

describe('the playground in development (the development JWT secret)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(DEMO_DATA, { jwtSecret: DEV_JWT_SECRET }); });
  afterAll(() => api.close());

  it('opens with no placeholder header and tabs of Stockgate example operations', async () => {
    const page = await (await fetch(`${base(api)}/playground`)).text();
    expect(page).not.toMatch(/Bearer <|paste a token from/);
    const operations = [...page.matchAll(/(query|mutation) (\w+)/g)].map((m) => m[2]);
    expect(operations).toEqual(['Viewer', 'StockPage', 'Documents', 'Report', 'CreateRole']);
    expect(page).toMatch(/"devSignIn":true/);
  });

  it('lets an anonymous viewer introspect, so the docs load before any token is pasted', async () => {
    const res = await api.gql(null, '{ __schema { queryType { name } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  it('every example tab runs as the demo admin without an error', async () => {
    for (const tab of EXAMPLE_TABS) {
      const res = await api.gql({ header: `Bearer ${await mintToken(DEV_JWT_SECRET, 'admin')}` }, tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      expect([tab.query.split('\n')[1], res.errors]).toEqual([tab.query.split('\n')[1], undefined]);
    }
  });

  it('"sign in as" lists the active demo users and mints a token that works', async () => {
    const users = (await (await fetch(`${base(api)}/playground/dev/users`)).json()) as Array<{ login: string; name: string }>;
    expect(users.map((u) => u.login)).toEqual(expect.arrayContaining(['admin', 'victor', 'sam', 'anna', 'rick', 'sofia']));
    const res = await fetch(`${base(api)}/playground/dev/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'anna' }),
    });
    const { token } = (await res.json()) as { token: string };
    const viewer = await api.gql({ header: `Bearer ${token}` }, '{ viewer { user { login } } }');
    expect(viewer.data.viewer.user.login).toBe('anna');
    const unknown = await fetch(`${base(api)}/playground/dev/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'nobody' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('serves a favicon and compresses the page and its assets', async () => {
    const icon = await fetch(`${base(api)}/favicon.ico`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^image\/svg\+xml/)]);
    for (const path of ['/playground', '/playground/assets/graphiql.min.js', '/playground/assets/react-dom.production.min.js']) {
      // fetch() would decompress silently; ask for gzip and read the raw bytes.
      const raw = await rawGet(`${base(api)}${path}`);
      expect([path, raw.encoding]).toEqual([path, 'gzip']);
      expect(gunzipSync(raw.body).length).toBeGreaterThan(raw.body.length * 2);
    }
  });
});

describe.each([
  ['a real JWT secret', { jwtSecret: 'a-real-secret-that-is-long-enough-0123456789' }],
  ['production, even with the development secret', { jwtSecret: DEV_JWT_SECRET, production: true, playground: true }],
])('no "sign in as" with %s', (_name, overrides) => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(minimalSpec, overrides); });
  afterAll(() => api.close());

  it('has no picker and no token endpoint', async () => {
    const page = await (await fetch(`${base(api)}/playground`)).text();
    expect(page).toMatch(/"devSignIn":false/);
    expect((await fetch(`${base(api)}/playground/dev/users`)).status).toBe(404);
    const token = await fetch(`${base(api)}/playground/dev/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'ana' }),
    });
    expect(token.status).toBe(404);
  });
});

async function rawGet(url: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
