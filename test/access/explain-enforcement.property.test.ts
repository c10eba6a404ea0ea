import fc from 'fast-check';
import { Application, ApplicationStatus } from '../../src/entities/application.entity';
import { DocumentStatus } from '../../src/entities/inventory-document.entity';
import { Role, SystemRole } from '../../src/entities/role.entity';
import { RoleAssignment } from '../../src/entities/role-assignment.entity';
import { RoleGrant } from '../../src/entities/role-grant.entity';
import { User } from '../../src/entities/user.entity';
import { toGrantRows, ValidGrant } from '../../src/services/access/grant-spec';
import { DocumentAction, DocumentType, Permission } from '../../src/shield/permission-catalog';
import { apiId, startApi, TestApi } from '../support/api';
import { CANCEL, CREATE, DELETE, PROCESS, UPDATE } from '../documents/support';

/**
 * Issue 14 point 6: explainAccess is the enforcement. For random roles (grants, narrowings), an
 * optional application with random approved grants, a random document type, action and
 * warehouse, explainAccess's `granted` equals what the API then does when the user (through the
 * application, if any) performs that action on a document of that type in that warehouse:
 * granted ⇔ success or a failure other than FORBIDDEN / NOT_FOUND (e.g. INVALID_STATE).
 */
const WAREHOUSES = ['A', 'B'] as const;
const TYPES = [DocumentType.STOCK_RECEIPT, DocumentType.WRITE_OFF] as const;
const ACTIONS = Object.values(DocumentAction);

interface Model { inventory: boolean; warehouses?: 'ALL' | string[]; documents: Array<[DocumentType, DocumentAction[]]> }
const model: fc.Arbitrary<Model> = fc.record({
  inventory: fc.boolean(),
  warehouses: fc.option(fc.oneof(fc.constant('ALL' as const), fc.subarray([...WAREHOUSES], { minLength: 1 })), { nil: undefined }),
  documents: fc.subarray([...TYPES]).chain((types) =>
    fc.tuple(...types.map((t) => fc.subarray(ACTIONS, { minLength: 1 }).map((a) => [t, a] as [DocumentType, DocumentAction[]])))),
});

function toValidGrants(m: Model, ids: Record<string, number>): ValidGrant[] {
  const grants: ValidGrant[] = [{ permission: Permission.CATALOG_VIEW, warehouseIds: null, reportKinds: null, documentType: null, actions: [] }];
  if (m.inventory) grants.push({ permission: Permission.INVENTORY_VIEW, warehouseIds: null, reportKinds: null, documentType: null, actions: [] });
  if (m.warehouses) grants.push({ permission: Permission.WAREHOUSE_SELECT, reportKinds: null, documentType: null, actions: [],
    warehouseIds: m.warehouses === 'ALL' ? null : m.warehouses.map((k) => ids[k]).sort((a, b) => a - b) });
  for (const [documentType, actions] of m.documents) grants.push({ permission: Permission.DOCUMENT, warehouseIds: null, reportKinds: null, documentType, actions });
  return grants;
}

const STATUS_FOR: Record<DocumentAction, DocumentStatus> = {
  VIEW: DocumentStatus.PROCESSED, EDIT: DocumentStatus.DRAFT, PROCESS: DocumentStatus.DRAFT, CANCEL: DocumentStatus.PROCESSED, DELETE: DocumentStatus.DRAFT,
};

const EXPLAIN = `query($u: ID!, $t: DocumentType, $a: DocumentAction, $w: ID, $c: String) {
  explainAccess(userId: $u, documentType: $t, action: $a, warehouseId: $w, clientId: $c) { granted summary } }`;

describe('explainAccess is the enforcement (property, issue 14 point 6)', () => {
  let api: TestApi;
  let run = 0;
  const outcomes: Record<string, number> = {};
  beforeAll(async () => {
    api = await startApi({
      standardRoles: true,
      warehouses: WAREHOUSES.map((key) => ({ key, name: `Warehouse ${key}` })),
      products: [{ key: 'p', sku: 'P', purchasePrice: '2' }],
      users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
      documents: WAREHOUSES.map((w) => ({ key: `stock${w}`, type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.PROCESSED, author: 'admin',
        items: [{ product: 'p', quantity: '1000', to: w }] })),
    });
  });
  afterAll(() => api?.close());

  /** A document of `type` in warehouse `w`, in the status `action` applies to, made by the administrator. */
  async function documentFor(type: DocumentType, w: string, action: DocumentAction) {
    const item = { productId: String(api.ids.products.p), quantity: '1', ...(type === DocumentType.WRITE_OFF ? { fromWarehouseId: String(api.ids.warehouses[w]) } : { toWarehouseId: String(api.ids.warehouses[w]) }) };
    const created = await api.gql('admin', CREATE, { input: { type, items: [item] } });
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    let doc = created.data.createDocument;
    if (STATUS_FOR[action] === DocumentStatus.PROCESSED) {
      const processed = await api.gql('admin', PROCESS, { id: doc.id, version: doc.version });
      if (processed.errors) throw new Error(JSON.stringify(processed.errors));
      doc = processed.data.processDocument;
    }
    return doc as { id: string; version: number };
  }

  it('explain\'s verdict equals the outcome of the action', async () => {
    await fc.assert(fc.asyncProperty(model, fc.option(fc.subarray([...WAREHOUSES], { minLength: 1 }), { nil: null }), fc.option(model, { nil: null }),
      fc.constantFrom(...TYPES), fc.constantFrom(...ACTIONS), fc.constantFrom(...WAREHOUSES), async (userModel, narrow, appModel, type, action, w) => {
        run += 1;
        const db = api.db;
        const wh = api.dbIds.warehouses;
        const role = await db.getRepository(Role).save(Object.assign(new Role(), { name: `role ${run}`, description: '', systemKey: null }));
        await db.getRepository(RoleGrant).save(toGrantRows(role.id, toValidGrants(userModel, wh)));
        const user = await db.getRepository(User).save(Object.assign(new User(), { login: `user${run}`, name: `User ${run}`, email: null, active: true }));
        const narrowing = userModel.warehouses && narrow ? narrow.filter((k) => userModel.warehouses === 'ALL' || userModel.warehouses!.includes(k)) : [];
        await db.getRepository(RoleAssignment).save(Object.assign(new RoleAssignment(), {
          userId: user.id, roleId: role.id, warehouseScope: narrowing.length ? narrowing.map((k) => wh[k]).sort((a, b) => a - b) : null,
        }));
        let clientId: string | null = null;
        if (appModel) {
          clientId = `app-${run}`;
          const grants = toValidGrants(appModel, wh);
          await db.getRepository(Application).save(Object.assign(new Application(), {
            clientId, name: `App ${run}`, description: '', vendor: '', callbackUrl: null, status: ApplicationStatus.INSTALLED,
            requestedGrants: grants, approvedGrants: grants, registeredById: null, installedById: null, installedAt: new Date(), revokedById: null, revokedAt: null,
          }));
        }

        const explained = await api.gql('admin', EXPLAIN, { u: apiId('User', user.id), t: type, a: action, w: api.ids.warehouses[w], c: clientId });
        expect(explained.errors).toBeUndefined();
        const granted: boolean = explained.data.explainAccess.granted;

        const doc = await documentFor(type, w, action);
        const header = { header: `Bearer ${await api.token(user.login, clientId ? { clientId } : {})}` };
        let allowed: boolean;
        let outcome: string;
        if (action === DocumentAction.VIEW) {
          const res = await api.gql(header, 'query($id: ID!) { document(id: $id) { id } }', { id: doc.id });
          allowed = Boolean(res.data?.document);
          outcome = allowed ? 'OK' : String(res.errors?.[0]?.extensions?.code ?? 'null');
        } else {
          const [query, variables] = {
            EDIT: [UPDATE, { id: doc.id, version: doc.version, input: { title: 'edited' } }],
            PROCESS: [PROCESS, { id: doc.id, version: doc.version }],
            CANCEL: [CANCEL, { id: doc.id, version: doc.version }],
            DELETE: [DELETE, { id: doc.id, version: doc.version }],
          }[action] as [string, Record<string, unknown>];
          const res = await api.gql(header, query, variables);
          const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
          outcome = codes[0] ?? 'OK';
          allowed = !codes.some((c) => c === 'FORBIDDEN' || c === 'NOT_FOUND' || c === 'UNAUTHENTICATED');
        }
        outcomes[`${granted}:${outcome}`] = (outcomes[`${granted}:${outcome}`] ?? 0) + 1;
        if (allowed !== granted) {
          throw new Error(`explain said ${granted} (${explained.data.explainAccess.summary}) but ${action} on ${type} in ${w} gave ${outcome}: ${JSON.stringify({ userModel, narrow, appModel })}`);
        }
      }), { seed: 20261201, numRuns: 60, endOnFailure: true });
    // Both verdicts occurred, and at least one allowed action failed for a reason other than authorization or succeeded.
    expect(Object.keys(outcomes).some((k) => k.startsWith('true:'))).toBe(true);
    expect(Object.keys(outcomes).some((k) => k.startsWith('false:'))).toBe(true);
  }, 600_000);

  it('the issue\'s case: DOCUMENT CANCEL without VIEW on a type — explain says granted, and cancelDocument succeeds (every action implies VIEW)', async () => {
    const db = api.db;
    const grants = toValidGrants({ inventory: true, warehouses: 'ALL', documents: [[DocumentType.STOCK_RECEIPT, [DocumentAction.CANCEL]]] }, api.dbIds.warehouses);
    const role = await db.getRepository(Role).save(Object.assign(new Role(), { name: 'Canceller', description: '', systemKey: null }));
    await db.getRepository(RoleGrant).save(toGrantRows(role.id, grants));
    const user = await db.getRepository(User).save(Object.assign(new User(), { login: 'canceller', name: 'C', email: null, active: true }));
    await db.getRepository(RoleAssignment).save(Object.assign(new RoleAssignment(), { userId: user.id, roleId: role.id, warehouseScope: null }));
    const explained = await api.gql('admin', EXPLAIN, { u: apiId('User', user.id), t: DocumentType.STOCK_RECEIPT, a: DocumentAction.CANCEL, w: String(api.ids.warehouses.A) });
    expect(explained.data.explainAccess.granted).toBe(true);
    const doc = await documentFor(DocumentType.STOCK_RECEIPT, 'A', DocumentAction.CANCEL);
    const res = await api.gql('canceller', CANCEL, { id: doc.id, version: doc.version });
    expect(res.errors).toBeUndefined();
    expect(res.data.cancelDocument.status).toBe('CANCELLED');
  });
});
