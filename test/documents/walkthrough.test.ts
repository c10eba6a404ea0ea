import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Reservation } from '../../src/entities/reservation.entity';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { startApi, TestApi } from '../support/api';
import { ledgerMismatches, level } from './support';

/** The README's walk-through, run as written (each operation by name, as the playground's ▶ does): the operations and variables a new user pastes. */
const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.split('## Walk-through: receipt')[1].split('\n## ')[0];
const variables = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]);
const operations = /```graphql\n([\s\S]*?)```/.exec(section)![1];
const names = [...operations.matchAll(/^(?:query|mutation) (\w+)/gm)].map((m) => m[1]);

describe('README walk-through: receipt → transfer → sales order', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(DEMO_DATA); });
  afterAll(() => api.close());

  it('its variables are the ids of a fresh demo database', () => {
    expect(variables).toEqual({
      hoodie: String(api.ids.products.hoodie), online: String(api.ids.warehouses.online), retail: String(api.ids.warehouses.retail),
    });
  });

  it('runs as admin without errors, and the stock moves as the text says', async () => {
    expect(names).toEqual(['Ids', 'Receive', 'Process', 'Transfer', 'Reserve', 'Sell']);
    const [hoodie, online, retail] = [api.dbIds.products.hoodie, api.dbIds.warehouses.online, api.dbIds.warehouses.retail];
    const before = [await level(api.db, hoodie, online), await level(api.db, hoodie, retail)];
    for (const name of names.filter((n) => n !== 'Process')) {
      const res = await execute(api, operations, name, variables);
      expect([name, res.errors]).toEqual([name, undefined]);
      if (res.data.createDocument) {
        const processed = await execute(api, operations, 'Process', { ...variables, doc: res.data.createDocument.id });
        expect([name, processed.errors, processed.data.processDocument.status]).toEqual([name, undefined, 'PROCESSED']);
      }
    }
    expect([await level(api.db, hoodie, online), await level(api.db, hoodie, retail)])
      .toEqual([String(Number(before[0]) + 10 - 4), String(Number(before[1]) + 4 - 2)]);
    expect((await api.db.getRepository(Reservation).findOneByOrFail({ dealRef: 'DEAL-42' })).status).toBe('CONSUMED');
    expect(await ledgerMismatches(api.db)).toEqual([]);
  });
});

async function execute(api: TestApi, query: string, operationName: string, vars: Record<string, unknown>) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.token('admin')}` },
    body: JSON.stringify({ query, operationName, variables: vars }),
  });
  return res.json() as Promise<{ data: any; errors?: unknown[] }>;
}
