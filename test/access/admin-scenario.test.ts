import { SystemRole } from '../../src/entities/role.entity';
import { codes, startApi, TestApi } from '../support/api';
import { ADMIN_SPEC, auditOf, id, warehousesOf } from './fixture';

/** Issue 4 "done": the scenario an admin runs in the playground, end to end over HTTP. */
describe('an admin manages access from the playground', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(ADMIN_SPEC); });
  afterAll(() => api.close());

  const A = () => id(api.ids.warehouses.A);
  const B = () => id(api.ids.warehouses.B);

  it('create a role, grant warehouse A only, assign it: the user sees A and not B; widen and narrow take effect on the next request', async () => {
    const created = await api.gql('admin', `mutation($grants: [GrantInput!]) {
      createRole(input: { name: "Clerk A", description: "Receives goods", grants: $grants }) { id name editable grants { permission warehouseIds allWarehouses } } }`,
    { grants: [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT', warehouseIds: [A()] }] });
    expect(created.errors).toBeUndefined();
    const role = created.data.createRole;
    expect(role).toMatchObject({ name: 'Clerk A', editable: true, grants: [
      { permission: 'CATALOG_VIEW', warehouseIds: null, allWarehouses: false },
      { permission: 'WAREHOUSE_SELECT', warehouseIds: [A()], allWarehouses: false },
    ] });

    expect(await warehousesOf(api, 'anna')).toEqual([]);
    const assigned = await api.gql('admin', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { user { login } role { name } warehouseIds } }',
      { u: id(api.ids.users.anna), r: role.id });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignRole).toEqual({ user: { login: 'anna' }, role: { name: 'Clerk A' }, warehouseIds: null });

    expect(await warehousesOf(api, 'anna')).toEqual(['A']);
    const b = await api.gql('anna', 'query($b: ID!) { warehouse(id: $b) { code } }', { b: B() });
    expect(b.data.warehouse).toBeNull();

    // Widen the role: the very next request of anna sees both.
    const widened = await api.gql('admin', 'mutation($r: ID!, $g: [GrantInput!]!) { setRoleGrants(roleId: $r, grants: $g) { id } }',
      { r: role.id, g: [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT', warehouseIds: [A(), B()] }] });
    expect(widened.errors).toBeUndefined();
    expect(await warehousesOf(api, 'anna')).toEqual(['A', 'B']);

    // Narrow anna's assignment to B: the role still grants A and B, anna now only B.
    const narrowed = await api.gql('admin', 'mutation($u: ID!, $r: ID!, $w: [ID!]) { assignRole(userId: $u, roleId: $r, warehouseIds: $w) { warehouseIds warehouses { code } } }',
      { u: id(api.ids.users.anna), r: role.id, w: [B()] });
    expect(narrowed.errors).toBeUndefined();
    expect(narrowed.data.assignRole).toEqual({ warehouseIds: [B()], warehouses: [{ code: 'B' }] });
    expect(await warehousesOf(api, 'anna')).toEqual(['B']);

    // Lift the narrowing again (assign without warehouseIds).
    await api.gql('admin', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }', { u: id(api.ids.users.anna), r: role.id });
    expect(await warehousesOf(api, 'anna')).toEqual(['A', 'B']);

    const history = await auditOf(api, 'USER', api.ids.users.anna);
    expect(history.map((e) => e.action)).toEqual(['ROLE_ASSIGNED', 'ASSIGNMENT_CHANGED', 'ASSIGNMENT_CHANGED']);
    expect(history[1]).toMatchObject({ actor: { login: 'admin' },
      before: { roleName: 'Clerk A', warehouseIds: null }, after: { roleName: 'Clerk A', warehouseIds: [api.ids.warehouses.B] } });
  });

  it('an escalation is FORBIDDEN and changes nothing: a local admin of warehouse A cannot grant B, ALL, or what they lack', async () => {
    const roleRes = await api.gql('local', `mutation($g: [GrantInput!]) { createRole(input: { name: "Clerk A only", grants: $g }) { id } }`,
      { g: [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT', warehouseIds: [A()] }] });
    expect(roleRes.errors).toBeUndefined();
    const roleId = roleRes.data.createRole.id;

    const toB = await api.gql('local', 'mutation($r: ID!, $g: [GrantInput!]!) { setRoleGrants(roleId: $r, grants: $g) { id } }',
      { r: roleId, g: [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT', warehouseIds: [A(), B()] }] });
    expect(codes(toB)).toEqual(['FORBIDDEN']);
    expect(toB.errors![0].extensions).toMatchObject({ reason: 'ESCALATION', notHeld: [`WAREHOUSE_SELECT:${B()}`] });
    expect(toB.data.setRoleGrants).toBeNull();

    const toAll = await api.gql('local', 'mutation($r: ID!, $g: [GrantInput!]!) { setRoleGrants(roleId: $r, grants: $g) { id } }',
      { r: roleId, g: [{ permission: 'WAREHOUSE_SELECT' }, { permission: 'PURCHASE_PRICE_VIEW' }] });
    expect(codes(toAll)).toEqual(['FORBIDDEN']);
    expect(toAll.errors![0].extensions!.notHeld).toEqual(['PURCHASE_PRICE_VIEW', 'WAREHOUSE_SELECT:ALL']);

    const role = await api.gql('admin', 'query($r: ID!) { role(id: $r) { grants { permission warehouseIds } } }', { r: roleId });
    expect(role.data.role.grants).toEqual([{ permission: 'CATALOG_VIEW', warehouseIds: null }, { permission: 'WAREHOUSE_SELECT', warehouseIds: [A()] }]);

    // Assignments: the Administrator role is beyond the local admin; the clerk role only narrowed to A.
    const bob = id(api.ids.users.bob);
    const adminRole = id(api.ids.roles[SystemRole.ADMINISTRATOR]);
    const clerkRole = id(api.ids.roles[SystemRole.WAREHOUSE_CLERK]);
    const assign = (r: string, w?: string[]) => api.gql('local', 'mutation($u: ID!, $r: ID!, $w: [ID!]) { assignRole(userId: $u, roleId: $r, warehouseIds: $w) { id } }', { u: bob, r, w });
    expect(codes(await assign(adminRole))).toEqual(['FORBIDDEN']);
    const wide = await assign(clerkRole);
    expect(codes(wide)).toEqual(['FORBIDDEN']);
    expect(wide.errors![0].extensions!.notHeld).toEqual(['WAREHOUSE_SELECT:ALL']);
    expect(codes(await assign(clerkRole, [B()]))).toEqual(['FORBIDDEN']);
    expect(await warehousesOf(api, 'bob')).toEqual([]);

    const narrow = await assign(clerkRole, [A()]);
    expect(narrow.errors).toBeUndefined();
    expect(await warehousesOf(api, 'bob')).toEqual(['A']);
    // ...and cannot widen it afterwards either.
    expect(codes(await assign(clerkRole))).toEqual(['FORBIDDEN']);
    expect(await warehousesOf(api, 'bob')).toEqual(['A']);

    const bobHistory = await auditOf(api, 'USER', api.ids.users.bob);
    expect(bobHistory.map((e) => e.action)).toEqual(['ROLE_ASSIGNED']);
  });

  it('a viewer without ACCESS_MANAGE gets FORBIDDEN for every admin query and mutation', async () => {
    const res = await api.gql('bob', '{ roles { id } users(first: 5) { totalCount } accessAuditLog(first: 5) { totalCount } }');
    expect(res.data).toEqual({ roles: null, users: null, accessAuditLog: null });
    expect(codes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const mutation = await api.gql('bob', 'mutation { createRole(input: { name: "Mine" }) { id } }');
    expect(codes(mutation)).toEqual(['FORBIDDEN']);
    expect(mutation.errors![0].extensions!.permission).toBe('ACCESS_MANAGE');
    const anon = await api.gql(null, '{ roles { id } }');
    expect(codes(anon)).toEqual(['UNAUTHENTICATED']);
  });
});
