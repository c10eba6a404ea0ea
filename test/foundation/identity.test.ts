import http from 'node:http';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { codes, startApi, TEST_SECRET, TestApi } from '../support/api';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../../src/config';
import { Permission } from '../../src/shield/permission-catalog';

const spec = {
  roles: [{ key: 'viewer', grants: [{ permission: Permission.CATALOG_VIEW }] }],
  users: [
    { key: 'ana', roles: [{ role: 'viewer' }] },
    { key: 'gone', active: false, roles: [{ role: 'viewer' }] },
  ],
};
const QUERY = '{ viewer { user { login } } }';
const sign = (claims: Record<string, unknown>, secret = TEST_SECRET, exp: string | number = '1h') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(secret));

describe('identity: Authorization: Bearer <JWT>', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('a valid token for an active user is the viewer', async () => {
    const res = await api.gql({ header: `Bearer ${await sign({ sub: 'ana' })}` }, QUERY);
    expect(res.data.viewer.user.login).toBe('ana');
  });

  it('without a token every root field is UNAUTHENTICATED', async () => {
    const res = await api.gql(null, `${QUERY.slice(0, -1)} products(first: 1) { totalCount } }`);
    expect(res.data).toEqual({ viewer: null, products: null });
    expect(codes(res)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  it.each([
    ['malformed header', async () => 'Token abc'],
    ['malformed token', async () => 'Bearer not.a.jwt'],
    ['expired token', async () => `Bearer ${await sign({ sub: 'ana' }, TEST_SECRET, Math.floor(Date.now() / 1000) - 60)}`],
    ['badly signed token', async () => `Bearer ${await sign({ sub: 'ana' }, 'another-secret-another-secret-another-secret')}`],
    ['token without subject', async () => `Bearer ${await sign({})}`],
    ['unknown user', async () => `Bearer ${await sign({ sub: 'nobody' })}`],
    ['deactivated user', async () => `Bearer ${await sign({ sub: 'gone' })}`],
    ['alg none', async () => `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"ana"}').toString('base64url')}.`],
  ])('%s gets UNAUTHENTICATED (HTTP 401) and no data', async (_name, header) => {
    const res = await api.gql({ header: await header() }, QUERY);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.body).not.toMatch(/at .*\.ts|stack/i);
  });
});

describe('identity with a JWKS URL (RS256)', () => {
  let api: TestApi;
  let jwks: http.Server;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ keys: [jwk] })); });
    await new Promise<void>((resolve) => jwks.listen(0, resolve));
    const port = (jwks.address() as { port: number }).port;
    api = await startApi(spec, { jwksUrl: `http://127.0.0.1:${port}/jwks.json`, jwtSecret: undefined });
  });
  afterAll(async () => { await api.close(); jwks.close(); });

  it('accepts a token signed by a key of the JWKS and refuses an HS256 one', async () => {
    const rs = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('ana').setExpirationTime('1h').sign(privateKey);
    expect((await api.gql({ header: `Bearer ${rs}` }, QUERY)).data.viewer.user.login).toBe('ana');
    expect(codes(await api.gql({ header: `Bearer ${await sign({ sub: 'ana' })}` }, QUERY))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('configuration refuses insecure production setups', () => {
  it('refuses the development secret, a short secret, and no secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET } as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' } as NodeJS.ProcessEnv)).toThrow(/at least 32/);
    expect(() => loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/JWT_SECRET/);
  });

  it('uses the development secret only outside production, and turns playground and introspection off in production', () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).jwtSecret).toBe(DEV_JWT_SECRET);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_SECRET, DATABASE_URL: 'mysql://u@db/x' } as NodeJS.ProcessEnv);
    expect([prod.playground, prod.introspection]).toEqual([false, false]);
  });
});
