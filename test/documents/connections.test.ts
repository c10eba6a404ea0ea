import { buildSchema, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { codes, startApi, TestApi } from '../support/api';
import { expectedOrder, pageOf, walk } from '../support/paging';

/**
 * Issue 18 §1 on every connection: backward paging (last/before) gives the rows of forward
 * paging, and an orderBy; here users and the product ledger, and a walk over every connection
 * of the schema so a new one cannot skip it.
 */
const spec: SeedSpec = {
  ...DEMO_DATA,
  users: [...DEMO_DATA.users!, { key: 'zoe', login: 'Zoe', name: 'Anna Zed', roles: [] }, { key: 'bob', login: 'bob', name: 'Anna Zed', roles: [] }],
};

const USERS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: UserFilter, $orderBy: UserOrder, $includeInactive: Boolean! = false) {
  users(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy, includeInactive: $includeInactive) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id login name active }
  }
}`;
type User = { id: string; login: string; name: string; active: boolean };

const MOVEMENTS = `query($productId: ID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: MovementOrder) {
  movements(productId: $productId, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id quantity balance warehouse { code } }
  }
}`;
type Movement = { id: string; quantity: string; balance: string; warehouse: { code: string } };

describe('every connection pages both ways; users and movements take an order (issue 18 §1)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api?.close());

  it('users: by login or name both ways, the id breaking ties; filter by login, activity and role', async () => {
    const byId = (await pageOf<User>(api, 'admin', USERS, 'users', { first: 200 })).nodes;
    expect(byId.length).toBeGreaterThan(6);
    for (const field of ['LOGIN', 'NAME']) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const list = await walk<User>(api, 'admin', USERS, 'users', { orderBy: { field, direction } }, 3);
        // Any case together: 'Zoe' after 'victor' on both databases.
        const key = (u: User) => (field === 'LOGIN' ? u.login : u.name).toLowerCase();
        expect([field, direction, list.map((u) => u.login)]).toEqual([field, direction, expectedOrder(byId, key, direction).map((u) => u.login)]);
      }
    }
    // Two users named alike: the id (creation order) decides, reversed with DESC.
    const named = (await pageOf<User>(api, 'admin', USERS, 'users', { first: 50, orderBy: { field: 'NAME', direction: 'DESC' }, filter: {} })).nodes
      .filter((u) => u.name === 'Anna Zed').map((u) => u.login);
    expect(named).toEqual(['bob', 'Zoe']);
    const users = (variables: Record<string, unknown>) => pageOf<User>(api, 'admin', USERS, 'users', { first: 50, ...variables });
    expect((await users({ filter: { login: 'ZOE' } })).nodes.map((u) => u.login)).toEqual(['Zoe']);
    const deactivated = await api.gql('admin', 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: String(api.ids.users.bob) });
    expect(deactivated.errors).toBeUndefined();
    expect((await users({ includeInactive: true, filter: { active: false } })).nodes.map((u) => u.login)).toEqual(['bob']);
    expect((await users({ filter: { active: false } })).totalCount).toBe(0);
    const clerkIds = await api.gql('admin', '{ roles { id systemKey members { user { login } } } }');
    const clerkRole = clerkIds.data.roles.find((r: { systemKey: string | null }) => r.systemKey === 'WAREHOUSE_CLERK');
    const byRole = await users({ filter: { roleId: clerkRole.id }, orderBy: { field: 'LOGIN', direction: 'ASC' } });
    expect(byRole.nodes.map((u) => u.login)).toEqual(['anna', 'rick']);
    expect((await users({ filter: { roleId: 'nope' } })).totalCount).toBe(0);
  });

  it('movements: newest first keeps each row\'s balance; paging back and forth gives the same rows', async () => {
    const productId = String(api.ids.products.hoodie);
    const asc = await walk<Movement>(api, 'admin', MOVEMENTS, 'movements', { productId }, 2);
    const desc = await walk<Movement>(api, 'admin', MOVEMENTS, 'movements', { productId, orderBy: { direction: 'DESC' } }, 2);
    expect(asc.length).toBeGreaterThan(2);
    expect(desc).toEqual([...asc].reverse());
    const newest = await pageOf<Movement>(api, 'anna', MOVEMENTS, 'movements', { productId, first: 1, orderBy: { field: 'POSTED', direction: 'DESC' } });
    const annaAll = await walk<Movement>(api, 'anna', MOVEMENTS, 'movements', { productId }, 3);
    expect(newest.nodes).toEqual(annaAll.slice(-1));
    expect(annaAll.every((m) => m.warehouse.code === 'ONLINE')).toBe(true);
  });

  it('every connection of the schema: last/before pages are the forward pages, in the same order', async () => {
    const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const connections = Object.values(schema.getQueryType()!.getFields())
      .filter((f) => isObjectType(f.type) && f.type.name.endsWith('Connection')).map((f) => f.name).sort();
    const required: Record<string, string> = { movements: `productId: "${api.ids.products.hoodie}"` };
    expect(connections).toEqual(['accessAuditLog', 'documents', 'movements', 'products', 'reservations', 'stockLevels', 'users']);
    await api.gql('sam', `mutation { reserveProduct(productId: "${api.ids.products.cap}", warehouseId: "${api.ids.warehouses.online}", quantity: "1", dealRef: "W") { id } }`);
    for (const role of ['Walk one', 'Walk two', 'Walk three']) await api.gql('admin', `mutation { createRole(input: { name: "${role}" }) { id } }`);
    await api.gql('sam', `mutation { reserveProduct(productId: "${api.ids.products.cap}", warehouseId: "${api.ids.warehouses.retail}", quantity: "1", dealRef: "W") { id } }`);
    for (const name of connections) {
      const args = required[name] ? `${required[name]}, ` : '';
      const query = `query($first: Int, $after: String, $last: Int, $before: String) {
        ${name}(${args}first: $first, after: $after, last: $last, before: $before) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { __typename id }
        }
      }`;
      const all = (await pageOf<unknown>(api, 'admin', query, name, { first: 200 }));
      const walked = await walk<unknown>(api, 'admin', query, name, {}, 2);
      expect([name, walked]).toEqual([name, all.nodes]);
      expect([name, all.totalCount]).toEqual([name, all.nodes.length]);
      expect([name, all.nodes.length > 1]).toEqual([name, true]);
      const last = await pageOf<unknown>(api, 'admin', query, name, { last: 1 });
      expect([name, last.nodes]).toEqual([name, all.nodes.slice(-1)]);
    }
  });

  it('first with last, or a foreign cursor, is BAD_USER_INPUT on every new order', async () => {
    const both = await api.gql('admin', USERS, { first: 1, last: 1 });
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
    const page = await pageOf<User>(api, 'admin', USERS, 'users', { first: 1, orderBy: { field: 'LOGIN', direction: 'ASC' } });
    const other = await api.gql('admin', USERS, { first: 1, after: page.pageInfo.endCursor, orderBy: { field: 'NAME', direction: 'ASC' } });
    expect([codes(other), other.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'after']);
  });
});
