import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DocumentType } from '../shield/permission-catalog';

/** Next document number per type, taken under a row lock so numbers stay unique and gap-free. */
@Entity('document_sequence')
export class DocumentSequence {
  @PrimaryColumn({ type: 'varchar', length: 32 }) type: DocumentType;
  @Column({ type: 'integer' }) next: number;
}
