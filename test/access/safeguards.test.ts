import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { openDatabase } from '../../src/database';
import { Role, SystemRole } from '../../src/entities/role.entity';
import { createLoaders } from '../../src/loaders';
import { createServer } from '../../src/server/app';
import { userAdminService } from '../../src/services/access/user-admin.service';
import { loadAccess } from '../../src/shield/access.loader';
import { Access, NO_GRANTS } from '../../src/shield/access';
import { escalationsOf } from '../../src/shield/escalation';
import { checkOf } from '../../src/shield/rule-checks';
import { userAdminRules } from '../../src/shield/rules/access.rules';
import { effectiveGrants } from '../../src/services/access/grant-spec';
import { DocumentAction, DocumentType, Permission, ReportKind } from '../../src/shield/permission-catalog';
import { apiId, codes, dbKey, missingId, startApi, TestApi } from '../support/api';
import { createTestDatabase } from '../support/database';
import { ADMIN_SPEC, id, warehousesOf } from './fixture';

describe('safeguards: last access manager, every instance, explainAccess, the audit log (issue 4 §4, §6, §7, §5)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(ADMIN_SPEC); });
  afterAll(() => api.close());

  const user = (key: string) => id(api.ids.users[key]);
  const role = (key: string) => id(api.ids.roles[key]);

  it('§4 the last active user holding ACCESS_MANAGE cannot lose it by deactivation, unassignment, role edit or role deletion', async () => {
    // Two managers: admin and local. Admin deactivates local; now admin is the last one.
    expect((await api.gql('admin', 'mutation($u: ID!) { deactivateUser(id: $u) { active } }', { u: user('local') })).errors).toBeUndefined();
    const self = await api.gql('admin', 'mutation($u: ID!) { deactivateUser(id: $u) { active } }', { u: user('admin') });
    expect(codes(self)).toEqual(['CONFLICT']);
    expect(self.errors![0].extensions!.reason).toBe('LAST_ACCESS_MANAGER');
    expect(codes(await api.gql('admin', 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }',
      { u: user('admin'), r: role(SystemRole.ADMINISTRATOR) }))).toEqual(['CONFLICT']);

    // Reactivate local, then admin steps down (local may not deactivate admin: out of reach, issue 15 point 1);
    // local holds ACCESS_MANAGE only through the custom role.
    await api.gql('admin', 'mutation($u: ID!) { reactivateUser(id: $u) { active } }', { u: user('local') });
    expect((await api.gql('admin', 'mutation($u: ID!) { deactivateUser(id: $u) { active } }', { u: user('admin') })).errors).toBeUndefined();
    const edit = await api.gql('local', 'mutation($r: ID!) { setRoleGrants(roleId: $r, grants: [{ permission: CATALOG_VIEW }]) { id } }', { r: role('localAdmin') });
    expect(codes(edit)).toEqual(['CONFLICT']);
    expect(codes(await api.gql('local', 'mutation($r: ID!) { deleteRole(id: $r, removeAssignments: true) }', { r: role('localAdmin') }))).toEqual(['CONFLICT']);
    expect(codes(await api.gql('local', 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }',
      { u: user('local'), r: role('localAdmin') }))).toEqual(['CONFLICT']);
    expect(codes(await api.gql('local', 'mutation($u: ID!) { deactivateUser(id: $u) { id } }', { u: user('local') }))).toEqual(['CONFLICT']);

    // Nothing changed: local still manages access. Local cannot bring the administrator back (out of reach);
    // an operator does, in the database.
    const grants = await api.gql('local', 'query($r: ID!) { role(id: $r) { grants { permission } } }', { r: role('localAdmin') });
    expect(grants.data.role.grants.map((g: any) => g.permission)).toContain('ACCESS_MANAGE');
    expect(codes(await api.gql('local', 'mutation($u: ID!) { reactivateUser(id: $u) { active } }', { u: user('admin') }))).toEqual(['FORBIDDEN']);
    await api.db.query('UPDATE app_user SET active = 1 WHERE id = ?', [api.dbIds.users.admin]);
  });

  /** A second local admin, and the administrator stepped down: local and local2 are the only managers, each in the other's reach. */
  async function twoLocalManagers() {
    await api.db.query("INSERT INTO app_user (login, name, active) VALUES ('local2', 'Lara Local', 1)");
    const [{ id: local2 }] = await api.db.query("SELECT id FROM app_user WHERE login = 'local2'");
    await api.db.query('INSERT INTO role_assignment (userId, roleId) VALUES (?, ?)', [local2, api.dbIds.roles.localAdmin]);
    await api.db.query('UPDATE app_user SET active = 0 WHERE id = ?', [api.dbIds.users.admin]);
    return {
      local2: apiId('User', local2),
      async restore() {
        await api.db.query('UPDATE app_user SET active = 1 WHERE id = ?', [api.dbIds.users.admin]);
        await api.db.query('DELETE FROM role_assignment WHERE userId = ?', [local2]);
        await api.db.query('DELETE FROM app_user WHERE id = ?', [local2]);
      },
    };
  }

  it('§4 two admins deactivating each other at the same time: exactly one succeeds (the check runs under a lock)', async () => {
    const managers = await twoLocalManagers();
    const ids: Record<string, string> = { local: user('local'), local2: managers.local2 };
    const deactivate = (as: string, target: string) => api.gql(as, 'mutation($u: ID!) { deactivateUser(id: $u) { active } }', { u: ids[target] });
    const results = await Promise.all([deactivate('local2', 'local'), deactivate('local', 'local2')]);
    // The loser is refused by the last-manager check, or — if the winner committed before the loser's
    // request was authenticated — as a deactivated user. Either way exactly one of them stays active.
    const outcomes = results.map((r) => (r.errors ? r.errors[0].extensions!.code : 'OK')).sort();
    expect([['CONFLICT', 'OK'], ['OK', 'UNAUTHENTICATED']]).toContainEqual(outcomes);
    const active = await api.db.query('SELECT login FROM app_user WHERE active = 1 AND login IN (\'local2\', \'local\')');
    expect(active).toHaveLength(1);
    const winner = results[0].errors ? 'local' : 'local2';
    const loser = winner === 'local2' ? 'local' : 'local2';
    expect((await api.gql(winner, 'mutation($u: ID!) { reactivateUser(id: $u) { active } }', { u: ids[loser] })).errors).toBeUndefined();
    await managers.restore();
  });

  it('§4 the last-manager check holds under a true race: both admins authenticated before either change commits', async () => {
    const ctxOf = async (login: string) => {
      const access = (await loadAccess(api.db, login))!;
      return { db: api.db, access, loaders: createLoaders(api.db, access), deniedCoordinates: new Set<string>(), requestId: login };
    };
    const managers = await twoLocalManagers();
    const [asAdmin, asLocal] = await Promise.all([ctxOf('local2'), ctxOf('local')]);
    const results = await Promise.allSettled([
      // The services take database keys (the API's ids are decoded at the schema boundary).
      userAdminService.setActive(asAdmin, String(api.dbIds.users.local), false),
      userAdminService.setActive(asLocal, String(dbKey(managers.local2)), false),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ACCESS_MANAGER' });
    const winner = results[0].status === 'fulfilled' ? asAdmin : asLocal;
    await userAdminService.setActive(winner, winner === asAdmin ? String(api.dbIds.users.local) : String(dbKey(managers.local2)), true);
    await managers.restore();
  });

  it('§4 a role edit only has to stay within the actor\'s access for what it adds: the local admin may trim a role that holds ALL warehouses', async () => {
    const trimmed = await api.gql('local', `mutation($r: ID!) { setRoleGrants(roleId: $r, grants: [{ permission: CATALOG_VIEW }, { permission: WAREHOUSE_SELECT },
      { permission: DOCUMENT, documentType: SALES_ORDER, actions: [VIEW] }]) { grants { permission allWarehouses } } }`, { r: role(SystemRole.STORE_STAFF) });
    expect(trimmed.errors).toBeUndefined();
    const adding = await api.gql('local', `mutation($r: ID!) { setRoleGrants(roleId: $r, grants: [{ permission: CATALOG_VIEW }, { permission: WAREHOUSE_SELECT },
      { permission: DOCUMENT, documentType: SALES_ORDER, actions: [VIEW] }, { permission: DOCUMENT, documentType: STOCK_RECEIPT, actions: [VIEW, CANCEL] }]) { id } }`, { r: role(SystemRole.STORE_STAFF) });
    expect(codes(adding)).toEqual(['FORBIDDEN']);
    expect(adding.errors![0].extensions!.notHeld).toEqual(['DOCUMENT:STOCK_RECEIPT:CANCEL']);
  });

  it('escalationsOf: what a change adds beyond the actor\'s access, per permission, warehouse, report kind and document action', () => {
    const actor = new Access(null, effectiveGrants([
      { permission: Permission.CATALOG_VIEW, warehouseIds: null, reportKinds: null, documentType: null, actions: [] },
      { permission: Permission.WAREHOUSE_SELECT, warehouseIds: [1, 2], reportKinds: null, documentType: null, actions: [] },
      { permission: Permission.REPORT_VIEW, warehouseIds: null, reportKinds: [ReportKind.SALES], documentType: null, actions: [] },
      { permission: Permission.DOCUMENT, warehouseIds: null, reportKinds: null, documentType: DocumentType.SALES_ORDER, actions: [DocumentAction.VIEW] },
    ]));
    const wanted = effectiveGrants([
      { permission: Permission.CATALOG_VIEW, warehouseIds: null, reportKinds: null, documentType: null, actions: [] },
      { permission: Permission.SETTINGS_EDIT, warehouseIds: null, reportKinds: null, documentType: null, actions: [] },
      { permission: Permission.WAREHOUSE_SELECT, warehouseIds: [2, 3], reportKinds: null, documentType: null, actions: [] },
      { permission: Permission.REPORT_VIEW, warehouseIds: null, reportKinds: [ReportKind.SALES, ReportKind.MOVEMENT], documentType: null, actions: [] },
      { permission: Permission.DOCUMENT, warehouseIds: null, reportKinds: null, documentType: DocumentType.SALES_ORDER, actions: [DocumentAction.VIEW, DocumentAction.DELETE] },
    ]);
    expect(escalationsOf(actor, NO_GRANTS, wanted)).toEqual(['SETTINGS_EDIT', `WAREHOUSE_SELECT:${apiId('Warehouse', 3)}`, 'REPORT_VIEW:MOVEMENT', 'DOCUMENT:SALES_ORDER:DELETE']);
    // Narrowed by an assignment to warehouse 2, the same role's warehouse part is within the actor's access.
    expect(escalationsOf(actor, NO_GRANTS, effectiveGrants([
      { permission: Permission.WAREHOUSE_SELECT, warehouseIds: null, reportKinds: null, documentType: null, actions: [] }], [2]))).toEqual([]);
    // What was already granted before the change is not the actor's doing.
    expect(escalationsOf(actor, wanted, wanted)).toEqual([]);
  });

  it('e-mail rule: another user\'s e-mail needs ACCESS_MANAGE', () => {
    const rule = checkOf(userAdminRules.User.email);
    if (!rule || rule.accessOnly) throw new Error('expected a check of the parent');
    const viewer = new Access({ id: 7 } as never, NO_GRANTS);
    expect(rule.check(viewer, { id: 7 }, {})).toBeNull();
    expect(rule.check(viewer, { id: 8 }, {})).toMatchObject({ code: 'FORBIDDEN', permission: 'ACCESS_MANAGE' });
  });

  it('§6 a change made through one instance applies on the next request served by another instance (no per-process cache)', async () => {
    const db2 = new DataSource(dataSourceOptions({ databaseUrl: api.database.databaseUrl, dataDir: api.database.dataDir, sqliteFile: api.database.sqliteFile }));
    await db2.initialize();
    const other = await createServer(api.config, db2);
    const url = `${await other.listen(0)}/graphql`;
    const viaOther = async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.token('bob')}` },
        body: JSON.stringify({ query: '{ viewer { warehouses { code } } }' }) });
      return ((await res.json()) as any).data.viewer.warehouses.map((w: any) => w.code);
    };
    try {
      expect(await viaOther()).toEqual([]);
      await api.gql('admin', 'mutation($u: ID!, $r: ID!, $w: [ID!]) { assignRole(userId: $u, roleId: $r, warehouseIds: $w) { id } }',
        { u: user('bob'), r: role(SystemRole.STORE_STAFF), w: [id(api.ids.warehouses.B)] });
      expect(await viaOther()).toEqual(['B']);
      await api.gql('admin', 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }', { u: user('bob'), r: role(SystemRole.STORE_STAFF) });
      expect(await viaOther()).toEqual([]);
    } finally {
      await other.stop();
      await db2.destroy();
    }
  });

  describe('§7 explainAccess', () => {
    beforeAll(async () => {
      await api.gql('admin', 'mutation($u: ID!, $r: ID!, $w: [ID!]) { assignRole(userId: $u, roleId: $r, warehouseIds: $w) { id } }',
        { u: user('anna'), r: role(SystemRole.WAREHOUSE_CLERK), w: [id(api.ids.warehouses.A)] });
      await api.gql('admin', 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }', { u: user('anna'), r: role('catalogOnly') });
    });
    const explain = (vars: Record<string, unknown>) => api.gql('admin', `query($u: ID!, $w: ID, $p: Permission, $t: DocumentType, $a: DocumentAction) {
      explainAccess(userId: $u, warehouseId: $w, permission: $p, documentType: $t, action: $a) {
        user { login } granted summary
        requirements { description granted verdicts { assignment { role { name } warehouseIds } grants reason } } } }`, vars);

    it('"why can\'t Anna see warehouse B?": her clerk assignment is narrowed to A, her other role has no WAREHOUSE_SELECT', async () => {
      expect(await warehousesOf(api, 'anna')).toEqual(['A']);
      const res = await explain({ u: user('anna'), w: id(api.ids.warehouses.B) });
      expect(res.errors).toBeUndefined();
      const e = res.data.explainAccess;
      expect(e).toMatchObject({ user: { login: 'anna' }, granted: false, summary: `No role assignment of anna grants WAREHOUSE_SELECT on warehouse ${api.ids.warehouses.B}.` });
      expect(e.requirements).toHaveLength(1);
      expect(e.requirements[0].verdicts).toEqual([
        { assignment: { role: { name: 'Warehouse clerk' }, warehouseIds: [id(api.ids.warehouses.A)] }, grants: false,
          reason: `role "Warehouse clerk" grants all warehouses, but this assignment narrows it to [${api.ids.warehouses.A}]` },
        { assignment: { role: { name: 'Catalog reader' }, warehouseIds: null }, grants: false, reason: 'role "Catalog reader" has no WAREHOUSE_SELECT' },
      ]);
    });

    it('a document action in a warehouse combines DOCUMENT and WAREHOUSE_SELECT, each with the assignment that grants it', async () => {
      const res = await explain({ u: user('anna'), w: id(api.ids.warehouses.A), t: 'STOCK_RECEIPT', a: 'PROCESS' });
      const e = res.data.explainAccess;
      expect(e.granted).toBe(true);
      expect(e.requirements.map((r: any) => [r.description, r.granted])).toEqual([
        ['INVENTORY_VIEW', true], ['DOCUMENT PROCESS on STOCK_RECEIPT', true], [`WAREHOUSE_SELECT on warehouse ${api.ids.warehouses.A}`, true]]);
      const cancel = await explain({ u: user('anna'), t: 'STOCK_RECEIPT', a: 'CANCEL' });
      expect(cancel.data.explainAccess.granted).toBe(false);
      expect(cancel.data.explainAccess.requirements[1].verdicts[0].reason).toBe('role "Warehouse clerk" grants STOCK_RECEIPT EDIT, PROCESS, VIEW');
    });

    it('a user without roles, a deactivated user, and invalid questions', async () => {
      const none = await explain({ u: user('bob'), p: 'CATALOG_VIEW' });
      expect(none.data.explainAccess).toMatchObject({ granted: false, summary: 'bob holds no roles, so nothing grants CATALOG_VIEW.' });
      await api.gql('admin', 'mutation($u: ID!) { deactivateUser(id: $u) { id } }', { u: user('anna') });
      const inactive = await explain({ u: user('anna'), w: id(api.ids.warehouses.A) });
      expect(inactive.data.explainAccess).toMatchObject({ granted: false, summary: 'anna is deactivated: every request is refused.' });
      expect(inactive.data.explainAccess.requirements[0].granted).toBe(true);
      await api.gql('admin', 'mutation($u: ID!) { reactivateUser(id: $u) { id } }', { u: user('anna') });
      const missingType = await explain({ u: user('anna'), p: 'DOCUMENT' });
      expect(codes(missingType)).toEqual(['BAD_USER_INPUT']);
      expect(missingType.errors![0].extensions!.field).toBe('documentType');
      const unknownWarehouse = await explain({ u: user('anna'), w: missingId('Warehouse') });
      expect(unknownWarehouse.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'warehouseId' });
      expect((await explain({ u: missingId('User'), p: 'CATALOG_VIEW' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
      expect((await explain({ u: user('anna') })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'permission' });
    });
  });

  it('§5 the audit log filters by actor, subject and time, and pages with cursors', async () => {
    const q = `query($actor: ID, $t: String, $s: ID, $from: DateTimeISO, $to: DateTimeISO, $after: String) {
      accessAuditLog(first: 2, actorId: $actor, subjectType: $t, subjectId: $s, from: $from, to: $to, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id action actor { login } subjectType subjectId } } }`;
    // A few more entries by local, on a user within local's reach.
    for (const name of ['Bob B', 'Bob C']) {
      expect((await api.gql('local', 'mutation($u: ID!, $n: String!) { updateUser(id: $u, input: { name: $n }) { id } }', { u: user('bob'), n: name })).errors).toBeUndefined();
    }
    const byLocal = await api.gql('admin', q, { actor: user('local') });
    expect(byLocal.errors).toBeUndefined();
    expect(byLocal.data.accessAuditLog.nodes.every((n: any) => n.actor.login === 'local')).toBe(true);
    const total = byLocal.data.accessAuditLog.totalCount;
    expect(total).toBeGreaterThan(2);
    // Walking the pages yields every entry once, in order.
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.gql('admin', q, { actor: user('local'), after })).data.accessAuditLog;
      ids.push(...page.nodes.map((n: any) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const all = await api.gql('admin', 'query($a: ID) { accessAuditLog(first: 200, actorId: $a) { nodes { id } } }', { a: user('local') });
    expect(ids).toEqual(all.data.accessAuditLog.nodes.map((n: any) => n.id));
    expect(ids).toHaveLength(total);

    const annas = await api.gql('admin', q, { t: 'USER', s: user('anna') });
    expect(annas.data.accessAuditLog.nodes.map((n: any) => n.action)).toEqual(['ROLE_ASSIGNED', 'ROLE_ASSIGNED']);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const inHour = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api.gql('admin', q, { actor: user('local'), from: hourAgo, to: inHour })).data.accessAuditLog.totalCount).toBe(total);
    expect((await api.gql('admin', q, { from: inHour })).data.accessAuditLog.totalCount).toBe(0);
    expect((await api.gql('admin', q, { to: hourAgo })).data.accessAuditLog.totalCount).toBe(0);
  });
});

describe('§3 standard roles exist from the first start', () => {
  it('opening an empty database creates Administrator, Store staff and Warehouse clerk once', async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await fresh.db.getRepository(Role).count()).toBe(0);
      for (let start = 0; start < 2; start++) {
        const db = await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir });
        await db.destroy();
      }
      const reopened = fresh.databaseUrl ? fresh.db : await openDatabase({ dataDir: fresh.dataDir });
      const roles = await reopened.getRepository(Role).find({ order: { name: 'ASC' } });
      expect(roles.map((r) => [r.name, r.systemKey])).toEqual([
        ['Administrator', SystemRole.ADMINISTRATOR], ['Store staff', SystemRole.STORE_STAFF], ['Warehouse clerk', SystemRole.WAREHOUSE_CLERK]]);
      if (reopened !== fresh.db) await reopened.destroy();
    } finally {
      await fresh.drop();
    }
  });
});
