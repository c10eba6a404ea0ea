import { EntityManager } from 'typeorm';
import { DocumentSequence } from '../../entities/document-sequence.entity';
import { DocumentType } from '../../shield/permission-catalog';

const PREFIX: Record<DocumentType, string> = {
  STOCK_RECEIPT: 'RC', STOCK_ADJUSTMENT: 'AD', STOCK_TRANSFER: 'TR', WRITE_OFF: 'WO', SALES_ORDER: 'SO',
};

/**
 * Takes the next number of a type under the sequence row's lock: unique per type and
 * human-readable, e.g. "SO-000042". The increment commits or rolls back with the document,
 * so numbers have no gaps except where drafts were deleted.
 */
export async function nextDocumentNumber(tx: EntityManager, type: DocumentType): Promise<string> {
  const repo = tx.getRepository(DocumentSequence);
  const qb = repo.createQueryBuilder('s').where('s.type = :type', { type });
  if (tx.connection.options.type === 'mysql') qb.setLock('pessimistic_write');
  const seq = await qb.getOne();
  if (!seq) throw new Error(`document_sequence has no row for ${type}`);
  await repo.update({ type }, { next: seq.next + 1 });
  return `${PREFIX[type]}-${String(seq.next).padStart(6, '0')}`;
}
