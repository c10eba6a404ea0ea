import fc from 'fast-check';
import { execute, GraphQLSchema, parse } from 'graphql';
import { createLoaders } from '../../src/loaders';
import { buildApiSchema } from '../../src/schema/build-schema';
import { createServer, StockgateServer } from '../../src/server/app';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { RULES, shieldSchema } from '../../src/shield';
import { Access, Grants } from '../../src/shield/access';
import { loadAccess } from '../../src/shield/access.loader';
import { canonicalErrors } from '../../src/shield/denial-errors';
import { DocumentAction, DocumentType, Permission, ReportKind, SimplePermission } from '../../src/shield/permission-catalog';
import { checkOf } from '../../src/shield/rule-checks';
import { WarehouseScope } from '../../src/shield/warehouse-scope';
import { startApi, TestApi } from '../support/api';

/**
 * The fast path (DESIGN §3, "Rule engine"): a rule that depends on the access object alone is
 * decided once per request and, when it allows, the resolver runs without graphql-shield's
 * promise. It must change no response, errors included.
 */
const QUERIES = [
  '{ viewer { user { login email } permissions allWarehouses warehouses { code } reportKinds documentPermissions { type actions } application { name } } }',
  '{ warehouses { code name address isDefault active } settings { allowNegativeStock reservationDays } }',
  `{ products(first: 50) { totalCount nodes { sku name purchasePrice salePrice quantity reserved available
      parent { sku purchasePrice } variants { sku purchasePrice } stockLevels { quantity warehouse { code } } } } }`,
  '{ stockLevels(first: 100) { totalCount nodes { quantity reserved available warehouse { code } product { sku purchasePrice } } } }',
  `{ documents(first: 50) { totalCount nodes { number type status total allowedActions version
      author { login email } processedBy { login } items { quantity purchasePrice lineTotal product { sku } fromWarehouse { code } toWarehouse { code } } } } }`,
  '{ documents(first: 5, type: SALES_ORDER) { nodes { number } } reservations(first: 50) { nodes { quantity status product { sku } warehouse { code } createdBy { login } } } }',
  `{ inventoryReport(from: "2020-01-01", to: "2030-01-01") { totalStockValue movement { total { closing { quantity value } } }
      sales { shippedValue warehouses { warehouse { code } shippedValue } } stockBalance { total { quantity value } products { product { sku } value } } } }`,
  '{ roles { name grants { permission warehouses { code } } } users(first: 20) { nodes { login email assignments { role { name } } } } }',
  '{ permissionCatalog { permission } applications { name } documentFormLayout(type: STOCK_RECEIPT) { type fields { field } } }',
];

const LOGINS: string[] = DEMO_DATA.users!.map((u) => u.login!);

describe('the access-only fast path changes no response (DESIGN §3, "Rule engine")', () => {
  let api: TestApi;
  let slow: StockgateServer;
  let slowUrl: string;
  let fastSchema: GraphQLSchema;
  let slowSchema: GraphQLSchema;

  beforeAll(async () => {
    api = await startApi(DEMO_DATA);
    slow = await createServer(api.config, api.db, shieldSchema(buildApiSchema(), { fastPath: false }));
    slowUrl = `${await slow.listen(0)}/graphql`;
    fastSchema = shieldSchema(buildApiSchema());
    slowSchema = shieldSchema(buildApiSchema(), { fastPath: false });
  });
  afterAll(async () => { await slow.stop(); await api.close(); });

  const post = async (url: string, login: string | null, query: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (login) headers.authorization = `Bearer ${await api.token(login)}`;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
    return `${res.status} ${await res.text()}`;
  };

  it('every demo viewer and an anonymous one get byte-identical responses with and without it, over HTTP', async () => {
    let denials = 0;
    for (const login of [...LOGINS, null]) {
      for (const query of QUERIES) {
        const fast = await post(api.url, login, query);
        expect({ login, query, body: fast }).toEqual({ login, query, body: await post(slowUrl, login, query) });
        if (fast.includes('"FORBIDDEN"') || fast.includes('"UNAUTHENTICATED"')) denials++;
      }
    }
    // The probes must exercise denials, not only allowed fields.
    expect(denials).toBeGreaterThan(10);
  });

  it('property: random grants get the same result from both, errors included', async () => {
    const base = (await loadAccess(api.db, 'sam'))!;
    const warehouseIds = Object.values(api.dbIds.warehouses);
    const simple = Object.values(Permission).filter((p) => ![Permission.WAREHOUSE_SELECT, Permission.REPORT_VIEW, Permission.DOCUMENT].includes(p)) as SimplePermission[];
    const grants = fc.record({
      permissions: fc.subarray(simple),
      warehouses: fc.oneof(fc.constant('ALL' as const), fc.subarray(warehouseIds)),
      reportKinds: fc.option(fc.subarray(Object.values(ReportKind)), { nil: null }),
      hasReportView: fc.boolean(),
      documents: fc.array(fc.tuple(fc.constantFrom(...Object.values(DocumentType)), fc.subarray(Object.values(DocumentAction))), { maxLength: 5 }),
    }).map((g): Grants => ({
      permissions: new Set(g.permissions),
      warehouses: g.warehouses === 'ALL' ? WarehouseScope.ALL : WarehouseScope.of(g.warehouses),
      reportKinds: g.reportKinds ? new Set(g.reportKinds) : null,
      hasReportView: g.hasReportView,
      documentActions: new Map(g.documents.map(([type, actions]) => [type, new Set(actions)])),
    }));
    const run = async (schema: GraphQLSchema, access: Access, query: string) => {
      const contextValue = { db: api.db, access, loaders: createLoaders(api.db, access), deniedCoordinates: new Set(), requestId: 'p' };
      const result = await execute({ schema, document: parse(query), contextValue });
      return JSON.stringify({ data: result.data, errors: canonicalErrors((result.errors ?? []).map((e) => e.toJSON())) });
    };
    await fc.assert(fc.asyncProperty(grants, fc.boolean(), async (g, anonymous) => {
      const access = anonymous ? Access.anonymous() : new Access(base.user, g);
      for (const query of QUERIES) expect(await run(fastSchema, access, query)).toBe(await run(slowSchema, access, query));
    }), { numRuns: 40, seed: 20261201 });
  });

  it('the fast check of every access-only rule allows exactly when graphql-shield allows', async () => {
    const rules = Object.entries(RULES).flatMap(([type, fields]) => Object.entries(fields).map(([field, rule]) => ({ coordinate: `${type}.${field}`, rule })));
    const accessOnly = rules.filter(({ rule }) => checkOf(rule)?.accessOnly);
    expect(accessOnly.length).toBeGreaterThan(30);
    const logins = [...LOGINS, null];
    for (const login of logins) {
      const access = login ? (await loadAccess(api.db, login))! : Access.anonymous();
      for (const { coordinate, rule } of accessOnly) {
        const ctx = { access, _shield: { cache: {} } };
        const viaShield = await rule.resolve({}, {}, ctx as never, { parentType: { name: 'T' }, fieldName: 'f' } as never,
          { debug: false, allowExternalErrors: true, fallbackRule: rule, hashFunction: () => '' });
        const fast = checkOf(rule)!.check(access, undefined, undefined) === null;
        expect({ login, coordinate, allows: viaShield === true }).toEqual({ login, coordinate, allows: fast });
      }
    }
  });
});
