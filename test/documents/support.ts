import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { StockLevel } from '../../src/entities/stock-level.entity';
import { dbKey, TestApi } from '../support/api';

export const DOC_FIELDS = 'id number type status title dealRef version createdAt updatedAt processedAt cancelledAt';

export const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { ${DOC_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateDocumentInput!) { updateDocument(id: $id, version: $version, input: $input) { ${DOC_FIELDS} } }`;
export const PROCESS = `mutation($id: ID!, $version: Int!) { processDocument(id: $id, version: $version) { ${DOC_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $version: Int!) { cancelDocument(id: $id, version: $version) { ${DOC_FIELDS} } }`;
export const DELETE = `mutation($id: ID!, $version: Int) { deleteDocument(id: $id, version: $version) }`;
export const RESERVE = `mutation($productId: ID!, $warehouseId: ID!, $quantity: Decimal!, $dealRef: String!, $expiresAt: DateTimeISO) {
  reserveProduct(productId: $productId, warehouseId: $warehouseId, quantity: $quantity, dealRef: $dealRef, expiresAt: $expiresAt) {
    id quantity dealRef status expiresAt createdAt } }`;
export const RELEASE = 'mutation($id: ID!) { releaseReservation(id: $id) { id status } }';

/** A document as the mutations return it (DOC_FIELDS). */
export interface Doc {
  id: string; number: string; type: string; status: string; title: string; dealRef: string | null; version: number;
  createdAt: string; updatedAt: string; processedAt: string | null; cancelledAt: string | null;
}

const tokens = new WeakMap<TestApi, Map<string, Promise<string>>>();

/** Runs an operation as `login` with a token minted once per test file (minting costs more than a small query). */
export async function as(api: TestApi, login: string, query: string, variables?: Record<string, unknown>) {
  if (!tokens.has(api)) tokens.set(api, new Map());
  const cache = tokens.get(api)!;
  if (!cache.has(login)) cache.set(login, api.token(login));
  return api.gql({ header: `Bearer ${await cache.get(login)}` }, query, variables);
}

/** Creates a draft as `login` and returns it (fails the test on any error). */
export async function createDraft(api: TestApi, login: string, input: Record<string, unknown>) {
  const res = await as(api, login, CREATE, { input });
  if (res.errors) throw new Error(`createDocument failed: ${JSON.stringify(res.errors)}`);
  return res.data.createDocument as Doc;
}

/** Processes a document as `login` and returns it (fails the test on any error). */
export async function processDoc(api: TestApi, login: string, doc: { id: string; version: number }) {
  const res = await as(api, login, PROCESS, { id: doc.id, version: doc.version });
  if (res.errors) throw new Error(`processDocument failed: ${JSON.stringify(res.errors)}`);
  return res.data.processDocument as Doc;
}

/** The cached level of (product, warehouse) as a decimal string ("0" when there is no row). */
/** A level's quantity in SQL, by database keys or by the API's ids. */
export async function level(db: DataSource, product: number | string, warehouse: number | string): Promise<string> {
  const key = (id: number | string) => (typeof id === 'string' ? dbKey(id) : id);
  const row = await db.getRepository(StockLevel).findOneBy({ productId: key(product), warehouseId: key(warehouse) });
  return (row?.quantity ?? new Decimal(0)).toFixed();
}

/**
 * Every stock level equals the sum of its ledger rows — quantity and value — and every ledger
 * (product, warehouse) has a level (DESIGN §1). Returns the mismatches, so a failure shows them.
 * Values are summed in 1/10000 units (SQLite sums DECIMAL text as floating point).
 */
export async function ledgerMismatches(db: DataSource): Promise<string[]> {
  const units = db.options.type === 'mysql' ? 'CAST(value * 10000 AS SIGNED)' : 'CAST(ROUND(value * 10000) AS INTEGER)';
  const sums: Array<{ productId: number; warehouseId: number; total: string | number; units: string | number }> = await db.query(
    `SELECT productId, warehouseId, SUM(quantity) AS total, SUM(${units}) AS units FROM stock_movement GROUP BY productId, warehouseId`);
  const levels = await db.getRepository(StockLevel).find();
  const byKey = new Map(levels.map((l) => [`${l.productId}:${l.warehouseId}`, l]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of sums) {
    const key = `${s.productId}:${s.warehouseId}`;
    seen.add(key);
    const ledger = new Decimal(s.total).toDecimalPlaces(4);
    const value = new Decimal(String(s.units)).div(10000);
    const cached = byKey.get(key);
    if (!cached || !cached.quantity.equals(ledger)) problems.push(`${key}: level ${cached?.quantity.toFixed() ?? 'missing'} ≠ ledger ${ledger.toFixed()}`);
    else if (!cached.value.equals(value)) problems.push(`${key}: level value ${cached.value.toFixed()} ≠ ledger ${value.toFixed()}`);
  }
  for (const [key, level] of byKey) {
    if (!seen.has(key) && (!level.quantity.isZero() || !level.value.isZero())) problems.push(`${key}: level ${level.quantity.toFixed()} without ledger rows`);
  }
  return problems;
}

/** Sets the settings row directly (the settings mutation belongs to issue 9). */
export const setAllowNegativeStock = (db: DataSource, allow: boolean) =>
  db.query('UPDATE settings SET allowNegativeStock = ? WHERE id = 1', [allow ? 1 : 0]);
