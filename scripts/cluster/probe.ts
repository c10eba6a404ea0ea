/**
 * Probes a running local cluster (npm run cluster:up or cluster:galera) through its instances:
 *   oversell  30 units, 60 concurrent one-unit sales orders spread over the instances, reservations
 *             of other deals racing them: successes must add up to exactly 30, no level below zero,
 *             levels equal to the ledger on every database node.
 *   posting   one-unit sales orders from 16 clients through one instance, then through all three.
 * Usage: node dist/scripts/cluster/probe.js [--nodes 33071,33072,33073]
 */
import { createConnection } from 'mysql2/promise';
import { readClusterSecrets, Client, instanceUrls } from './probe-client';

const STOCK = 30;

async function main() {
  const nodePorts = (argValue('--nodes') ?? '33061').split(',').map(Number);
  const secrets = readClusterSecrets();
  const clients = await Promise.all(instanceUrls().map((url) => Client.as(url, 'admin', secrets)));
  const [first] = clients;
  const warehouseId = (await first.gql('{ warehouses { id isDefault } }')).warehouses.find((w: any) => w.isDefault).id;

  // Oversell: every instance sells and reserves the same 30 units at once.
  const product = await first.newProduct(`PROBE-${Date.now()}`);
  await first.receive(product, warehouseId, STOCK);
  const attempts = [
    ...Array.from({ length: 60 }, (_, i) => () => clients[i % clients.length].sell(product, warehouseId, 1, `SALE-${i}`)),
    ...Array.from({ length: 15 }, (_, i) => () => clients[(i + 1) % clients.length].reserve(product, warehouseId, 1, `HOLD-${i}`)),
  ];
  const outcomes = await Promise.all(shuffle(attempts).map((attempt) => attempt()));
  const tally = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
  const succeeded = (tally.PROCESSED ?? 0) + (tally.RESERVED ?? 0);
  const nodes = await Promise.all(nodePorts.map((port) => ledgerCheck(port, secrets.DB_PASSWORD)));
  console.log(JSON.stringify({ probe: 'oversell', stock: STOCK, tally, succeeded, nodes }));

  // Posting throughput: one instance, then all of them.
  for (const through of [[first], clients]) {
    const stocked = await first.newProduct(`PROBE-POST-${Date.now()}-${through.length}`);
    await first.receive(stocked, warehouseId, 100_000);
    const started = Date.now();
    let done = 0;
    await Promise.all(Array.from({ length: 16 }, async (_, c) => {
      for (let i = 0; i < 25; i++) if ((await through[(c + i) % through.length].sell(stocked, warehouseId, 1, null)) === 'PROCESSED') done++;
    }));
    console.log(JSON.stringify({ probe: 'posting', instances: through.length, processed: done, perSecond: +(done / ((Date.now() - started) / 1000)).toFixed(1) }));
  }
}

/** On one database node: levels below zero, and levels that differ from the ledger's sum. */
async function ledgerCheck(port: number, password: string) {
  const db = await createConnection({ host: '127.0.0.1', port, user: 'stockgate', password, database: 'stockgate' });
  try {
    const [[negative]] = await db.query('SELECT COUNT(*) AS n FROM stock_level WHERE quantity < 0') as any;
    const [[drift]] = await db.query(`SELECT COUNT(*) AS n FROM stock_level l LEFT JOIN (SELECT productId, warehouseId, SUM(quantity) AS q
      FROM stock_movement GROUP BY productId, warehouseId) m ON m.productId = l.productId AND m.warehouseId = l.warehouseId
      WHERE l.quantity <> COALESCE(m.q, 0)`) as any;
    return { port, negativeLevels: Number(negative.n), levelsDifferingFromLedger: Number(drift.n) };
  } finally {
    await db.end();
  }
}

const argValue = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const shuffle = <T>(items: T[]) => items.map((item) => ({ item, key: Math.random() })).sort((a, b) => a.key - b.key).map((x) => x.item);

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
