import { Permission } from '../../src/shield/permission-catalog';
import { TestApi } from '../support/api';

/** A raw HTTP call to the API: any body, any headers (the harness' gql() always sends well-formed JSON). */
export async function post(api: TestApi, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, text, json, headers: res.headers };
}

export const baseUrl = (api: TestApi) => api.url.replace(/\/graphql$/, '');

/** A small company: two warehouses, a few products, a catalog viewer of A, a viewer of everything. */
export const smallCompany = {
  warehouses: [{ key: 'A', name: 'Alpha' }, { key: 'B', name: 'Beta' }],
  products: [
    { key: 'dress', name: 'Cotton dress', sku: 'DRESS', purchasePrice: '18.5' },
    { key: 'pink', name: 'Cotton dress pink', sku: 'DRESS-PINK', parent: 'dress' },
    ...Array.from({ length: 5 }, (_, i) => ({ key: `p${i}`, name: `Plain item ${i}`, sku: `PLAIN-${i}` })),
  ],
  roles: [
    { key: 'clerk', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] }] },
    { key: 'all', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.PURCHASE_PRICE_VIEW }, { permission: Permission.WAREHOUSE_SELECT }] },
  ],
  users: [{ key: 'clerk', roles: [{ role: 'clerk' }] }, { key: 'boss', roles: [{ role: 'all' }] }],
};
