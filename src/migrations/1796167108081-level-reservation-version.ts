import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `stock_level.reservationVersion` (issue 20 §4): a counter every reservation increments, so that
 * reserving writes the level row it checked. On a Galera cluster only written rows take part in
 * certification (a `SELECT … FOR UPDATE` lock is local to its node): a reservation and a sale, or two
 * reservations, of the same last units on two nodes now conflict at commit and one is retried.
 */
export class LevelReservationVersion1796167108081 implements MigrationInterface {
  name = 'LevelReservationVersion1796167108081';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('stock_level', new TableColumn({ name: 'reservationVersion', type: 'integer', isNullable: false, default: 0 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('stock_level', 'reservationVersion');
  }
}
