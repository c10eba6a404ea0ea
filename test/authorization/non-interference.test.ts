import Decimal from 'decimal.js';
import fc from 'fast-check';
import { In } from 'typeorm';
import { Application, ApplicationStatus } from '../../src/entities/application.entity';
import { DocumentItem } from '../../src/entities/document-item.entity';
import { rebuildDocumentWarehouses } from '../../src/services/documents/document-warehouses';
import { numberingWarehouse, takeDocumentNumber } from '../../src/services/documents/document-number';
import { DocumentCounter } from '../../src/entities/document-counter.entity';
import { DocumentWarehouse } from '../../src/entities/document-warehouse.entity';
import { DocumentStatus, InventoryDocument } from '../../src/entities/inventory-document.entity';
import { Reservation, ReservationStatus } from '../../src/entities/reservation.entity';
import { StockLevel } from '../../src/entities/stock-level.entity';
import { StockMovement } from '../../src/entities/stock-movement.entity';
import { Warehouse } from '../../src/entities/warehouse.entity';
import { WAREHOUSE_SIDES } from '../../src/services/documents/movements';
import { ValidGrant } from '../../src/services/access/grant-spec';
import { applySeed, SeedResult, SeedSpec } from '../../src/services/demo/seed.service';
import { GrantSpec } from '../../src/services/access/standard-roles';
import { DocumentAction, DocumentType, Permission, ReportKind } from '../../src/shield/permission-catalog';
import { DEFAULT_LIMITS } from '../../src/config';
import { apiId, startApi, TestApi } from '../support/api';

/**
 * DESIGN §3.8, non-interference: for a random company (warehouses, products, documents,
 * reservations), a random viewer (random roles, grants and warehouse scopes) and a set of
 * representative queries, random changes to data located ONLY in warehouses the viewer cannot
 * select leave every response byte-identical.
 *
 * Application viewers (DESIGN §2 "Applications", issue 10): in some worlds the viewer's requests
 * carry an installed application's client id (token `azp`) with random approved grants (simple
 * permissions, warehouse scope, report kinds, document actions). Such a request may select only
 * the warehouses in BOTH the user's and the app's scope; every other warehouse is hidden — also
 * those the user alone could select — and changes there must not show either.
 *
 * "Located only in hidden warehouses" (docs/authorization.md): warehouses themselves, stock levels
 * and reservations there, documents all of whose items are there, and items of documents that
 * already touch a hidden warehouse. Adding a hidden item to a document that touches no hidden
 * warehouse changes that (visible) document — its allowedActions, or, for an empty one, its
 * visibility (§3.4) — so that is a change to visible data and not generated here.
 *
 * Numbers (issue 15 §3, DESIGN §3.8 (b)): hidden documents are numbered as the service numbers
 * them, in their warehouses' sequences, and the documents the viewer creates afterwards — one per
 * type with a line in a warehouse it can select, one per type without lines — get the same
 * numbers (the same response bodies) as in the world without the hidden changes. That world is
 * the same database just before them: the viewer creates the documents, they are taken out again
 * and the counters restored, then the hidden changes run and the viewer creates them once more.
 *
 * CI: fixed seed, bounded runs. By hand: NONINTERFERENCE_RUNS=1000 [NONINTERFERENCE_SEED=n].
 */
const RUNS = Number(process.env.NONINTERFERENCE_RUNS ?? 64);
const SEED = Number(process.env.NONINTERFERENCE_SEED ?? 20261125);

const TYPES = Object.values(DocumentType);
const ACTIONS = Object.values(DocumentAction);
const PRICES = ['1.25', '3', '0.1', '7.3333', null] as const;
const chance = (percent: number) => fc.integer({ min: 0, max: 99 }).map((x) => x < percent);

const itemArb = fc.record({
  p: fc.nat(), from: fc.nat(), to: fc.nat(), qty: fc.integer({ min: 1, max: 5 }), price: fc.constantFrom(...PRICES),
});
const docArb = fc.record({
  type: fc.constantFrom(...TYPES),
  status: fc.constantFrom(DocumentStatus.DRAFT, DocumentStatus.PROCESSED, DocumentStatus.CANCELLED),
  items: fc.array(itemArb, { maxLength: 4 }),
  daysAgo: fc.integer({ min: 1, max: 60 }),
});
const roleArb = fc.record({
  catalog: chance(90), inventory: chance(92), prices: chance(50), select: chance(92),
  /** null: ALL warehouses. */
  scope: fc.option(fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }), { nil: null, freq: 8 }),
  /** REPORT_VIEW: none, all kinds, or one kind (DESIGN §4). */
  reports: fc.constantFrom<'ALL' | ReportKind | null>(null, 'ALL', ReportKind.MOVEMENT, ReportKind.SALES, ReportKind.STOCK_BALANCE),
  /** The assignment's narrowing; null: as the role says. */
  narrow: fc.option(fc.subarray([0, 1, 2, 3, 4]), { nil: null, freq: 3 }),
  // Mostly VIEW plus some other actions, so documents show up and allowedActions vary.
  documents: fc.array(fc.record({
    type: fc.constantFrom(...TYPES),
    actions: fc.tuple(chance(85), fc.subarray(ACTIONS)).map(([view, rest]) => [...new Set([...(view ? [DocumentAction.VIEW] : []), ...rest])]),
  }).filter((d) => d.actions.length > 0), { minLength: 1, maxLength: 5 }),
});
const reservationArb = fc.record({
  p: fc.nat(), w: fc.nat(), qty: fc.integer({ min: 1, max: 3 }),
  status: fc.constantFrom(ReservationStatus.ACTIVE, ReservationStatus.ACTIVE, ReservationStatus.RELEASED, ReservationStatus.CONSUMED),
  days: fc.constantFrom(-4, -2, 2, 5),
});
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('newDocument' as const), doc: docArb }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addItem' as const), target: fc.nat(), item: itemArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('moveItem' as const), target: fc.nat(), item: itemArb }) },
  fc.record({ kind: fc.constant('changeItem' as const), target: fc.nat(), qty: fc.integer({ min: 1, max: 99 }), price: fc.constantFrom(...PRICES) }),
  fc.record({ kind: fc.constant('deleteDocument' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('level' as const), p: fc.nat(), w: fc.nat(), qty: fc.integer({ min: -5, max: 500 }) }),
  fc.record({ kind: fc.constant('newReservation' as const), r: reservationArb }),
  fc.record({ kind: fc.constant('changeReservation' as const), target: fc.nat(), qty: fc.integer({ min: 1, max: 50 }),
    status: fc.constantFrom(...Object.values(ReservationStatus)) }),
  fc.record({ kind: fc.constant('renameWarehouse' as const), w: fc.nat(), name: fc.string({ maxLength: 20 }) }),
);
/** An installed application's approved grants (DESIGN §2 "Applications"). */
const appArb = fc.record({
  catalog: chance(85), inventory: chance(85), prices: chance(60), select: chance(92),
  /** null: ALL warehouses. */
  scope: fc.option(fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }), { nil: null, freq: 4 }),
  reports: fc.oneof(fc.constant(null), fc.constant('ALL' as const), fc.subarray(Object.values(ReportKind), { minLength: 1 })),
  /** Per document type: the approved actions, mostly with VIEW; null: no grant for the type. */
  documents: fc.tuple(...TYPES.map(() => fc.option(
    fc.tuple(chance(85), fc.subarray(ACTIONS)).map(([view, rest]) => [...new Set([...(view ? [DocumentAction.VIEW] : []), ...rest])]),
    { nil: null, freq: 4 }))),
});
type AppModel = typeof appArb extends fc.Arbitrary<infer T> ? T : never;
const CLIENT_ID = 'noninterference-app';

const worldArb = fc.record({
  warehouses: fc.integer({ min: 2, max: 5 }),
  products: fc.integer({ min: 2, max: 4 }),
  roles: fc.array(roleArb, { minLength: 1, maxLength: 2 }),
  documents: fc.array(docArb, { minLength: 1, maxLength: 6 }),
  reservations: fc.array(reservationArb, { maxLength: 4 }),
  changes: fc.array(changeArb, { minLength: 1, maxLength: 6 }),
  /** The application the viewer's requests go through; null: the user's own token. */
  app: fc.option(appArb, { nil: null, freq: 2 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;
type ItemArb = World['documents'][number]['items'][number];

const DAY = 86_400_000;

/**
 * Hand-picked worlds run before the random ones. A clerk of w0 sees a receipt into w0 and w1
 * (DESIGN's two-warehouse example); its w1 line moves to w2. Filtering documents by a hidden
 * warehouse must not tell that the receipt touches it.
 */
const EXAMPLES: World[] = [{
  warehouses: 3, products: 2,
  roles: [{ catalog: true, inventory: true, prices: true, select: true, scope: [0], narrow: null, reports: 'ALL',
    documents: [{ type: DocumentType.STOCK_RECEIPT, actions: [DocumentAction.VIEW] }] }],
  documents: [{ type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.DRAFT, daysAgo: 3,
    items: [{ p: 0, from: 0, to: 0, qty: 1, price: '3' }, { p: 1, from: 0, to: 1, qty: 2, price: '3' }] }],
  reservations: [],
  changes: [{ kind: 'moveItem', target: 1, item: { p: 0, from: 0, to: 1, qty: 1, price: null } },
    { kind: 'addItem', target: 1, item: { p: 1, from: 0, to: 0, qty: 4, price: '1.25' } }],
  app: null,
}, {
  // The same through an app approved for w0 only, used by a user who may select every warehouse:
  // w1 and w2 are hidden from the app's requests although the user alone sees them.
  warehouses: 3, products: 2,
  roles: [{ catalog: true, inventory: true, prices: true, select: true, scope: null, narrow: null, reports: 'ALL',
    documents: [{ type: DocumentType.STOCK_RECEIPT, actions: [DocumentAction.VIEW, DocumentAction.EDIT] }] }],
  documents: [{ type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.DRAFT, daysAgo: 3,
    items: [{ p: 0, from: 0, to: 0, qty: 1, price: '3' }, { p: 1, from: 0, to: 1, qty: 2, price: '3' }] },
  { type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.PROCESSED, daysAgo: 2, items: [{ p: 1, from: 2, to: 2, qty: 3, price: '1.25' }] }],
  reservations: [{ p: 0, w: 1, qty: 2, status: ReservationStatus.ACTIVE, days: 2 }],
  changes: [{ kind: 'moveItem', target: 1, item: { p: 0, from: 0, to: 2, qty: 1, price: null } },
    { kind: 'level', p: 1, w: 0, qty: 77 }, { kind: 'renameWarehouse', w: 1, name: 'Gone' }],
  app: { catalog: true, inventory: true, prices: true, select: true, scope: [0], reports: 'ALL',
    documents: TYPES.map((type) => (type === DocumentType.STOCK_RECEIPT ? [DocumentAction.VIEW, DocumentAction.EDIT] : null)) },
}];

/** Places an abstract item into warehouses (from the given list) as the document type requires. */
function placeItem(type: DocumentType, item: ItemArb, warehouses: string[]): { from?: string; to?: string } | null {
  const sides = WAREHOUSE_SIDES[type];
  const from = warehouses[item.from % warehouses.length];
  let to = warehouses[item.to % warehouses.length];
  if (sides.from && sides.to && from === to) {
    if (warehouses.length < 2) return null;
    to = warehouses[(warehouses.indexOf(from) + 1) % warehouses.length];
  }
  return { ...(sides.from ? { from } : {}), ...(sides.to ? { to } : {}) };
}

function specOf(world: World, now: number): SeedSpec {
  const w = Array.from({ length: world.warehouses }, (_, i) => `w${i}`);
  const p = Array.from({ length: world.products }, (_, i) => `p${i}`);
  const roles = world.roles.map((role, i) => {
    const grants: GrantSpec[] = [];
    if (role.catalog) grants.push({ permission: Permission.CATALOG_VIEW });
    if (role.inventory) grants.push({ permission: Permission.INVENTORY_VIEW });
    if (role.prices) grants.push({ permission: Permission.PURCHASE_PRICE_VIEW });
    if (role.select) grants.push({ permission: Permission.WAREHOUSE_SELECT, warehouses: role.scope === null ? null : [...new Set(role.scope.map((x) => w[x % w.length]))] });
    if (role.reports) grants.push({ permission: Permission.REPORT_VIEW, reportKinds: role.reports === 'ALL' ? null : [role.reports as ReportKind] });
    for (const d of role.documents) grants.push({ permission: Permission.DOCUMENT, documentType: d.type, actions: d.actions });
    return { key: `role${i}`, grants: dedupeDocumentGrants(grants) };
  });
  return {
    warehouses: w.map((key) => ({ key, name: `Warehouse ${key}` })),
    products: p.map((key, i) => ({ key, purchasePrice: '2.5', ...(i > 0 && i % 2 === 0 ? { parent: 'p0' } : {}) })),
    roles,
    users: [
      { key: 'viewer', roles: world.roles.map((role, i) => ({ role: `role${i}`, ...(role.narrow === null ? {} : { warehouses: [...new Set(role.narrow.map((x) => w[x % w.length]))] }) })) },
      { key: 'other', roles: [] },
    ],
    documents: [
      // Opening stock everywhere in one document (visible in part to most viewers), so outgoing
      // documents can be processed (and cancelled) in any order.
      { key: 'opening', type: DocumentType.STOCK_ADJUSTMENT, author: 'other', at: new Date(now - 90 * DAY),
        items: w.flatMap((to) => p.map((product) => ({ product, quantity: '200', price: '2.5', to }))) },
      ...world.documents.map((d, i) => ({
        key: `d${i}`, type: d.type, status: d.status, author: i % 2 ? 'viewer' : 'other', at: new Date(now - d.daysAgo * DAY),
        title: `Document ${i}`,
        items: d.items.flatMap((item) => {
          const place = placeItem(d.type, item, w);
          // A count states the stock (its differences post against the book): counted far above what other documents move keeps every level positive.
          const quantity = String(d.type === DocumentType.INVENTORY_COUNT ? 1000 + item.qty : item.qty);
          return place ? [{ product: p[item.p % p.length], quantity, price: item.price ?? undefined, ...place }] : [];
        }),
      })),
    ],
  };
}

/** DOCUMENT grants are one row per type × action: merge duplicates of a type from the random draw. */
function dedupeDocumentGrants(grants: GrantSpec[]): GrantSpec[] {
  const byType = new Map<DocumentType, Set<DocumentAction>>();
  const rest = grants.filter((g) => {
    if (g.permission !== Permission.DOCUMENT) return true;
    const set = byType.get(g.documentType!) ?? new Set();
    g.actions!.forEach((a) => set.add(a));
    byType.set(g.documentType!, set);
    return false;
  });
  return [...rest, ...[...byType].map(([documentType, actions]) => ({ permission: Permission.DOCUMENT, documentType, actions: [...actions] }))];
}

/** The app's approved grants in the stored canonical form (grant-spec.ts ValidGrant), written directly. */
function appGrants(app: AppModel, world: World, ids: SeedResult): ValidGrant[] {
  const grant = (permission: Permission, more: Partial<ValidGrant> = {}): ValidGrant =>
    ({ permission, warehouseIds: null, reportKinds: null, documentType: null, actions: [], ...more });
  const grants: ValidGrant[] = [];
  if (app.catalog) grants.push(grant(Permission.CATALOG_VIEW));
  if (app.inventory) grants.push(grant(Permission.INVENTORY_VIEW));
  if (app.prices) grants.push(grant(Permission.PURCHASE_PRICE_VIEW));
  if (app.select) grants.push(grant(Permission.WAREHOUSE_SELECT, { warehouseIds: app.scope === null ? null
    : [...new Set(app.scope.map((x) => ids.warehouses[`w${x % world.warehouses}`]))].sort((a, b) => a - b) }));
  if (app.reports) grants.push(grant(Permission.REPORT_VIEW, { reportKinds: app.reports === 'ALL' ? null : [...app.reports].sort() }));
  TYPES.forEach((documentType, i) => {
    const actions = app.documents[i];
    if (actions?.length) grants.push(grant(Permission.DOCUMENT, { documentType, actions: [...actions].sort() }));
  });
  return grants;
}

/**
 * The warehouses the viewer's requests cannot select, computed from the spec (independently of
 * the code under test): outside the user's scopes, or — through an application — outside the
 * intersection of the user's scopes with the app's.
 */
function hiddenWarehouses(world: World, ids: SeedResult): number[] {
  const all = Object.values(ids.warehouses);
  const selectable = new Set<number>();
  world.roles.forEach((role) => {
    if (!role.select) return;
    let scope = role.scope === null ? all : role.scope.map((x) => ids.warehouses[`w${x % world.warehouses}`]);
    if (role.narrow !== null) {
      const narrow = new Set(role.narrow.map((x) => ids.warehouses[`w${x % world.warehouses}`]));
      scope = scope.filter((id) => narrow.has(id));
    }
    scope.forEach((id) => selectable.add(id));
  });
  const app = world.app;
  const appScope = new Set(!app?.select ? [] : app.scope === null ? all : app.scope.map((x) => ids.warehouses[`w${x % world.warehouses}`]));
  const visible = (id: number) => selectable.has(id) && (app === null || appScope.has(id));
  return all.filter((id) => !visible(id)).sort((a, b) => a - b);
}

const LEVEL = 'id quantity reserved available warehouse { id code name } product { id sku }';
const RESERVATION = 'id quantity dealRef expiresAt status createdAt warehouse { id code } product { id } createdBy { login }';
const DOCUMENT = `id type status number title dealRef createdAt updatedAt processedAt cancelledAt version total allowedActions
  author { login } processedBy { login } cancelledBy { login }
  items { id quantity purchasePrice lineTotal countedQuantity bookQuantity difference product { id sku quantity reserved available } fromWarehouse { id code name } toWarehouse { id code name } }`;

/** The representative queries a viewer can ask (with this Authorization header); every response body, in order. */
async function snapshot(api: TestApi, as: { header: string },
  probe: { warehouseIds: number[]; productIds: number[]; documentIds: number[]; now: number }): Promise<string[]> {
  const bodies: string[] = [];
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const res = await api.gql(as, query, variables);
    bodies.push(res.body);
    return res;
  };
  await ask(`{ viewer { application { clientId } permissions allWarehouses warehouses { id code name } reportKinds documentPermissions { type actions } }
    warehouses(includeInactive: true) { id code name address isDefault active }
    products(first: 50) { totalCount nodes { id sku purchasePrice quantity reserved available stockLevels { ${LEVEL} } variants { id quantity } } }
    stockLevels(first: 200) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } nodes { ${LEVEL} } }
    reservations(first: 200) { totalCount nodes { ${RESERVATION} } } }`);
  await ask(`query($from: DateTimeISO, $to: DateTimeISO) {
    all: documents(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } nodes { ${DOCUMENT} } }
    dated: documents(from: $from, to: $to) { totalCount nodes { id } }
    drafts: documents(status: DRAFT) { totalCount nodes { id } }
    processed: documents(status: PROCESSED) { totalCount nodes { id } }
    ${TYPES.map((t) => `${t}: documents(type: ${t}) { totalCount nodes { id total } }`).join('\n')} }`,
  { from: new Date(probe.now - 30 * DAY), to: new Date(probe.now - 5 * DAY) });
  // Filters by every warehouse (hidden ones included) and product, and lookups of every document id
  // (hidden and later-created ones included): hidden things must look exactly like missing ones.
  // Aliases name the database keys (the same in both snapshots); arguments are the API's opaque ids.
  const warehouses = [...probe.warehouseIds, 999_999];
  const W = (id: number) => apiId('Warehouse', id);
  const P = (id: number) => apiId('Product', id);
  await ask(`{ ${warehouses.map((id) => `
    d${id}: documents(warehouseId: "${W(id)}") { totalCount nodes { id items { id } } }
    l${id}: stockLevels(warehouseId: "${W(id)}") { totalCount nodes { id quantity reserved available } }
    r${id}: reservations(warehouseId: "${W(id)}") { totalCount nodes { id } }
    w${id}: warehouse(id: "${W(id)}") { id name }`).join('')}
    ${probe.productIds.map((id) => `
    p${id}: product(id: "${P(id)}") { quantity reserved available stockLevels { id } }
    pl${id}: stockLevels(productId: "${P(id)}") { totalCount nodes { id } }
    pr${id}: reservations(productId: "${P(id)}", status: ACTIVE) { totalCount nodes { id quantity } }`).join('')} }`);
  await ask(`{ ${probe.documentIds.map((id) => `doc${id}: document(id: "${apiId('InventoryDocument', id)}") { ${DOCUMENT} }`).join('\n')} }`);
  // Reports (DESIGN §4), every section, with each warehouse (hidden ones included) as drill-down.
  // totalStockValue is the one declared exception (§3.8) and is not asked for.
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const AMOUNT = '{ quantity value }';
  const FIGURES = `opening ${AMOUNT} received ${AMOUNT} transfersIn ${AMOUNT} shipped ${AMOUNT} otherOutgoing ${AMOUNT} transfersOut ${AMOUNT} closing ${AMOUNT}`;
  await ask(`{ ${[null, ...warehouses].map((id) => `
    report${id ?? 'All'}: inventoryReport(from: "${day(probe.now - 60 * DAY)}", to: "${day(probe.now)}"${id ? `, drillDownWarehouseId: "${W(id)}"` : ''}) {
      from to
      movement { total { ${FIGURES} } warehouses { warehouse { id code } ${FIGURES} } products { product { id sku } ${FIGURES} } }
      sales { receivedValue shippedValue sellThroughPercent daily { day receivedValue shippedValue }
        warehouses { warehouse { id } receivedValue shippedValue sellThroughPercent shippedSharePercent } }
      stockBalance { total ${AMOUNT} warehouses { warehouse { id } quantity value } products { product { id } quantity value } } }`).join('')}
    recent: inventoryReport(from: "${day(probe.now - 10 * DAY)}", to: "${day(probe.now)}", productSearch: "p") {
      movement { total { ${FIGURES} } warehouses { warehouse { id } ${FIGURES} } } } }`);
  // Walk the documents three by three: cursors and page boundaries must not move either.
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const res = await ask('query($after: String) { documents(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }', { after });
    const info = res.data?.documents?.pageInfo;
    if (!info?.hasNextPage) break;
    after = info.endCursor;
  }
  return bodies;
}

interface Touch { documentId: number; sides: Array<number | null> }

/** Applies the random changes, each only where the viewer cannot look; returns how many applied. */
async function changeHiddenData(api: TestApi, world: World, ids: SeedResult, hidden: number[], now: number): Promise<number> {
  if (hidden.length === 0) return 0;
  const db = api.db;
  const isHidden = (id: number | null) => id === null || hidden.includes(id);
  const hiddenKeys = Object.entries(ids.warehouses).filter(([, id]) => hidden.includes(id)).map(([key]) => key);
  const products = Object.values(ids.products);
  const itemsNow = async () => db.getRepository(DocumentItem).find({ order: { id: 'ASC' } });
  const docsTouching = (items: DocumentItem[], predicate: (touches: Touch[]) => boolean) => {
    const byDoc = new Map<number, Touch[]>();
    for (const i of items) byDoc.set(i.documentId, [...(byDoc.get(i.documentId) ?? []), { documentId: i.documentId, sides: [i.fromWarehouseId, i.toWarehouseId] }]);
    return [...byDoc].filter(([, touches]) => predicate(touches)).map(([id]) => id).sort((a, b) => a - b);
  };
  /** A line located only in hidden warehouses: a document first, then one of its lines, so big documents do not crowd out small ones. */
  const pickHiddenLine = (items: DocumentItem[], target: number): DocumentItem | null => {
    const lines = items.filter((i) => isHidden(i.fromWarehouseId) && isHidden(i.toWarehouseId));
    const documents = [...new Set(lines.map((i) => i.documentId))].sort((a, b) => a - b);
    if (documents.length === 0) return null;
    const inDocument = lines.filter((i) => i.documentId === documents[target % documents.length]);
    return inDocument[Math.floor(target / documents.length) % inDocument.length];
  };
  let applied = 0;
  // The lines are written directly below; document_warehouse (their cache) is rebuilt after them.
  try {
    for (const change of world.changes) applied += await applyHiddenChange(change);
  } finally {
    await rebuildDocumentWarehouses(db);
  }
  return applied;

  async function applyHiddenChange(change: World['changes'][number]): Promise<number> {
    let applied = 0;
    switch (change.kind) {
      case 'newDocument': {
        const places = change.doc.items.length ? change.doc.items : [{ p: 0, from: 0, to: 1, qty: 1, price: null }];
        const items = places.flatMap((item) => {
          const place = placeItem(change.doc.type, item, hiddenKeys);
          return place ? [{ item, place }] : [];
        });
        if (items.length === 0) break;
        // Numbered as the service numbers it: in the sequence of its first line's warehouse, a hidden one.
        const sides = items.map(({ place }) => ({ fromWarehouseId: place.from ? ids.warehouses[place.from] : null, toWarehouseId: place.to ? ids.warehouses[place.to] : null }));
        const numbered = await db.transaction((tx) => takeDocumentNumber(tx, change.doc.type, numberingWarehouse(sides)));
        const doc = await db.getRepository(InventoryDocument).save(Object.assign(new InventoryDocument(), {
          type: change.doc.type, status: change.doc.status, ...numbered, title: 'Hidden', authorId: ids.users.other,
          createdAt: new Date(now - change.doc.daysAgo * DAY), updatedAt: new Date(now - change.doc.daysAgo * DAY),
        }));
        await db.getRepository(DocumentItem).save(items.map(({ item, place }) => Object.assign(new DocumentItem(), {
          documentId: doc.id, productId: products[item.p % products.length], quantity: new Decimal(item.qty),
          purchasePrice: item.price === null ? null : new Decimal(item.price),
          fromWarehouseId: place.from ? ids.warehouses[place.from] : null, toWarehouseId: place.to ? ids.warehouses[place.to] : null,
        })));
        applied++;
        break;
      }
      case 'addItem': {
        const targets = docsTouching(await itemsNow(), (touches) => touches.some((t) => t.sides.some((s) => s !== null && isHidden(s))));
        if (targets.length === 0) break;
        const documentId = targets[change.target % targets.length];
        const doc = (await db.getRepository(InventoryDocument).findOneBy({ id: documentId }))!;
        const place = placeItem(doc.type, change.item, hiddenKeys);
        if (!place) break;
        await db.getRepository(DocumentItem).save(Object.assign(new DocumentItem(), {
          documentId, productId: products[change.item.p % products.length], quantity: new Decimal(change.item.qty),
          purchasePrice: change.item.price === null ? null : new Decimal(change.item.price),
          fromWarehouseId: place.from ? ids.warehouses[place.from] : null, toWarehouseId: place.to ? ids.warehouses[place.to] : null,
        }));
        applied++;
        break;
      }
      case 'moveItem': {
        // A line located only in hidden warehouses moves to other hidden warehouses (and product).
        const item = pickHiddenLine(await itemsNow(), change.target);
        if (!item) break;
        const doc = (await db.getRepository(InventoryDocument).findOneBy({ id: item.documentId }))!;
        const place = placeItem(doc.type, change.item, hiddenKeys);
        if (!place) break;
        await db.getRepository(DocumentItem).update({ id: item.id }, {
          productId: products[change.item.p % products.length],
          fromWarehouseId: place.from ? ids.warehouses[place.from] : null, toWarehouseId: place.to ? ids.warehouses[place.to] : null,
        });
        applied++;
        break;
      }
      case 'changeItem': {
        const item = pickHiddenLine(await itemsNow(), change.target);
        if (!item) break;
        await db.getRepository(DocumentItem).update({ id: item.id }, {
          quantity: new Decimal(change.qty), purchasePrice: change.price === null ? null : new Decimal(change.price),
        });
        applied++;
        break;
      }
      case 'deleteDocument': {
        const targets = docsTouching(await itemsNow(), (touches) => touches.every((t) => t.sides.every(isHidden)));
        if (targets.length === 0) break;
        const documentId = targets[change.target % targets.length];
        await db.getRepository(StockMovement).delete({ documentId });
        await db.getRepository(DocumentItem).delete({ documentId });
        await db.getRepository(InventoryDocument).delete({ id: documentId });
        applied++;
        break;
      }
      case 'level': {
        const productId = products[change.p % products.length];
        const warehouseId = hidden[change.w % hidden.length];
        const existing = await db.getRepository(StockLevel).findOneBy({ productId, warehouseId });
        if (existing) await db.getRepository(StockLevel).update({ id: existing.id }, { quantity: new Decimal(change.qty) });
        else await db.getRepository(StockLevel).insert({ productId, warehouseId, quantity: new Decimal(change.qty) });
        applied++;
        break;
      }
      case 'newReservation': {
        const r = change.r;
        await db.getRepository(Reservation).insert({
          productId: products[r.p % products.length], warehouseId: hidden[r.w % hidden.length], quantity: new Decimal(r.qty),
          dealRef: 'HIDDEN', status: r.status, expiresAt: new Date(now + r.days * DAY), createdById: ids.users.other,
        });
        applied++;
        break;
      }
      case 'changeReservation': {
        const targets = (await db.getRepository(Reservation).find({ order: { id: 'ASC' } })).filter((r) => isHidden(r.warehouseId));
        if (targets.length === 0) break;
        const r = targets[change.target % targets.length];
        await db.getRepository(Reservation).update({ id: r.id }, { quantity: new Decimal(change.qty), status: change.status });
        applied++;
        break;
      }
      case 'renameWarehouse': {
        await db.getRepository(Warehouse).update({ id: hidden[change.w % hidden.length] }, { name: change.name, address: 'moved' });
        applied++;
        break;
      }
    }
    return applied;
  }
}

/**
 * Opaque ids and cursors (22 or more base64url characters) renamed by order of first appearance:
 * two lists of bodies are equal after this exactly when they are equal up to a bijection of ids.
 * A numeric id is not renamed, so ids that count (10 in one world, 23 in the other) would differ.
 */
function upToRenaming(bodies: string[]): string[] {
  const names = new Map<string, string>();
  return bodies.map((body) => body.replace(/[A-Za-z0-9_-]{22,}/g, (token) => {
    let name = names.get(token);
    if (!name) names.set(token, (name = `<id ${names.size + 1}>`));
    return name;
  }));
}

/** Documents the viewer tries to create in each world: per type, one with a line in its first selectable warehouse and one without lines. */
const CREATIONS = TYPES.length * 2;

/** The viewer's creations (one operation, in order) as one response body: numbers, or the same refusals in both worlds. */
async function createAsViewer(api: TestApi, as: { header: string }, visible: number[], hidden: number[], productId: number): Promise<string[]> {
  const [first, second = hidden[0]] = visible;
  const W = (id: number) => apiId('Warehouse', id);
  const inputs = TYPES.flatMap((type) => {
    const sides = WAREHOUSE_SIDES[type];
    const line = first === undefined ? [] : [{ productId: apiId('Product', productId), quantity: '1',
      ...(sides.from ? { fromWarehouseId: W(first) } : {}), ...(sides.to ? { toWarehouseId: W(sides.from ? second ?? first : first) } : {}) }];
    return [{ type, title: 'Mine', items: line }, { type, title: 'Mine, empty', items: [] }];
  });
  const res = await api.gql(as, `mutation(${inputs.map((_, i) => `$i${i}: CreateDocumentInput!`).join(', ')}) {
    ${inputs.map((_, i) => `c${i}: createDocument(input: $i${i}) { id number type status title items { id } }`).join('\n')} }`,
  Object.fromEntries(inputs.map((input, i) => [`i${i}`, input])));
  // What the viewer then sees of them among the rest: ids and cursors too (compared up to a renaming).
  const list = await api.gql(as, '{ documents(first: 100) { totalCount edges { cursor } nodes { id number items { id } } } }');
  return [res.body, list.body];
}

/** Takes the viewer's new documents (ids above lastId) back out and restores the counters: the database as before them. */
async function takeBack(api: TestApi, lastId: number, counters: DocumentCounter[]): Promise<void> {
  await api.db.transaction(async (tx) => {
    const ids = (await tx.getRepository(InventoryDocument).createQueryBuilder('d').select('d.id', 'id').where('d.id > :lastId', { lastId }).getRawMany())
      .map((r: { id: number | string }) => Number(r.id));
    if (ids.length) {
      await tx.getRepository(DocumentItem).delete({ documentId: In(ids) });
      await tx.getRepository(DocumentWarehouse).delete({ documentId: In(ids) });
      await tx.getRepository(InventoryDocument).delete({ id: In(ids) });
    }
    await tx.query('DELETE FROM document_counter');
    if (counters.length) await tx.getRepository(DocumentCounter).insert(counters);
  });
}

const TABLES = ['application', 'stock_movement', 'stock_level', 'reservation', 'document_warehouse', 'document_item', 'inventory_document', 'role_assignment',
  'role_grant', 'role', 'app_user', 'product', 'warehouse', 'access_audit_entry'];

describe('non-interference (DESIGN §3.8)', () => {
  let api: TestApi;
  // The probes are deliberately big (every warehouse, product and document id in one operation):
  // the query limits (issue 8, tested in test/hardening/limits.test.ts) are raised so that they
  // answer instead of being refused whole — a refusal is byte-identical too, and would prove nothing.
  beforeAll(async () => {
    api = await startApi({}, { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000, maxAliases: 10_000, maxTokens: 1_000_000, maxBodyBytes: 10_000_000 } });
  });
  afterAll(() => api.close());

  it(`changing data only in warehouses the viewer cannot select leaves every response byte-identical (${RUNS} cases, seed ${SEED})`, async () => {
    const stats = { cases: 0, withChanges: 0, changes: 0, withVisibleDocuments: 0, numberedByViewer: 0 };
    const appStats = { cases: 0, withChanges: 0, withVisibleDocuments: 0, narrowedByApp: 0 };
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        await api.db.transaction(async (tx) => {
          for (const table of TABLES) await tx.query(`DELETE FROM ${table}`);
          await tx.query('DELETE FROM document_counter');
        });
        const now = Date.now();
        const ids = await applySeed(api.db, specOf(world, now));
        if (world.app) {
          const grants = appGrants(world.app, world, ids);
          await api.db.getRepository(Application).save(Object.assign(new Application(), {
            clientId: CLIENT_ID, name: 'Random app', status: ApplicationStatus.INSTALLED, requestedGrants: grants, approvedGrants: grants,
            installedAt: new Date(now),
          }));
        }
        const hidden = hiddenWarehouses(world, ids);
        const as = { header: `Bearer ${await api.token('viewer', world.app ? { clientId: CLIENT_ID } : {})}` };
        const documentIds = (await api.db.getRepository(InventoryDocument).find({ select: { id: true } })).map((d) => d.id);
        const lastId = Math.max(0, ...documentIds);
        const probe = {
          now,
          warehouseIds: Object.values(ids.warehouses),
          productIds: Object.values(ids.products),
          // Existing ids and the next few, which the hidden changes may create (after the viewer's creations taken back).
          documentIds: [...documentIds, ...Array.from({ length: 8 + CREATIONS }, (_, i) => lastId + 1 + i)],
        };

        const before = await snapshot(api, as, probe);
        // Every probe is answered (with data, partial at worst), never refused as a whole.
        for (const body of before) expect(JSON.parse(body)).toEqual(expect.objectContaining({ data: expect.anything() }));
        // The world without the hidden changes: what the viewer's new documents are numbered there.
        const visible = probe.warehouseIds.filter((id) => !hidden.includes(id)).sort((a, b) => a - b);
        const counters = await api.db.getRepository(DocumentCounter).find();
        const createdWithout = await createAsViewer(api, as, visible, hidden, probe.productIds[0]);
        await takeBack(api, lastId, counters);
        const applied = await changeHiddenData(api, world, ids, hidden, now);
        const after = await snapshot(api, as, probe);
        const createdWith = await createAsViewer(api, as, visible, hidden, probe.productIds[0]);
        // Equal up to a renaming of opaque ids and cursors (the taken-back documents' keys are not reused).
        expect(upToRenaming(createdWith)).toEqual(upToRenaming(createdWithout));
        if (/"number":"[A-Z]{2}-W\d/.test(createdWith[0])) stats.numberedByViewer++;

        stats.cases++;
        stats.changes += applied;
        if (applied > 0) stats.withChanges++;
        if (/"number":"/.test(before[1])) stats.withVisibleDocuments++;
        if (world.app) {
          expect(JSON.parse(before[0]).data?.viewer?.application).toEqual({ clientId: CLIENT_ID });
          appStats.cases++;
          if (applied > 0) appStats.withChanges++;
          if (/"number":"/.test(before[1])) appStats.withVisibleDocuments++;
          if (hidden.length > hiddenWarehouses({ ...world, app: null }, ids).length) appStats.narrowedByApp++;
        }
        for (let i = 0; i < before.length; i++) expect(after[i]).toBe(before[i]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, examples: EXAMPLES.map((world) => [world] as [World]) },
    );
    // eslint-disable-next-line no-console
    console.log(`non-interference: ${stats.cases} cases (${stats.cases - appStats.cases} user-only, ${appStats.cases} app-viewer), `
      + `${stats.withChanges} with hidden changes (${stats.changes} changes), ${stats.withVisibleDocuments} with visible documents, `
      + `${stats.numberedByViewer} where the viewer numbered documents in its warehouses; `
      + `app viewers: ${appStats.withChanges} with hidden changes, ${appStats.narrowedByApp} where the app hides warehouses the user sees, `
      + `${appStats.withVisibleDocuments} with visible documents`);
    // Not vacuous: most cases change something and show the viewer something; in some the viewer numbers documents in its warehouses.
    expect(stats.numberedByViewer).toBeGreaterThan(stats.cases / 10);
    expect(stats.withChanges).toBeGreaterThan(stats.cases / 2);
    expect(stats.withVisibleDocuments).toBeGreaterThan(stats.cases / 4);
    // App viewers: a fair share of the cases, several of them hiding what the user alone would see.
    expect(appStats.cases).toBeGreaterThan(stats.cases / 4);
    expect(appStats.narrowedByApp).toBeGreaterThan(appStats.cases / 4);
    expect(appStats.withVisibleDocuments).toBeGreaterThan(0);
    // ~1 s per case on a quiet machine; the budget allows a machine ten times busier (CI shares its
    // cores) — what bounds this test is the CI time budget, not a guess at one machine's speed.
  }, RUNS * 15_000);
});
