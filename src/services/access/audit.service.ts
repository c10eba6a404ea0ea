import { EntityManager } from 'typeorm';
import { AccessAuditEntry } from '../../entities/access-audit-entry.entity';

export interface AuditRecord {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  before: unknown;
  after: unknown;
}

/** Appends one audit entry inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: EntityManager, record: AuditRecord): Promise<void> {
  await tx.getRepository(AccessAuditEntry).save(Object.assign(new AccessAuditEntry(), {
    actorId: record.actorId,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: String(record.subjectId),
    before: record.before ?? null,
    after: record.after ?? null,
  }));
}
