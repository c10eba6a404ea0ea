import { EntitySubscriberInterface } from 'typeorm';
import { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { DocumentStatus, InventoryDocument } from '../../src/entities/inventory-document.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { StockLevel } from '../../src/entities/stock-level.entity';
import { MovementKind, StockMovement } from '../../src/entities/stock-movement.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { inTransaction } from '../../src/services/platform/transaction';
import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, startApi, TestApi } from '../support/api';
import { as, PROCESS } from './support';

/**
 * Issue 21 §1: reads never see uncommitted writes, on SQLite as on MariaDB. A write transaction
 * is held open at its most written state — just before its ROLLBACK — while other requests read
 * levels, documents and the ledger (the report) through the API: they see what was committed
 * before, never the transaction's own rows, and the same again after it rolled back.
 */
const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }],
  products: [{ key: 'p1', sku: 'P1' }, { key: 'p2', sku: 'P2' }, { key: 'p3', sku: 'P3' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
  documents: [
    { key: 'stock', type: DocumentType.STOCK_ADJUSTMENT, author: 'admin', items: [
      { product: 'p1', quantity: '10', price: '2', to: 'A' }, { product: 'p2', quantity: '10', price: '3', to: 'A' },
      { product: 'p3', quantity: '1', price: '4', to: 'A' }] },
    // Lines in product order, so the posting moves P1 and P2 before it finds P3 short.
    { key: 'order', type: DocumentType.SALES_ORDER, status: DocumentStatus.DRAFT, author: 'admin', items: [
      { product: 'p1', quantity: '2', from: 'A' }, { product: 'p2', quantity: '3', from: 'A' }, { product: 'p3', quantity: '5', from: 'A' }] },
  ],
};

const today = new Date().toISOString().slice(0, 10);
const SNAPSHOT = `{
  stockLevels(first: 50) { totalCount nodes { quantity available product { sku } } }
  documents(first: 50) { totalCount nodes { number status version processedAt items { quantity } } }
  inventoryReport(from: "${today}", to: "${today}") { movement { total {
    received { quantity value } shipped { quantity value } otherOutgoing { quantity value } closing { quantity value } } } }
}`;

/** Holds the transaction that is about to roll back until `release()`; the test reads meanwhile. */
class HoldBeforeRollback implements EntitySubscriberInterface {
  armed = false;
  held: Promise<void> | null = null;
  /** What the held transaction itself sees of P1's level: proof that it really wrote something. */
  ownLevelOfP1: string | null = null;
  release: () => void = () => undefined;
  private reached: () => void = () => undefined;
  readonly reachedRollback = new Promise<void>((resolve) => { this.reached = resolve; });

  constructor(private readonly p1: number) {}

  beforeQuery(event: BeforeQueryEvent): Promise<void> | void {
    if (!this.armed || !/^\s*ROLLBACK\b/i.test(event.query) || !event.queryRunner) return;
    this.armed = false;
    const runner = event.queryRunner;
    return (async () => {
      const [row] = await runner.query('SELECT quantity FROM stock_level WHERE productId = ?', [this.p1]);
      this.ownLevelOfP1 = String(Number(row.quantity));
      this.reached();
      await new Promise<void>((resolve) => { this.release = resolve; });
    })();
  }
}

describe('read committed (issue 21 §1)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  const snapshot = async () => {
    const res = await as(api, 'admin', SNAPSHOT);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  it('a posting that fails with INSUFFICIENT_STOCK on its last line is never visible to other requests, before or after', async () => {
    const before = await snapshot();
    const hold = new HoldBeforeRollback(api.dbIds.products.p1);
    api.db.subscribers.push(hold);
    try {
      hold.armed = true;
      const posting = as(api, 'admin', PROCESS, { id: String(api.ids.documents.order), version: 1 });
      await hold.reachedRollback;
      // The open transaction has moved P1 (10 → 8) and P2; other requests still see the committed state.
      expect(hold.ownLevelOfP1).toBe('8');
      expect(await snapshot()).toEqual(before);
      const single = await as(api, 'admin', `{ document(id: "${api.ids.documents.order}") { status version } }`);
      expect(single.data.document).toEqual({ status: 'DRAFT', version: 1 });
      hold.release();
      const res = await posting;
      expect(codes(res)).toEqual(['INSUFFICIENT_STOCK']);
      expect(res.errors![0].extensions).toMatchObject({ sku: 'P3', needed: '5', available: '1' });
    } finally {
      hold.release();
      api.db.subscribers.splice(api.db.subscribers.indexOf(hold), 1);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('levels, the document and ledger rows written by an open transaction stay invisible until it ends, and a rollback leaves no trace', async () => {
    const before = await snapshot();
    let release: () => void = () => undefined;
    let written: () => void = () => undefined;
    const wrote = new Promise<void>((resolve) => { written = resolve; });
    const failing = inTransaction(api.db, async (tx) => {
      const movement = await tx.findOneByOrFail(StockMovement, { productId: api.dbIds.products.p1 });
      await tx.insert(StockMovement, { ...movement, id: undefined, quantity: movement.quantity.negated(), kind: MovementKind.SHIPPED, documentType: DocumentType.SALES_ORDER, occurredAt: new Date() });
      await tx.update(StockLevel, { productId: api.dbIds.products.p1 }, { quantity: () => 'quantity - 1' });
      await tx.update(InventoryDocument, { id: api.dbIds.documents.order }, { status: DocumentStatus.PROCESSED, version: 2, processedAt: new Date() });
      written();
      await new Promise<void>((resolve) => { release = resolve; });
      throw new Error('INSUFFICIENT_STOCK on the last line');
    });
    await wrote;
    const during = await Promise.all([snapshot(), snapshot()]);
    release();
    await expect(failing).rejects.toThrow('INSUFFICIENT_STOCK');
    expect(during).toEqual([before, before]);
    expect(await snapshot()).toEqual(before);
  });
});
