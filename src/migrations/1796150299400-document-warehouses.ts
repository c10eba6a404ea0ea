import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { rebuildDocumentWarehouses } from '../services/documents/document-warehouses';
import { index, int } from './columns';

/**
 * document_warehouse: the warehouses each document touches, so a narrow viewer's document list
 * and totalCount read a small index instead of every line (issue 21 §3). Filled from the lines
 * of existing documents; a document without lines gets warehouse 0 (document-warehouse.entity.ts).
 */
export class DocumentWarehouses1796150299400 implements MigrationInterface {
  name = 'DocumentWarehouses1796150299400';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'document_warehouse',
      columns: [{ ...int('warehouseId'), isPrimary: true }, { ...int('documentId'), isPrimary: true }],
      indices: [index('idx_document_warehouse_document', ['documentId'])],
    }), true);
    await rebuildDocumentWarehouses(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('document_warehouse', true);
  }
}
