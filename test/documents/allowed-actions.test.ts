import { DocumentStatus } from '../../src/entities/inventory-document.entity';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { loadAccess } from '../../src/shield/access.loader';
import { allowedActions, DocumentFacts } from '../../src/shield/document-access';
import { DocumentAction, DocumentType } from '../../src/shield/permission-catalog';
import { codes, dbKey, startApi, TestApi } from '../support/api';
import { as, CANCEL, CREATE, createDraft, DELETE, PROCESS, processDoc, setAllowNegativeStock, UPDATE } from './support';

const USERS = ['admin', 'victor', 'sam', 'anna', 'rick', 'sofia'];
type Side = 'online' | 'retail';
/** Line shapes per type: one warehouse, the other, both (DESIGN §1 sides). */
const TEMPLATES: Record<DocumentType, Array<Array<{ from?: Side; to?: Side }>>> = {
  STOCK_RECEIPT: [[{ to: 'online' }], [{ to: 'retail' }], [{ to: 'online' }, { to: 'retail' }]],
  STOCK_ADJUSTMENT: [[{ to: 'online' }], [{ to: 'retail' }], [{ to: 'online' }, { to: 'retail' }]],
  STOCK_TRANSFER: [[{ from: 'online', to: 'retail' }], [{ from: 'retail', to: 'online' }], [{ from: 'online', to: 'retail' }, { from: 'retail', to: 'online' }]],
  WRITE_OFF: [[{ from: 'online' }], [{ from: 'retail' }], [{ from: 'online' }, { from: 'retail' }]],
  SALES_ORDER: [[{ from: 'online' }], [{ from: 'retail' }], [{ from: 'online' }, { from: 'retail' }]],
  INVENTORY_COUNT: [[{ to: 'online' }], [{ to: 'retail' }], [{ to: 'online' }, { to: 'retail' }]],
};
const STATUSES = [DocumentStatus.DRAFT, DocumentStatus.PROCESSED, DocumentStatus.CANCELLED];
const ACTIONS = [DocumentAction.EDIT, DocumentAction.PROCESS, DocumentAction.CANCEL, DocumentAction.DELETE];

/**
 * Issue 5 §7: what the `InventoryDocument.allowedActions` field reports — read through the API
 * as each viewer — is exactly what the mutations accept, for every demo role, on documents of
 * every type, status and warehouse combination. The field also agrees with `allowedActions()`,
 * the function behind it and behind the mutations (shield/document-access.ts).
 */
describe('allowedActions equals what the mutations allow, for every demo role (issue 5 §7)', () => {
  let api: TestApi;
  let wh: Record<Side, string>;
  let product: string;
  beforeAll(async () => {
    api = await startApi(DEMO_DATA);
    await setAllowNegativeStock(api.db, true); // stock is not what this test is about
    wh = { online: String(api.ids.warehouses.online), retail: String(api.ids.warehouses.retail) };
    product = String(api.ids.products.hoodie);
  });
  afterAll(() => api.close());

  const input = (type: DocumentType, lines: Array<{ from?: Side; to?: Side }>) => ({
    type, title: 'fixture', items: lines.map((l) => ({
      productId: product, quantity: '1', ...(l.from ? { fromWarehouseId: wh[l.from] } : {}), ...(l.to ? { toWarehouseId: wh[l.to] } : {}),
    })),
  });
  const factsOf = (type: DocumentType, status: DocumentStatus, lines: Array<{ from?: Side; to?: Side }>): DocumentFacts => ({
    type, status, warehouseIds: [...new Set(lines.flatMap((l) => [l.from, l.to]).filter(Boolean).map((s) => dbKey(wh[s as Side])))],
  });
  /** A fresh document in the status, made by the admin. */
  async function fixture(type: DocumentType, lines: Array<{ from?: Side; to?: Side }>, status: DocumentStatus) {
    let doc = await createDraft(api, 'admin', input(type, lines));
    if (status !== DocumentStatus.DRAFT) doc = await processDoc(api, 'admin', doc);
    if (status === DocumentStatus.CANCELLED) {
      const res = await as(api, 'admin', CANCEL, { id: doc.id, version: doc.version });
      doc = res.data.cancelDocument;
    }
    return doc;
  }
  const attempt = (login: string, action: DocumentAction, doc: { id: string; version: number }) => {
    const vars = { id: doc.id, version: doc.version };
    switch (action) {
      case DocumentAction.EDIT: return as(api, login, UPDATE, { ...vars, input: { title: `edited by ${login}` } });
      case DocumentAction.PROCESS: return as(api, login, PROCESS, vars);
      case DocumentAction.CANCEL: return as(api, login, CANCEL, vars);
      default: return as(api, login, DELETE, vars);
    }
  };

  /** Actions whose status fits; the admin (every permission) also tries the others, where only the status refuses. */
  const ACTION_STATUSES: Record<string, DocumentStatus[]> = {
    EDIT: [DocumentStatus.DRAFT], PROCESS: [DocumentStatus.DRAFT], CANCEL: [DocumentStatus.PROCESSED],
    DELETE: [DocumentStatus.DRAFT, DocumentStatus.CANCELLED],
  };
  const actionsFor = (login: string, status: DocumentStatus) =>
    ACTIONS.filter((action) => login === 'admin' || ACTION_STATUSES[action].includes(status));

  /** `document(id) { allowedActions }` as `login`: null when the document is hidden from them. */
  async function readAllowed(login: string, id: string): Promise<DocumentAction[] | null> {
    const res = await as(api, login, 'query($id: ID!) { document(id: $id) { allowedActions } }', { id });
    if (res.errors) throw new Error(`document(${id}) as ${login}: ${JSON.stringify(res.errors)}`);
    return res.data.document?.allowedActions ?? null;
  }
  const sorted = (actions: DocumentAction[]) => [...actions].sort();

  it('on existing documents: each action succeeds exactly when the allowedActions field lists it; hidden documents are NOT_FOUND', async () => {
    const mismatches: string[] = [];
    const outcomes = { allowed: 0, refused: 0, hidden: 0 };
    const fieldReads = { visible: 0, hidden: 0 };
    const accessOf = Object.fromEntries(await Promise.all(USERS.map(async (login) => [login, (await loadAccess(api.db, login))!] as const)));
    for (const type of Object.values(DocumentType)) {
      for (const [t, lines] of TEMPLATES[type].entries()) {
        for (const status of STATUSES) {
          const facts = factsOf(type, status, lines);
          let doc = await fixture(type, lines, status);
          for (const login of USERS) {
            const read = await readAllowed(login, doc.id);
            const visible = read !== null;
            const allowed = read ?? [];
            const computed = allowedActions(accessOf[login], facts);
            const where = `${login} ${status} ${type}#${t}`;
            if (visible && !allowed.includes(DocumentAction.VIEW)) mismatches.push(`${where}: visible without VIEW in ${allowed}`);
            if (sorted(allowed).join() !== sorted(computed).join()) mismatches.push(`${where}: field [${allowed}] ≠ allowedActions() [${computed}]`);
            fieldReads[visible ? 'visible' : 'hidden']++;
            for (const action of actionsFor(login, status)) {
              const res = await attempt(login, action, doc);
              const succeeded = !res.errors;
              const label = `${login} ${action} ${status} ${type}#${t}`;
              if (succeeded !== allowed.includes(action)) mismatches.push(`${label}: allowedActions field ${allowed.includes(action)}, mutation ${codes(res).join() || 'ok'}`);
              if (!succeeded && (codes(res)[0] === 'NOT_FOUND') === visible) mismatches.push(`${label}: visible ${visible} but ${codes(res)}`);
              outcomes[succeeded ? 'allowed' : visible ? 'refused' : 'hidden']++;
              if (!succeeded) continue;
              // The document changed: EDIT keeps it a draft (new version); the others need a fresh copy.
              doc = action === DocumentAction.EDIT ? res.data.updateDocument : await fixture(type, lines, status);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every kind of outcome was exercised.
    expect(Math.min(outcomes.allowed, outcomes.refused, outcomes.hidden)).toBeGreaterThan(20);
    expect(Math.min(fieldReads.visible, fieldReads.hidden)).toBeGreaterThan(20);
  }, 300_000); // every demo role × type × status × action through the API: the longest walk of this file

  it('creating drafts: allowed exactly when allowedActions lists EDIT on the same draft made by the admin', async () => {
    const mismatches: string[] = [];
    const accessOf = Object.fromEntries(await Promise.all(USERS.map(async (login) => [login, (await loadAccess(api.db, login))!] as const)));
    for (const type of Object.values(DocumentType)) {
      for (const [t, lines] of TEMPLATES[type].entries()) {
        const twin = await createDraft(api, 'admin', input(type, lines));
        for (const login of USERS) {
          const expected = ((await readAllowed(login, twin.id)) ?? []).includes(DocumentAction.EDIT);
          const computed = allowedActions(accessOf[login], factsOf(type, DocumentStatus.DRAFT, lines)).includes(DocumentAction.EDIT);
          if (expected !== computed) mismatches.push(`${login} ${type}#${t}: field EDIT ${expected}, allowedActions() EDIT ${computed}`);
          const res = await as(api, login, CREATE, { input: input(type, lines) });
          if (!res.errors !== expected) mismatches.push(`${login} create ${type}#${t}: expected ${expected}, got ${codes(res).join() || 'ok'}`);
          if (!expected && codes(res)[0] !== 'FORBIDDEN') mismatches.push(`${login} create ${type}#${t}: ${codes(res)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
