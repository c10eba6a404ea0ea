import Redis from 'ioredis';
import { logger } from '../../logger';
import { ChangeEvent, EventBus } from './events';

type Listener = { deliver: (event: ChangeEvent) => void; lost: () => void };

/** Only well-formed id events are taken from the channel: it is shared infrastructure, not trusted input. */
function parseEvents(message: string): ChangeEvent[] {
  try {
    const parsed: unknown = JSON.parse(message);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is ChangeEvent =>
      (e?.kind === 'stockLevel' && Number.isInteger(e.productId) && Number.isInteger(e.warehouseId)) || (e?.kind === 'document' && Number.isInteger(e.id)));
  } catch {
    return [];
  }
}

/**
 * Change events across instances through Redis pub/sub (REDIS_URL, docs/subscriptions.md): one
 * message per committed transaction on one channel, ids only; every instance — the publishing one
 * too — delivers what it receives from Redis, so all subscribers see the same order. Two
 * connections (a subscribed connection can only listen). No offline queue: while Redis is down a
 * publish fails at once (logged; the committed write stands) instead of piling up, new
 * subscriptions are refused and open ones end with SERVICE_UNAVAILABLE — a client resubscribes and
 * re-reads, since events were missed. ioredis reconnects by itself.
 */
export class RedisBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Set<Listener>();
  private subscribed = false;
  private warned = false;

  constructor(url: string, private readonly channel: string) {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, autoResubscribe: false, retryStrategy: (times: number) => Math.min(times * 200, 2000) };
    // Named, so an operator (or a test) can tell this instance's connections apart in CLIENT LIST.
    const name = channel.replace(/[^\w:.-]/g, '_');
    this.publisher = new Redis(url, { ...options, connectionName: `stockgate-pub-${name}` });
    this.subscriber = new Redis(url, { ...options, connectionName: `stockgate-sub-${name}` });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => {
        if (!this.warned) logger.warn({ err: { message: error.message } }, 'redis unreachable: live events paused');
        this.warned = true;
      });
    }
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(this.channel).then(() => {
        this.subscribed = true;
        this.warned = false;
      }, (error: Error) => logger.warn({ err: { message: error.message } }, 'redis subscribe failed'));
    });
    this.subscriber.on('close', () => this.lost());
    this.subscriber.on('message', (_channel: string, message: string) => {
      for (const event of parseEvents(message)) for (const listener of [...this.listeners]) listener.deliver(event);
    });
  }

  /** Waits (bounded) for the first subscribe, so an instance that starts with Redis up serves subscriptions at once. */
  async ready(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.available() && !this.warned && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return this.available();
  }

  publish(events: ChangeEvent[]): void {
    if (events.length === 0) return;
    this.publisher.publish(this.channel, JSON.stringify(events)).catch((error: Error) => {
      logger.warn({ err: { message: error.message }, events: events.length }, 'change events not published (redis)');
    });
  }

  listen(deliver: (event: ChangeEvent) => void, lost: () => void): () => void {
    const listener = { deliver, lost };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  available(): boolean {
    return this.subscribed && this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private lost(): void {
    const wasSubscribed = this.subscribed;
    this.subscribed = false;
    if (!wasSubscribed) return;
    for (const listener of [...this.listeners]) listener.lost();
  }
}
