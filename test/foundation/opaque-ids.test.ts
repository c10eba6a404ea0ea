import { getNamedType, GraphQLSchema, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType } from 'graphql';
import { buildApiSchema } from '../../src/schema/build-schema';
import { ID_COORDINATES } from '../../src/schema/id-coordinates';
import { managementSpec } from '../catalog/fixtures';
import { apiId, codes, dbKey, missingId, startApi, TestApi } from '../support/api';

/** Every coordinate whose type is ID or a list of it: output fields, arguments, input fields. */
function idCoordinates(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === 'ID') found.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (getNamedType(arg.type).name === 'ID') found.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (getNamedType(field.type).name === 'ID') found.push(`${type.name}.${field.name}`);
    } else if (isInterfaceType(type)) continue;
  }
  return found.sort();
}

describe('opaque ids (issue 15 §3, issue 18 §2; docs/design.md "Ids")', () => {
  it('every ID coordinate of the schema has a kind in id-coordinates.ts, and every entry names an ID coordinate (fail-closed walk)', () => {
    const coordinates = idCoordinates(buildApiSchema());
    expect(coordinates.filter((c) => !ID_COORDINATES[c])).toEqual([]);
    expect(Object.keys(ID_COORDINATES).filter((c) => !coordinates.includes(c))).toEqual([]);
  });

  describe('through the API', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi(managementSpec({ products: [{ key: 'tee', sku: 'TEE' }, { key: 'cap', sku: 'CAP' }] }));
    });
    afterAll(() => api.close());

    const createWarehouse = async (code: string) => {
      const res = await api.gql('admin', 'mutation($c: String!) { createWarehouse(input: { code: $c, name: $c }) { id } }', { c: code });
      expect(res.errors).toBeUndefined();
      return res.data.createWarehouse.id as string;
    };

    it('ids are 22 base64url characters, neither numbers nor in creation order, and the same object always has the same one', async () => {
      const created: string[] = [];
      for (let i = 0; i < 8; i++) created.push(await createWarehouse(`SEQ${i}`));
      for (const id of created) {
        expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(id).not.toMatch(/^\d+$/);
      }
      expect(new Set(created).size).toBe(created.length);
      // Consecutive keys, yet neither the ids nor their sort order follow the creation order.
      expect([...created].sort()).not.toEqual(created);
      const keys = created.map(dbKey);
      expect(keys).toEqual(keys.map((_, i) => keys[0] + i));
      // Apollo's cache key is __typename:id: the same warehouse has the same id through every path.
      const lists = await api.gql('admin', 'query($id: ID!) { warehouses(includeInactive: true) { id code } warehouse(id: $id) { id code } }', { id: created[3] });
      expect(lists.data.warehouse).toEqual({ id: created[3], code: 'SEQ3' });
      expect(lists.data.warehouses.find((w: { code: string }) => w.code === 'SEQ3').id).toBe(created[3]);
      const again = await api.gql('clerk', '{ warehouses { id code } }');
      expect(again.data.warehouses).toEqual([{ id: api.ids.warehouses.A, code: expect.any(String) }]);
    });

    it('an id the API did not issue (an old numeric id, another kind\'s id) names nothing: it is answered exactly like a missing object', async () => {
      const missing = missingId('Warehouse');
      const update = (id: string) => api.gql('admin', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "x" }) { id } }', { id });
      const [old, absent] = [await update(String(api.dbIds.warehouses.A)), await update(missing)];
      expect(codes(old)).toEqual(['NOT_FOUND']);
      expect(old.errors).toEqual(absent.errors);
      expect((await update(api.ids.products.tee)).errors).toEqual(absent.errors);

      // Lookups answer null, no error (DESIGN §3.2); filters match nothing.
      const lookups = await api.gql('admin', `query($p: ID!, $m: ID!) { old: warehouse(id: "1") { id } kind: warehouse(id: $p) { id } missing: warehouse(id: $m) { id }
        byOld: stockLevels(warehouseId: "1") { totalCount } byKind: stockLevels(warehouseId: $p) { totalCount } }`, { p: api.ids.products.tee, m: missing });
      expect(lookups.errors).toBeUndefined();
      expect(lookups.data).toEqual({ old: null, kind: null, missing: null, byOld: { totalCount: 0 }, byKind: { totalCount: 0 } });

      // A reference in an input is BAD_USER_INPUT naming its path, with the input's other errors, and writes nothing.
      const before = await api.db.query('SELECT COUNT(*) AS n FROM inventory_document');
      const nested = await api.gql('admin', 'mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }', {
        input: { type: 'STOCK_RECEIPT', items: [
          { productId: api.ids.products.tee, quantity: '1', toWarehouseId: api.ids.warehouses.A },
          { productId: String(api.dbIds.products.cap), quantity: '1', toWarehouseId: String(api.dbIds.warehouses.A) },
          { productId: api.ids.products.cap, quantity: '0', toWarehouseId: api.ids.warehouses.A },
        ] },
      });
      expect(codes(nested)).toEqual(['BAD_USER_INPUT']);
      expect(nested.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field).sort())
        .toEqual(['input.items[1].productId', 'input.items[1].toWarehouseId', 'input.items[2].quantity']);
      expect(await api.db.query('SELECT COUNT(*) AS n FROM inventory_document')).toEqual(before);
    });

    it('an id issued for an object that does not exist is answered exactly like a hidden one', async () => {
      const missing = apiId('Warehouse', 987_654);
      const asClerk = await api.gql('clerk', 'query($b: ID!, $m: ID!) { b: warehouse(id: $b) { id } m: warehouse(id: $m) { id } }',
        { b: api.ids.warehouses.B, m: missing });
      expect(asClerk.errors).toBeUndefined();
      expect(asClerk.data).toEqual({ b: null, m: null });
      const hidden = await api.gql('editorA', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "x" }) { id } }', { id: api.ids.warehouses.B });
      const absent = await api.gql('editorA', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "x" }) { id } }', { id: missing });
      expect(hidden.errors![0].extensions).toEqual(absent.errors![0].extensions);
      expect(hidden.errors![0].message).toBe(absent.errors![0].message);
    });

    it('cursors reveal no id and no count, and a forged one is BAD_USER_INPUT', async () => {
      const page = await api.gql('admin', '{ products(first: 1) { edges { cursor node { id } } pageInfo { endCursor } } }');
      const cursor: string = page.data.products.pageInfo.endCursor;
      expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/"id"|\d{1,3}\}/);
      const again = await api.gql('admin', '{ products(first: 1) { pageInfo { endCursor } } }');
      expect(again.data.products.pageInfo.endCursor).toBe(cursor);
      const next = await api.gql('admin', 'query($a: String) { products(first: 1, after: $a) { nodes { id } } }', { a: cursor });
      expect(next.data.products.nodes[0].id).not.toBe(page.data.products.edges[0].node.id);
      const forged = Buffer.from(JSON.stringify({ k: 'ID', id: 1 })).toString('base64url');
      const refused = await api.gql('admin', 'query($a: String) { products(first: 1, after: $a) { nodes { id } } }', { a: forged });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('singletons have stable ids: the settings, and one form layout per document type', async () => {
      const read = () => api.gql('admin', `{ settings { id reservationDays }
        receipt: documentFormLayout(type: STOCK_RECEIPT) { id type } order: documentFormLayout(type: SALES_ORDER) { id type } }`);
      const first = await read();
      expect(first.errors).toBeUndefined();
      const updated = await api.gql('settings', 'mutation { updateSettings(input: { reservationDays: 4 }) { id reservationDays } }');
      expect(updated.data.updateSettings).toEqual({ id: first.data.settings.id, reservationDays: 4 });
      const layout = await api.gql('forms', 'mutation { resetDocumentFormLayout(type: SALES_ORDER) { id } }');
      expect(layout.data.resetDocumentFormLayout.id).toBe(first.data.order.id);
      expect(first.data.receipt.id).not.toBe(first.data.order.id);
      const second = await read();
      expect(second.data.settings.id).toBe(first.data.settings.id);
      expect(second.data.receipt.id).toBe(first.data.receipt.id);
      for (const id of [first.data.settings.id, first.data.receipt.id]) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    });

    it('the audit log shows API ids: the subject, and the ids inside its states', async () => {
      const role = await api.gql('admin', `mutation($w: [ID!]) { createRole(input: { name: "Scoped", grants: [{ permission: WAREHOUSE_SELECT, warehouseIds: $w }] }) { id } }`,
        { w: [api.ids.warehouses.A] });
      expect(role.errors).toBeUndefined();
      const roleId = role.data.createRole.id;
      const log = await api.gql('admin', 'query($s: ID) { accessAuditLog(subjectType: "ROLE", subjectId: $s) { nodes { subjectId after } } }', { s: roleId });
      expect(log.errors).toBeUndefined();
      const [entry] = log.data.accessAuditLog.nodes;
      expect(entry.subjectId).toBe(roleId);
      expect(entry.after.id).toBe(roleId);
      expect(entry.after.grants[0].warehouseIds).toEqual([api.ids.warehouses.A]);
      const settingsLog = await api.gql('admin', '{ settings { id } accessAuditLog(subjectType: "SETTINGS") { nodes { subjectId } } }');
      for (const node of settingsLog.data.accessAuditLog.nodes) expect(node.subjectId).toBe(settingsLog.data.settings.id);
    });
  });
});
