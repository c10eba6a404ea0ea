import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, id, index, int, str } from './columns';

/** Saved document form layouts (issue 9 §5). */
export class DocumentFormLayout1764000090000 implements MigrationInterface {
  name = 'DocumentFormLayout1764000090000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'document_form_field',
      columns: [id(), str('documentType', 32), str('field', 32), bool('visible', true), int('position')],
      indices: [index('uq_form_field_type_field', ['documentType', 'field'], true)],
    }), true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('document_form_field', true);
  }
}
