import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ValidGrant } from '../services/access/grant-spec';

/** REQUESTED: registered, waiting for an admin; INSTALLED: approved, its tokens work; REVOKED: refused or withdrawn. */
export enum ApplicationStatus {
  REQUESTED = 'REQUESTED',
  INSTALLED = 'INSTALLED',
  REVOKED = 'REVOKED',
}

/**
 * An integration acting on users' behalf (DESIGN §2 "Applications"). Its grants are stored in the
 * canonical form of role grants (grant-spec.ts ValidGrant), so the same catalog and scopes apply.
 */
@Entity('application')
export class Application {
  @PrimaryGeneratedColumn() id: number;
  /** The `azp` / `client_id` claim of its tokens. */
  @Column({ type: 'varchar', length: 64, unique: true }) clientId: string;
  @Column({ type: 'varchar', length: 128 }) name: string;
  @Column({ type: 'varchar', length: 1000, default: '' }) description: string;
  @Column({ type: 'varchar', length: 128, default: '' }) vendor: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) callbackUrl: string | null;
  @Column({ type: 'varchar', length: 16, default: ApplicationStatus.REQUESTED }) status: ApplicationStatus;
  @Column({ type: 'simple-json' }) requestedGrants: ValidGrant[];
  /** What the installing admin approved; null until installed. Enforced only while INSTALLED. */
  @Column({ type: 'simple-json', nullable: true }) approvedGrants: ValidGrant[] | null;
  @Column({ type: 'integer', nullable: true }) registeredById: number | null;
  @Column({ type: 'integer', nullable: true }) installedById: number | null;
  @Column({ type: 'datetime', nullable: true }) installedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) revokedById: number | null;
  @Column({ type: 'datetime', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
