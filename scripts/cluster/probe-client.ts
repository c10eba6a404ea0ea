import fs from 'node:fs';
import path from 'node:path';
import { mintToken } from '../../src/server/identity';

export const instanceUrls = () => [15811, 15812, 15813].map((port) => `http://127.0.0.1:${port}/graphql`);

/** DB_PASSWORD and JWT_SECRET that cluster.sh wrote into .cluster/secrets. */
export function readClusterSecrets(): Record<string, string> {
  // From dist/scripts/cluster (npm scripts) or scripts/cluster (tests): the project's .cluster/ unless CLUSTER_DIR says.
  const dir = process.env.CLUSTER_DIR ?? path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..', '.cluster');
  const text = fs.readFileSync(path.join(dir, 'secrets'), 'utf8');
  return Object.fromEntries(text.trim().split('\n').map((line) => line.split('=') as [string, string]));
}

type Outcome = 'PROCESSED' | 'RESERVED' | string;
export interface Draft { id: string; version: number }

/** A GraphQL client of one instance, as one user. */
export class Client {
  private constructor(private readonly url: string, private readonly token: string) {}

  static async as(url: string, login: string, secrets: Record<string, string>) {
    return new Client(url, await mintToken(secrets.JWT_SECRET, login));
  }

  async request(query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(this.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  }

  async gql(query: string, variables: Record<string, unknown> = {}) {
    const { data, errors } = await this.request(query, variables);
    if (errors?.length) throw new Error(`${errors[0].extensions?.code}: ${errors[0].message}`);
    return data;
  }

  async newProduct(sku: string): Promise<string> {
    const data = await this.gql('mutation($sku: String!) { createProduct(input: { sku: $sku, name: $sku, purchasePrice: "2.00" }) { id } }', { sku });
    return data.createProduct.id;
  }

  async receive(productId: string, warehouseId: string, quantity: number) {
    const created = await this.gql(`mutation($p: ID!, $w: ID!, $q: Decimal!) { createDocument(input: { type: STOCK_RECEIPT, title: "probe",
      items: [{ productId: $p, quantity: $q, toWarehouseId: $w }] }) { id version } }`, { p: productId, w: warehouseId, q: String(quantity) });
    await this.gql('mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }', { id: created.createDocument.id, v: created.createDocument.version });
  }

  /** Creates and processes a one-line sales order; the outcome is PROCESSED or the error code. */
  async sell(productId: string, warehouseId: string, quantity: number, dealRef: string | null): Promise<Outcome> {
    const created = await this.draftSale(productId, warehouseId, quantity, dealRef);
    return typeof created === 'string' ? created : this.process(created);
  }

  /** A one-line sales-order draft ({ id, version }), or the error code. */
  async draftSale(productId: string, warehouseId: string, quantity: number, dealRef: string | null): Promise<Draft | string> {
    const created = await this.request(`mutation($p: ID!, $w: ID!, $q: Decimal!, $deal: String) { createDocument(input: { type: SALES_ORDER,
      title: "probe", dealRef: $deal, items: [{ productId: $p, quantity: $q, fromWarehouseId: $w }] }) { id version } }`,
    { p: productId, w: warehouseId, q: String(quantity), deal: dealRef });
    return created.errors?.length ? created.errors[0].extensions?.code ?? 'ERROR' : created.data.createDocument;
  }

  /** Processes a draft; the outcome is PROCESSED or the error code. */
  async process(draft: Draft): Promise<Outcome> {
    const processed = await this.request('mutation($id: ID!, $v: Int!) { processDocument(id: $id, version: $v) { status } }', { id: draft.id, v: draft.version });
    return processed.errors?.length ? processed.errors[0].extensions?.code ?? 'ERROR' : processed.data.processDocument.status;
  }

  async reserve(productId: string, warehouseId: string, quantity: number, dealRef: string): Promise<Outcome> {
    const res = await this.request('mutation($p: ID!, $w: ID!, $q: Decimal!, $d: String!) { reserveProduct(productId: $p, warehouseId: $w, quantity: $q, dealRef: $d) { id } }',
      { p: productId, w: warehouseId, q: String(quantity), d: dealRef });
    return res.errors?.length ? res.errors[0].extensions?.code ?? 'ERROR' : 'RESERVED';
  }
}
