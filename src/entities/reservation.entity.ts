import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { QUANTITY } from './decimal.transformer';

export enum ReservationStatus {
  ACTIVE = 'ACTIVE',
  RELEASED = 'RELEASED',
  CONSUMED = 'CONSUMED',
}

@Entity('reservation')
@Index('idx_reservation_product_warehouse', ['productId', 'warehouseId', 'status'])
@Index('idx_reservation_deal', ['dealRef'])
export class Reservation {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) productId: number;
  @Column({ type: 'integer' }) warehouseId: number;
  @Column(QUANTITY) quantity: Decimal;
  @Column({ type: 'varchar', length: 64 }) dealRef: string;
  /** Active reservations past this moment no longer count against available stock. */
  @Column({ type: 'datetime' }) expiresAt: Date;
  @Column({ type: 'varchar', length: 16, default: ReservationStatus.ACTIVE }) status: ReservationStatus;
  @Column({ type: 'integer' }) createdById: number;
  @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @Column({ type: 'datetime', nullable: true }) closedAt: Date | null;
}
