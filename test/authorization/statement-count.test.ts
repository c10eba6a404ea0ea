import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentAction, DocumentType, Permission } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';
import { countStatements } from '../support/statement-counter';

/** 60 transfers A→B and receipts into C, so items, products and both warehouse sides vary per document. */
const spec: SeedSpec = {
  warehouses: [{ key: 'A' }, { key: 'B' }, { key: 'C' }],
  products: Array.from({ length: 10 }, (_, i) => ({ key: `p${i}` })),
  roles: [{
    key: 'clerk', grants: [
      { permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT },
      ...[DocumentType.STOCK_TRANSFER, DocumentType.STOCK_RECEIPT].map((documentType) => ({ permission: Permission.DOCUMENT, documentType, actions: [DocumentAction.VIEW] })),
    ],
  }],
  users: [{ key: 'clerk', roles: [{ role: 'clerk', warehouses: ['A', 'C'] }] }, { key: 'all', roles: [{ role: 'clerk' }] }],
  documents: Array.from({ length: 60 }, (_, i) => i % 2 === 0
    ? { key: `t${i}`, type: DocumentType.STOCK_TRANSFER, status: 'DRAFT' as never, author: 'clerk',
      items: [0, 1, 2].map((j) => ({ product: `p${(i + j) % 10}`, quantity: '1', from: 'A', to: 'B' })) }
    : { key: `r${i}`, type: DocumentType.STOCK_RECEIPT, author: 'clerk',
      items: [0, 1].map((j) => ({ product: `p${(i + j) % 10}`, quantity: '2', to: j === 0 ? 'C' : 'B' })) }),
};

const QUERY = 'query($first: Int) { documents(first: $first) { totalCount nodes { number items { product { sku } fromWarehouse { code } toWarehouse { code } } } } }';

describe('authorization does not cost a query per item (DESIGN §3, end)', () => {
  let api: TestApi;
  let counter: ReturnType<typeof countStatements>;

  beforeAll(async () => {
    api = await startApi(spec);
    counter = countStatements(api.db);
  });
  afterAll(() => api.close());

  const count = async (login: string, first: number) => {
    counter.reset();
    const res = await api.gql(login, QUERY, { first });
    expect(res.errors).toBeUndefined();
    expect(res.data.documents.nodes).toHaveLength(first);
    return [...counter.statements];
  };

  it.each(['clerk', 'all'])('documents { items { product fromWarehouse toWarehouse } } issues as many statements at page size 5 as at 50 (%s)', async (login) => {
    const small = await count(login, 5);
    const large = await count(login, 50);
    if (process.env.SHOW_STATEMENTS) console.log(large.join("\n"));
    expect(small.length).toBeGreaterThanOrEqual(6); // the counter sees the statements at all
    expect(large.length).toBe(small.length);
    // access (1), count, page, warehouse facts, items, products, warehouses
    expect(large.length).toBeLessThanOrEqual(7);
  });

  it('the clerk of A and C sees the hidden side of a transfer as null, still in constant statements', async () => {
    const res = await api.gql('clerk', QUERY, { first: 2 });
    expect(res.data.documents.nodes[0].items[0]).toMatchObject({ fromWarehouse: { code: 'A' }, toWarehouse: null });
    expect(res.data.documents.nodes[1].items).toEqual([expect.objectContaining({ toWarehouse: { code: 'C' } })]);
  });
});
