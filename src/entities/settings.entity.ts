import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Inventory settings: a single row with id 1. */
@Entity('settings')
export class Settings {
  @PrimaryColumn({ type: 'integer' }) id: number;
  @Column({ type: 'boolean', default: false }) allowNegativeStock: boolean;
  @Column({ type: 'integer', default: 3 }) reservationDays: number;
}
