import Decimal from 'decimal.js';
import { Brackets, EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { Reservation, ReservationStatus } from '../../entities/reservation.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { badInput, DomainError, InputErrors, invalidState } from '../../errors';
import { insufficientStock, isMysql, LevelKey, lockedLevel } from './ledger.service';
import { lacksWarehouse, requireId, validDealRef } from './document-validation';
import { parseId } from '../platform/ids';
import { getSettings } from '../catalog/settings.service';
import { inTransaction } from '../platform/transaction';
import { chunks } from '../platform/bulk';

const DAY_MS = 86_400_000;

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
      if (productId !== undefined && !product) errors.add('productId', `no product ${productId}.`);
      if (product?.archived) errors.add('productId', `product ${product.sku} is archived.`);
      const warehouse = warehouseId === undefined ? null : await tx.findOneBy(Warehouse, { id: warehouseId });
      if (warehouseId !== undefined && !warehouse) errors.add('warehouseId', `no warehouse ${warehouseId}.`);
      if (warehouse && !warehouse.active) errors.add('warehouseId', `warehouse ${warehouse.code} is inactive.`);
      errors.throwIfAny();
      const expiresAt = input.expiresAt ?? new Date(now.getTime() + (await getSettings(tx)).reservationDays * DAY_MS);

      // The level row's lock serializes reservations (and processing) of this product in this warehouse.
      const key = { productId, warehouseId };
      const level = await lockedLevel(tx, key);
      const available = (level?.quantity ?? new Decimal(0)).minus(await activeReserved(tx, key, now));
      if (input.quantity.greaterThan(available)) throw await insufficientStock(tx, productId, warehouseId, input.quantity, Decimal.max(available, 0));
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
        throw new DomainError('NOT_FOUND', `Reservation ${rawId} not found.`, { field: 'id' });
      }
      if (reservation.status !== ReservationStatus.ACTIVE) {
        throw invalidState(`Reservation ${reservation.id} is ${reservation.status}; only ACTIVE reservations can be released.`, { status: reservation.status });
      }
      Object.assign(reservation, { status: ReservationStatus.RELEASED, closedAt: new Date() });
      return tx.save(Reservation, reservation);
    });
  },
};

/** Sum of ACTIVE, unexpired reservations of (product, warehouse) at `now`. */
export async function activeReserved(tx: EntityManager, key: LevelKey, now: Date): Promise<Decimal> {
  const row = await tx.getRepository(Reservation).createQueryBuilder('r')
    .select('COALESCE(SUM(r.quantity), 0)', 'reserved')
    .where('r.productId = :productId AND r.warehouseId = :warehouseId', key)
    .andWhere('r.status = :status AND r.expiresAt > :now', { status: ReservationStatus.ACTIVE, now })
    .getRawOne<{ reserved: string | number }>();
  // SQLite sums DECIMAL text as floating point; quantities have 4 decimals, so rounding restores them exactly.
  return new Decimal(row?.reserved ?? 0).toDecimalPlaces(4);
}

/**
 * Processing a sales order of a deal consumes the deal's active, unexpired reservations of the
 * order's (product, warehouse) pairs, inside the processing transaction (after the level locks).
 */
export async function consumeDealReservations(tx: EntityManager, dealRef: string, keys: LevelKey[], at: Date): Promise<void> {
  // One OR per pair: chunked far below SQLite's expression depth of 1,000 (issue 22).
  for (const part of chunks(keys, OR_PAIRS)) {
    await tx.getRepository(Reservation).createQueryBuilder().update(Reservation)
      .set({ status: ReservationStatus.CONSUMED, closedAt: at })
      .where('dealRef = :dealRef AND status = :status AND expiresAt > :at', { dealRef, status: ReservationStatus.ACTIVE, at })
      .andWhere(new Brackets((w) => {
        part.forEach((k, i) => w.orWhere(`(productId = :p${i} AND warehouseId = :w${i})`, { [`p${i}`]: k.productId, [`w${i}`]: k.warehouseId }));
      }))
      .execute();
  }
}

const OR_PAIRS = 200;
