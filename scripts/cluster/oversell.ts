import { createConnection } from 'mysql2/promise';
import { Client, Draft } from './probe-client';

/**
 * The oversell race of issue 20 §4 on a running local cluster: `stock` units of a new product in
 * the default warehouse; `sales` one-unit sales-order drafts (each created and processed through
 * one instance, the instances in turn) and `reservations` one-unit reservations of other deals
 * (spread over the instances), all sent at once in random order. Used by
 * test/cluster/galera.test.ts and scripts/cluster/probe.ts.
 */
export interface OversellOptions { stock: number; sales: number; reservations: number }

/** What one database node holds after the race, read at causal consistency (wsrep_sync_wait). */
export interface NodeState {
  port: number;
  /** The product's level in the warehouse. */
  level: number;
  /** Its active reservations' quantities, summed. */
  reserved: number;
  /** Sales orders of the product with status PROCESSED. */
  processedOrders: number;
  /** Every level of the database below zero, and every level unequal to its ledger sum. */
  negativeLevels: number;
  levelsDifferingFromLedger: number;
}

export interface OversellResult {
  /** Answers by outcome: PROCESSED, RESERVED or an error code. */
  tally: Record<string, number>;
  /** Galera certification failures and brute-force aborts during the race, summed over the nodes. */
  conflicts: number;
  nodes: NodeState[];
}

export async function oversellRace(clients: Client[], nodePorts: number[], password: string, options: OversellOptions): Promise<OversellResult> {
  const [first] = clients;
  const warehouse: { id: string; code: string } = (await first.gql('{ warehouses { id code isDefault } }')).warehouses.find((w: { isDefault: boolean }) => w.isDefault);
  const warehouseId = warehouse.id;
  const sku = `OVERSELL-${Date.now()}`;
  const product = await first.newProduct(sku);
  await first.receive(product, warehouseId, options.stock);
  // The drafts before the race, one lane per instance: the race is about stock, not document numbers.
  const drafts: Array<{ client: Client; draft: Draft }> = [];
  await Promise.all(clients.map(async (client, lane) => {
    for (let i = lane; i < options.sales; i += clients.length) {
      const draft = await client.draftSale(product, warehouseId, 1, null);
      if (typeof draft === 'string') throw new Error(`creating sales order ${i} failed: ${draft}`);
      drafts.push({ client, draft });
    }
  }));
  const nodes = await Promise.all(nodePorts.map((port) => nodeConnection(port, password)));
  try {
    const conflictsBefore = await conflictCount(nodes);
    const attempts = [
      ...drafts.map(({ client, draft }) => () => client.process(draft)),
      ...Array.from({ length: options.reservations }, (_, i) => () => clients[i % clients.length].reserve(product, warehouseId, 1, `OTHER-${i}`)),
    ];
    const outcomes = await Promise.all(shuffle(attempts).map((attempt) => attempt()));
    const conflicts = (await conflictCount(nodes)) - conflictsBefore;
    const tally = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
    return { tally, conflicts, nodes: await Promise.all(nodes.map((node) => nodeState(node, sku, warehouse.code))) };
  } finally {
    await Promise.all(nodes.map(({ db }) => db.end()));
  }
}

type Node = { port: number; db: Awaited<ReturnType<typeof createConnection>>; galera: boolean };

async function nodeConnection(port: number, password: string): Promise<Node> {
  const db = await createConnection({ host: '127.0.0.1', port, user: 'stockgate', password, database: 'stockgate' });
  const [[{ on }]] = await db.query('SELECT @@wsrep_on AS `on`') as any;
  // Reads wait until this node has applied everything the cluster committed before them.
  if (Number(on) === 1) await db.query('SET SESSION wsrep_sync_wait = 1');
  return { port, db, galera: Number(on) === 1 };
}

async function conflictCount(nodes: Node[]): Promise<number> {
  let sum = 0;
  for (const { db } of nodes.filter((n) => n.galera)) {
    const [rows] = await db.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')") as any;
    sum += rows.reduce((s: number, r: { Value: string }) => s + Number(r.Value), 0);
  }
  return sum;
}

/**
 * Node state straight from SQL. The product and warehouse are found by SKU and code: the API's
 * ids are opaque (sealed under the instances' ID_SECRET), the database's keys are not those ids.
 */
async function nodeState({ port, db }: Node, sku: string, warehouseCode: string): Promise<NodeState> {
  const one = async (sql: string, params: unknown[] = []) => Number(((await db.query(sql, params)) as any)[0][0].n ?? 0);
  const product = await one('SELECT id AS n FROM product WHERE sku = ?', [sku]);
  const warehouse = await one('SELECT id AS n FROM warehouse WHERE code = ?', [warehouseCode]);
  if (!product || !warehouse) throw new Error(`node ${port} has no product ${sku} or warehouse ${warehouseCode}`);
  return {
    port,
    level: await one('SELECT quantity AS n FROM stock_level WHERE productId = ? AND warehouseId = ?', [product, warehouse]),
    reserved: await one("SELECT SUM(quantity) AS n FROM reservation WHERE productId = ? AND warehouseId = ? AND status = 'ACTIVE'", [product, warehouse]),
    processedOrders: await one(`SELECT COUNT(DISTINCT d.id) AS n FROM inventory_document d JOIN document_item i ON i.documentId = d.id
      WHERE i.productId = ? AND d.type = 'SALES_ORDER' AND d.status = 'PROCESSED'`, [product]),
    negativeLevels: await one('SELECT COUNT(*) AS n FROM stock_level WHERE quantity < 0'),
    levelsDifferingFromLedger: await one(`SELECT COUNT(*) AS n FROM stock_level l LEFT JOIN (SELECT productId, warehouseId, SUM(quantity) AS q
      FROM stock_movement GROUP BY productId, warehouseId) m ON m.productId = l.productId AND m.warehouseId = l.warehouseId
      WHERE l.quantity <> COALESCE(m.q, 0)`),
  };
}

const shuffle = <T>(items: T[]) => items.map((item) => ({ item, key: Math.random() })).sort((a, b) => a.key - b.key).map((x) => x.item);
