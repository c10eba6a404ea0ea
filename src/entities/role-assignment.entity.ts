import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A user holds a role through an assignment. `warehouseScope` narrows the role's
 * WAREHOUSE_SELECT for this user (null: as the role says), so one "Warehouse clerk"
 * role serves clerks of different warehouses.
 */
@Entity('role_assignment')
@Index('uq_assignment_user_role', ['userId', 'roleId'], { unique: true })
@Index('idx_assignment_role', ['roleId'])
export class RoleAssignment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) userId: number;
  @Column({ type: 'integer' }) roleId: number;
  @Column({ type: 'simple-json', nullable: true }) warehouseScope: number[] | null;
  @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
