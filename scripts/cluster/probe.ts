/**
 * Probes a running local cluster (npm run cluster:galera, or cluster:up) through its instances:
 *   oversell  30 units, 60 one-unit sales orders processed at once through the three instances and
 *             15 reservations of other deals racing them (oversell.ts; what test/cluster/galera.test.ts checks).
 *   posting   posting throughput (BENCHMARKS.md): one-line sales orders created and processed by 16
 *             clients, each order on its own product (no level is shared; the document-number row
 *             and the warehouse's rollup rows are), all through instance 1 or spread over the three;
 *             rounds alternate, with Galera's certification conflicts and the machine's load average.
 * Usage: npm run cluster:probe -- [oversell|posting] [--nodes 33071,33072,33073] [--rounds 2] [--orders 200]
 */
import os from 'node:os';
import { createConnection } from 'mysql2/promise';
import { oversellRace } from './oversell';
import { readClusterSecrets, Client, instanceUrls } from './probe-client';

const CLIENTS = 16;
const PRODUCTS = 200;

async function main() {
  const what = process.argv[2]?.startsWith('--') ? undefined : process.argv[2];
  const nodePorts = (argValue('--nodes') ?? '33071,33072,33073').split(',').map(Number);
  const secrets = readClusterSecrets();
  const clients = await Promise.all(instanceUrls().map((url) => Client.as(url, 'admin', secrets)));
  if (!what || what === 'oversell') {
    const result = await oversellRace(clients, nodePorts, secrets.DB_PASSWORD, { stock: 30, sales: 60, reservations: 15 });
    console.log(JSON.stringify({ probe: 'oversell', ...result }));
  }
  if (!what || what === 'posting') await posting(clients, nodePorts, secrets.DB_PASSWORD);
}

async function posting(clients: Client[], nodePorts: number[], password: string) {
  const [first] = clients;
  const rounds = Number(argValue('--rounds') ?? 2);
  const orders = Number(argValue('--orders') ?? 200);
  const warehouseId: string = (await first.gql('{ warehouses { id isDefault } }')).warehouses.find((w: { isDefault: boolean }) => w.isDefault).id;
  const run = Date.now();
  const products: string[] = [];
  await Promise.all(Array.from({ length: 8 }, async (_, lane) => {
    for (let i = lane; i < PRODUCTS; i += 8) products.push(await first.newProduct(`POST-${run}-${i}`));
  }));
  await first.gql(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`, { input: {
    type: 'STOCK_RECEIPT', title: 'posting probe', items: products.map((p) => ({ productId: p, quantity: '10000', toWarehouseId: warehouseId })),
  } }).then(async (d) => first.gql('mutation($id: ID!) { processDocument(id: $id, version: 1) { status } }', { id: d.createDocument.id }));
  const nodes = await Promise.all(nodePorts.map((port) => createConnection({ host: '127.0.0.1', port, user: 'stockgate', password, database: 'stockgate' })));
  const conflicts = async () => {
    let sum = 0;
    for (const db of nodes) {
      const [rows] = await db.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')") as any;
      sum += rows.reduce((s: number, r: { Value: string }) => s + Number(r.Value), 0);
    }
    return sum;
  };
  let next = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const through of round % 2 ? [[first], clients] : [clients, [first]]) {
      const tally: Record<string, number> = {};
      const before = await conflicts();
      const load = os.loadavg()[0];
      const started = process.hrtime.bigint();
      let sent = 0;
      await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
        while (sent < orders) {
          const i = sent++;
          const outcome = await through[(c + i) % through.length].sell(products[next++ % PRODUCTS], warehouseId, 1, null);
          tally[outcome] = (tally[outcome] ?? 0) + 1;
        }
      }));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(JSON.stringify({
        probe: 'posting', round, instances: through.length, clients: CLIENTS, orders, tally,
        documentsPerSecond: +((tally.PROCESSED ?? 0) / seconds).toFixed(1), seconds: +seconds.toFixed(1),
        conflicts: (await conflicts()) - before, loadAverage1mBefore: +load.toFixed(1), loadAverage1mAfter: +os.loadavg()[0].toFixed(1),
      }));
    }
  }
  await Promise.all(nodes.map((db) => db.end()));
}

const argValue = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
