import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';

/**
 * Issue 18 §1 for documents and the audit log: orderBy (both directions, id as tie-breaker),
 * first/after and last/before, typed filters — all inside what the viewer may see.
 */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

// Entered last but dated first, so the order by creation differs from the order by id.
const spec: SeedSpec = {
  ...DEMO_DATA,
  documents: [
    ...DEMO_DATA.documents!,
    { key: 'backdated', type: DocumentType.STOCK_RECEIPT, title: 'Backdated receipt', author: 'admin', at: daysAgo(60),
      dealRef: 'PO-77', items: [{ product: 'cap', quantity: '5', price: '3.10', to: 'online' }] },
  ],
};

const DOCS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: DocumentFilter, $orderBy: DocumentOrder) {
  documents(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { title createdAt }
  }
}`;

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; nodes: Array<{ title: string; createdAt: string }> };

describe('documents and the audit log: order, both paging directions, filters (issue 18 §1)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api?.close());

  const documents = async (as: string, variables: Record<string, unknown>): Promise<Page> => {
    const res = await api.gql(as, DOCS, variables);
    expect(res.errors).toBeUndefined();
    return res.data.documents;
  };
  const titles = (page: Page) => page.nodes.map((n) => n.title);

  /** Every page forward, then every page backward: both must give the same rows in the same order. */
  async function walk(as: string, variables: Record<string, unknown>, size: number): Promise<string[]> {
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await documents(as, { ...variables, first: size, after });
      forward.push(...titles(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Page = await documents(as, { ...variables, last: size, before });
      backward.unshift(...titles(page));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
    return forward;
  }

  it('the latest documents first: one page, newest first, by creation not by id', async () => {
    const latest = await documents('admin', { first: 3, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(titles(latest)).toEqual(['Next supplier delivery', 'Damaged in transit', 'Store sales']);
    expect(latest.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const oldest = await documents('admin', { first: 1, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(titles(oldest)).toEqual(['Backdated receipt']);
    const byId = await documents('admin', { last: 1 });
    expect(titles(byId)).toEqual(['Backdated receipt']);
  });

  it('paging forward and backward through every order gives the same complete, sorted list', async () => {
    const all = titles(await documents('admin', { first: 50 }));
    expect(all).toHaveLength(9);
    for (const field of ['CREATED_AT', 'UPDATED_AT', 'NUMBER']) {
      for (const direction of ['ASC', 'DESC']) {
        const list = await walk('admin', { orderBy: { field, direction } }, 2);
        expect([field, direction, [...list].sort()]).toEqual([field, direction, [...all].sort()]);
      }
    }
    const byCreation = await walk('admin', { orderBy: { field: 'CREATED_AT', direction: 'DESC' } }, 4);
    const dates = (await documents('admin', { first: 50, orderBy: { field: 'CREATED_AT', direction: 'DESC' } })).nodes.map((n) => n.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(byCreation[byCreation.length - 1]).toBe('Backdated receipt');
  });

  it('cursors stay valid and exact while documents are inserted', async () => {
    const order = { field: 'CREATED_AT', direction: 'DESC' };
    const first = await documents('admin', { first: 3, orderBy: order });
    const expected = titles(await documents('admin', { first: 3, after: first.pageInfo.endCursor, orderBy: order }));
    const created = await api.gql('admin', 'mutation { createDocument(input: { type: STOCK_RECEIPT, title: "Inserted meanwhile" }) { id } }');
    expect(created.errors).toBeUndefined();
    expect(titles(await documents('admin', { first: 3, after: first.pageInfo.endCursor, orderBy: order }))).toEqual(expected);
    expect(titles(await documents('admin', { first: 1, orderBy: order }))).toEqual(['Inserted meanwhile']);
    await api.gql('admin', 'mutation($id: ID!) { deleteDocument(id: $id) }', { id: created.data.createDocument.id });
  });

  it('filters by number, deal, type, status, warehouse and date ranges', async () => {
    const number = (await api.gql('admin', '{ documents(first: 1, filter: { dealRef: "WEB-1001" }) { nodes { number } } }')).data.documents.nodes[0].number;
    expect(titles(await documents('admin', { filter: { number: number.toLowerCase() } }))).toEqual(['Web orders']);
    expect(titles(await documents('admin', { filter: { dealRef: 'PO-77' } }))).toEqual(['Backdated receipt']);
    expect(titles(await documents('admin', { filter: { types: ['SALES_ORDER', 'WRITE_OFF'] } }))).toEqual(['Web orders', 'Store sales', 'Damaged in transit']);
    expect(titles(await documents('admin', { filter: { statuses: ['DRAFT'] } }))).toEqual(['Next supplier delivery']);
    expect(titles(await documents('admin', { filter: { created: { from: daysAgo(12).toISOString(), to: daysAgo(4).toISOString() } } })))
      .toEqual(['Web orders', 'Store sales']);
    expect(titles(await documents('admin', { filter: { processed: { from: daysAgo(4).toISOString() } } }))).toEqual(['Damaged in transit']);
    const retail = String(api.ids.warehouses.retail);
    expect(titles(await documents('admin', { filter: { warehouseId: retail, types: ['SALES_ORDER'] }, orderBy: { field: 'NUMBER', direction: 'DESC' } })))
      .toEqual(['Store sales']);
  });

  it('a filter never reveals hidden rows: a clerk filtering by a warehouse he cannot select gets nothing', async () => {
    const retail = String(api.ids.warehouses.retail);
    const hidden = await documents('anna', { filter: { warehouseId: retail } });
    expect([hidden.totalCount, titles(hidden)]).toEqual([0, []]);
    const own = await documents('anna', { filter: { types: ['STOCK_TRANSFER'] } });
    expect(titles(own)).toEqual(['Hoodies to the store']);
    expect(await walk('anna', { orderBy: { field: 'CREATED_AT', direction: 'DESC' } }, 2))
      .toEqual(['Damaged in transit', 'Hoodies to the store', 'Dresses from the supplier, both stores', 'Opening stock, online', 'Backdated receipt']);
  });

  it('a cursor of another order, a cursor that is not one, or first with last is BAD_USER_INPUT', async () => {
    const page = await documents('admin', { first: 1, orderBy: { field: 'NUMBER', direction: 'ASC' } });
    const other = await api.gql('admin', DOCS, { first: 1, after: page.pageInfo.endCursor, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect([codes(other), other.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'after']);
    const junk = await api.gql('admin', DOCS, { last: 1, before: 'bm90LWEtY3Vyc29y' });
    expect([codes(junk), junk.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'before']);
    const both = await api.gql('admin', DOCS, { first: 1, last: 1 });
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
  });

  it('the audit log: newest first, backward paging, filtered by actor, target and time', async () => {
    const ids = api.ids;
    for (const name of ['Audit one', 'Audit two', 'Audit three']) {
      expect((await api.gql('admin', 'mutation($n: String!) { createRole(input: { name: $n }) { id } }', { n: name })).errors).toBeUndefined();
    }
    const LOG = `query($first: Int, $last: Int, $before: String, $after: String, $filter: AccessAuditFilter, $orderBy: AccessAuditOrder) {
      accessAuditLog(first: $first, last: $last, before: $before, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor } nodes { action after subjectType }
      }
    }`;
    const log = async (variables: Record<string, unknown>) => {
      const res = await api.gql('admin', LOG, variables);
      expect(res.errors).toBeUndefined();
      return res.data.accessAuditLog;
    };
    const names = (page: any) => page.nodes.map((n: any) => n.after?.name);
    const newest = await log({ first: 2, orderBy: { field: 'AT', direction: 'DESC' }, filter: { actorId: String(ids.users.admin), subjectType: 'ROLE' } });
    expect(names(newest)).toEqual(['Audit three', 'Audit two']);
    const older = await log({ first: 2, after: newest.pageInfo.endCursor, orderBy: { field: 'AT', direction: 'DESC' }, filter: { subjectType: 'ROLE' } });
    expect(names(older)).toEqual(['Audit one']);
    const back = await log({ last: 2, before: older.pageInfo.startCursor, orderBy: { field: 'AT', direction: 'DESC' }, filter: { subjectType: 'ROLE' } });
    expect(names(back)).toEqual(['Audit three', 'Audit two']);
    expect(back.pageInfo.hasPreviousPage).toBe(false);
    const lastTwo = await log({ last: 2, filter: { subjectType: 'ROLE' } });
    expect(names(lastTwo)).toEqual(['Audit two', 'Audit three']);
    const target = await log({ filter: { subjectType: 'ROLE', subjectId: String(ids.roles.sales) } });
    expect(target.totalCount).toBe(0);
    const future = await log({ filter: { at: { from: new Date(Date.now() + 3_600_000).toISOString() } } });
    expect(future.totalCount).toBe(0);
    const nobody = await log({ filter: { actorId: String(ids.users.anna) } });
    expect(nobody.totalCount).toBe(0);
  });

  it('products: filter by SKU, SKU prefix, parent and barcode; ordered by SKU or name both ways, paged back and forth', async () => {
    const PRODUCTS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ProductListFilter, $orderBy: ProductOrder) {
      products(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { sku name }
      }
    }`;
    const products = async (variables: Record<string, unknown>) => {
      const res = await api.gql('admin', PRODUCTS, variables);
      expect(res.errors).toBeUndefined();
      return res.data.products;
    };
    const skus = (page: any) => page.nodes.map((n: { sku: string }) => n.sku);
    expect(skus(await products({ filter: { sku: 'hoodie' } }))).toEqual(['HOODIE']);
    expect(skus(await products({ filter: { skuPrefix: 'jeans' }, orderBy: { field: 'SKU', direction: 'DESC' } }))).toEqual(['JEANS-WIDE', 'JEANS-SLIM']);
    const variants = await products({ first: 100, filter: { parentId: String(api.ids.products.dress) }, orderBy: { field: 'SKU', direction: 'ASC' } });
    expect(skus(variants).length).toBeGreaterThan(1);
    expect(skus(variants).every((sku: string) => sku.startsWith('DRESS-COTTON-'))).toBe(true);
    expect(skus(variants)).toEqual([...skus(variants)].sort());
    expect((await products({ filter: { parentId: 'nope' } })).totalCount).toBe(0);
    const coded = await api.gql('admin', 'mutation($id: ID!) { updateProduct(id: $id, input: { barcodes: ["4006381333931"] }) { sku } }', { id: String(api.ids.products.cap) });
    expect(coded.errors).toBeUndefined();
    expect(skus(await products({ filter: { barcode: '4006381333931' } }))).toEqual([coded.data.updateProduct.sku]);
    expect((await products({ filter: { barcode: '4006381333931 ' } })).totalCount).toBe(0);
    expect((await products({ filter: { barcode: '4006381333931', skuPrefix: 'HOODIE' } })).totalCount).toBe(0);
    const all = skus(await products({ first: 100, orderBy: { field: 'NAME', direction: 'DESC' } }));
    const back: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = await products({ last: 7, before, orderBy: { field: 'NAME', direction: 'DESC' } });
      back.unshift(...skus(page));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(back).toEqual(all);
  });

  it('stock levels: availableBelow finds low stock, only in the warehouses the viewer may select', async () => {
    const LEVELS = 'query($below: Decimal) { stockLevels(first: 200, availableBelow: $below) { totalCount nodes { available warehouse { code } product { sku } } } }';
    const levels = async (as: string, below?: string) => {
      const res = await api.gql(as, LEVELS, { below });
      expect(res.errors).toBeUndefined();
      return res.data.stockLevels;
    };
    const all = (await levels('admin')).nodes;
    const low = (await levels('admin', '20')).nodes;
    expect(low.length).toBeGreaterThan(0);
    expect(low.length).toBeLessThan(all.length);
    expect(low).toEqual(all.filter((l: { available: string }) => Number(l.available) < 20));
    const anna = (await levels('anna', '20')).nodes;
    expect(anna).toEqual(low.filter((l: { warehouse: { code: string } }) => l.warehouse.code === 'ONLINE'));
  });
});
