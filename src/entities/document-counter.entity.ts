import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DocumentType } from '../shield/permission-catalog';

/**
 * The next document number of one sequence: per document type and warehouse (DESIGN §3.8 (b),
 * docs/documents.md "Numbers"); warehouseId 0 is the sequence of documents without lines. The
 * row is written by an upsert that takes its lock, inside the transaction that creates the
 * document, so numbers are unique and a rolled-back creation gives its number back.
 */
@Entity('document_counter')
export class DocumentCounter {
  @PrimaryColumn({ type: 'varchar', length: 32 }) type: DocumentType;
  @PrimaryColumn({ type: 'integer' }) warehouseId: number;
  @Column({ type: 'integer' }) next: number;
}
