import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per service instance, rewritten on the primary every few hundred ms while a replica is
 * configured: how far behind the replica's copy of its own row is, is the replica's lag (issue 20).
 */
@Entity('replica_heartbeat')
export class ReplicaHeartbeat {
  @PrimaryColumn({ type: 'varchar', length: 64 }) instance: string;
  /** Milliseconds since the epoch, by the instance's own clock (it compares only with itself). */
  @Column({ type: 'bigint' }) beatMs: string;
}
