import { parse } from 'csv-parse/sync';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { startApi, TestApi } from '../support/api';

/**
 * Issue 19 §7: CSV exports run the same GraphQL operations with the caller's access — a field
 * a rule denies is an empty cell, a hidden row is absent — and page through everything.
 */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', code: 'north' }, { key: 'B', code: 'south' }],
  products: [
    { key: 'p', sku: 'P-1', name: 'Plain', purchasePrice: '2.5' },
    { key: 'f', sku: 'F-1', name: '=HYPERLINK("http://x")', purchasePrice: '4' },
    ...Array.from({ length: 230 }, (_, i) => ({ key: `m${i}`, sku: `M-${String(i).padStart(3, '0')}`, purchasePrice: '1' })),
  ],
  users: [
    { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    // A clerk of A only; clerks do not hold PURCHASE_PRICE_VIEW.
    { key: 'clerk', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['A'] }] },
    { key: 'nobody', roles: [] },
  ],
  documents: [
    { key: 'ra', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'p', quantity: '10', price: '2.5', to: 'A' }, { product: 'f', quantity: '3', price: '4', to: 'A' }] },
    { key: 'rb', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'p', quantity: '7', price: '2.5', to: 'B' }] },
    { key: 'many', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: Array.from({ length: 230 }, (_, i) => ({ product: `m${i}`, quantity: '1', price: '1', to: 'B' })) },
  ],
};

describe('CSV exports (issue 19 §7)', () => {
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    api = await startApi(spec);
    base = api.url.replace(/\/graphql$/, '');
  });
  afterAll(() => api.close());

  const download = async (login: string | null, path: string) => {
    const headers: Record<string, string> = login ? { authorization: `Bearer ${await api.token(login)}` } : {};
    const res = await fetch(`${base}${path}`, { headers });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), text, rows: res.status === 200 ? parse(text, { columns: true, bom: true }) as Array<Record<string, string>> : [] };
  };

  it('stock levels: every row the administrator can read, across pages, with prices', async () => {
    const res = await download('admin', '/exports/stock-levels.csv');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/);
    // 2 levels of p, 1 of f, 230 of the m products: more than one page of 200.
    expect(res.rows).toHaveLength(233);
    expect(res.rows.find((r) => r.SKU === 'P-1' && r.Warehouse === 'north')).toMatchObject({ Quantity: '10', 'Purchase price': '2.5', Available: '10' });
    const graphql = await api.gql('admin', '{ stockLevels(first: 200) { totalCount } }');
    expect(res.rows).toHaveLength(graphql.data.stockLevels.totalCount);
  });

  it('a clerk gets only their warehouse and an empty cell where a rule denies the field', async () => {
    const res = await download('clerk', '/exports/stock-levels.csv');
    expect(res.status).toBe(200);
    expect(res.rows.map((r) => `${r.Warehouse}:${r.SKU}`).sort()).toEqual(['north:F-1', 'north:P-1']);
    expect(res.rows.every((r) => r['Purchase price'] === '')).toBe(true);
    expect(res.text).not.toContain('south');
  });

  it('documents: one row per visible line; the lines in hidden warehouses are absent', async () => {
    const admin = await download('admin', '/exports/documents.csv');
    expect(admin.rows).toHaveLength(2 + 1 + 230);
    const clerk = await download('clerk', '/exports/documents.csv');
    expect(clerk.rows.map((r) => r.SKU).sort()).toEqual(['F-1', 'P-1']);
    expect(clerk.rows.every((r) => r['Purchase price'] === '' && r['To warehouse'] === 'north')).toBe(true);
    const filtered = await download('admin', `/exports/documents.csv?warehouseId=${api.ids.warehouses.A}`);
    expect(filtered.rows).toHaveLength(2);
  });

  it('text that would run as a spreadsheet formula is prefixed, numbers are not', async () => {
    const res = await download('admin', '/exports/products.csv?search=HYPERLINK');
    expect(res.rows.map((r) => r.Name)).toEqual(['\'=HYPERLINK("http://x")']);
  });

  it('the inventory report: one row per warehouse of the movement section', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const res = await download('admin', `/exports/inventory-report.csv?from=${day}&to=${day}`);
    expect(res.status).toBe(200);
    expect(res.rows.map((r) => [r.Warehouse, r['Closing quantity']])).toEqual([['north', '13'], ['south', '237']]);
  });

  it('refusals are the API\'s: no token on a root field, no permission, bad or unknown parameters, unknown export', async () => {
    expect((await download(null, '/exports/stock-levels.csv')).status).toBe(401);
    const forbidden = await download('nobody', '/exports/stock-levels.csv');
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.text).errors[0].extensions.code).toBe('FORBIDDEN');
    const badDate = await download('admin', '/exports/inventory-report.csv?from=yesterday&to=2026-01-01');
    expect(badDate.status).toBe(400);
    const unknown = await download('admin', '/exports/stock-levels.csv?color=red');
    expect(JSON.parse(unknown.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'color' });
    expect((await download('admin', '/exports/secrets.csv')).status).toBe(404);
    expect(forbidden.text + badDate.text).not.toMatch(/at \w+ \(|SELECT/);
  });
});
