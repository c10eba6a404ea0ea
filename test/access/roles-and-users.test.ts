import { SystemRole } from '../../src/entities/role.entity';
import { codes, startApi, TestApi } from '../support/api';
import { ADMIN_SPEC, auditOf, id, warehousesOf } from './fixture';
import { statementsDuring } from '../support/statement-counter';

const ROLE = 'id name description systemKey editable grants { permission allWarehouses warehouseIds allReportKinds reportKinds documentType actions } members { user { login } warehouseIds }';

describe('roles, grants, users and the audit log (issue 4 §1–3, §5, §8)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(ADMIN_SPEC); });
  afterAll(() => api.close());

  const createRole = (name: string, grants: unknown[] = []) =>
    api.gql('admin', `mutation($n: String!, $g: [GrantInput!]) { createRole(input: { name: $n, grants: $g }) { ${ROLE} } }`, { n: name, g: grants });
  const setGrants = (roleId: string, grants: unknown[], as = 'admin') =>
    api.gql(as, `mutation($r: ID!, $g: [GrantInput!]!) { setRoleGrants(roleId: $r, grants: $g) { ${ROLE} } }`, { r: roleId, g: grants });
  const auditCount = async () => (await api.gql('admin', '{ accessAuditLog(first: 1) { totalCount } }')).data.accessAuditLog.totalCount;

  it('§1 roles lists the standard roles with their grants and members; users lists users with their assignments', async () => {
    const res = await api.gql('admin', `{ roles { ${ROLE} } users(first: 10) { totalCount nodes { login assignments { role { name } warehouseIds } } } }`);
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(res.data.roles.map((r: any) => [r.name, r]));
    expect(Object.keys(byName)).toEqual(['Administrator', 'Catalog reader', 'Local admin', 'Store staff', 'Warehouse clerk']);
    expect(byName.Administrator).toMatchObject({ systemKey: 'ADMINISTRATOR', editable: false, members: [{ user: { login: 'admin' }, warehouseIds: null }] });
    expect(byName['Store staff'].grants).toContainEqual({ permission: 'DOCUMENT', allWarehouses: false, warehouseIds: null, allReportKinds: false,
      reportKinds: null, documentType: 'SALES_ORDER', actions: ['VIEW', 'EDIT', 'PROCESS'] });
    expect(byName['Warehouse clerk'].grants).toContainEqual(expect.objectContaining({ permission: 'WAREHOUSE_SELECT', allWarehouses: true }));
    expect(res.data.users.totalCount).toBe(4);
    expect(res.data.users.nodes[1]).toEqual({ login: 'local', assignments: [{ role: { name: 'Local admin' }, warehouseIds: null }] });
    const catalog = await api.gql('admin', '{ permissionCatalog { permission scopeKind description documentTypes } }');
    expect(catalog.data.permissionCatalog).toHaveLength(13);
  });

  it('relations come through per-request loaders: the statements do not grow with the number of roles, members and users', async () => {
    let res: any;
    const statements = (await statementsDuring(api.db, async () => {
      res = await api.gql('admin', `{ roles { grants { permission warehouses { code } } members { user { login assignments { role { name } } } role { name } } }
        users(first: 50) { nodes { login assignments { role { name grants { permission } members { user { login } } } warehouses { code } } } } }`);
    })).length;
    expect(res.errors).toBeUndefined();
    // 2 to authenticate, 1 roles, 1 users page; then one per relation level, whatever the number of items.
    expect(statements).toBeGreaterThan(5);
    expect(statements).toBeLessThanOrEqual(12);
  });

  it('§2 create, rename, describe and set grants (report kinds, document type × actions); each change is audited with before and after', async () => {
    const created = await createRole('Reporter', [{ permission: 'REPORT_VIEW', reportKinds: ['SALES'] }]);
    expect(created.errors).toBeUndefined();
    const roleId = created.data.createRole.id;
    const renamed = await api.gql('admin', 'mutation($r: ID!) { updateRole(id: $r, input: { name: "Sales reporter", description: "Sales numbers" }) { name description } }', { r: roleId });
    expect(renamed.data.updateRole).toEqual({ name: 'Sales reporter', description: 'Sales numbers' });

    const set = await setGrants(roleId, [
      { permission: 'REPORT_VIEW' },
      { permission: 'DOCUMENT', documentType: 'SALES_ORDER', actions: ['PROCESS', 'VIEW'] },
      { permission: 'CATALOG_VIEW' },
    ]);
    expect(set.errors).toBeUndefined();
    expect(set.data.setRoleGrants.grants).toEqual([
      { permission: 'CATALOG_VIEW', allWarehouses: false, warehouseIds: null, allReportKinds: false, reportKinds: null, documentType: null, actions: [] },
      { permission: 'DOCUMENT', allWarehouses: false, warehouseIds: null, allReportKinds: false, reportKinds: null, documentType: 'SALES_ORDER', actions: ['VIEW', 'PROCESS'] },
      { permission: 'REPORT_VIEW', allWarehouses: false, warehouseIds: null, allReportKinds: true, reportKinds: null, documentType: null, actions: [] },
    ]);

    const history = await auditOf(api, 'ROLE', roleId);
    expect(history.map((e) => e.action)).toEqual(['ROLE_CREATED', 'ROLE_UPDATED', 'ROLE_GRANTS_SET']);
    expect(history.every((e) => e.actor?.login === 'admin')).toBe(true);
    expect(history[1]).toMatchObject({ before: { name: 'Reporter', description: '' }, after: { name: 'Sales reporter', description: 'Sales numbers' } });
    expect(history[2].before).toEqual({ grants: [{ permission: 'REPORT_VIEW', reportKinds: ['SALES'], warehouseIds: null, documentType: null, actions: [] }] });
    expect(history[2].after.grants).toHaveLength(3);
  });

  it('§2 create, edit, deactivate and reactivate users; a deactivated user is refused on the next request', async () => {
    const created = await api.gql('admin', 'mutation { createUser(input: { login: "carol", name: "Carol", email: "carol@example.com" }) { id login name email active } }');
    expect(created.errors).toBeUndefined();
    const carol = created.data.createUser;
    expect(carol).toMatchObject({ login: 'carol', name: 'Carol', email: 'carol@example.com', active: true });
    const edited = await api.gql('admin', 'mutation($u: ID!) { updateUser(id: $u, input: { name: "Carol C.", email: null }) { name email } }', { u: carol.id });
    expect(edited.data.updateUser).toEqual({ name: 'Carol C.', email: null });

    expect((await api.gql('carol', '{ viewer { user { login } } }')).data.viewer.user.login).toBe('carol');
    const off = await api.gql('admin', 'mutation($u: ID!) { deactivateUser(id: $u) { active } }', { u: carol.id });
    expect(off.data.deactivateUser.active).toBe(false);
    const refused = await api.gql('carol', '{ viewer { user { login } } }');
    expect(refused.status).toBe(401);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    const listed = await api.gql('admin', '{ active: users(first: 50) { nodes { login } } all: users(first: 50, includeInactive: true, search: "car") { nodes { login active } } }');
    expect(listed.data.active.nodes.map((u: any) => u.login)).not.toContain('carol');
    expect(listed.data.all.nodes).toEqual([{ login: 'carol', active: false }]);
    await api.gql('admin', 'mutation($u: ID!) { reactivateUser(id: $u) { active } }', { u: carol.id });
    expect((await api.gql('carol', '{ viewer { user { login } } }')).status).toBe(200);

    expect((await auditOf(api, 'USER', carol.id)).map((e) => e.action))
      .toEqual(['USER_CREATED', 'USER_UPDATED', 'USER_DEACTIVATED', 'USER_REACTIVATED']);
  });

  it('e-mail addresses are visible to access managers and to the user themself', async () => {
    await api.gql('admin', 'mutation($u: ID!) { updateUser(id: $u, input: { email: "anna@example.com" }) { id } }', { u: id(api.ids.users.anna) });
    const own = await api.gql('anna', '{ viewer { user { email } } }');
    expect(own.errors).toBeUndefined();
    expect(own.data.viewer.user.email).toBe('anna@example.com');
    const other = await api.gql('admin', 'query($u: ID!) { user(id: $u) { email } }', { u: id(api.ids.users.anna) });
    expect(other.data.user.email).toBe('anna@example.com');
  });

  it('§3 the Administrator role can be neither edited nor deleted; the other standard roles can be edited but not deleted', async () => {
    const admin = id(api.ids.roles[SystemRole.ADMINISTRATOR]);
    const before = await auditCount();
    expect(codes(await api.gql('admin', 'mutation($r: ID!) { updateRole(id: $r, input: { name: "Boss" }) { id } }', { r: admin }))).toEqual(['FORBIDDEN']);
    expect(codes(await setGrants(admin, [{ permission: 'CATALOG_VIEW' }]))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql('admin', 'mutation($r: ID!) { deleteRole(id: $r, removeAssignments: true) }', { r: admin }))).toEqual(['FORBIDDEN']);

    const clerk = id(api.ids.roles[SystemRole.WAREHOUSE_CLERK]);
    const edited = await setGrants(clerk, [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT' },
      { permission: 'DOCUMENT', documentType: 'STOCK_RECEIPT', actions: ['VIEW', 'EDIT', 'PROCESS', 'CANCEL'] }]);
    expect(edited.errors).toBeUndefined();
    expect(codes(await api.gql('admin', 'mutation($r: ID!) { deleteRole(id: $r) }', { r: clerk }))).toEqual(['FORBIDDEN']);
    expect(await auditCount()).toBe(before + 1);
  });

  it('§3 a role in use is deleted only with removeAssignments: true, which removes (and audits) its assignments', async () => {
    const created = await createRole('Temporary', [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT' }]);
    const roleId = created.data.createRole.id;
    await api.gql('admin', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }', { u: id(api.ids.users.bob), r: roleId });
    expect(await warehousesOf(api, 'bob')).toEqual(['A', 'B']);

    const refused = await api.gql('admin', 'mutation($r: ID!) { deleteRole(id: $r) }', { r: roleId });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].extensions).toMatchObject({ reason: 'ROLE_IN_USE', assignments: 1 });
    expect(await warehousesOf(api, 'bob')).toEqual(['A', 'B']);

    const deleted = await api.gql('admin', 'mutation($r: ID!) { deleteRole(id: $r, removeAssignments: true) }', { r: roleId });
    expect(deleted.data.deleteRole).toBe(roleId);
    expect(await warehousesOf(api, 'bob')).toEqual([]);
    expect((await api.gql('admin', 'query($r: ID!) { role(id: $r) { id } }', { r: roleId })).data.role).toBeNull();
    expect((await auditOf(api, 'ROLE', roleId)).map((e) => e.action)).toEqual(['ROLE_CREATED', 'ROLE_DELETED']);
    const bobHistory = await auditOf(api, 'USER', api.ids.users.bob);
    expect(bobHistory.slice(-2).map((e) => [e.action, e.before?.roleName ?? e.after?.roleName])).toEqual([['ROLE_ASSIGNED', 'Temporary'], ['ROLE_UNASSIGNED', 'Temporary']]);

    // An unassigned custom role is deleted without the flag.
    const unused = await createRole('Unused');
    expect((await api.gql('admin', 'mutation($r: ID!) { deleteRole(id: $r) }', { r: unused.data.createRole.id })).errors).toBeUndefined();
  });

  describe('§8 invalid input is BAD_USER_INPUT naming the field, and changes nothing', () => {
    const cases: Array<[string, () => Promise<any>, string]> = [
      ['a duplicate role name (any case)', () => createRole('local ADMIN'), 'input.name'],
      ['an empty role name', () => createRole('  '), 'input.name'],
      ['a scope on a permission that takes none', () => createRole('X1', [{ permission: 'CATALOG_VIEW', warehouseIds: ['1'] }]), 'input.grants[0].warehouseIds'],
      ['report kinds on WAREHOUSE_SELECT', () => createRole('X2', [{ permission: 'WAREHOUSE_SELECT', reportKinds: ['SALES'] }]), 'input.grants[0].reportKinds'],
      ['an unknown warehouse', () => createRole('X3', [{ permission: 'CATALOG_VIEW' }, { permission: 'WAREHOUSE_SELECT', warehouseIds: ['999999'] }]), 'input.grants[1].warehouseIds'],
      ['an empty warehouse list', () => createRole('X4', [{ permission: 'WAREHOUSE_SELECT', warehouseIds: [] }]), 'input.grants[0].warehouseIds'],
      ['DOCUMENT without a type', () => createRole('X5', [{ permission: 'DOCUMENT', actions: ['VIEW'] }]), 'input.grants[0].documentType'],
      ['DOCUMENT without actions', () => createRole('X6', [{ permission: 'DOCUMENT', documentType: 'WRITE_OFF' }]), 'input.grants[0].actions'],
      ['a permission listed twice', () => createRole('X7', [{ permission: 'CATALOG_VIEW' }, { permission: 'CATALOG_VIEW' }]), 'input.grants[1].permission'],
      ['an unknown user', () => api.gql('admin', 'mutation($r: ID!) { assignRole(userId: "999999", roleId: $r) { id } }', { r: id(api.ids.roles.localAdmin) }), 'userId'],
      ['an unknown role', () => api.gql('admin', 'mutation($u: ID!) { assignRole(userId: $u, roleId: "999999") { id } }', { u: id(api.ids.users.bob) }), 'roleId'],
      ['a narrowing to an unknown warehouse', () => api.gql('admin', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r, warehouseIds: ["999999"]) { id } }',
        { u: id(api.ids.users.bob), r: id(api.ids.roles[SystemRole.STORE_STAFF]) }), 'warehouseIds'],
      ['a narrowing of a role without WAREHOUSE_SELECT', () => api.gql('admin', 'mutation($u: ID!, $r: ID!, $w: ID!) { assignRole(userId: $u, roleId: $r, warehouseIds: [$w]) { id } }',
        { u: id(api.ids.users.bob), r: id(api.ids.roles.catalogOnly), w: id(api.ids.warehouses.A) }), 'warehouseIds'],
      ['a narrowing outside the role\'s warehouses (narrowing cannot widen)', () => api.gql('admin', 'mutation($u: ID!, $r: ID!, $w: ID!) { assignRole(userId: $u, roleId: $r, warehouseIds: [$w]) { id } }',
        { u: id(api.ids.users.bob), r: id(api.ids.roles.localAdmin), w: id(api.ids.warehouses.B) }), 'warehouseIds'],
      ['unassigning a role the user does not hold', () => api.gql('admin', 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }',
        { u: id(api.ids.users.anna), r: id(api.ids.roles.localAdmin) }), 'roleId'],
      ['a taken login', () => api.gql('admin', 'mutation { createUser(input: { login: "ANNA", name: "Other Anna" }) { id } }'), 'input.login'],
      ['a malformed e-mail', () => api.gql('admin', 'mutation { createUser(input: { login: "dora", name: "Dora", email: "not-mail" }) { id } }'), 'input.email'],
      ['an unknown user to deactivate', () => api.gql('admin', 'mutation { deactivateUser(id: "999999") { id } }'), 'id'],
      ['a rename to an existing name', () => api.gql('admin', 'mutation($r: ID!) { updateRole(id: $r, input: { name: "Store staff" }) { id } }', { r: id(api.ids.roles.localAdmin) }), 'input.name'],
    ];
    it.each(cases)('%s', async (_what, run, field) => {
      const before = await auditCount();
      const roles = (await api.gql('admin', '{ roles { name grants { permission } } }')).data.roles;
      const res = await run();
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors[0].extensions.field).toBe(field);
      expect(await auditCount()).toBe(before);
      expect((await api.gql('admin', '{ roles { name grants { permission } } }')).data.roles).toEqual(roles);
    });

    it('an unknown permission is refused by the schema with BAD_USER_INPUT naming the field', async () => {
      const res = await createRole('X8', [{ permission: 'TELEPORT' }]);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].message).toContain('permission');
    });
  });
});
