import { DEFAULT_LIMITS } from '../../src/config';
import { SystemRole } from '../../src/entities/role.entity';
import { AMOUNTS } from '../../src/limits/limits';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { apiId, startApi, TestApi } from '../support/api';
import { sectionsOf, utcDay } from '../reports/report-support';
import { as, CREATE, PROCESS } from './support';

/**
 * Totals that no accepted input can break (issue 14 §3, docs/operations.md *Amounts*): every
 * input and every level within its bound, but thousands of them. 10,000 levels at the largest
 * value (10^11 each) make a company stock value of 10^15 — 10^19 units of 1/10000, past 2^63 —
 * which the reports still sum exactly on both databases; and a posting that would take one
 * warehouse's report total (a rollup row) past 2^63 units is refused, writing nothing.
 */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};

const LINES = 1000;
const today = utcDay(new Date());
const READS = `query($from: Date!, $to: Date!) {
  inventoryReport(from: $from, to: $to) { ${sectionsOf(true)} }
  stockLevels(first: 5) { totalCount nodes { quantity } }
  products(first: 5) { totalCount nodes { sku purchasePrice quantity } } }`;

describe('report totals past 2^63 units (issue 14 §3)', () => {
  let api: TestApi;
  const productIds: string[] = [];

  /** A receipt of 10^8 units (at the product's price 1000: value 10^11, the largest) of each of the products [first, first + count). */
  const receive = async (warehouse: string, first: number, count = LINES) => {
    const items = productIds.slice(first, first + count).map((productId) =>
      ({ productId, quantity: '100000000', toWarehouseId: String(api.ids.warehouses[warehouse]) }));
    const created = await as(api, 'admin', CREATE, { input: { type: 'STOCK_RECEIPT', items } });
    expect(created.errors).toBeUndefined();
    return as(api, 'admin', PROCESS, { id: created.data.createDocument.id, version: 1 });
  };

  beforeAll(async () => {
    // Posting 1000-line documents is slow on a loaded machine; the time budget is not what this tests.
    api = await startApi(spec, { limits: { ...DEFAULT_LIMITS, timeBudgetMs: 300_000 } });
    for (const part of [0, 1]) {
      const rows = Array.from({ length: 5000 }, (_, i) => `T-${part * 5000 + i},Total ${part * 5000 + i},1000`);
      const imported = await as(api, 'admin', 'mutation($csv: String!) { importProductsCsv(csv: $csv) { ok imported } }',
        { csv: ['sku,name,purchasePrice', ...rows].join('\n') });
      expect(imported.data.importProductsCsv).toEqual({ ok: true, imported: 5000 });
    }
    const rows: Array<{ id: number; sku: string }> = await api.db.query("SELECT id, sku FROM product WHERE sku LIKE 'T-%'");
    const bySku = new Map(rows.map((r) => [r.sku, apiId('Product', r.id)]));
    for (let i = 0; i < 10_000; i++) productIds.push(bySku.get(`T-${i}`)!);
  });
  afterAll(() => api.close());

  it('10,000 levels at the largest value: the company stock value of 10^15 is read exactly by every report section', async () => {
    for (let d = 0; d < 5; d++) {
      for (const warehouse of ['A', 'B']) expect((await receive(warehouse, d * LINES)).errors).toBeUndefined();
    }
    const res = await as(api, 'admin', READS, { from: today, to: today });
    expect(res.errors).toBeUndefined();
    const report = res.data.inventoryReport;
    expect(report.totalStockValue).toBe('1000000000000000');
    expect(report.stockBalance.total).toEqual({ quantity: '1000000000000', value: '1000000000000000' });
    expect(report.movement.total.received).toEqual({ quantity: '1000000000000', value: '1000000000000000' });
    expect(report.sales.receivedValue).toBe('1000000000000000');
    expect(res.data.stockLevels.totalCount).toBe(10_000);
  }, 600_000); // ten 1000-line postings: minutes on a loaded MariaDB machine, bounded by the CI budget

  it('a posting that would take one warehouse\'s report total past amount.total is refused with BAD_USER_INPUT, writing nothing', async () => {
    // A holds 5,000 levels of 10^11; 4,000 more make 9 × 10^14, within 2^63 units (9.22 × 10^14).
    for (let d = 5; d < 9; d++) expect((await receive('A', d * LINES)).errors).toBeUndefined();
    const before = await api.db.query('SELECT COUNT(*) AS n FROM stock_movement');
    const refused = await receive('A', 9 * LINES);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'amount.total', max: AMOUNTS.total });
    expect(await api.db.query('SELECT COUNT(*) AS n FROM stock_movement')).toEqual(before);
    const res = await as(api, 'admin', READS, { from: today, to: today });
    expect(res.errors).toBeUndefined();
    expect(res.data.inventoryReport.totalStockValue).toBe('1400000000000000');
    expect(res.data.inventoryReport.movement.warehouses.map((w: any) => w.closing.value)).toEqual(['900000000000000', '500000000000000']);
  });
});
