import {
  buildSchema, getNamedType, getNullableType, GraphQLInputType, isCompositeType, isEnumType, isInputObjectType, isListType,
} from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { valueBound } from '../../src/limits/argument-limits';
import { buildApiSchema } from '../../src/schema/build-schema';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { GraphQLResponse, missingId, startApi, TestApi } from '../support/api';

/**
 * Issue 18 §4: a mutation given several bad fields answers one BAD_USER_INPUT whose
 * `extensions.fieldErrors` list every one of them, each a path from the argument name
 * (`input.sku`, `input.items[1].quantity`, `grants[0].warehouseIds`); `extensions.field` is the
 * first. Nothing is written. Every mutation of the schema is walked: either it has a case here
 * with several bad fields, or it is listed with the reason at most one of its inputs can be bad.
 * Every path starts at one of the mutation's own arguments: no mutation mixes conventions. Strings
 * and ids over their length, refused before execution, are listed the same way, every mutation
 * at once; the bulk mutations name each item's fields from the item (`inputs[2].items[0].quantity`).
 */

/** Mutations whose input is one value (an id, an id and a version, a CSV text): nothing to collect. */
const ONE_INPUT: Record<string, string> = {
  archiveProduct: 'an id', unarchiveProduct: 'an id', deleteProduct: 'an id',
  cancelDocument: 'an id and the version a CONFLICT checks', processDocument: 'an id and the version a CONFLICT checks',
  deleteDocument: 'an id and the version a CONFLICT checks',
  deactivateUser: 'an id', reactivateUser: 'an id', deactivateWarehouse: 'an id', reactivateWarehouse: 'an id',
  setDefaultWarehouse: 'an id', deleteRole: 'an id and a flag', installApplication: 'an id', revokeApplication: 'an id',
  releaseReservation: 'an id', resetDocumentFormLayout: 'an enum', resetStandardRole: 'an id',
  importProductsCsv: 'one CSV text; its rows are reported by the import result',
  createDocuments: 'per-item results: each item carries its createDocument error, rooted at inputs[i] (below)',
  processDocuments: 'per-item results of ids and versions, rooted at documents[i] (below)',
  updateRole: 'only the name is checked here: the description is bounded by its length alone, checked before execution (argument limits)',
};

// Lengths are not among the cases: every string argument's length is checked before execution
// (src/limits/, issue 22), where the limit is named — walked for every mutation further down;
// what the services check is everything else.

interface Case {
  mutation: string;
  query: string;
  variables: (api: TestApi) => Record<string, unknown>;
  fields: string[];
}

const id = (n: string) => n;

const CASES: Case[] = [
  {
    mutation: 'createProduct',
    query: 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }',
    variables: () => ({ input: { sku: 'HAS SPACE', name: ' ', unit: '', salePrice: '-1', barcodes: ['OK', 'has space'] } }),
    fields: ['input.sku', 'input.name', 'input.unit', 'input.salePrice', 'input.barcodes[1]'],
  },
  {
    mutation: 'updateProduct',
    query: 'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }',
    variables: (api) => ({ id: id(api.ids.products.dress), input: { sku: 'hoodie', name: '', salePrice: '-2' } }),
    // The SKU's clash is found in the database, after the fields checked on their own.
    fields: ['input.name', 'input.salePrice', 'input.sku'],
  },
  {
    mutation: 'createWarehouse',
    query: 'mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id } }',
    variables: () => ({ input: { code: 'has space', name: '' } }),
    fields: ['input.code', 'input.name'],
  },
  {
    mutation: 'updateWarehouse',
    query: 'mutation($id: ID!, $input: UpdateWarehouseInput!) { updateWarehouse(id: $id, input: $input) { id } }',
    variables: (api) => ({ id: id(api.ids.warehouses.online), input: { code: 'retail', name: '' } }),
    fields: ['input.name', 'input.code'],
  },
  {
    mutation: 'createUser',
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: () => ({ input: { login: 'ANNA', name: ' ', email: 'not-mail' } }),
    fields: ['input.login', 'input.name', 'input.email'],
  },
  {
    mutation: 'updateUser',
    query: 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }',
    variables: (api) => ({ id: id(api.ids.users.sam), input: { name: ' ', email: 'not-mail' } }),
    fields: ['input.name', 'input.email'],
  },
  {
    mutation: 'createRole',
    query: 'mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }',
    variables: (api) => ({
      input: {
        name: 'sales TEAM',
        grants: [{ permission: 'CATALOG_VIEW', warehouseIds: [id(api.ids.warehouses.online)] }, { permission: 'WAREHOUSE_SELECT', warehouseIds: [] }],
      },
    }),
    fields: ['input.name', 'input.grants[0].warehouseIds', 'input.grants[1].warehouseIds'],
  },
  {
    mutation: 'setRoleGrants',
    query: 'mutation($roleId: ID!, $grants: [GrantInput!]!) { setRoleGrants(roleId: $roleId, grants: $grants) { id } }',
    variables: (api) => ({
      roleId: id(api.ids.roles.sales),
      grants: [
        { permission: 'WAREHOUSE_SELECT', warehouseIds: [missingId('Warehouse')] },
        { permission: 'DOCUMENT', actions: [] },
        { permission: 'CATALOG_VIEW', reportKinds: ['SALES'] },
      ],
    }),
    fields: ['grants[1].documentType', 'grants[1].actions', 'grants[2].reportKinds', 'grants[0].warehouseIds'],
  },
  {
    mutation: 'assignRole',
    query: 'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }',
    variables: () => ({ u: missingId('User'), r: missingId('Role') }),
    fields: ['userId', 'roleId'],
  },
  {
    mutation: 'unassignRole',
    query: 'mutation($u: ID!, $r: ID!) { unassignRole(userId: $u, roleId: $r) { id } }',
    variables: () => ({ u: missingId('User'), r: missingId('Role') }),
    fields: ['userId', 'roleId'],
  },
  {
    mutation: 'registerApplication',
    query: 'mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }',
    variables: () => ({
      input: { name: ' ', callbackUrl: 'ftp://x', clientId: 'has space', requestedPermissions: [{ permission: 'CATALOG_VIEW', warehouseIds: ['1'] }] },
    }),
    fields: ['input.name', 'input.callbackUrl', 'input.requestedPermissions[0].warehouseIds', 'input.clientId'],
  },
  {
    mutation: 'updateSettings',
    query: 'mutation($input: UpdateSettingsInput!) { updateSettings(input: $input) { reservationDays } }',
    variables: () => ({ input: { allowNegativeStock: null, reservationDays: 0 } }),
    fields: ['input.allowNegativeStock', 'input.reservationDays'],
  },
  {
    mutation: 'setDocumentFormLayout',
    query: 'mutation($fields: [DocumentFormFieldInput!]!) { setDocumentFormLayout(type: STOCK_RECEIPT, fields: $fields) { type } }',
    variables: () => ({ fields: [{ field: 'nope', visible: true, position: 0 }, { field: 'title', visible: true, position: -1 }] }),
    fields: ['fields[0].field', 'fields[1].position', 'fields'],
  },
  {
    mutation: 'setStockMinimum',
    query: 'mutation($p: ID!, $w: ID!) { setStockMinimum(productId: $p, warehouseId: $w, minimum: "-1", reorderQuantity: "-2") { minimum } }',
    variables: (api) => ({ p: missingId('Product'), w: id(api.ids.warehouses.online) }),
    fields: ['minimum', 'reorderQuantity', 'productId'],
  },
  {
    mutation: 'reserveProduct',
    query: 'mutation($p: ID!, $w: ID!) { reserveProduct(productId: $p, warehouseId: $w, quantity: "0", dealRef: " ", expiresAt: "2001-01-01T00:00:00Z") { id } }',
    variables: (api) => ({ p: missingId('Product'), w: id(api.ids.warehouses.online) }),
    fields: ['quantity', 'dealRef', 'expiresAt', 'productId'],
  },
  {
    mutation: 'createDocument',
    query: 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }',
    variables: (api) => ({
      input: {
        type: 'STOCK_TRANSFER', dealRef: ' ',
        items: [
          { productId: id(api.ids.products.dress), quantity: '1', fromWarehouseId: id(api.ids.warehouses.online), toWarehouseId: id(api.ids.warehouses.retail) },
          { productId: 'not-an-id', quantity: '0', fromWarehouseId: id(api.ids.warehouses.online), toWarehouseId: id(api.ids.warehouses.online) },
          { productId: missingId('Product'), quantity: '1', fromWarehouseId: id(api.ids.warehouses.online) },
        ],
      },
    }),
    fields: [
      'input.dealRef', 'input.items[1].productId', 'input.items[1].quantity', 'input.items[1].toWarehouseId',
      'input.items[2].toWarehouseId', 'input.items[2].productId',
    ],
  },
  {
    mutation: 'updateDocument',
    query: 'mutation($id: ID!, $input: UpdateDocumentInput!) { updateDocument(id: $id, version: 1, input: $input) { id } }',
    variables: (api) => ({
      id: id(api.ids.documents['draft-receipt']),
      input: {
        dealRef: '', removeItemIds: [missingId('DocumentItem')],
        addItems: [{ productId: id(api.ids.products.dress), quantity: '-1', toWarehouseId: id(api.ids.warehouses.retail), fromWarehouseId: id(api.ids.warehouses.online) }],
      },
    }),
    fields: ['input.dealRef', 'input.removeItemIds[0]', 'input.addItems[0].quantity', 'input.addItems[0].fromWarehouseId'],
  },
];

const mutations = () => buildSchema(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8')).getMutationType()!.getFields();
const mutationNames = () => Object.keys(mutations());
/** The argument a field path starts at: `input` of `input.items[1].quantity`, `grants` of `grants[0].actions`. */
const rootOf = (field: string) => field.split(/[.[]/)[0];

const CREATE_ONE = 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }';
const ITEM_RESULTS = 'results { index error { code message details } }';
const CREATE_MANY = `mutation($inputs: [CreateDocumentInput!]!) { createDocuments(inputs: $inputs, atomic: true) { applied ${ITEM_RESULTS} } }`;
const PROCESS_MANY = `mutation($documents: [DocumentVersionInput!]!) { processDocuments(documents: $documents, atomic: true) { applied ${ITEM_RESULTS} } }`;

describe('all input errors at once, one convention (issue 18 §4)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(DEMO_DATA); });
  afterAll(() => api?.close());

  it('every mutation is walked here, or listed with why at most one of its inputs can be bad', () => {
    const walked = new Set([...CASES.map((c) => c.mutation), ...Object.keys(ONE_INPUT)]);
    expect(mutationNames().filter((name) => !walked.has(name))).toEqual([]);
    expect([...walked].filter((name) => !mutationNames().includes(name))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.mutation, c] as const))('%s reports every bad field, the first in field, and writes nothing', async (_name, c) => {
    const before = await snapshot(api);
    const res: GraphQLResponse = await api.gql('admin', c.query, c.variables(api));
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const { field, fieldErrors } = res.errors![0].extensions!;
    expect(fieldErrors.map((e: { field: string }) => e.field)).toEqual(c.fields);
    expect(field).toBe(c.fields[0]);
    for (const e of fieldErrors) expect(e).toEqual({ field: e.field, code: 'BAD_USER_INPUT', message: expect.stringMatching(/\S/) });
    // One convention: every path starts at an argument of this mutation.
    const args = mutations()[c.mutation].args.map((a) => a.name);
    expect(fieldErrors.map((e: { field: string }) => e.field).filter((f: string) => !args.includes(rootOf(f)))).toEqual([]);
    expect(await snapshot(api)).toEqual(before);
  });

  it('strings and ids over their length, refused before execution, are all listed: every mutation, every path from its arguments', async () => {
    const before = await snapshot(api);
    const walked: string[] = [];
    for (const field of Object.values(buildApiSchema().getMutationType()!.getFields())) {
      const paths: string[] = [];
      const variables = Object.fromEntries(field.args.map((arg) =>
        [arg.name, overLong(arg.type, `Mutation.${field.name}(${arg.name})`, arg.name, arg.name, paths)]));
      if (paths.length === 0) continue; // no string or id argument bounded before execution (enums, numbers, a CSV text)
      walked.push(field.name);
      const query = `mutation(${field.args.map((a) => `$${a.name}: ${a.type}`).join(', ')}) {
        ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${isCompositeType(getNamedType(field.type)) ? ' { __typename }' : ''} }`;
      const res = await api.gql('admin', query, variables);
      expect([field.name, res.status, res.errors?.map((e) => e.extensions?.code)]).toEqual([field.name, 400, ['BAD_USER_INPUT']]);
      expect(JSON.parse(res.body)).not.toHaveProperty('data');
      const { field: first, limit, fieldErrors } = res.errors![0].extensions!;
      expect([field.name, fieldErrors.map((e: { field: string }) => e.field)]).toEqual([field.name, paths]);
      expect([first, limit]).toEqual([paths[0], 'stringLength']);
      for (const e of fieldErrors) expect(e).toEqual({ field: e.field, code: 'BAD_USER_INPUT', message: expect.stringContaining('(stringLength)') });
      const args = field.args.map((a) => a.name);
      expect(paths.filter((p) => !args.includes(rootOf(p)))).toEqual([]);
    }
    expect(walked).toEqual(expect.arrayContaining(['createProduct', 'createDocument', 'createDocuments', 'updateDocument', 'createRole', 'setRoleGrants']));
    expect(await snapshot(api)).toEqual(before);
  });

  it('a document with a long title, a quantity out of range and an over-long id on its second line: all three, one response', async () => {
    const res = await api.gql('admin', CREATE_ONE, { input: {
      type: 'STOCK_RECEIPT', title: 't'.repeat(256),
      items: [
        { productId: id(api.ids.products.dress), quantity: '1000000001', toWarehouseId: id(api.ids.warehouses.online) },
        { productId: id(api.ids.products.dress), quantity: '1', toWarehouseId: 'w'.repeat(65) },
      ],
    } });
    expect(res.status).toBe(400);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT', field: 'input.title', limit: 'stringLength', max: 255,
      fieldErrors: [
        { field: 'input.title', code: 'BAD_USER_INPUT', message: expect.stringContaining('at most 255 characters (stringLength); 256 given') },
        { field: 'input.items[0].quantity', code: 'BAD_USER_INPUT', message: expect.stringContaining('(amount.quantity)') },
        { field: 'input.items[1].toWarehouseId', code: 'BAD_USER_INPUT', message: expect.stringContaining('at most 64 characters (stringLength); 65 given') },
      ],
    });
  });

  it('createDocuments: an item\'s errors name inputs[i].…, exactly the fields createDocument names input.…', async () => {
    const before = await snapshot(api);
    const good = { type: 'STOCK_RECEIPT', items: [{ productId: id(api.ids.products.dress), quantity: '1', toWarehouseId: id(api.ids.warehouses.online) }] };
    const bad = {
      type: 'STOCK_RECEIPT', dealRef: ' ',
      items: [
        { productId: id(api.ids.products.dress), quantity: '0', toWarehouseId: id(api.ids.warehouses.online) },
        { productId: missingId('Product'), quantity: '1', fromWarehouseId: id(api.ids.warehouses.online), toWarehouseId: id(api.ids.warehouses.online) },
      ],
    };
    const single = (await api.gql('admin', CREATE_ONE, { input: bad })).errors![0].extensions!;
    expect(single.fieldErrors.map((e: { field: string }) => e.field)).toEqual(
      ['input.dealRef', 'input.items[0].quantity', 'input.items[1].fromWarehouseId', 'input.items[1].productId']);
    const res = await api.gql('admin', CREATE_MANY, { inputs: [good, bad, good, bad] });
    expect(res.errors).toBeUndefined();
    const { applied, results } = res.data.createDocuments;
    expect([applied, results.map((r: { error: { code: string } }) => r.error.code)]).toEqual([false, ['NOT_APPLIED', 'BAD_USER_INPUT', 'NOT_APPLIED', 'BAD_USER_INPUT']]);
    for (const index of [1, 3]) {
      const item = (field: string) => field.replace(/^input\b/, `inputs[${index}]`);
      const { details, message } = results[index].error;
      expect(details).toEqual({
        field: item(single.field),
        fieldErrors: single.fieldErrors.map((e: { field: string }) => ({ ...e, field: item(e.field) })),
      });
      expect(message.startsWith(`inputs[${index}].dealRef: `)).toBe(true);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('processDocuments: an item\'s id and version are documents[i].id and documents[i].version', async () => {
    const draft = id(api.ids.documents['draft-receipt']);
    const PROCESS_ONE = 'mutation($id: ID!, $version: Int!) { processDocument(id: $id, version: $version) { id } }';
    expect((await api.gql('admin', PROCESS_ONE, { id: missingId('InventoryDocument'), version: 1 })).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await api.gql('admin', PROCESS_ONE, { id: draft, version: 99 })).errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const res = await api.gql('admin', PROCESS_MANY, { documents: [{ id: draft, version: 99 }, { id: missingId('InventoryDocument'), version: 1 }] });
    expect(res.errors).toBeUndefined();
    expect(res.data.processDocuments.results.map((r: { error: { code: string; details: Record<string, unknown> } }) => [r.error.code, r.error.details.field]))
      .toEqual([['CONFLICT', 'documents[0].version'], ['NOT_FOUND', 'documents[1].id']]);
  });

  it('a single bad field has the same shape: fieldErrors of one', async () => {
    const res = await api.gql('admin', 'mutation { createWarehouse(input: { code: "ok-code", name: "" }) { id } }');
    expect(res.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT', field: 'input.name', fieldErrors: [{ field: 'input.name', code: 'BAD_USER_INPUT', message: expect.any(String) }],
    });
  });
});

/** A valid value of each scalar a mutation takes; strings and ids are refused by their length instead. */
const VALID: Record<string, unknown> = { Int: 1, Boolean: true, Decimal: '1', Date: '2026-01-01', DateTimeISO: new Date(Date.now() + 86_400_000).toISOString() };

/**
 * A value of `type` whose every string and id bounded before execution is one character over its
 * limit (lists of one entry), each such path pushed to `paths` in the order the check walks them.
 */
function overLong(type: GraphQLInputType, coordinate: string, name: string, at: string, paths: string[]): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [overLong(t.ofType, coordinate, name, `${at}[0]`, paths)];
  if (isInputObjectType(t)) {
    return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, overLong(f.type, `${t.name}.${f.name}`, f.name, `${at}.${f.name}`, paths)]));
  }
  if (isEnumType(t)) return t.getValues()[0].name;
  if (t.name !== 'String' && t.name !== 'ID') return VALID[t.name];
  const bound = valueBound(coordinate, name, t.name);
  if (!bound || bound.inService) return 'x';
  paths.push(at);
  return 'x'.repeat(bound.max + 1);
}

/** Row counts of what the walked mutations could write. */
async function snapshot(api: TestApi): Promise<Record<string, number>> {
  const tables = ['product', 'warehouse', 'app_user', 'role', 'role_grant', 'role_assignment', 'application', 'inventory_document',
    'document_item', 'reservation', 'access_audit_entry', 'document_form_field'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await api.db.query(`SELECT COUNT(*) AS n FROM ${api.db.driver.escape(table)}`);
    counts[table] = Number(row.n);
  }
  return counts;
}
