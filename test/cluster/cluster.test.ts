import { cluster, clientsAs, load, sqlOn } from './cluster-support';

const WAREHOUSES = '{ warehouses { code name } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 20 §3 and §5 on a real cluster (npm run cluster:up: MariaDB primary + GTID replica, 3 instances,
 * HAProxy). Runs from .ci/run (`npm run test:cluster`), not in `npm test`.
 */
describe('reads that can go to the replica, safely', () => {
  beforeAll(() => cluster('up'), 900_000);
  afterAll(() => cluster('down', '--purge'), 300_000);

  it('a query reads from the replica while it keeps up, and from the primary once it lags', async () => {
    const [a] = await clientsAs('admin');
    // A row only the replica has (root may write past read_only) shows which server answered.
    await sqlOn('replica', "UPDATE stockgate.warehouse SET name = 'replica copy' WHERE code = 'RETAIL'");
    await sleep(500);
    expect((await a.gql(WAREHOUSES)).warehouses.find((w: any) => w.code === 'RETAIL').name).toBe('replica copy');
    // A mutation reads its own answer from the primary.
    const online = (await a.gql('{ warehouses { id code } }')).warehouses.find((w: any) => w.code === 'ONLINE');
    const renamed = await a.gql('mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "Online (renamed)" }) { name } }', { id: online.id });
    expect(renamed.updateWarehouse.name).toBe('Online (renamed)');

    await sqlOn('replica', 'STOP SLAVE SQL_THREAD');
    try {
      await sleep(2500); // past REPLICA_MAX_LAG_MS (1 s) of heartbeats not applied
      const names = (await a.gql(WAREHOUSES)).warehouses;
      expect(names.find((w: any) => w.code === 'RETAIL').name).not.toBe('replica copy');
    } finally {
      await sqlOn('replica', 'START SLAVE SQL_THREAD');
      await sqlOn('primary', "UPDATE stockgate.warehouse SET name = 'Retail store' WHERE code = 'RETAIL'");
    }
  });

  it('a grant revoked through one instance counts on the next request to every other instance', async () => {
    const [a] = await clientsAs('admin');
    const [, b, c] = await clientsAs('anna');
    const users = await a.gql('{ users(first: 50, search: "anna") { nodes { id login assignments { role { id } } } } }');
    const anna = users.users.nodes.find((u: any) => u.login === 'anna');
    expect((await b.gql('{ viewer { warehouses { code } } }')).viewer.warehouses.length).toBeGreaterThan(0);
    for (const { role } of anna.assignments) await a.gql('mutation($r: ID!, $u: ID!) { unassignRole(roleId: $r, userId: $u) { id } }', { r: role.id, u: anna.id });
    const [fromB, fromC] = await Promise.all([b, c].map((client) => client.gql('{ viewer { permissions warehouses { code } } }')));
    expect(fromB.viewer).toEqual({ permissions: [], warehouses: [] });
    expect(fromC.viewer).toEqual({ permissions: [], warehouses: [] });
  });

  it('killing the replica mid-load fails no request', async () => {
    const clients = await clientsAs('admin');
    const balancer = clients[3];
    let stop = false;
    const running = load(balancer, '{ viewer { user { name } } stockLevels(first: 20) { nodes { quantity } } warehouses { code } }', 6, () => stop);
    try {
      await sleep(3000);
      await cluster('kill-replica');
      await sleep(5000);
    } finally {
      stop = true;
    }
    const tally = await running;
    expect(Object.keys(tally)).toEqual(['OK']);
    expect(tally.OK).toBeGreaterThan(10);
    await cluster('up'); // the replica comes back and catches up
  });

  it('a rolling restart under load: no non-2xx response, every acknowledged write in the ledger', async () => {
    const clients = await clientsAs('admin');
    const balancer = clients[3];
    const warehouseId = (await balancer.gql('{ warehouses { id isDefault } }')).warehouses.find((w: any) => w.isDefault).id;
    const product = await balancer.newProduct(`ROLLING-${Date.now()}`);
    let stop = false;
    const statuses: Record<string, number> = {};
    let acknowledged = 0;
    const writer = (async () => {
      while (!stop) {
        try {
          await balancer.receive(product, warehouseId, 1);
          acknowledged += 1;
        } catch (error) {
          statuses[(error as Error).message] = (statuses[(error as Error).message] ?? 0) + 1;
        }
      }
    })();
    const readers = load(balancer, '{ viewer { user { name } } documents(first: 10) { nodes { number status } } }', 4, () => stop);
    try {
      await sleep(2000);
      await cluster('restart');
      await sleep(2000);
    } finally {
      stop = true;
    }
    const [, tally] = await Promise.all([writer, readers]);
    expect(statuses).toEqual({});
    expect(Object.keys(tally)).toEqual(['OK']);
    expect(acknowledged).toBeGreaterThan(3);
    const ledger = await sqlOn('primary', `SELECT COALESCE(SUM(m.quantity), 0) FROM stockgate.stock_movement m
      JOIN stockgate.product p ON p.id = m.productId WHERE p.sku LIKE 'ROLLING-%'`);
    expect(Number(ledger)).toBe(acknowledged);
  }, 900_000);
});
