import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The standard roles of DESIGN §2; `ADMINISTRATOR` can be neither edited nor deleted. */
export enum SystemRole {
  ADMINISTRATOR = 'ADMINISTRATOR',
  STORE_STAFF = 'STORE_STAFF',
  WAREHOUSE_CLERK = 'WAREHOUSE_CLERK',
}

@Entity('role')
export class Role {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 128, unique: true }) name: string;
  @Column({ type: 'varchar', length: 1000, default: '' }) description: string;
  @Column({ type: 'varchar', length: 32, nullable: true, unique: true }) systemKey: SystemRole | null;
  @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
}
