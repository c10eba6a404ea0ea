import { SystemRole } from '../../src/entities/role.entity';
import { codes, startApi, TestApi } from '../support/api';
import { installedApp, REVOKE } from '../applications/support';
import { ADMIN_SPEC, id, warehousesOf } from './fixture';

/**
 * Issue 15 point 1: an access manager acts only on users (and the roles and applications that
 * reach users) within their own access. The reproductions of the issue: a manager of warehouse A
 * alone deactivating, stripping or reactivating administrators.
 */
const SPEC = {
  ...ADMIN_SPEC,
  users: [
    ...ADMIN_SPEC.users!,
    { key: 'admin2', name: 'Second admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'retired', name: 'Retired admin', active: false, roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'mixed', name: 'Clerk of A and catalog', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }, { role: 'catalogOnly' }] },
    { key: 'wide', name: 'Clerk of A and B', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A', 'B'] }] },
  ],
};

describe('reach: a manager acts only on what is within their own access', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(SPEC); });
  afterAll(() => api.close());

  const user = (key: string) => id(api.ids.users[key]);
  const role = (key: string) => id(api.ids.roles[key]);
  const as = (login: string, query: string, variables: Record<string, unknown>) => api.gql(login, query, variables);
  const refused = (res: Awaited<ReturnType<TestApi['gql']>>) => {
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].extensions!.reason).toBe('OUT_OF_REACH');
  };

  it('the reproductions: deactivate the administrator, unassign Administrator from another admin, reactivate a retired admin — all FORBIDDEN, nothing changes', async () => {
    refused(await as('local', 'mutation($u: ID!) { deactivateUser(id: $u) { active } }', { u: user('admin') }));
    refused(await as('local', 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }',
      { u: user('admin2'), r: role(SystemRole.ADMINISTRATOR) }));
    refused(await as('local', 'mutation($u: ID!) { reactivateUser(id: $u) { active } }', { u: user('retired') }));
    expect((await api.gql('admin', '{ viewer { allWarehouses } }')).data.viewer.allWarehouses).toBe(true);
    expect((await api.gql('admin2', '{ viewer { allWarehouses } }')).data.viewer.allWarehouses).toBe(true);
    expect(codes(await api.gql('retired', '{ viewer { allWarehouses } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('editing, narrowing or assigning to a user beyond reach is FORBIDDEN, without naming warehouses the manager cannot see', async () => {
    refused(await as('local', 'mutation($u: ID!) { updateUser(id: $u, input: { name: "Hacked" }) { name } }', { u: user('admin') }));
    const narrow = await as('local', 'mutation($u: ID!, $r: ID!, $w: [ID!]) { assignRole(userId: $u, roleId: $r, warehouseIds: $w) { id } }',
      { u: user('wide'), r: role(SystemRole.WAREHOUSE_CLERK), w: [id(api.ids.warehouses.A)] });
    refused(narrow);
    expect(narrow.errors![0].extensions!.notHeld).toEqual(['WAREHOUSE_SELECT']);
    expect(narrow.errors![0].message).not.toContain(String(api.ids.warehouses.B));
    refused(await as('local', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }', { u: user('admin2'), r: role('catalogOnly') }));
    expect(await warehousesOf(api, 'wide')).toEqual(['A', 'B']);
  });

  it('a role held by someone beyond reach cannot be edited, renamed or deleted by that manager', async () => {
    // catalogOnly is held by `mixed` (in reach); give it to admin2 (out of reach) as the administrator.
    expect((await as('admin', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }', { u: user('admin2'), r: role('catalogOnly') })).errors).toBeUndefined();
    refused(await as('local', 'mutation($r: ID!) { setRoleGrants(roleId: $r, grants: []) { id } }', { r: role('catalogOnly') }));
    refused(await as('local', 'mutation($r: ID!) { updateRole(id: $r, input: { name: "Renamed" }) { id } }', { r: role('catalogOnly') }));
    refused(await as('local', 'mutation($r: ID!) { deleteRole(id: $r, removeAssignments: true) }', { r: role('catalogOnly') }));
    expect((await as('admin', 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }', { u: user('admin2'), r: role('catalogOnly') })).errors).toBeUndefined();
    // Now every holder is in reach: the manager may edit it.
    expect((await as('local', 'mutation($r: ID!) { updateRole(id: $r, input: { description: "Only the catalog" }) { id } }', { r: role('catalogOnly') })).errors).toBeUndefined();
  });

  it('within reach everything works: deactivate, reactivate, narrow, unassign a user who holds only what the manager holds', async () => {
    const run = (query: string, variables: Record<string, unknown>) => as('local', query, variables);
    expect((await run('mutation($u: ID!) { deactivateUser(id: $u) { active } }', { u: user('mixed') })).errors).toBeUndefined();
    expect((await run('mutation($u: ID!) { reactivateUser(id: $u) { active } }', { u: user('mixed') })).errors).toBeUndefined();
    expect((await run('mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }', { u: user('mixed'), r: role('catalogOnly') })).errors).toBeUndefined();
    expect(await warehousesOf(api, 'mixed')).toEqual(['A']);
  });

  it('an installed application beyond the manager\'s access cannot be revoked by them; one within it can', async () => {
    const wideApp = await installedApp(api, 'wide-app', [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT' }]);
    refused(await as('local', REVOKE, { id: wideApp }));
    const narrowApp = await installedApp(api, 'narrow-app', [{ permission: 'CATALOG_VIEW' }]);
    expect((await as('local', REVOKE, { id: narrowApp })).errors).toBeUndefined();
  });
});
