import fs from 'node:fs';
import path from 'node:path';
import { getNullableType, isInputObjectType, isInterfaceType, isListType, isObjectType, isScalarType } from 'graphql';
import { SystemRole } from '../../src/entities/role.entity';
import { DocumentType } from '../../src/shield/permission-catalog';
import { BOUND_COORDINATES } from '../../src/limits/argument-limits';
import { LIMIT_TABLE } from '../../src/limits/limit-table';
import { LIMITS, SETTING_LIMITS, TEXT_LENGTHS } from '../../src/limits/limits';
import { buildApiSchema } from '../../src/schema/build-schema';
import { codes, GraphQLResponse, startApi, TestApi } from '../support/api';

/**
 * Issue 15 §7 and issue 22: every argument has a size limit, enforced before anything runs — an
 * operation with one argument over its limit is refused whole with BAD_USER_INPUT naming the
 * argument and the limit (no `data`, nothing written) — and the schema states each limit.
 */
const spec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [{ key: 'tee', sku: 'TEE' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
  documents: [{ key: 'opening', type: DocumentType.STOCK_ADJUSTMENT, author: 'admin', items: [{ product: 'tee', quantity: '10', to: 'A' }] }],
};

const expectOverLimit = (res: GraphQLResponse, field: string, limit: string, max: number) => {
  expect(res.status).toBe(400);
  expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field, limit, max, fieldErrors: [{ field, code: 'BAD_USER_INPUT', message: expect.any(String) }] }]);
  expect(JSON.parse(res.body)).not.toHaveProperty('data');
};

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
const REPORT = 'query($w: [ID!]) { inventoryReport(from: "2026-01-01", to: "2026-01-31", warehouseIds: $w) { from } }';
const SEARCH = 'query($s: String) { products(first: 5, search: $s) { totalCount } }';
const CREATE = 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }';

describe('argument limits, before anything runs', () => {
  let api: TestApi;
  const count = async (what: 'documents' | 'products') =>
    (await api.gql('admin', `{ ${what}(first: 1) { totalCount } }`)).data[what].totalCount as number;

  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('a subscription over HTTP, even anonymous, is a typed BAD_REQUEST pointing to graphql-ws, never an internal error', async () => {
    for (const who of [null, 'admin']) {
      const res = await api.gql(who, 'subscription { stockLevelChanged { id quantity } }');
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_REQUEST']);
      expect(res.errors![0].message).toMatch(/graphql-ws/);
    }
  });

  it(`a search string answers at ${TEXT_LENGTHS.search} characters; one more, or ~50k, is BAD_USER_INPUT naming stringLength`, async () => {
    expect((await api.gql('admin', SEARCH, { s: 'x'.repeat(TEXT_LENGTHS.search) })).data.products.totalCount).toBe(0);
    expectOverLimit(await api.gql('admin', SEARCH, { s: 'x'.repeat(TEXT_LENGTHS.search + 1) }), 'search', 'stringLength', TEXT_LENGTHS.search);
    expectOverLimit(await api.gql('admin', SEARCH, { s: 'x'.repeat(50_000) }), 'search', 'stringLength', TEXT_LENGTHS.search);
    // Literal arguments and fragments are checked like variables.
    expectOverLimit(await api.gql('admin', `{ ...F } fragment F on Query { products(search: "${'y'.repeat(101)}") { totalCount } }`), 'search', 'stringLength', TEXT_LENGTHS.search);
  });

  it(`warehouseIds: ${LIMITS.listLength} ids answer; one more, or 40,000, is BAD_USER_INPUT naming listLength`, async () => {
    const ok = await api.gql('admin', REPORT, { w: ids(LIMITS.listLength) });
    expect(ok.errors).toBeUndefined();
    expectOverLimit(await api.gql('admin', REPORT, { w: ids(LIMITS.listLength + 1) }), 'warehouseIds', 'listLength', LIMITS.listLength);
    expectOverLimit(await api.gql('admin', REPORT, { w: ids(40_000) }), 'warehouseIds', 'listLength', LIMITS.listLength);
  });

  it('an ID of 65 characters is refused before it is looked up', async () => {
    expectOverLimit(await api.gql('admin', 'query($id: ID!) { product(id: $id) { sku } }', { id: '9'.repeat(65) }), 'id', 'stringLength', TEXT_LENGTHS.id);
  });

  it('page size: first over LIMIT_PAGE_SIZE is BAD_USER_INPUT naming pageSize', async () => {
    const max = api.config.limits.maxPageSize;
    expectOverLimit(await api.gql('admin', `{ products(first: ${max + 1}) { totalCount } }`), 'first', 'pageSize', max);
  });

  it(`a document of ${LIMITS.documentLines + 1} lines is refused naming documentLines, and nothing is written`, async () => {
    const before = await count('documents');
    const items = Array.from({ length: LIMITS.documentLines + 1 }, () => ({ productId: String(api.ids.products.tee), quantity: '1', toWarehouseId: String(api.ids.warehouses.A) }));
    expectOverLimit(await api.gql('admin', CREATE, { input: { type: 'STOCK_RECEIPT', items } }), 'input.items', 'documentLines', LIMITS.documentLines);
    expect(await count('documents')).toBe(before);
  });

  it('one oversized argument refuses the whole operation: its other mutations do not run either', async () => {
    const [documents, products] = [await count('documents'), await count('products')];
    const res = await api.gql('admin', `mutation($input: CreateDocumentInput!) {
      a: createDocument(input: $input) { id }
      b: createProduct(input: { sku: "${'S'.repeat(TEXT_LENGTHS.sku + 1)}", name: "Too long" }) { id } }`,
    { input: { type: 'STOCK_RECEIPT', items: [] } });
    expectOverLimit(res, 'input.sku', 'stringLength', TEXT_LENGTHS.sku);
    expect([await count('documents'), await count('products')]).toEqual([documents, products]);
  });

  it('nested input: the path names the entry and field over its limit', async () => {
    const res = await api.gql('admin', CREATE, { input: { type: 'STOCK_RECEIPT', items: [
      { productId: '1', quantity: '1', toWarehouseId: '1' }, { productId: '1', quantity: '1', toWarehouseId: 'w'.repeat(65) }] } });
    expectOverLimit(res, 'input.items[1].toWarehouseId', 'stringLength', TEXT_LENGTHS.id);
  });

  it(`a reservation cannot expire more than ${LIMITS.reservationDays} days ahead (9999-12-31 included)`, async () => {
    const reserve = 'mutation($e: DateTimeISO) { reserveProduct(productId: "1", warehouseId: "1", quantity: "1", dealRef: "D", expiresAt: $e) { id } }';
    expectOverLimit(await api.gql('admin', reserve, { e: '9999-12-31T00:00:00.000Z' }), 'expiresAt', 'reservationDays', LIMITS.reservationDays);
    const justOver = new Date(Date.now() + (LIMITS.reservationDays * 86_400_000) + 60_000).toISOString();
    expectOverLimit(await api.gql('admin', reserve, { e: justOver }), 'expiresAt', 'reservationDays', LIMITS.reservationDays);
  });

  it(`within that, no later than settings.maxReservationDays (${SETTING_LIMITS.maxReservationDays} by default): BAD_USER_INPUT naming expiresAt and the maximum`, async () => {
    const reserve = 'mutation($p: ID!, $w: ID!, $e: DateTimeISO) { reserveProduct(productId: $p, warehouseId: $w, quantity: "1", dealRef: "D", expiresAt: $e) { status } }';
    const variables = (days: number, minutes: number) => ({ p: String(api.ids.products.tee), w: String(api.ids.warehouses.A), e: new Date(Date.now() + days * 86_400_000 + minutes * 60_000).toISOString() });
    const refused = (res: GraphQLResponse, max: number) => {
      expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'expiresAt', limit: 'maxReservationDays', max,
        fieldErrors: [{ field: 'expiresAt', code: 'BAD_USER_INPUT', message: expect.stringContaining(`${max} days`) }] }]);
      expect(res.data).toEqual({ reserveProduct: null });
    };
    const reservations = async () => (await api.gql('admin', '{ reservations(first: 50) { totalCount } }')).data.reservations.totalCount;
    const setMax = async (days: number) => expect((await api.gql('admin', `mutation { updateSettings(input: { maxReservationDays: ${days} }) { maxReservationDays } }`)).data.updateSettings).toEqual({ maxReservationDays: days });
    const max = SETTING_LIMITS.maxReservationDays;
    expect((await api.gql('admin', reserve, variables(max, -1))).data.reserveProduct).toEqual({ status: 'ACTIVE' });
    refused(await api.gql('admin', reserve, variables(max, 1)), max);
    await setMax(30);
    refused(await api.gql('admin', reserve, variables(30, 1)), 30);
    refused(await api.gql('admin', reserve, variables(max, -1)), 30);
    expect((await api.gql('admin', reserve, variables(30, -1))).data.reserveProduct).toEqual({ status: 'ACTIVE' });
    await setMax(LIMITS.reservationDays);
    expect((await api.gql('admin', reserve, variables(LIMITS.reservationDays, -1))).data.reserveProduct).toEqual({ status: 'ACTIVE' });
    expect(await reservations()).toBe(3);
    await setMax(max);
  });
});

describe('the schema states every limit, generated from the table', () => {
  const schema = buildApiSchema();

  it('every String, ID and list argument or input field says "Limit: at most …"', () => {
    const missing: string[] = [];
    const bounded = (type: any) => {
      const t = getNullableType(type);
      return isListType(t) || (isScalarType(t) && ['String', 'ID'].includes(t.name));
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) if (bounded(arg.type) && !/Limit: at most \d+/.test(arg.description ?? '')) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (bounded(field.type) && !/Limit: at most \d+/.test(field.description ?? '')) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only coordinates the schema has', () => {
    const exists = (coordinate: string) => {
      const match = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(coordinate)!;
      const type = schema.getType(match[1]);
      if (isInputObjectType(type)) return !match[3] && match[2] in type.getFields();
      if (isObjectType(type)) return !!type.getFields()[match[2]]?.args.some((a) => a.name === match[3]);
      return false;
    };
    expect(BOUND_COORDINATES.filter((c) => !exists(c))).toEqual([]);
  });

  it('docs/operations.md lists every limit with its value', () => {
    const docs = fs.readFileSync(path.resolve(__dirname, '../../docs/operations.md'), 'utf8');
    const rows = docs.split('\n').filter((line) => line.startsWith('|'));
    const listed = (name: string, value: number) => rows.some((row) => row.includes(`\`${name}\``) && row.replace(/[,_]/g, '').includes(`| ${value} |`));
    expect(LIMIT_TABLE.filter((row) => !listed(row.name, row.value)).map((row) => `${row.name} = ${row.value}`)).toEqual([]);
  });
});
