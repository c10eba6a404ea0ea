import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentAction, DocumentType, Permission } from '../shield/permission-catalog';

/**
 * One permission a role holds. `scope` applies to WAREHOUSE_SELECT (warehouse ids) and
 * REPORT_VIEW (report kinds): null means ALL. DOCUMENT grants are one row per type × action.
 */
@Entity('role_grant')
@Index('idx_grant_role', ['roleId'])
export class RoleGrant {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) roleId: number;
  @Column({ type: 'varchar', length: 32 }) permission: Permission;
  @Column({ type: 'varchar', length: 32, nullable: true }) documentType: DocumentType | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) action: DocumentAction | null;
  @Column({ type: 'simple-json', nullable: true }) scope: Array<string | number> | null;
}
