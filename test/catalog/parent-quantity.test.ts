import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';
import { RESERVE } from '../documents/support';

/** A dress with two variants; stock of the parent itself and of both variants in A and B. */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [
    { key: 'dress', sku: 'DRESS' },
    { key: 'pink', sku: 'DRESS-PINK', parent: 'dress', attributes: { colour: 'pink' } },
    { key: 'blue', sku: 'DRESS-BLUE', parent: 'dress', attributes: { colour: 'blue' } },
  ],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'clerkA', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
  ],
  documents: [
    { key: 'stock', type: DocumentType.STOCK_ADJUSTMENT, author: 'admin', items: [
      { product: 'dress', quantity: '2', to: 'A' },
      { product: 'pink', quantity: '5', to: 'A' }, { product: 'pink', quantity: '7', to: 'B' },
      { product: 'blue', quantity: '3', to: 'A' }] },
  ],
};

const FAMILY = `query($id: ID!) { product(id: $id) { quantity reserved available stockLevels { quantity }
  variants { sku quantity reserved available } } }`;

describe("a parent product's quantities add up its variants (issue 19 §5)", () => {
  let api: TestApi;
  let dress: string;
  beforeAll(async () => {
    api = await startApi(spec);
    dress = String(api.ids.products.dress);
    const held = await api.gql('admin', RESERVE, { productId: String(api.ids.products.blue), warehouseId: String(api.ids.warehouses.A), quantity: '1', dealRef: 'D-1' });
    expect(held.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  it('the parent shows its own stock plus every variant\'s; its stockLevels stay its own', async () => {
    const res = await api.gql('admin', FAMILY, { id: dress });
    expect(res.errors).toBeUndefined();
    expect(res.data.product).toEqual({
      quantity: '17', reserved: '1', available: '16', stockLevels: [{ quantity: '2' }],
      variants: [
        { sku: 'DRESS-PINK', quantity: '12', reserved: '0', available: '12' },
        { sku: 'DRESS-BLUE', quantity: '3', reserved: '1', available: '2' },
      ],
    });
  });

  it('over the selectable warehouses only: a clerk of A does not count what lies in B', async () => {
    const res = await api.gql('clerkA', FAMILY, { id: dress });
    expect(res.errors).toBeUndefined();
    expect(res.data.product).toMatchObject({
      quantity: '10', reserved: '1', available: '9',
      variants: [{ sku: 'DRESS-PINK', quantity: '5' }, { sku: 'DRESS-BLUE', quantity: '3' }],
    });
  });
});
