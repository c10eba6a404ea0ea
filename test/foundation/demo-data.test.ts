import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { startApi, TestApi } from '../support/api';

describe('demo data: the two-warehouse company', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(DEMO_DATA); });
  afterAll(() => api.close());

  const warehousesOf = async (login: string) =>
    (await api.gql(login, '{ viewer { warehouses { code } } }')).data.viewer.warehouses.map((w: { code: string }) => w.code);

  it('has the three standard roles plus a sales team and a supervisor', async () => {
    const roles = await api.db.query('SELECT name, systemKey FROM role ORDER BY name');
    expect(roles.map((r: { name: string }) => r.name)).toEqual(['Administrator', 'Sales team', 'Store staff', 'Supervisor', 'Warehouse clerk']);
  });

  it('clerks see their own warehouse; admin, supervisor and sales see both', async () => {
    expect(await warehousesOf('anna')).toEqual(['ONLINE']);
    expect(await warehousesOf('rick')).toEqual(['RETAIL']);
    expect(await warehousesOf('sofia')).toEqual(['RETAIL']);
    for (const login of ['admin', 'victor', 'sam']) expect(await warehousesOf(login)).toEqual(['ONLINE', 'RETAIL']);
  });

  it('the supervisor (the seed\'s recipe) sees all warehouses and reports, edits warehouses and forms, cancels documents', async () => {
    const { data } = await api.gql('victor', '{ viewer { allWarehouses reportKinds permissions documentPermissions { type actions } } }');
    expect(data.viewer.allWarehouses).toBe(true);
    expect(data.viewer.reportKinds).toEqual(['MOVEMENT', 'STOCK_BALANCE', 'SALES']);
    expect(data.viewer.permissions).not.toContain('CATALOG_EDIT');
    expect(data.viewer.permissions).toEqual(expect.arrayContaining(['WAREHOUSE_EDIT', 'FORM_EDIT']));
    expect(data.viewer.documentPermissions.every((d: { actions: string[] }) => [...d.actions].sort().join() === 'CANCEL,VIEW')).toBe(true);
  });

  it('has a few dozen products, one of them with colour variants', async () => {
    const { data } = await api.gql('admin', '{ products(first: 100) { totalCount } dress: products(first: 5, search: "cotton dress", topLevelOnly: true) { nodes { variants { attributes { name value } } } } }');
    expect(data.products.totalCount).toBeGreaterThanOrEqual(24);
    const colours = data.dress.nodes[0].variants.map((v: any) => v.attributes[0]);
    expect(colours).toContainEqual({ name: 'colour', value: 'powder pink' });
    expect(colours.length).toBeGreaterThanOrEqual(2);
  });

  it('has processed documents, so stock is not empty, and every level equals its ledger', async () => {
    const levels = await api.db.query('SELECT productId, warehouseId, quantity FROM stock_level');
    expect(levels.length).toBeGreaterThan(20);
    const ledger = await api.db.query('SELECT productId, warehouseId, SUM(quantity) AS q FROM stock_movement GROUP BY productId, warehouseId');
    const sums = new Map(ledger.map((r: any) => [`${r.productId}:${r.warehouseId}`, Number(r.q)]));
    for (const level of levels) expect(Number(level.quantity)).toBe(sums.get(`${level.productId}:${level.warehouseId}`));
  });
});
