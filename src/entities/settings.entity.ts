import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SETTING_LIMITS } from '../limits/limits';

/** Inventory settings: a single row with id 1. */
@Entity('settings')
export class Settings {
  @PrimaryColumn({ type: 'integer' }) id: number;
  @Column({ type: 'boolean', default: false }) allowNegativeStock: boolean;
  @Column({ type: 'integer', default: 3 }) reservationDays: number;
  /** How far ahead a reservation may expire, in days (issue 15 §7); reservationDays stays within it. */
  @Column({ type: 'integer', default: SETTING_LIMITS.maxReservationDays }) maxReservationDays: number;
  /** Days before this UTC day 'YYYY-MM-DD' are closed: nothing is posted, reversed or dated there (null: none). */
  @Column({ type: 'varchar', length: 10, nullable: true }) closedBefore: string | null;
}
