import { Config } from '../../config';
import { logger } from '../../logger';
import { EventBus, InProcessBus } from '../../services/platform/events';
import { RedisBus } from '../../services/platform/redis-events';

/** How long startup waits for Redis before serving without live events (they start once Redis answers). */
const REDIS_STARTUP_WAIT_MS = 3000;

/**
 * REDIS_URL set: Redis pub/sub, so a change committed through any instance reaches the
 * subscribers of every instance. Unset (the SQLite default, one process): in-process delivery.
 * Redis unreachable never stops the service: queries and mutations work, subscriptions are refused.
 */
export async function openEventBus(redis: Config['redis']): Promise<EventBus> {
  if (!redis) return new InProcessBus();
  const bus = new RedisBus(redis.url, redis.channel);
  if (!(await bus.ready(REDIS_STARTUP_WAIT_MS))) logger.warn('redis not reachable at startup: subscriptions are refused until it is');
  return bus;
}
