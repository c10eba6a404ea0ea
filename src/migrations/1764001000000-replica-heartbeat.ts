import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { str } from './columns';

/** Heartbeats through which instances measure a read replica's lag (issue 20, docs/deploy.md). */
export class ReplicaHeartbeat1764001000000 implements MigrationInterface {
  name = 'ReplicaHeartbeat1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'replica_heartbeat',
      columns: [{ ...str('instance', 64), isPrimary: true }, { name: 'beatMs', type: 'bigint', isNullable: false }],
    }), true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('replica_heartbeat', true);
  }
}
