import { DEFAULT_LIMITS } from '../../src/config';
import { SystemRole } from '../../src/entities/role.entity';
import { startApi, TestApi } from '../support/api';
import { createDraft, processDoc } from '../documents/support';
import { connect, listening, WsClient } from './support';

/**
 * Issue 20 §6: subscriptions are bounded — per connection, per subscription queue (slow
 * consumer), and idle connections (docs/subscriptions.md; the limits table of docs/operations.md).
 * Small limits here, so each is reached with a few events.
 */
const PRODUCTS = ['a', 'b', 'c', 'd'];
const spec = {
  standardRoles: true,
  warehouses: [{ key: 'V', isDefault: true }],
  products: PRODUCTS.map((key) => ({ key, sku: key.toUpperCase(), purchasePrice: '1' })),
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
};
const LEVELS = 'subscription { stockLevelChanged { quantity } }';
const codesOf = (errors: readonly unknown[]) => errors.map((e) => (e as { extensions?: Record<string, unknown> }).extensions);

describe('subscription limits (issue 20 §6)', () => {
  let api: TestApi;
  const clients: WsClient[] = [];
  const admin = async () => {
    const client = connect(api, `Bearer ${await api.token('admin')}`);
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    api = await startApi(spec, { limits: { ...DEFAULT_LIMITS, maxSubscriptions: 2, subscriptionQueue: 2, subscriptionIdleMs: 5000, maxDepth: 4 } });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await listening(api, 0);
  });
  afterAll(() => api.close());

  it('one subscription more than the per-connection limit is refused with LIMIT_EXCEEDED naming the limit', async () => {
    const client = await admin();
    client.subscribe(LEVELS);
    client.subscribe(LEVELS);
    await listening(api, 2);
    const third = client.subscribe(LEVELS);
    expect(codesOf(await third.ended)).toEqual([{ code: 'LIMIT_EXCEEDED', limit: 'subscriptions', max: 2 }]);
    const metrics = await (await fetch(api.url.replace(/graphql$/, 'metrics'))).text();
    expect(metrics).toMatch(/^stockgate_subscriptions_active 2$/m);
  });

  it('a subscription passes the HTTP request limits: depth, and every argument within its limit', async () => {
    const client = await admin();
    const deep = client.subscribe('subscription { stockLevelChanged { product { parent { parent { sku } } } } }');
    expect(codesOf(await deep.ended)).toMatchObject([{ code: 'LIMIT_EXCEEDED', limit: 'depth' }]);
    const long = client.subscribe('subscription($w: ID) { stockLevelChanged(warehouseId: $w) { quantity } }', { w: '1'.repeat(65) });
    expect(codesOf(await long.ended)).toMatchObject([{ code: 'BAD_USER_INPUT', limit: 'stringLength', max: 64 }]);
  });

  it('a burst over the queue ends the subscription with LIMIT_EXCEEDED (slow consumer) instead of growing without bound', async () => {
    const levels = (await admin()).subscribe(LEVELS);
    await listening(api, 1);
    // One posting of 4 lines publishes 4 level events at once: one is taken, 2 wait, the 4th overflows.
    const draft = await createDraft(api, 'admin', {
      type: 'STOCK_RECEIPT', items: PRODUCTS.map((p) => ({ productId: String(api.ids.products[p]), quantity: '1', toWarehouseId: String(api.ids.warehouses.V) })),
    });
    await processDoc(api, 'admin', draft);
    expect(codesOf(await levels.ended)).toEqual([{ code: 'LIMIT_EXCEEDED', limit: 'subscriptionQueue', max: 2 }]);
    expect(levels.received.length).toBeLessThanOrEqual(1);
  });

  it('a connection without an active subscription is closed after the idle limit (4408)', async () => {
    const client = await admin();
    expect(await client.closed).toMatchObject({ code: 4408, reason: expect.stringMatching(/^LIMIT_EXCEEDED/) });
  });
});
