import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { codes, startApi, TEST_ID_SECRET, TEST_SECRET, TestApi } from '../support/api';
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

const now = () => Math.floor(Date.now() / 1000);
/** Signs exactly these claims (no defaults), so each bound can be probed alone. */
const raw = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(TEST_SECRET));

describe('bounded tokens (issue 15 point 5)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(spec);
  });
  afterAll(() => api.close());

  it.each([
    ['no exp', () => raw({ sub: 'ana', iat: now() })],
    ['exp a century away', () => raw({ sub: 'ana', iat: now(), exp: now() + 100 * 365 * 86400 })],
    ['lifetime of 24 h + 2 min from iat', () => raw({ sub: 'ana', iat: now() - 60, exp: now() + 24 * 3600 + 60 })],
    ['exp 25 h ahead without iat', () => raw({ sub: 'ana', exp: now() + 25 * 3600 })],
    ['iat ten years ahead', () => raw({ sub: 'ana', iat: now() + 10 * 365 * 86400, exp: now() + 10 * 365 * 86400 + 60 })],
    ['iat 2 minutes ahead', () => raw({ sub: 'ana', iat: now() + 120, exp: now() + 3600 })],
    ['nbf 2 minutes ahead', () => raw({ sub: 'ana', iat: now(), nbf: now() + 120, exp: now() + 3600 })],
    ['azp an array', () => raw({ sub: 'ana', iat: now(), exp: now() + 3600, azp: ['shop-sync'] })],
    ['azp an object', () => raw({ sub: 'ana', iat: now(), exp: now() + 3600, azp: { id: 'shop-sync' } })],
    ['azp a number', () => raw({ sub: 'ana', iat: now(), exp: now() + 3600, azp: 7 })],
    ['azp a boolean', () => raw({ sub: 'ana', iat: now(), exp: now() + 3600, azp: true })],
    ['azp empty', () => raw({ sub: 'ana', iat: now(), exp: now() + 3600, azp: '' })],
    ['client_id null', () => raw({ sub: 'ana', iat: now(), exp: now() + 3600, client_id: null })],
    ['azp and client_id disagree', () => raw({ sub: 'ana', iat: now(), exp: now() + 3600, azp: 'shop-sync', client_id: 'other' })],
  ])('%s → UNAUTHENTICATED (HTTP 401)', async (_name, token) => {
    const res = await api.gql({ header: `Bearer ${await token()}` }, QUERY);
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data).toBeUndefined();
  });

  it.each([
    ['24 h from iat exactly', () => raw({ sub: 'ana', iat: now(), exp: now() + 24 * 3600 })],
    ['iat 30 s ahead (clock skew)', () => raw({ sub: 'ana', iat: now() + 30, exp: now() + 3600 })],
    ['exp 1 h ahead without iat', () => raw({ sub: 'ana', exp: now() + 3600 })],
    ['the test helper\'s token', () => api.token('ana')],
  ])('%s is accepted', async (_name, token) => {
    const res = await api.gql({ header: `Bearer ${await token()}` }, QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer.user.login).toBe('ana');
  });

  it('JWT_MAX_LIFETIME narrows the bound', async () => {
    const short = await startApi(spec, { jwtMaxLifetimeSeconds: 600 });
    try {
      expect(codes(await short.gql({ header: `Bearer ${await raw({ sub: 'ana', iat: now(), exp: now() + 3600 })}` }, QUERY))).toEqual(['UNAUTHENTICATED']);
      expect((await short.gql({ header: `Bearer ${await raw({ sub: 'ana', iat: now(), exp: now() + 600 })}` }, QUERY)).data.viewer.user.login).toBe('ana');
    } finally {
      await short.close();
    }
    expect(loadConfig({ JWT_MAX_LIFETIME: '90m' } as NodeJS.ProcessEnv).jwtMaxLifetimeSeconds).toBe(5400);
    expect(loadConfig({} as NodeJS.ProcessEnv).jwtMaxLifetimeSeconds).toBe(86400);
    expect(() => loadConfig({ JWT_MAX_LIFETIME: 'forever' } as NodeJS.ProcessEnv)).toThrow(/JWT_MAX_LIFETIME/);
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

  it.each([
    ['32 spaces', ' '.repeat(32)],
    ['one character repeated', 'x'.repeat(64)],
    ['a word repeated to length', 'password'.repeat(6)],
    ['16 hex digits twice', '0123456789abcdef'.repeat(2)],
    ['the alphabet and then some', 'abcdefghijklmnopqrstuvwxyzabcdef'],
  ])('refuses a long JWT_SECRET with too little entropy in production: %s', (_name, secret) => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DATABASE_URL: 'mysql://u@db/x' } as NodeJS.ProcessEnv)).toThrow(/too little entropy/);
  });

  it('accepts generated secrets in production (64 hex digits, base64 of 48 random bytes)', () => {
    for (const secret of [randomBytes(32).toString('hex'), randomBytes(48).toString('base64')]) {
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, ID_SECRET: TEST_ID_SECRET, DATABASE_URL: 'mysql://u@db/x' } as NodeJS.ProcessEnv).jwtSecret).toBe(secret);
    }
  });

  it('uses the development secret only outside production, and turns playground and introspection off in production', () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).jwtSecret).toBe(DEV_JWT_SECRET);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_SECRET, ID_SECRET: TEST_ID_SECRET, DATABASE_URL: 'mysql://u@db/x' } as NodeJS.ProcessEnv);
    expect([prod.playground, prod.introspection]).toEqual([false, false]);
  });
});
