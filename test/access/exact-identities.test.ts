import { SignJWT } from 'jose';
import { SystemRole } from '../../src/entities/role.entity';
import { codes, startApi, TEST_SECRET, TestApi } from '../support/api';
import { installedApp } from '../applications/support';
import { Permission } from '../../src/shield/permission-catalog';

/**
 * Issue 15 point 2: a token's `sub` and `azp` name exactly one stored login / client id, byte for
 * byte, on both databases (utf8mb4_bin on MariaDB, BINARY on SQLite) — look-alikes are strangers.
 */
const LOOK_ALIKES = ['ADMIN', 'Admin', 'admin ', ' admin', 'ádmin', 'a\u0301dmin', 'admın', 'admin\u0000', 'аdmin'];
const APP_LOOK_ALIKES = ['SHOP-SYNC', 'Shop-Sync', 'shop-sync ', 'shöp-sync', 'ѕhop-sync'];

const now = () => Math.floor(Date.now() / 1000);
const tokenFor = (claims: Record<string, unknown>) =>
  new SignJWT({ iat: now(), exp: now() + 600, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(TEST_SECRET));
const QUERY = '{ viewer { user { login } } }';

describe('exact identities', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ standardRoles: true, users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }] });
    await installedApp(api, 'shop-sync', [{ permission: Permission.CATALOG_VIEW }]);
  });
  afterAll(() => api.close());

  it('the exact login and client id work', async () => {
    expect((await api.gql({ header: `Bearer ${await tokenFor({ sub: 'admin' })}` }, QUERY)).data.viewer.user.login).toBe('admin');
    expect((await api.gql({ header: `Bearer ${await tokenFor({ sub: 'admin', azp: 'shop-sync' })}` }, QUERY)).data.viewer.user.login).toBe('admin');
  });

  it.each(LOOK_ALIKES)('sub %j is not admin: UNAUTHENTICATED', async (sub) => {
    const res = await api.gql({ header: `Bearer ${await tokenFor({ sub })}` }, QUERY);
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data).toBeUndefined();
  });

  it.each(APP_LOOK_ALIKES)('azp %j is not shop-sync: UNAUTHENTICATED', async (azp) => {
    const res = await api.gql({ header: `Bearer ${await tokenFor({ sub: 'admin', azp })}` }, QUERY);
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('the database itself compares exactly (binary, no padding): no look-alike finds a row', async () => {
    for (const sub of LOOK_ALIKES) {
      expect([sub, await api.db.query('SELECT login FROM app_user WHERE login = ?', [sub])]).toEqual([sub, []]);
    }
    for (const azp of APP_LOOK_ALIKES) {
      expect([azp, await api.db.query('SELECT clientId FROM application WHERE clientId = ?', [azp])]).toEqual([azp, []]);
    }
    if (api.database.databaseUrl) {
      const rows = await api.db.query(`SELECT COLUMN_NAME AS c, COLLATION_NAME AS k FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND ((TABLE_NAME = 'app_user' AND COLUMN_NAME = 'login') OR (TABLE_NAME = 'application' AND COLUMN_NAME = 'clientId'))`);
      expect(rows.map((r: { k: string }) => r.k)).toEqual(['utf8mb4_nopad_bin', 'utf8mb4_nopad_bin']);
    }
  });

  it('login creation stores exactly what is given: no spaces, ASCII only, no case twin of an existing login', async () => {
    const create = (login: string) => api.gql('admin', 'mutation($l: String!) { createUser(input: { login: $l, name: "X" }) { login } }', { l: login });
    for (const login of ['Admin', 'ADMIN', 'admin ', ' admin', 'ádmin', 'admın', 'ad min']) {
      const res = await create(login);
      expect([login, codes(res)]).toEqual([login, ['BAD_USER_INPUT']]);
    }
    expect((await create('Admin.2')).data.createUser.login).toBe('Admin.2');
    const res = await api.gql('admin', '{ users(first: 50) { nodes { login } } }');
    expect(res.data.users.nodes.map((u: { login: string }) => u.login).sort()).toEqual(['Admin.2', 'admin']);
  });

  it('client id registration refuses a case twin and surrounding spaces', async () => {
    const register = (clientId: string) => api.gql('admin', `mutation($c: String!) { registerApplication(input: {
      name: "Twin", clientId: $c, requestedPermissions: [{ permission: CATALOG_VIEW }] }) { clientId } }`, { c: clientId });
    for (const clientId of ['Shop-Sync', 'SHOP-SYNC', ' shop-sync', 'shop-sync ']) {
      expect([clientId, codes(await register(clientId))]).toEqual([clientId, ['BAD_USER_INPUT']]);
    }
  });
});
