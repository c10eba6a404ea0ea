import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { dataSourceOptions } from '../../../ormconfig';
import { ReplicaHeartbeat } from '../../entities/replica-heartbeat.entity';
import { logger } from '../../logger';

const HEARTBEAT_MS = 200;
/** Driver errors that mean "the replica is not there", as opposed to an error of the statement itself. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR', 'POOL_CLOSED', 'POOL_ACQUIRE_TIMEOUT']);

const isUnreachable = (error: unknown) => {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string } | null;
  const code = e?.driverError?.code ?? e?.code;
  return (code !== undefined && UNREACHABLE.has(code)) || /Pool is closed|connect ETIMEDOUT/.test(e?.message ?? '');
};

/**
 * Read queries may go to a MariaDB replica (DATABASE_REPLICA_URL, issue 20, docs/deploy.md):
 * `readSource()` answers the replica only while its measured lag is at most `maxLagMs`. The lag
 * is measured with a heartbeat row this instance rewrites on the primary and reads back from the
 * replica. A statement that finds the replica unreachable is run on the primary instead and the
 * replica is bypassed until a heartbeat reads well again, so losing the replica fails no request.
 */
export class ReplicaRouter {
  private healthy = false;
  private lagMs: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly instance = randomUUID();

  private constructor(
    private readonly primary: DataSource, private readonly replica: DataSource, private readonly maxLagMs: number,
    private readonly prepare: (replica: DataSource) => void,
  ) {}

  /** `prepare` sets up the replica's DataSource like the primary's (the time budget's guards). */
  static async open(primary: DataSource, replicaUrl: string, maxLagMs: number, prepare: (replica: DataSource) => void): Promise<ReplicaRouter> {
    const replica = new DataSource({ ...dataSourceOptions({ databaseUrl: replicaUrl, dataDir: '' }), migrations: [] });
    const router = new ReplicaRouter(primary, replica, maxLagMs, prepare);
    router.fallBackToPrimary();
    try {
      await replica.initialize();
      prepare(replica);
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, 'read replica unreachable at start: reading from the primary');
    }
    await router.beat();
    router.timer = setInterval(() => void router.beat(), HEARTBEAT_MS);
    router.timer.unref();
    return router;
  }

  /** Where this request's reads go: the replica while it is reachable and close enough, else the primary. */
  readSource(): DataSource {
    return this.healthy && this.replica.isInitialized ? this.replica : this.primary;
  }

  status() {
    return { healthy: this.healthy, lagMs: this.lagMs };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.replica.isInitialized) await this.replica.destroy();
  }

  private async beat(): Promise<void> {
    const now = Date.now();
    try {
      await this.primary.getRepository(ReplicaHeartbeat).upsert({ instance: this.instance, beatMs: String(now) }, ['instance']);
      if (!this.replica.isInitialized) {
        await this.replica.initialize();
        this.prepare(this.replica);
      }
      const row = await this.replica.getRepository(ReplicaHeartbeat).findOneBy({ instance: this.instance });
      // The replica shows the last beat it applied: the time since that beat bounds its lag.
      this.lagMs = row ? Date.now() - Number(row.beatMs) : null;
      this.setHealthy(this.lagMs !== null && this.lagMs <= this.maxLagMs);
    } catch (error) {
      this.lagMs = null;
      this.setHealthy(false, error);
    }
  }

  private setHealthy(healthy: boolean, error?: unknown) {
    if (healthy !== this.healthy) {
      logger.info({ healthy, lagMs: this.lagMs, err: error ? { message: (error as Error).message } : undefined },
        healthy ? 'read replica in use' : 'read replica bypassed');
    }
    this.healthy = healthy;
  }

  /** Every statement on the replica that finds it unreachable runs on the primary instead. */
  private fallBackToPrimary() {
    const driver = this.replica.driver as unknown as { createQueryRunner(mode: ReplicationMode): QueryRunner };
    const create = driver.createQueryRunner.bind(driver);
    driver.createQueryRunner = (mode) => {
      const runner = create(mode);
      const query = runner.query.bind(runner);
      runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
        try {
          return await query(sql, parameters, structured as never);
        } catch (error) {
          if (!isUnreachable(error)) throw error;
          this.setHealthy(false, error);
          const onPrimary = this.primary.createQueryRunner();
          try {
            return await onPrimary.query(sql, parameters, structured as never);
          } finally {
            await onPrimary.release();
          }
        }
      }) as QueryRunner['query'];
      return runner;
    };
  }
}
