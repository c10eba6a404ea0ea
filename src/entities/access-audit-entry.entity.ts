import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed access (or settings), when, and the state before and after. Append-only. */
@Entity('access_audit_entry')
@Index('idx_audit_at', ['at'])
@Index('idx_audit_subject', ['subjectType', 'subjectId'])
@Index('idx_audit_actor', ['actorId'])
export class AccessAuditEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', nullable: true }) actorId: number | null;
  @CreateDateColumn({ type: 'datetime' }) at: Date;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ type: 'varchar', length: 32 }) subjectType: string;
  @Column({ type: 'varchar', length: 64 }) subjectId: string;
  @Column({ type: 'simple-json', nullable: true }) before: unknown;
  @Column({ type: 'simple-json', nullable: true }) after: unknown;
}
