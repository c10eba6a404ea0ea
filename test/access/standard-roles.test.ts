import { SystemRole } from '../../src/entities/role.entity';
import { ensureStandardRoles } from '../../src/services/access/standard-roles.service';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { codes, startApi, TestApi } from '../support/api';
import { ADMIN_SPEC, auditOf, id } from './fixture';

const GRANTS = 'grants { permission allWarehouses documentType actions }';
const RESET = `mutation($r: ID!) { resetStandardRole(role: $r) { name systemKey ${GRANTS} } }`;
const SET = 'mutation($r: ID!, $g: [GrantInput!]!) { setRoleGrants(roleId: $r, grants: $g) { id } }';

describe('standard roles are editable and resettable (issue 19 §8)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(ADMIN_SPEC); });
  afterAll(() => api.close());

  const role = (key: string) => id(api.ids.roles[key]);
  const grantsOf = async (key: string) => (await api.gql('admin', `query($r: ID!) { role(id: $r) { systemKey ${GRANTS} } }`, { r: role(key) })).data.role;

  it('an edited standard role keeps its edits over a start-up (ensureStandardRoles only creates missing ones); reset restores it, audited', async () => {
    const standard = await grantsOf(SystemRole.STORE_STAFF);
    expect(standard.systemKey).toBe('STORE_STAFF');
    const edited = await api.gql('admin', SET, { r: role(SystemRole.STORE_STAFF), g: [{ permission: 'CATALOG_VIEW' }] });
    expect(edited.errors).toBeUndefined();
    await api.gql('admin', 'mutation($r: ID!) { updateRole(id: $r, input: { name: "Shop floor" }) { name } }', { r: role(SystemRole.STORE_STAFF) });

    await ensureStandardRoles(api.db.manager); // what every start runs
    const after = await grantsOf(SystemRole.STORE_STAFF);
    expect(after.grants.map((g: any) => g.permission)).toEqual(['CATALOG_VIEW']);

    const reset = await api.gql('admin', RESET, { r: role(SystemRole.STORE_STAFF) });
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetStandardRole).toEqual({ name: 'Shop floor', systemKey: 'STORE_STAFF', grants: standard.grants });
    const entries = await auditOf(api, 'ROLE', api.ids.roles[SystemRole.STORE_STAFF]);
    const last = entries[entries.length - 1];
    expect(last.action).toBe('ROLE_GRANTS_RESET');
    expect(last.before.grants.map((g: any) => g.permission)).toEqual(['CATALOG_VIEW']);
    expect(last.after.grants).toHaveLength(standard.grants.length);
  });

  it('the same rules as setRoleGrants: ACCESS_MANAGE, no escalation, the Administrator untouchable, custom roles refused', async () => {
    await api.gql('admin', SET, { r: role(SystemRole.WAREHOUSE_CLERK), g: [{ permission: 'CATALOG_VIEW' }] });
    // The local admin holds warehouse A only: restoring WAREHOUSE_SELECT on ALL would grant what they lack.
    const local = await api.gql('local', RESET, { r: role(SystemRole.WAREHOUSE_CLERK) });
    expect(codes(local)).toEqual(['FORBIDDEN']);
    expect(local.errors![0].extensions).toMatchObject({ reason: 'ESCALATION' });
    expect((await grantsOf(SystemRole.WAREHOUSE_CLERK)).grants.map((g: any) => g.permission)).toEqual(['CATALOG_VIEW']);

    expect(codes(await api.gql('anna', RESET, { r: role(SystemRole.WAREHOUSE_CLERK) }))).toEqual(['FORBIDDEN']);
    const admin = await api.gql('admin', RESET, { r: role(SystemRole.ADMINISTRATOR) });
    expect(admin.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMINISTRATOR_ROLE' });
    const custom = await api.gql('admin', RESET, { r: role('catalogOnly') });
    expect(custom.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect((await api.gql('admin', RESET, { r: role(SystemRole.WAREHOUSE_CLERK) })).errors).toBeUndefined();
    expect((await grantsOf(SystemRole.WAREHOUSE_CLERK)).grants).toContainEqual({ permission: 'WAREHOUSE_SELECT', allWarehouses: true, documentType: null, actions: [] });
  });
});

describe('the demo supervisor is the seed\'s recipe: edit warehouses, edit forms, cancel processing (issue 19 §8)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(DEMO_DATA); });
  afterAll(() => api.close());

  it('explainAccess and allowedActions say so, and the mutations agree', async () => {
    const explain = (vars: Record<string, unknown>) => api.gql('admin', `query($u: ID!, $p: Permission, $t: DocumentType, $a: DocumentAction) {
      explainAccess(userId: $u, permission: $p, documentType: $t, action: $a) { granted } }`, { u: id(api.ids.users.victor), ...vars });
    for (const p of ['WAREHOUSE_EDIT', 'FORM_EDIT']) expect((await explain({ p })).data.explainAccess.granted).toBe(true);
    expect((await explain({ t: 'STOCK_RECEIPT', a: 'CANCEL' })).data.explainAccess.granted).toBe(true);
    expect((await explain({ t: 'STOCK_RECEIPT', a: 'PROCESS' })).data.explainAccess.granted).toBe(false);
    expect((await explain({ p: 'CATALOG_EDIT' })).data.explainAccess.granted).toBe(false);

    const docs = await api.gql('victor', '{ documents(first: 50) { nodes { id version number status allowedActions } } }');
    const byStatus = (s: string) => docs.data.documents.nodes.filter((d: any) => d.status === s);
    for (const d of byStatus('PROCESSED')) expect(d.allowedActions).toEqual(['VIEW', 'CANCEL']);
    for (const d of byStatus('DRAFT')) expect(d.allowedActions).toEqual(['VIEW']);
    const writeOff = docs.data.documents.nodes.find((d: any) => d.number.startsWith('WO-'));
    const cancelled = await api.gql('victor', 'mutation($id: ID!, $v: Int!) { cancelDocument(id: $id, version: $v) { status } }', { id: writeOff.id, v: writeOff.version });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelDocument.status).toBe('CANCELLED');
    const renamed = await api.gql('victor', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { address: "2 Fulfilment Way" }) { address } }',
      { id: id(api.ids.warehouses.online) });
    expect(renamed.errors).toBeUndefined();
  });
});
