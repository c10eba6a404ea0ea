import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { Product } from '../../entities/product.entity';
import { Reservation, ReservationStatus } from '../../entities/reservation.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { DomainError } from '../../errors';
import { insertInChunks } from '../platform/bulk';
import { recordChanges } from '../platform/events';
import { applyRollups } from '../reports/rollup-writer';
import { assertStorable } from './amount-bounds';
import { netChanges } from './movements';
import { LevelState } from './valuation';

export const isMysql = (tx: EntityManager) => tx.connection.options.type === 'mysql';

/**
 * Appends movements to the ledger and moves the cached levels with them, inside the
 * caller's transaction (DESIGN §1, ERPNext-style: the ledger is the truth, levels its cache).
 *
 * Locking (MariaDB): every level row the posting touches is locked with SELECT … FOR UPDATE
 * (a missing one is first created as a zero row with INSERT IGNORE, so two first receipts
 * never fail on the unique key) in (productId, warehouseId) order — every poster takes
 * the same order, so postings never wait on each other in a cycle. Callers lock the
 * document row before calling this, and reservations after (see document.service.ts).
 * On SQLite the write transaction is already exclusive (transaction.ts).
 *
 * A level that would go negative fails the whole posting with INSUFFICIENT_STOCK unless
 * negative stock is allowed — asked (`allowNegative`, e.g. a settings read) only when a level
 * would go negative, so a posting that fits costs no settings statement. `valuation`, when
 * given, values the rows under the level locks from the levels' state (valuation.ts) and may
 * refuse first (a cancellation's INVALID_STATE); without it the rows keep the values they carry.
 * Quantity and value of a level are written in one UPDATE. Ledger rows are only ever inserted,
 * in one statement, without reading them back (issue 16 §4). The report rollups are written
 * last, after the level locks (rollup-writer.ts keeps their own key order).
 */
export async function postMovements(tx: EntityManager, movements: StockMovement[], allowNegative: boolean | (() => Promise<boolean>),
  valuation?: (states: Map<string, LevelState>) => Promise<void>, ownDeal: string | null = null): Promise<Map<string, LockedLevel>> {
  const levels = await lockLevels(tx, netChanges(movements));
  if (valuation) await valuation(new Map([...levels].map(([key, level]) => [key, { quantity: level.quantity, value: level.value }])));
  const changes = netChanges(movements);
  for (const change of changes) {
    const level = levels.get(levelKey(change))!;
    const next = level.quantity.plus(change.delta);
    // Reservations hold (DESIGN §1): stock leaves only from what others have not reserved.
    const available = level.quantity.minus(reservedBeyond(level, ownDeal));
    if (change.delta.isNegative() && available.plus(change.delta).isNegative() && !(typeof allowNegative === 'function' ? await allowNegative() : allowNegative)) {
      throw await insufficientStock(tx, change.productId, change.warehouseId, change.delta.negated(), available);
    }
    if (change.delta.isZero() && change.value.isZero()) continue;
    await tx.getRepository(StockLevel).update({ id: level.id }, { quantity: next, value: level.value.plus(change.value) });
  }
  assertStorable(movements, levels); // issue 14 §3: before the ledger rows; a refusal rolls the level updates back
  await insertInChunks(tx, StockMovement, movements);
  // Published after COMMIT (transaction.ts): live stock screens re-read these levels (docs/subscriptions.md).
  recordChanges(tx, changes.map(({ productId, warehouseId }) => ({ kind: 'stockLevel', productId, warehouseId })));
  // The report rollups are a cache of exactly these rows, moved in the same transaction (docs/reports.md).
  await applyRollups(tx, movements);
  return levels;
}

export interface LevelKey { productId: number; warehouseId: number }
export const levelKey = (k: LevelKey) => `${k.productId}:${k.warehouseId}`;

/** Creates missing level rows (zero) and locks all of them in (productId, warehouseId) order. */
export async function lockLevels(tx: EntityManager, keys: LevelKey[]): Promise<Map<string, LockedLevel>> {
  const ordered = [...keys].sort((a, b) => a.productId - b.productId || a.warehouseId - b.warehouseId);
  const repo = tx.getRepository(StockLevel);
  const locked = new Map<string, LockedLevel>();
  for (const key of ordered) {
    if (locked.has(levelKey(key))) continue;
    let level = await lockedLevel(tx, key);
    if (!level) {
      // Only a missing row is created first: INSERT IGNORE on an existing row would take a shared
      // lock that concurrent posters then all try to upgrade (a deadlock on every hot level).
      await repo.createQueryBuilder().insert().into(StockLevel)
        .values({ productId: key.productId, warehouseId: key.warehouseId, quantity: new Decimal(0), value: new Decimal(0) })
        .orIgnore().updateEntity(false).execute();
      level = await lockedLevel(tx, key);
    }
    locked.set(levelKey(key), level!);
  }
  return locked;
}

/** A level row with the active, unexpired reservations of its (product, warehouse), oldest expiry first. */
export type LockedLevel = StockLevel & { reservations: Reservation[] };

/**
 * The level row of (product, warehouse) and its active reservations, in one statement, under a
 * write lock on MariaDB; null when there is none. The reservations are joined rather than read
 * by a second statement (a one-line posting stays at its statement count): a locking read locks
 * and reads the latest committed version of every table it joins, so after waiting for the level
 * lock it sees each reservation committed meanwhile — reserving takes the same level lock first.
 */
export async function lockedLevel(tx: EntityManager, key: LevelKey, now = new Date()): Promise<LockedLevel | null> {
  const qb = tx.getRepository(StockLevel).createQueryBuilder('l')
    .leftJoinAndMapMany('l.reservations', Reservation, 'r',
      'r.productId = l.productId AND r.warehouseId = l.warehouseId AND r.status = :active AND r.expiresAt > :now',
      { active: ReservationStatus.ACTIVE, now })
    .where('l.productId = :productId AND l.warehouseId = :warehouseId', { productId: key.productId, warehouseId: key.warehouseId })
    .orderBy('r.expiresAt', 'ASC').addOrderBy('r.id', 'ASC');
  if (isMysql(tx)) qb.setLock('pessimistic_write');
  const level = await qb.getOne() as LockedLevel | null;
  if (level) level.reservations ??= [];
  return level;
}

/** What the level's active reservations hold back from a posting that may take `ownDeal`'s own (null: none). */
export const reservedBeyond = (level: LockedLevel, ownDeal: string | null): Decimal =>
  level.reservations.filter((r) => ownDeal === null || r.dealRef !== ownDeal).reduce((sum, r) => sum.plus(r.quantity), new Decimal(0));

/** INSUFFICIENT_STOCK naming product, warehouse, needed and available (DESIGN §1). */
export async function insufficientStock(tx: EntityManager, productId: number, warehouseId: number, needed: Decimal, available: Decimal) {
  const product = await tx.getRepository(Product).findOneBy({ id: productId });
  return new DomainError(
    'INSUFFICIENT_STOCK',
    `Insufficient stock of ${product?.sku ?? productId} in warehouse ${warehouseId}: needed ${needed.toFixed()}, available ${available.toFixed()}.`,
    { productId: String(productId), sku: product?.sku ?? null, warehouseId: String(warehouseId), needed: needed.toFixed(), available: available.toFixed() },
  );
}
