import { User } from '../../src/entities/user.entity';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { Permission } from '../../src/shield/permission-catalog';
import { codes, GraphQLResponse, startApi, TestApi } from '../support/api';

/**
 * A rule's result never crosses requests or viewers (issue 16 §2): the shield uses no
 * graphql-shield cache, and the fast path decides once per request, for that request's viewer.
 */
const spec: SeedSpec = {
  ...DEMO_DATA,
  roles: [...DEMO_DATA.roles!, { key: 'pricer', name: 'Pricer', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.PURCHASE_PRICE_VIEW }] }],
  users: [...DEMO_DATA.users!, { key: 'pat', login: 'pat', name: 'Pat Pricer', roles: [{ role: 'pricer' }] }],
};

const PRICES = '{ products(first: 5) { nodes { sku purchasePrice } } }';

describe('a rule result never crosses requests or viewers', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  const sees = (res: GraphQLResponse) => res.data.products.nodes.every((n: { purchasePrice: string | null }) => n.purchasePrice !== null);
  const denied = (res: GraphQLResponse) =>
    res.data.products.nodes.every((n: { purchasePrice: string | null }) => n.purchasePrice === null)
    && codes(res).join() === 'FORBIDDEN' && res.errors![0].extensions!.permission === Permission.PURCHASE_PRICE_VIEW;

  it('concurrent requests of viewers who may and may not see a field each get their own answer', async () => {
    const viewers = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'anna' : i % 3 === 1 ? 'admin' : 'pat'));
    const responses = await Promise.all(viewers.map((login) => api.gql(login, PRICES)));
    responses.forEach((res, i) => {
      if (viewers[i] === 'anna') expect(denied(res)).toBe(true);
      else expect({ viewer: viewers[i], sees: sees(res), errors: res.errors }).toEqual({ viewer: viewers[i], sees: true, errors: undefined });
    });
  });

  it('the same viewer is decided again on every request: a revoked permission denies on the next one, a restored one allows', async () => {
    const roles = await api.gql('admin', '{ roles { id name } }');
    const pricer = roles.data.roles.find((r: { name: string }) => r.name === 'Pricer').id;
    const setGrants = (permissions: Permission[]) => api.gql('admin', 'mutation($r: ID!, $g: [GrantInput!]!) { setRoleGrants(roleId: $r, grants: $g) { id } }',
      { r: pricer, g: permissions.map((permission) => ({ permission })) });

    expect(sees(await api.gql('pat', PRICES))).toBe(true);
    expect((await setGrants([Permission.CATALOG_VIEW])).errors).toBeUndefined();
    expect(denied(await api.gql('pat', PRICES))).toBe(true);
    expect((await setGrants([Permission.CATALOG_VIEW, Permission.PURCHASE_PRICE_VIEW])).errors).toBeUndefined();
    expect(sees(await api.gql('pat', PRICES))).toBe(true);
  });

  it('within one request, a rule that reads the parent is decided per object: sam sees his own e-mail, not sofia\'s', async () => {
    for (const login of ['sam', 'sofia']) await api.db.getRepository(User).update({ login }, { email: `${login}@example.com` });
    const res = await api.gql('sam', '{ viewer { user { email } } documents(first: 10) { nodes { number author { login email } } } }');
    expect(res.data.viewer.user.email).not.toBeNull();
    const authors = res.data.documents.nodes.map((d: { author: { login: string; email: string | null } }) => [d.author.login, d.author.email !== null]);
    expect(authors).toEqual(expect.arrayContaining([['sam', true], ['sofia', false]]));
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].extensions).toMatchObject({ coordinate: 'User.email', permission: Permission.ACCESS_MANAGE });
  });
});
