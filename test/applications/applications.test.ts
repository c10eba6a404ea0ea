import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DOCUMENT_ACTION_DESCRIPTIONS, DocumentAction, DocumentType, Permission, PERMISSION_CATALOG } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { APP_FIELDS, INSTALL, REGISTER, REVOKE, installedApp, viaApp } from './support';
import { statementsDuring } from '../support/statement-counter';

const SPEC: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', name: 'Alpha' }, { key: 'B', name: 'Beta' }, { key: 'C', name: 'Gamma' }],
  products: [{ key: 'dress', sku: 'DRESS', name: 'Cotton dress', purchasePrice: '18.5', salePrice: '39' }],
  roles: [
    { key: 'localAdmin', name: 'Local admin', grants: [
      { permission: Permission.ACCESS_MANAGE }, { permission: Permission.CATALOG_VIEW },
      { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] }] },
    { key: 'clerk', name: 'Clerk', grants: [
      { permission: Permission.CATALOG_VIEW }, { permission: Permission.PURCHASE_PRICE_VIEW }, { permission: Permission.INVENTORY_VIEW },
      { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A', 'C'] },
      { permission: Permission.DOCUMENT, documentType: DocumentType.SALES_ORDER, actions: [DocumentAction.VIEW, DocumentAction.EDIT] },
      { permission: Permission.DOCUMENT, documentType: DocumentType.STOCK_RECEIPT, actions: [DocumentAction.VIEW] }] },
  ],
  users: [
    { key: 'admin', name: 'Ada Admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'local', name: 'Luke Local', roles: [{ role: 'localAdmin' }] },
    { key: 'clerk', name: 'Cleo Clerk', roles: [{ role: 'clerk' }] },
  ],
  documents: [
    { key: 'in', type: DocumentType.STOCK_RECEIPT, status: 'PROCESSED' as any, author: 'admin', at: new Date('2026-03-01T10:00:00Z'),
      items: [{ product: 'dress', quantity: '10', price: '18.5', to: 'A' }, { product: 'dress', quantity: '5', price: '18.5', to: 'B' }] },
    { key: 'out', type: DocumentType.SALES_ORDER, status: 'PROCESSED' as any, author: 'admin', at: new Date('2026-03-02T10:00:00Z'),
      items: [{ product: 'dress', quantity: '2', from: 'A' }] },
  ],
};

/** What the marketplace app of issue 10 asks for. */
const SHOP_SYNC = [
  { permission: 'CATALOG_VIEW' },
  { permission: 'DOCUMENT', documentType: 'SALES_ORDER', actions: ['VIEW'] },
  { permission: 'REPORT_VIEW', reportKinds: ['SALES'] },
  { permission: 'WAREHOUSE_SELECT', warehouseIds: [] as string[] },
];

const VIEWER = '{ viewer { user { login } application { clientId name } permissions allWarehouses warehouses { code } reportKinds documentPermissions { type actions } } }';
const REPORT = '{ inventoryReport(from: "2026-03-01", to: "2026-03-31") { sales { shippedValue warehouses { warehouse { code } } } movement { warehouses { warehouse { code } } } } }';

describe('applications: registered, shown, installed and revoked by an admin; enforced as user ∩ app', () => {
  let api: TestApi;
  let shopSyncId: string;
  const wh = (key: string) => String(api.ids.warehouses[key]);

  beforeAll(async () => {
    api = await startApi(SPEC);
    SHOP_SYNC[3].warehouseIds = [wh('A'), wh('B')];
  });
  afterAll(() => api?.close());

  it('an admin registers an application; every requested permission is shown with the catalog\'s description and scope', async () => {
    const res = await api.gql('admin', REGISTER, { input: {
      name: 'Shop sync', description: 'Syncs orders with the web shop', vendor: 'Acme', callbackUrl: 'https://shop.example/callback',
      clientId: 'shop-sync', requestedPermissions: SHOP_SYNC } });
    expect(res.errors).toBeUndefined();
    const app = res.data.registerApplication;
    shopSyncId = app.id;
    expect(app).toMatchObject({ clientId: 'shop-sync', name: 'Shop sync', vendor: 'Acme', callbackUrl: 'https://shop.example/callback',
      status: 'REQUESTED', installedAt: null, registeredBy: { login: 'admin' }, installedBy: null, approvedPermissions: [] });

    const shown = await api.gql('admin', `query($id: ID!) { application(id: $id) { ${APP_FIELDS} } }`, { id: shopSyncId });
    expect(shown.errors).toBeUndefined();
    const describe = (p: Permission) => PERMISSION_CATALOG.find((c) => c.permission === p)!.description;
    expect(shown.data.application.requestedPermissions).toEqual([
      { permission: 'CATALOG_VIEW', description: describe(Permission.CATALOG_VIEW), scopeKind: 'NONE', allWarehouses: false,
        warehouseIds: null, warehouses: null, allReportKinds: false, reportKinds: null, documentType: null, actions: [] },
      { permission: 'DOCUMENT', description: describe(Permission.DOCUMENT), scopeKind: 'DOCUMENT_TYPE_ACTIONS', allWarehouses: false,
        warehouseIds: null, warehouses: null, allReportKinds: false, reportKinds: null, documentType: 'SALES_ORDER',
        actions: [{ action: 'VIEW', description: DOCUMENT_ACTION_DESCRIPTIONS.VIEW }] },
      { permission: 'REPORT_VIEW', description: describe(Permission.REPORT_VIEW), scopeKind: 'REPORT_KINDS', allWarehouses: false,
        warehouseIds: null, warehouses: null, allReportKinds: false, reportKinds: ['SALES'], documentType: null, actions: [] },
      { permission: 'WAREHOUSE_SELECT', description: describe(Permission.WAREHOUSE_SELECT), scopeKind: 'WAREHOUSES', allWarehouses: false,
        warehouseIds: [wh('A'), wh('B')], warehouses: [{ code: 'A' }, { code: 'B' }], allReportKinds: false, reportKinds: null,
        documentType: null, actions: [] },
    ]);

    const listed = await api.gql('admin', '{ requested: applications(status: REQUESTED) { clientId status } installed: applications(status: INSTALLED) { clientId } }');
    expect(listed.data).toEqual({ requested: [{ clientId: 'shop-sync', status: 'REQUESTED' }], installed: [] });
  });

  it('registration is validated field by field and needs ACCESS_MANAGE', async () => {
    const register = (input: Record<string, unknown>, as = 'admin') =>
      api.gql(as, REGISTER, { input: { name: 'X', requestedPermissions: [{ permission: 'CATALOG_VIEW' }], ...input } });
    const field = async (input: Record<string, unknown>) => (await register(input)).errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
    expect(await field({ name: '  ' })).toEqual([['BAD_USER_INPUT', 'input.name']]);
    expect(await field({ requestedPermissions: [] })).toEqual([['BAD_USER_INPUT', 'input.requestedPermissions']]);
    expect(await field({ requestedPermissions: [{ permission: 'CATALOG_VIEW', warehouseIds: ['1'] }] }))
      .toEqual([['BAD_USER_INPUT', 'input.requestedPermissions[0].warehouseIds']]);
    expect(await field({ requestedPermissions: [{ permission: 'WAREHOUSE_SELECT', warehouseIds: ['99999'] }] }))
      .toEqual([['BAD_USER_INPUT', 'input.requestedPermissions[0].warehouseIds']]);
    expect(await field({ clientId: 'shop-sync' })).toEqual([['BAD_USER_INPUT', 'input.clientId']]);
    expect(await field({ clientId: 'has space' })).toEqual([['BAD_USER_INPUT', 'input.clientId']]);
    expect(await field({ callbackUrl: 'ftp://x' })).toEqual([['BAD_USER_INPUT', 'input.callbackUrl']]);
    const clerk = await register({}, 'clerk');
    expect(codes(clerk)).toEqual(['FORBIDDEN']);
    expect(clerk.data.registerApplication).toBeNull();
    expect((await api.gql('admin', '{ applications { clientId } }')).data.applications).toEqual([{ clientId: 'shop-sync' }]);
  });

  it('a token of a registered but not installed application is refused with FORBIDDEN (HTTP 403); an unknown one with UNAUTHENTICATED', async () => {
    const pending = await viaApp(api, 'admin', 'shop-sync', VIEWER);
    expect(pending.status).toBe(403);
    expect(codes(pending)).toEqual(['FORBIDDEN']);
    expect(pending.errors![0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'APPLICATION_REQUESTED', clientId: 'shop-sync' });
    const unknown = await viaApp(api, 'admin', 'no-such-app', VIEWER);
    expect(unknown.status).toBe(401);
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
  });

  it('an admin can install only what they hold: a local admin gets FORBIDDEN naming what they lack, nothing changes', async () => {
    const res = await api.gql('local', INSTALL, { id: shopSyncId });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].extensions).toMatchObject({ reason: 'ESCALATION' });
    expect(res.errors![0].extensions!.notHeld).toEqual(
      expect.arrayContaining(['REPORT_VIEW:SALES', `WAREHOUSE_SELECT:${wh('B')}`, 'DOCUMENT:SALES_ORDER:VIEW']));
    const after = await api.gql('admin', 'query($id: ID!) { application(id: $id) { status } }', { id: shopSyncId });
    expect(after.data.application.status).toBe('REQUESTED');
  });

  it('an admin installs it: approved = requested, audited', async () => {
    const res = await api.gql('admin', INSTALL, { id: shopSyncId });
    expect(res.errors).toBeUndefined();
    const app = res.data.installApplication;
    expect(app).toMatchObject({ status: 'INSTALLED', installedBy: { login: 'admin' } });
    expect(app.installedAt).toEqual(expect.any(String));
    expect(app.approvedPermissions.map((p: { permission: string }) => p.permission))
      .toEqual(['CATALOG_VIEW', 'DOCUMENT', 'REPORT_VIEW', 'WAREHOUSE_SELECT']);
    expect(codes(await api.gql('admin', INSTALL, { id: shopSyncId }))).toEqual(['INVALID_STATE']);

    const log = await api.gql('admin', `query($s: ID) { accessAuditLog(first: 10, subjectType: "APPLICATION", subjectId: $s) {
      nodes { action actor { login } before after } } }`, { s: shopSyncId });
    expect(log.errors).toBeUndefined();
    const entries = log.data.accessAuditLog.nodes;
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['APPLICATION_INSTALLED', 'APPLICATION_REGISTERED']);
    const installed = entries.find((e: { action: string }) => e.action === 'APPLICATION_INSTALLED');
    expect(installed).toMatchObject({ actor: { login: 'admin' }, before: { status: 'REQUESTED' }, after: { status: 'INSTALLED' } });
    expect(installed.after.approvedGrants).toHaveLength(4);
  });

  it('through the app, the admin has exactly the app\'s permissions; viewer names the application', async () => {
    const res = await viaApp(api, 'admin', 'shop-sync', VIEWER);
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toEqual({
      user: { login: 'admin' }, application: { clientId: 'shop-sync', name: 'Shop sync' },
      permissions: ['CATALOG_VIEW', 'DOCUMENT', 'REPORT_VIEW', 'WAREHOUSE_SELECT'], allWarehouses: false,
      warehouses: [{ code: 'A' }, { code: 'B' }], reportKinds: ['SALES'], documentPermissions: [{ type: 'SALES_ORDER', actions: ['VIEW'] }],
    });
    const direct = await api.gql('admin', '{ viewer { application { clientId } allWarehouses } }');
    expect(direct.data.viewer).toEqual({ application: null, allWarehouses: true });
  });

  it('an app request costs one statement more than a direct one (the application row, read on every request)', async () => {
    const count = async (run: () => Promise<unknown>) => (await statementsDuring(api.db, run)).length;
    const token = await api.token('clerk', { clientId: 'shop-sync' });
    const direct = await count(() => api.gql('clerk', VIEWER));
    const viaShopSync = await count(() => api.gql({ header: `Bearer ${token}` }, VIEWER));
    expect(viaShopSync).toBe(direct + 1);
  });

  it('through the app, a clerk sees only the intersection: warehouse A (not B, not C), no reports, no documents', async () => {
    const res = await viaApp(api, 'clerk', 'shop-sync', VIEWER);
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toMatchObject({
      permissions: ['CATALOG_VIEW', 'DOCUMENT', 'WAREHOUSE_SELECT'], allWarehouses: false, warehouses: [{ code: 'A' }],
      reportKinds: [], documentPermissions: [{ type: 'SALES_ORDER', actions: ['VIEW'] }],
    });
    const lists = await viaApp(api, 'clerk', 'shop-sync', 'query($c: ID!) { warehouses { code } c: warehouse(id: $c) { code } products(first: 5) { nodes { sku purchasePrice } } }',
      { c: wh('C') });
    expect(lists.data).toEqual({ warehouses: [{ code: 'A' }], c: null, products: { nodes: [{ sku: 'DRESS', purchasePrice: null }] } });
    expect(lists.errors!.map((e) => [e.extensions?.code, e.extensions?.permission])).toEqual([['FORBIDDEN', 'PURCHASE_PRICE_VIEW']]);
    const direct = await api.gql('clerk', '{ warehouses { code } products(first: 5) { nodes { purchasePrice } } }');
    expect(direct.data).toEqual({ warehouses: [{ code: 'A' }, { code: 'C' }], products: { nodes: [{ purchasePrice: '18.5' }] } });
  });

  it('reports follow the app\'s REPORT_VIEW kinds: the sales section is shown, the movement section is null with FORBIDDEN', async () => {
    const res = await viaApp(api, 'admin', 'shop-sync', REPORT);
    // 2 dresses at their moving-average cost of 18.50 (DESIGN §1), not at a sale price.
    expect(res.data.inventoryReport.sales.shippedValue).toBe('37');
    // Warehouse C (no movements, selectable by the admin) is outside the app's WAREHOUSE_SELECT scope.
    expect(res.data.inventoryReport.sales.warehouses.map((w: { warehouse: { code: string } }) => w.warehouse.code)).toEqual(['A', 'B']);
    expect(res.data.inventoryReport.movement).toBeNull();
    expect(res.errors!.map((e) => [e.extensions?.code, e.extensions?.permission])).toEqual([['FORBIDDEN', 'REPORT_VIEW:MOVEMENT']]);
    const direct = await api.gql('admin', REPORT);
    expect(direct.errors).toBeUndefined();
    expect(direct.data.inventoryReport.movement.warehouses.map((w: { warehouse: { code: string } }) => w.warehouse.code)).toEqual(['A', 'B', 'C']);
  });

  it('an app with CATALOG_VIEW only gets null purchase prices even for an admin user (one FORBIDDEN error), no warehouses, no reports', async () => {
    await installedApp(api, 'catalog-feed', [{ permission: 'CATALOG_VIEW' }]);
    const res = await viaApp(api, 'admin', 'catalog-feed', '{ products(first: 5) { nodes { sku purchasePrice salePrice } } again: products(first: 5) { nodes { purchasePrice } } warehouses { code } }');
    expect(res.data).toEqual({
      products: { nodes: [{ sku: 'DRESS', purchasePrice: null, salePrice: '39' }] }, again: { nodes: [{ purchasePrice: null }] }, warehouses: [],
    });
    expect(res.errors!.map((e) => [e.extensions?.code, e.extensions?.permission])).toEqual([['FORBIDDEN', 'PURCHASE_PRICE_VIEW']]);
    const report = await viaApp(api, 'admin', 'catalog-feed', REPORT);
    expect(report.data.inventoryReport).toBeNull();
    expect(codes(report)).toEqual(['FORBIDDEN']);
  });

  it('an app without DOCUMENT PROCESS cannot process, even for an admin; the admin directly can', async () => {
    await installedApp(api, 'receiving', [
      { permission: 'CATALOG_VIEW' }, { permission: 'INVENTORY_VIEW' }, { permission: 'WAREHOUSE_SELECT' },
      { permission: 'DOCUMENT', documentType: 'STOCK_RECEIPT', actions: ['VIEW', 'EDIT'] }]);
    const create = 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version status } }';
    // No line price: the app does not hold PURCHASE_PRICE_VIEW, so it may not write one (DESIGN §3.9).
    const input = (type: string) => ({ type, items: [{ productId: String(api.ids.products.dress), quantity: '1', toWarehouseId: wh('A') }] });
    const draft = await viaApp(api, 'admin', 'receiving', create, { input: input('STOCK_RECEIPT') });
    expect(draft.errors).toBeUndefined();
    const { id, version } = draft.data.createDocument;
    const process = 'mutation($id: ID!, $version: Int!) { processDocument(id: $id, version: $version) { status } }';
    const refused = await viaApp(api, 'admin', 'receiving', process, { id, version });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data.processDocument).toBeNull();
    const adjustment = await viaApp(api, 'admin', 'receiving', create, { input: input('STOCK_ADJUSTMENT') });
    expect(codes(adjustment)).toEqual(['FORBIDDEN']);
    const shopSync = await viaApp(api, 'admin', 'shop-sync', create, { input: input('STOCK_RECEIPT') });
    expect(codes(shopSync)).toEqual(['FORBIDDEN']);
    const direct = await api.gql('admin', process, { id, version });
    expect(direct.errors).toBeUndefined();
    expect(direct.data.processDocument.status).toBe('PROCESSED');
  });

  it('mutations through an app are limited too: the admin cannot manage access through an app without ACCESS_MANAGE', async () => {
    const res = await viaApp(api, 'admin', 'shop-sync', REGISTER, { input: { name: 'Sneaky', requestedPermissions: [{ permission: 'ACCESS_MANAGE' }] } });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect((await api.gql('admin', '{ applications { name } }')).data.applications.map((a: { name: string }) => a.name))
      .not.toContain('Sneaky');
  });

  it('a revoked application is refused on its next request, with a token minted before the revocation', async () => {
    const token = await api.token('admin', { clientId: 'shop-sync' });
    const before = await api.gql({ header: `Bearer ${token}` }, '{ viewer { user { login } } }');
    expect(before.errors).toBeUndefined();
    const revoked = await api.gql('admin', REVOKE, { id: shopSyncId });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApplication).toMatchObject({ status: 'REVOKED', revokedBy: { login: 'admin' } });
    expect(revoked.data.revokeApplication.revokedAt).toEqual(expect.any(String));

    const after = await api.gql({ header: `Bearer ${token}` }, '{ viewer { user { login } } }');
    expect(after.status).toBe(403);
    expect(codes(after)).toEqual(['FORBIDDEN']);
    expect(after.errors![0].extensions).toMatchObject({ reason: 'APPLICATION_REVOKED' });
    expect((await api.gql('admin', '{ viewer { user { login } } }')).errors).toBeUndefined();
    expect(codes(await api.gql('admin', REVOKE, { id: shopSyncId }))).toEqual(['INVALID_STATE']);
    const log = await api.gql('admin', `query($s: ID) { accessAuditLog(first: 10, subjectType: "APPLICATION", subjectId: $s) { nodes { action } } }`,
      { s: shopSyncId });
    expect(log.data.accessAuditLog.nodes.map((e: { action: string }) => e.action)).toContain('APPLICATION_REVOKED');
  });

  it('without a given client id one is generated; tokens carrying it work once installed', async () => {
    const res = await api.gql('admin', REGISTER, { input: { name: 'Generated', requestedPermissions: [{ permission: 'CATALOG_VIEW' }] } });
    const { id, clientId } = res.data.registerApplication;
    expect(clientId).toMatch(/^app_[0-9a-f]{24}$/);
    expect((await api.gql('admin', INSTALL, { id })).errors).toBeUndefined();
    const viewer = await viaApp(api, 'clerk', clientId, '{ viewer { application { id clientId name } permissions } }');
    expect(viewer.data.viewer).toEqual({ application: { id, clientId, name: 'Generated' }, permissions: ['CATALOG_VIEW'] });
  });
});
