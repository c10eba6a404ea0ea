import { DataSource, EntityManager } from 'typeorm';
import { logger } from '../../logger';

/**
 * What changed, by id only (docs/subscriptions.md): a subscriber re-reads the object under its own
 * access, so nothing a viewer may not see travels on the event bus (Redis or in-process).
 */
export type ChangeEvent =
  | { kind: 'stockLevel'; productId: number; warehouseId: number }
  | { kind: 'document'; id: number };

/** Where committed changes go and where subscriptions listen: in-process, or Redis pub/sub across instances. */
export interface EventBus {
  publish(events: ChangeEvent[]): void;
  /** Calls `listener` with every event, in publish order; returns the unsubscribe function. */
  listen(listener: (event: ChangeEvent) => void, onLost: () => void): () => void;
  /** False while the bus cannot deliver (Redis unreachable): new subscriptions are refused. */
  available(): boolean;
  close(): Promise<void>;
}

/** One process: events reach this instance's subscribers only (the SQLite default, docs/subscriptions.md). */
export class InProcessBus implements EventBus {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  publish(events: ChangeEvent[]): void {
    for (const event of events) for (const listener of [...this.listeners]) listener(event);
  }

  listen(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  available = () => true;

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

const buses = new WeakMap<DataSource, EventBus>();
const pending = new WeakMap<EntityManager, ChangeEvent[]>();

/** The server attaches its bus to the primary DataSource; without one (scripts, seeds) nothing is recorded. */
export function attachEventBus(db: DataSource, bus: EventBus | undefined): void {
  if (bus) buses.set(db, bus);
  else buses.delete(db);
}

/** Notes changes made in `tx`; they are published only if and after the transaction commits (transaction.ts). */
export function recordChanges(tx: EntityManager, events: ChangeEvent[]): void {
  if (!buses.has(tx.connection)) return;
  const list = pending.get(tx);
  if (list) list.push(...events);
  else pending.set(tx, [...events]);
}

/** How many changes `tx` has recorded so far: a savepoint that rolls back discards back to it. */
export const recordedCount = (tx: EntityManager): number => pending.get(tx)?.length ?? 0;

/** A savepoint rolled back: its changes did not happen. */
export function discardSince(tx: EntityManager, count: number): void {
  const list = pending.get(tx);
  if (list) list.length = Math.min(list.length, count);
}

/** A transaction starts: forget what an earlier, rolled-back attempt on the same manager recorded (SQLite reuses it). */
export function beginRecording(tx: EntityManager): void {
  pending.delete(tx);
}

/** After COMMIT: publish what `tx` recorded, each change once. A bus failure never fails the committed write. */
export function publishCommitted(tx: EntityManager): void {
  const events = pending.get(tx);
  pending.delete(tx);
  const bus = buses.get(tx.connection);
  if (!events || !bus) return;
  const seen = new Set<string>();
  const unique = events.filter((event) => {
    const key = JSON.stringify(event);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  try {
    bus.publish(unique);
  } catch (error) {
    logger.warn({ err: error }, 'change events not published');
  }
}
