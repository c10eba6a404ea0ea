import fc from 'fast-check';
import { Application, ApplicationStatus } from '../../src/entities/application.entity';
import { Role } from '../../src/entities/role.entity';
import { RoleAssignment } from '../../src/entities/role-assignment.entity';
import { RoleGrant } from '../../src/entities/role-grant.entity';
import { User } from '../../src/entities/user.entity';
import { toGrantRows, ValidGrant } from '../../src/services/access/grant-spec';
import { DocumentAction, DocumentType, Permission, ReportKind } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';

/**
 * Non-interference for applications (DESIGN §2): for random user grants and random approved app
 * grants, what the app's request sees is exactly what a reference intersection, computed here
 * from the random grants alone, allows — viewer permissions and warehouses, the warehouse list,
 * products and their purchase prices.
 */
const WAREHOUSES = ['A', 'B', 'C'] as const;
const SIMPLE = [Permission.CATALOG_VIEW, Permission.PURCHASE_PRICE_VIEW, Permission.INVENTORY_VIEW, Permission.CATALOG_EDIT] as const;
const REPORTS = Object.values(ReportKind);
const DOC_TYPES = [DocumentType.SALES_ORDER, DocumentType.STOCK_RECEIPT] as const;
const ACTIONS = [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] as const;

/** A grant set in the test's own terms: `'ALL'` for an unscoped grant, undefined for no grant. */
interface Model {
  simple: Permission[];
  warehouses?: 'ALL' | string[];
  reports?: 'ALL' | ReportKind[];
  documents: Array<[DocumentType, DocumentAction[]]>;
}

const scoped = <T>(values: readonly T[]) =>
  fc.option(fc.oneof(fc.constant('ALL' as const), fc.subarray([...values], { minLength: 1 })), { nil: undefined });

const model: fc.Arbitrary<Model> = fc.record({
  simple: fc.subarray([...SIMPLE]),
  warehouses: scoped(WAREHOUSES),
  reports: scoped(REPORTS),
  documents: fc.subarray([...DOC_TYPES]).chain((types) =>
    fc.tuple(...types.map((t) => fc.subarray([...ACTIONS], { minLength: 1 }).map((a) => [t, a] as [DocumentType, DocumentAction[]])))),
});

/** The reference intersection, independent of src/shield/grants.ts. */
function expected(user: Model, app: Model) {
  const simple = user.simple.filter((p) => app.simple.includes(p));
  const both = <T>(a: 'ALL' | T[] | undefined, b: 'ALL' | T[] | undefined, all: readonly T[]): T[] => {
    if (a === undefined || b === undefined) return [];
    const left = a === 'ALL' ? [...all] : a;
    return left.filter((x) => b === 'ALL' || b.includes(x));
  };
  const warehouses = both(user.warehouses, app.warehouses, WAREHOUSES).sort();
  // viewer lists report kinds in the enum's order.
  const reportKinds = REPORTS.filter((k) => both(user.reports, app.reports, REPORTS).includes(k));
  const documentPermissions = user.documents
    .map(([type, actions]) => ({ type, actions: actions.filter((a) => app.documents.find(([t]) => t === type)?.[1].includes(a)).sort() }))
    .filter((d) => d.actions.length > 0)
    .sort((x, y) => x.type.localeCompare(y.type));
  const permissions: string[] = [...simple];
  if (warehouses.length) permissions.push(Permission.WAREHOUSE_SELECT);
  if (reportKinds.length) permissions.push(Permission.REPORT_VIEW);
  if (documentPermissions.length) permissions.push(Permission.DOCUMENT);
  return {
    permissions: permissions.sort(), allWarehouses: user.warehouses === 'ALL' && app.warehouses === 'ALL',
    warehouses, reportKinds, documentPermissions,
  };
}

function toValidGrants(m: Model, ids: Record<string, number>): ValidGrant[] {
  const grants: ValidGrant[] = m.simple.map((permission) => ({ permission, warehouseIds: null, reportKinds: null, documentType: null, actions: [] }));
  if (m.warehouses) grants.push({ permission: Permission.WAREHOUSE_SELECT, reportKinds: null, documentType: null, actions: [],
    warehouseIds: m.warehouses === 'ALL' ? null : m.warehouses.map((k) => ids[k]).sort((a, b) => a - b) });
  if (m.reports) grants.push({ permission: Permission.REPORT_VIEW, warehouseIds: null, documentType: null, actions: [],
    reportKinds: m.reports === 'ALL' ? null : [...m.reports].sort() });
  for (const [documentType, actions] of m.documents) {
    grants.push({ permission: Permission.DOCUMENT, warehouseIds: null, reportKinds: null, documentType, actions });
  }
  return grants;
}

const QUERY = `{ viewer { application { clientId } permissions allWarehouses warehouses { code } reportKinds documentPermissions { type actions } }
  warehouses { code } products(first: 10) { nodes { sku purchasePrice } }
  inventoryReport(from: "2026-01-01", to: "2026-01-31") { movement { total { closing { quantity } } } sales { shippedValue } stockBalance { asOf } } }`;

describe('applications: an app request sees exactly user ∩ app (property)', () => {
  let api: TestApi;
  let run = 0;

  beforeAll(async () => {
    api = await startApi({
      warehouses: WAREHOUSES.map((key) => ({ key, name: `Warehouse ${key}` })),
      products: [{ key: 'dress', sku: 'DRESS', purchasePrice: '18.5' }],
    });
  });
  afterAll(() => api?.close());

  /** A user holding `user` through one role, and an installed app approved for `app` (written directly: the admin API has its own tests). */
  async function arrange(user: Model, app: Model) {
    run += 1;
    const db = api.db;
    const role = await db.getRepository(Role).save(Object.assign(new Role(), { name: `role ${run}`, description: '', systemKey: null }));
    await db.getRepository(RoleGrant).save(toGrantRows(role.id, toValidGrants(user, api.dbIds.warehouses)));
    const saved = await db.getRepository(User).save(Object.assign(new User(), { login: `user${run}`, name: `User ${run}`, email: null, active: true }));
    await db.getRepository(RoleAssignment).save(Object.assign(new RoleAssignment(), { userId: saved.id, roleId: role.id, warehouseScope: null }));
    const grants = toValidGrants(app, api.dbIds.warehouses);
    await db.getRepository(Application).save(Object.assign(new Application(), {
      clientId: `app-${run}`, name: `App ${run}`, description: '', vendor: '', callbackUrl: null, status: ApplicationStatus.INSTALLED,
      requestedGrants: grants, approvedGrants: grants, registeredById: null, installedById: null, installedAt: new Date(),
      revokedById: null, revokedAt: null,
    }));
    return { login: saved.login, clientId: `app-${run}` };
  }

  it('viewer, warehouses, products, purchase prices and report sections equal the reference intersection', async () => {
    await fc.assert(fc.asyncProperty(model, model, async (user, app) => {
      const { login, clientId } = await arrange(user, app);
      const token = await api.token(login, { clientId });
      const res = await api.gql({ header: `Bearer ${token}` }, QUERY);
      const want = expected(user, app);

      expect(res.data.viewer).toEqual({
        application: { clientId }, permissions: want.permissions, allWarehouses: want.allWarehouses,
        warehouses: want.warehouses.map((code) => ({ code })), reportKinds: want.reportKinds, documentPermissions: want.documentPermissions,
      });
      expect(res.data.warehouses).toEqual(want.warehouses.map((code) => ({ code })));

      const deniedUnder = (root: string) => (res.errors ?? []).filter((e) => e.path?.[0] === root).map((e) => e.extensions?.permission).sort();
      const denied = deniedUnder('products');
      if (!want.permissions.includes(Permission.CATALOG_VIEW)) {
        expect(res.data.products).toBeNull();
        expect(denied).toEqual([Permission.CATALOG_VIEW]);
      } else if (!want.permissions.includes(Permission.PURCHASE_PRICE_VIEW)) {
        expect(res.data.products.nodes).toEqual([{ sku: 'DRESS', purchasePrice: null }]);
        expect(denied).toEqual([Permission.PURCHASE_PRICE_VIEW]);
      } else {
        expect(res.data.products.nodes).toEqual([{ sku: 'DRESS', purchasePrice: '18.5' }]);
        expect(denied).toEqual([]);
      }

      // Report sections: exactly the intersected kinds; no common kind, no report at all.
      const report = res.data.inventoryReport;
      if (!want.reportKinds.length) {
        expect(report).toBeNull();
        expect(deniedUnder('inventoryReport')).toEqual([Permission.REPORT_VIEW]);
      } else {
        const sections = { MOVEMENT: report.movement, SALES: report.sales, STOCK_BALANCE: report.stockBalance };
        expect(Object.entries(sections).filter(([, value]) => value !== null).map(([kind]) => kind).sort())
          .toEqual([...want.reportKinds].sort());
        expect(deniedUnder('inventoryReport'))
          .toEqual(REPORTS.filter((k) => !want.reportKinds.includes(k)).map((k) => `REPORT_VIEW:${k}`).sort());
      }
    }), { seed: 20261125, numRuns: 60, endOnFailure: true });
  }, 30_000);
});
