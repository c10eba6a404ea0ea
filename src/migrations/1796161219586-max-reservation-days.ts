import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The longest reservation is an inventory setting (issue 15 §7): settings.maxReservationDays,
 * 365 days by default — what the fixed limit was before, so existing clients see no change.
 */
export class MaxReservationDays1796161219586 implements MigrationInterface {
  name = 'MaxReservationDays1796161219586';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('settings', new TableColumn({ name: 'maxReservationDays', type: 'integer', isNullable: false, default: 365 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('settings', 'maxReservationDays');
  }
}
