import { Reservation } from '../../src/entities/reservation.entity';
import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType } from '../../src/shield/permission-catalog';
import { apiId, codes, dbKey, startApi, TestApi } from '../support/api';
import { CANCEL, createDraft, ledgerMismatches, PROCESS, RESERVE } from './support';

const spec: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A' }, { key: 'B' }],
  products: [{ key: 'p', sku: 'P' }, { key: 'q', sku: 'Q' }],
  users: [{ key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }],
  documents: [{ key: 'stock', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [{ product: 'p', quantity: '10', to: 'A' }] }],
};

const LEVEL = 'query($p: ID!, $w: ID!) { stockLevels(productId: $p, warehouseId: $w) { nodes { quantity reserved available } } }';

/**
 * Issue 14 point 4, DESIGN §1 "Reservations hold": available = quantity − active reservations
 * gates every outgoing line; a sales order may also take its own deal's reservations, and
 * shipping uses up only what it ships.
 */
describe('reservations hold', () => {
  let api: TestApi;
  let A: string, B: string, P: string;
  const reserve = (quantity: string, dealRef: string) => api.gql('admin', RESERVE, { productId: P, warehouseId: A, quantity, dealRef });
  const run = async (type: string, quantity: string, extra: Record<string, unknown> = {}) => {
    const draft = await createDraft(api, 'admin', { type, ...extra, items: [{ productId: P, quantity, fromWarehouseId: A, ...(type === 'STOCK_TRANSFER' ? { toWarehouseId: B } : {}) }] });
    return api.gql('admin', PROCESS, { id: draft.id, version: draft.version });
  };
  const level = async () => (await api.gql('admin', LEVEL, { p: P, w: A })).data.stockLevels.nodes[0];
  const reservation = (id: string) => api.db.getRepository(Reservation).findOneByOrFail({ id: dbKey(id) });

  beforeAll(async () => {
    api = await startApi(spec);
    [A, B, P] = [String(api.ids.warehouses.A), String(api.ids.warehouses.B), String(api.ids.products.p)];
  });
  afterAll(() => api.close());
  afterEach(async () => { expect(await ledgerMismatches(api.db)).toEqual([]); });

  it('others\' reservations are not shipped, written off or transferred: INSUFFICIENT_STOCK with needed and available', async () => {
    const held = await reserve('6', 'DEAL-X');
    expect(held.errors).toBeUndefined();
    expect(await level()).toEqual({ quantity: '10', reserved: '6', available: '4' });
    for (const [type, extra] of [['SALES_ORDER', {}], ['SALES_ORDER', { dealRef: 'DEAL-Y' }], ['WRITE_OFF', {}], ['STOCK_TRANSFER', {}]] as const) {
      const refused = await run(type, '5', extra);
      expect(codes(refused)).toEqual(['INSUFFICIENT_STOCK']);
      expect(refused.errors![0].extensions).toMatchObject({ productId: P, warehouseId: A, needed: '5', available: '4' });
    }
    expect((await run('WRITE_OFF', '1')).errors).toBeUndefined();
    expect(await level()).toEqual({ quantity: '9', reserved: '6', available: '3' });
    // Reserving more than is available is refused the same way.
    expect((await reserve('4', 'DEAL-Z')).errors![0].extensions).toMatchObject({ code: 'INSUFFICIENT_STOCK', needed: '4', available: '3' });
  });

  it('a sales order of the deal takes unreserved stock plus its own reservations, and uses up only what it ships', async () => {
    const [held] = await api.db.getRepository(Reservation).find({ where: { dealRef: 'DEAL-X' } });
    const partial = await run('SALES_ORDER', '2', { dealRef: 'DEAL-X' });
    expect(partial.errors).toBeUndefined();
    expect(await reservation(apiId('Reservation', held.id))).toMatchObject({ status: 'ACTIVE' });
    expect((await reservation(apiId('Reservation', held.id))).quantity.toFixed()).toBe('4');
    expect(await level()).toEqual({ quantity: '7', reserved: '4', available: '3' });
    // 4 reserved for the deal + 3 unreserved: 8 is one too many, 7 ships and consumes the reservation.
    const tooMuch = await run('SALES_ORDER', '8', { dealRef: 'DEAL-X' });
    expect(tooMuch.errors![0].extensions).toMatchObject({ code: 'INSUFFICIENT_STOCK', needed: '8', available: '7' });
    expect((await run('SALES_ORDER', '7', { dealRef: 'DEAL-X' })).errors).toBeUndefined();
    expect(await reservation(apiId('Reservation', held.id))).toMatchObject({ status: 'CONSUMED' });
    expect(await level()).toEqual({ quantity: '0', reserved: '0', available: '0' });
  });

  it('an expired reservation no longer holds stock; a cancellation cannot take back reserved stock either', async () => {
    const receipt = await createDraft(api, 'admin', { type: 'STOCK_RECEIPT', items: [{ productId: P, quantity: '5', toWarehouseId: A }] });
    const processed = (await api.gql('admin', PROCESS, { id: receipt.id, version: receipt.version })).data.processDocument;
    const held = (await reserve('5', 'DEAL-E')).data.reserveProduct;
    const undo = await api.gql('admin', CANCEL, { id: receipt.id, version: processed.version });
    expect(undo.errors![0].extensions).toMatchObject({ code: 'INSUFFICIENT_STOCK', needed: '5', available: '0' });
    await api.db.getRepository(Reservation).update({ id: dbKey(held.id) }, { expiresAt: new Date(Date.now() - 60_000) });
    expect(await level()).toEqual({ quantity: '5', reserved: '0', available: '5' });
    expect((await run('SALES_ORDER', '5')).errors).toBeUndefined();
  });
});
