import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentType } from '../shield/permission-catalog';

/** A saved document form layout: one row per (document type, field); no rows = the default layout. */
@Entity('document_form_field')
@Index('uq_form_field_type_field', ['documentType', 'field'], { unique: true })
export class DocumentFormField {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 32 }) documentType: DocumentType;
  @Column({ type: 'varchar', length: 32 }) field: string;
  @Column({ type: 'boolean' }) visible: boolean;
  @Column({ type: 'integer' }) position: number;
}
