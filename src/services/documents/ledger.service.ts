import Decimal from 'decimal.js';
import { Brackets, EntityManager } from 'typeorm';
import { Product } from '../../entities/product.entity';
import { Reservation, ReservationStatus } from '../../entities/reservation.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { DomainError } from '../../errors';
import { chunks, insertInChunks } from '../platform/bulk';
import { recordChanges } from '../platform/events';
import { applyRollups } from '../reports/rollup-writer';
import { assertStorable } from './amount-bounds';
import { netChanges } from './movements';
import { LevelState } from './valuation';
import { encodeId } from '../platform/opaque-ids';

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
 * Quantity and value of levels are written together, in chunked CASE updates (issue 22 §3: one
 * statement per LEVEL_CHUNK levels, not one per level). Ledger rows are only ever inserted,
 * in one statement, without reading them back (issue 16 §4). The report rollups are written
 * last, after the level locks (rollup-writer.ts keeps their own key order): their per-warehouse
 * rows are shared by every posting into the warehouse, so they are held from their write to the
 * COMMIT only. A caller with more to write after the ledger (processing: the captured prices,
 * the deal's reservations) calls moveStock, writes that, and then applyRollups itself.
 */
export async function postMovements(tx: EntityManager, movements: StockMovement[], allowNegative: boolean | (() => Promise<boolean>),
  valuation?: (states: Map<string, LevelState>) => Promise<void>, ownDeal: string | null = null): Promise<Map<string, LockedLevel>> {
  const levels = await moveStock(tx, movements, allowNegative, valuation, ownDeal);
  // The report rollups are a cache of exactly these rows, moved in the same transaction (docs/reports.md).
  await applyRollups(tx, movements);
  return levels;
}

/** postMovements without the report rollups: the caller must applyRollups(tx, movements) before its transaction ends. */
export async function moveStock(tx: EntityManager, movements: StockMovement[], allowNegative: boolean | (() => Promise<boolean>),
  valuation?: (states: Map<string, LevelState>) => Promise<void>, ownDeal: string | null = null): Promise<Map<string, LockedLevel>> {
  // An inventory count that finds what the book says moves nothing (stock-count.ts).
  if (movements.length === 0) return new Map();
  const levels = await lockLevels(tx, netChanges(movements));
  if (valuation) await valuation(new Map([...levels].map(([key, level]) => [key, { quantity: level.quantity, value: level.value }])));
  const changes = netChanges(movements);
  const updates: LevelUpdate[] = [];
  for (const change of changes) {
    const level = levels.get(levelKey(change))!;
    // Reservations hold (DESIGN §1): stock leaves only from what others have not reserved.
    const available = level.quantity.minus(reservedBeyond(level, ownDeal));
    if (change.delta.isNegative() && available.plus(change.delta).isNegative() && !(typeof allowNegative === 'function' ? await allowNegative() : allowNegative)) {
      // The levels before the failing one are written first, as a line-by-line posting would have:
      // the rollback undoes them, and test/documents/read-committed.test.ts proves nobody sees them.
      await writeLevels(tx, updates);
      throw await insufficientStock(tx, change.productId, change.warehouseId, change.delta.negated(), available);
    }
    if (change.delta.isZero() && change.value.isZero()) continue;
    updates.push({ id: level.id, quantity: level.quantity.plus(change.delta), value: level.value.plus(change.value) });
  }
  await writeLevels(tx, updates);
  assertStorable(movements, levels); // issue 14 §3: before the ledger rows; a refusal rolls the level updates back
  await insertInChunks(tx, StockMovement, movements);
  // Published after COMMIT (transaction.ts): live stock screens re-read these levels (docs/subscriptions.md).
  recordChanges(tx, changes.map(({ productId, warehouseId }) => ({ kind: 'stockLevel', productId, warehouseId })));
  return levels;
}

export interface LevelKey { productId: number; warehouseId: number }
export const levelKey = (k: LevelKey) => `${k.productId}:${k.warehouseId}`;

/**
 * Levels per statement when locking or writing them: one OR (or two CASE terms) per level, far
 * below SQLite's expression depth of 1,000 (issue 22 §3).
 */
const LEVEL_CHUNK = 200;

/**
 * Creates missing level rows (zero) and locks all of them, LEVEL_CHUNK at a time in
 * (productId, warehouseId) order: one `SELECT … FOR UPDATE` per chunk (InnoDB locks the rows in
 * the unique index's order as it scans it), and for a chunk with missing rows one INSERT IGNORE of
 * those and one more locking SELECT of them. A 1,000-line posting takes ~5–15 statements here, not
 * ~2,000 (issue 22 §3). Only missing rows are inserted: INSERT IGNORE on an existing row would take
 * a shared lock that concurrent posters then all try to upgrade (a deadlock on every hot level).
 * Rows created here are locked after the chunk's existing ones; two postings creating the same
 * new levels at once may then deadlock, and the transaction is rerun (transaction.ts).
 */
export async function lockLevels(tx: EntityManager, keys: LevelKey[]): Promise<Map<string, LockedLevel>> {
  const ordered = [...new Map(keys.map((k) => [levelKey(k), { productId: k.productId, warehouseId: k.warehouseId }])).values()]
    .sort((a, b) => a.productId - b.productId || a.warehouseId - b.warehouseId);
  const locked = new Map<string, LockedLevel>();
  for (const part of chunks(ordered, LEVEL_CHUNK)) {
    for (const level of await lockedLevels(tx, part)) locked.set(levelKey(level), level);
    const missing = part.filter((k) => !locked.has(levelKey(k)));
    if (missing.length === 0) continue;
    await tx.getRepository(StockLevel).createQueryBuilder().insert().into(StockLevel)
      .values(missing.map((k) => ({ ...k, quantity: new Decimal(0), value: new Decimal(0) })))
      .orIgnore().updateEntity(false).execute();
    for (const level of await lockedLevels(tx, missing)) locked.set(levelKey(level), level);
  }
  return locked;
}

/** A level row with the active, unexpired reservations of its (product, warehouse), oldest expiry first. */
export type LockedLevel = StockLevel & { reservations: Reservation[] };

/**
 * The level rows of these (product, warehouse) pairs with their active reservations, in one
 * statement, under a write lock on MariaDB. The reservations are joined rather than read by a
 * second statement (a one-line posting stays at its statement count): a locking read locks and
 * reads the latest committed version of every table it joins, so after waiting for a level lock
 * it sees each reservation committed meanwhile — reserving takes the same level lock first.
 */
async function lockedLevels(tx: EntityManager, keys: LevelKey[], now = new Date()): Promise<LockedLevel[]> {
  const qb = tx.getRepository(StockLevel).createQueryBuilder('l')
    .leftJoinAndMapMany('l.reservations', Reservation, 'r',
      'r.productId = l.productId AND r.warehouseId = l.warehouseId AND r.status = :active AND r.expiresAt > :now',
      { active: ReservationStatus.ACTIVE, now })
    .where(new Brackets((w) => {
      keys.forEach((k, i) => w.orWhere(`(l.productId = :p${i} AND l.warehouseId = :w${i})`, { [`p${i}`]: k.productId, [`w${i}`]: k.warehouseId }));
    }))
    .orderBy('l.productId', 'ASC').addOrderBy('l.warehouseId', 'ASC').addOrderBy('r.expiresAt', 'ASC').addOrderBy('r.id', 'ASC');
  if (isMysql(tx)) qb.setLock('pessimistic_write');
  const levels = await qb.getMany() as LockedLevel[];
  for (const level of levels) level.reservations ??= [];
  return levels;
}

/** The level row of (product, warehouse) and its active reservations, locked on MariaDB; null when there is none. */
export async function lockedLevel(tx: EntityManager, key: LevelKey, now = new Date()): Promise<LockedLevel | null> {
  return (await lockedLevels(tx, [key], now))[0] ?? null;
}

interface LevelUpdate { id: number; quantity: Decimal; value: Decimal }

/** Writes quantity and value of levels, LEVEL_CHUNK per `UPDATE … SET quantity = CASE id …` statement. */
async function writeLevels(tx: EntityManager, updates: LevelUpdate[]): Promise<void> {
  for (const part of chunks(updates, LEVEL_CHUNK)) {
    const cases = part.map(() => 'WHEN ? THEN ?').join(' ');
    await tx.query(
      `UPDATE stock_level SET quantity = CASE id ${cases} END, value = CASE id ${cases} END WHERE id IN (${part.map(() => '?').join(', ')})`,
      [...part.flatMap((u) => [u.id, u.quantity.toFixed()]), ...part.flatMap((u) => [u.id, u.value.toFixed()]), ...part.map((u) => u.id)],
    );
  }
}

/** What the level's active reservations hold back from a posting that may take `ownDeal`'s own (null: none). */
export const reservedBeyond = (level: LockedLevel, ownDeal: string | null): Decimal =>
  level.reservations.filter((r) => ownDeal === null || r.dealRef !== ownDeal).reduce((sum, r) => sum.plus(r.quantity), new Decimal(0));

/** INSUFFICIENT_STOCK naming product, warehouse, needed and available (DESIGN §1). */
export async function insufficientStock(tx: EntityManager, productId: number, warehouseId: number, needed: Decimal, available: Decimal) {
  const product = await tx.getRepository(Product).findOneBy({ id: productId });
  return new DomainError(
    'INSUFFICIENT_STOCK',
    `Insufficient stock of ${product?.sku ?? encodeId('Product', productId)} in warehouse ${encodeId('Warehouse', warehouseId)}: needed ${needed.toFixed()}, available ${available.toFixed()}.`,
    { productId: encodeId('Product', productId), sku: product?.sku ?? null, warehouseId: encodeId('Warehouse', warehouseId), needed: needed.toFixed(), available: available.toFixed() },
  );
}
