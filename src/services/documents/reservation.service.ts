import Decimal from 'decimal.js';
import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { Reservation, ReservationStatus } from '../../entities/reservation.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { badInput, DomainError, InputErrors, invalidState } from '../../errors';
import { insufficientStock, isMysql, LevelKey, levelKey, LockedLevel, lockedLevel, reservedBeyond } from './ledger.service';
import { lacksWarehouse, requireId, validDealRef } from './document-validation';
import { parseId } from '../platform/ids';
import { getSettings } from '../catalog/settings.service';
import { overLimit } from '../../limits/limits';
import { recordChanges } from '../platform/events';
import { inTransaction } from '../platform/transaction';
import { chunks } from '../platform/bulk';

const DAY_MS = 86_400_000;
/** Reservations per statement when a posting consumes them: one CASE term or IN item each, far below SQLite's limits. */
const RESERVATION_CHUNK = 200;

export interface ReserveInput {
  productId: string;
  warehouseId: string;
  quantity: Decimal;
  dealRef: string;
  expiresAt?: Date | null;
}

/**
 * Reservations (DESIGN §1): available = quantity − active, unexpired reservations. Expiry is
 * evaluated at read time (`expiresAt > now`), so an expired reservation stops counting without
 * any background job; its status stays ACTIVE until released or consumed.
 */
export const reservationService = {
  reserve(ctx: RequestContext, input: ReserveInput): Promise<Reservation> {
    const errors = new InputErrors();
    const productId = errors.check(() => requireId(input.productId, 'productId'));
    const warehouseId = errors.check(() => requireId(input.warehouseId, 'warehouseId'));
    // The field rule already refused warehouses outside the viewer's scope; this keeps the service safe on its own.
    if (warehouseId !== undefined && !ctx.access.canSelectWarehouse(warehouseId)) throw lacksWarehouse(warehouseId, 'warehouseId');
    if (!input.quantity.greaterThan(0)) errors.add('quantity', 'must be greater than 0.');
    const dealRef = errors.check(() => validDealRef(input.dealRef, 'dealRef')!);
    const now = new Date();
    if (input.expiresAt && !(input.expiresAt.getTime() > now.getTime())) errors.add('expiresAt', 'must be in the future.');

    return inTransaction(ctx.db, async (tx) => {
      const product = productId === undefined ? null : await tx.findOneBy(Product, { id: productId });
      if (productId !== undefined && !product) errors.add('productId', 'no product with this id.');
      if (product?.archived) errors.add('productId', `product ${product.sku} is archived.`);
      const warehouse = warehouseId === undefined ? null : await tx.findOneBy(Warehouse, { id: warehouseId });
      if (warehouseId !== undefined && !warehouse) errors.add('warehouseId', 'no warehouse with this id.');
      if (warehouse && !warehouse.active) errors.add('warehouseId', `warehouse ${warehouse.code} is inactive.`);
      // The settings' maximum (issue 15 §7); LIMITS.reservationDays, its ceiling, was checked before any SQL.
      const settings = await getSettings(tx);
      const max = settings.maxReservationDays;
      if (input.expiresAt && input.expiresAt.getTime() > now.getTime() + max * DAY_MS) {
        errors.check(() => { throw overLimit('expiresAt', 'maxReservationDays', max, `must be at most ${max} days ahead (settings.maxReservationDays).`); });
      }
      errors.throwIfAny();
      const expiresAt = input.expiresAt ?? new Date(now.getTime() + settings.reservationDays * DAY_MS);

      // The level row's lock serializes reservations (and processing) of this product in this
      // warehouse; its active reservations come with it (ledger.service.ts lockedLevel).
      const level = await lockedLevel(tx, { productId, warehouseId }, now);
      const available = level ? level.quantity.minus(reservedBeyond(level, null)) : new Decimal(0);
      if (!level || input.quantity.greaterThan(available)) throw await insufficientStock(tx, productId, warehouseId, input.quantity, Decimal.max(available, 0));
      // The level row is written, not only locked: on Galera a lock is local to its node and only
      // written rows are certified, so a sale or reservation of these units on another node now
      // conflicts at commit and one of the two is rerun (docs/deploy.md, Galera).
      await tx.query('UPDATE stock_level SET reservationVersion = reservationVersion + 1 WHERE id = ?', [level.id]);
      recordChanges(tx, [{ kind: 'stockLevel', productId, warehouseId }]); // reserved/available moved (docs/subscriptions.md)
      return tx.save(Reservation, tx.create(Reservation, {
        productId, warehouseId, quantity: input.quantity, dealRef, expiresAt, status: ReservationStatus.ACTIVE,
        createdById: ctx.access.userId, closedAt: null,
      }));
    });
  },

  /** A reservation in a warehouse the viewer cannot select is indistinguishable from a missing one. */
  release(ctx: RequestContext, rawId: string): Promise<Reservation> {
    return inTransaction(ctx.db, async (tx) => {
      const id = parseId(rawId);
      const qb = tx.getRepository(Reservation).createQueryBuilder('r').where('r.id = :id', { id: id ?? -1 });
      if (isMysql(tx)) qb.setLock('pessimistic_write');
      const reservation = id === null ? null : await qb.getOne();
      if (!reservation || !ctx.access.canSelectWarehouse(reservation.warehouseId)) {
        throw new DomainError('NOT_FOUND', 'No reservation with this id.', { field: 'id' });
      }
      if (reservation.status !== ReservationStatus.ACTIVE) {
        throw invalidState(`This reservation is ${reservation.status}; only ACTIVE reservations can be released.`, { status: reservation.status });
      }
      Object.assign(reservation, { status: ReservationStatus.RELEASED, closedAt: new Date() });
      recordChanges(tx, [{ kind: 'stockLevel', productId: reservation.productId, warehouseId: reservation.warehouseId }]);
      return tx.save(Reservation, reservation);
    });
  },
};

/**
 * Processing a sales order of a deal consumes the deal's active, unexpired reservations of the
 * order's (product, warehouse) pairs — only as much as it ships (DESIGN §1): reservations expiring
 * first are used first; one fully used becomes CONSUMED, one partly used keeps the rest ACTIVE
 * (reserved 6, shipped 2 → 4 stay reserved). `levels` are the posting's locked levels with their
 * reservations (read and, on MariaDB, locked in the level statement, so no second read). The
 * consumed ones are closed in one statement and the partly used ones cut in another (a CASE
 * update), RESERVATION_CHUNK at a time — not one statement per reservation (issue 16 §4).
 */
export async function consumeDealReservations(tx: EntityManager, dealRef: string, shipped: Array<LevelKey & { quantity: Decimal }>,
  levels: Map<string, LockedLevel>, at: Date): Promise<void> {
  const left = new Map<string, Decimal>();
  for (const line of shipped) left.set(levelKey(line), (left.get(levelKey(line)) ?? new Decimal(0)).plus(line.quantity));
  const consumed: number[] = [];
  const cut: Array<{ id: number; quantity: Decimal }> = [];
  for (const [key, quantity] of left) {
    let rest = quantity;
    for (const r of levels.get(key)?.reservations ?? []) {
      if (r.dealRef !== dealRef || !rest.greaterThan(0)) continue;
      if (rest.greaterThanOrEqualTo(r.quantity)) {
        rest = rest.minus(r.quantity);
        consumed.push(r.id);
      } else {
        cut.push({ id: r.id, quantity: r.quantity.minus(rest) });
        rest = new Decimal(0);
      }
    }
  }
  for (const part of chunks(consumed, RESERVATION_CHUNK)) {
    await tx.update(Reservation, { id: In(part) }, { status: ReservationStatus.CONSUMED, closedAt: at });
  }
  for (const part of chunks(cut, RESERVATION_CHUNK)) {
    await tx.query(`UPDATE reservation SET quantity = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${part.map(() => '?').join(', ')})`,
      [...part.flatMap((r) => [r.id, r.quantity.toFixed()]), ...part.map((r) => r.id)]);
  }
}
