import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { SystemRole } from '../../src/entities/role.entity';
import { createServer, StockgateServer } from '../../src/server/app';
import { codes, startApi, TestApi } from '../support/api';
import { connect, listening, receive, WsClient } from './support';

/**
 * Issue 20 §6: events fan out across instances through Redis pub/sub (the machine's Redis on
 * 127.0.0.1:6379), and Redis down refuses subscriptions with a typed error while queries and
 * mutations keep working. Each run has a channel of its own.
 */
const spec = {
  standardRoles: true,
  warehouses: [{ key: 'V', isDefault: true }],
  products: [{ key: 'tee', sku: 'TEE', purchasePrice: '2.5' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};
const LEVELS = 'subscription { stockLevelChanged { quantity product { sku } } }';
const REDIS = 'redis://127.0.0.1:6379';

/** A second service instance on the same database, with a connection pool (DataSource) of its own, like another process. */
async function secondInstance(api: TestApi, redis: { url: string; channel: string }) {
  const { database } = api;
  const db = new DataSource(dataSourceOptions({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, sqliteFile: database.sqliteFile }));
  await db.initialize();
  const server = await createServer({ ...api.config, redis }, db);
  const base = await server.listen(0);
  const instance: TestApi = { ...api, url: `${base}/graphql`, db, server };
  return { instance, stop: async () => { await server.stop(); await db.destroy(); } };
}

/** Resolves 'listening' once one subscription listens on this instance. */
const listeningOnce = (api: TestApi) => listening(api, 1).then(() => 'listening' as const);

describe('subscriptions across instances through Redis (issue 20 §6)', () => {
  const channel = `stockgate:test:${randomBytes(6).toString('hex')}`;
  let a: TestApi;
  let b: { instance: TestApi; stop: () => Promise<void> };
  const clients: WsClient[] = [];
  beforeAll(async () => {
    a = await startApi(spec, { redis: { url: REDIS, channel } });
    b = await secondInstance(a, { url: REDIS, channel });
  });
  // The next test starts once both instances have let go of this one's subscriptions.
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await listening(a, 0);
    await listening(b.instance, 0);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('a posting through instance A reaches a subscriber of instance B', async () => {
    const client = connect(b.instance, `Bearer ${await a.token('admin')}`);
    clients.push(client);
    const levels = client.subscribe(LEVELS);
    await listening(b.instance, 1);
    expect(a.server.subscriptions.active()).toBe(0);
    await receive(a, 'admin', 'tee', 'V', '4');
    expect((await levels.next()).data).toEqual({ stockLevelChanged: { quantity: '4', product: { sku: 'TEE' } } });
  });

  it('the Redis connection lost mid-subscription ends it with SERVICE_UNAVAILABLE; after the reconnect a new one hears events again', async () => {
    const client = connect(b.instance, `Bearer ${await a.token('admin')}`);
    clients.push(client);
    const first = client.subscribe(LEVELS);
    await listening(b.instance, 1);
    // Kill B's subscriber connection only (it is named after the channel, src/services/platform/redis-events.ts).
    const admin = new Redis(REDIS);
    try {
      const list = String(await admin.client('LIST'));
      const ids = list.split('\n').filter((line) => line.includes(`name=stockgate-sub-${channel} `)).map((line) => /\bid=(\d+)/.exec(line)![1]);
      expect(ids.length).toBe(2); // A's and B's
      await admin.client('KILL', 'ID', ids[1]);
      await admin.client('KILL', 'ID', ids[0]);
    } finally {
      admin.disconnect();
    }
    expect((await first.ended).map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    await listening(b.instance, 0);
    // ioredis reconnects by itself; until it has, subscriptions are refused (typed), then accepted again.
    let again = client.subscribe(LEVELS);
    while ((await Promise.race([again.ended, listeningOnce(b.instance)])) !== 'listening') again = client.subscribe(LEVELS);
    await receive(a, 'admin', 'tee', 'V', '1');
    expect((await again.next()).data.stockLevelChanged.quantity).toBe('5');
  });

  it('Redis unreachable: a new subscription is SERVICE_UNAVAILABLE; queries and mutations keep working', async () => {
    const down = await secondInstance(a, { url: 'redis://127.0.0.1:1', channel });
    try {
      const client = connect(down.instance, `Bearer ${await a.token('admin')}`);
      clients.push(client);
      const refused = client.subscribe(LEVELS);
      expect((await refused.ended).map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      const STOCK = '{ stockLevels { nodes { quantity } } }';
      const before = Number((await down.instance.gql('admin', STOCK)).data.stockLevels.nodes[0].quantity);
      const processed = await receive(down.instance, 'admin', 'tee', 'V', '1');
      expect(processed.status).toBe('PROCESSED');
      const query = await down.instance.gql('admin', STOCK);
      expect([codes(query), query.data.stockLevels.nodes]).toEqual([[], [{ quantity: String(before + 1) }]]);
    } finally {
      await down.stop();
    }
  });
});
