import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, datetime, id, index, int, str, text } from './columns';

/** Applications (integrations) and the grants they request / were approved (issue 10). */
export class Applications1764000100000 implements MigrationInterface {
  name = 'Applications1764000100000';

  async up(q: QueryRunner): Promise<void> {
    const my = q.connection.options.type !== 'better-sqlite3';
    await q.createTable(new Table({
      name: 'application',
      columns: [id(), str('clientId', 64), str('name', 128), str('description', 1000, false, ''), str('vendor', 128, false, ''),
        str('callbackUrl', 500, true), str('status', 16, false, 'REQUESTED'), { ...text('requestedGrants'), isNullable: false },
        text('approvedGrants'), int('registeredById', true), int('installedById', true), datetime('installedAt', my, true),
        int('revokedById', true), datetime('revokedAt', my, true), createdAt(my)],
      indices: [index('uq_application_client', ['clientId'], true), index('idx_application_status', ['status'])],
    }), true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('application', true);
  }
}
