import { YEAR_REPORT_QUERY } from './bench-config';

/** The benchmark's queries (npm run bench, npm run bench:shield). */
export const QUERIES: Record<string, { label: string; query: string; connections?: number; duration?: number }> = {
  a: {
    label: '(a) stock levels of a warehouse, 200 items',
    query: 'query($w: ID!) { stockLevels(warehouseId: $w, first: 200) { nodes { quantity product { name sku purchasePrice } } } }',
  },
  b: {
    label: '(b) 50 documents with items, products, warehouses',
    query: '{ documents(first: 50) { nodes { number type status items { quantity product { sku name } fromWarehouse { code } toWarehouse { code } } } } }',
  },
  c: {
    label: '(c) inventory report for a year, per warehouse',
    // A year of a 1M-row ledger is aggregated per request: 2 concurrent dashboards, not 8, on 2 cores.
    connections: 2,
    duration: 15,
    query: YEAR_REPORT_QUERY,
  },
  d: { label: '(d) viewer', query: '{ viewer { user { login } permissions allWarehouses warehouses { code name } } }' },
};
