import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which warehouses a document's lines touch, one row per (warehouse, document): the index behind
 * document visibility for viewers of some warehouses (DESIGN §3.4, issue 21 §3). A document
 * without lines has one row with warehouseId 0 ("no warehouse"), so that "touches a selectable
 * warehouse or has no lines" is a single IN list. Rewritten with the lines, in their transaction
 * (document-warehouses.ts); never a source of truth — the lines are.
 */
@Entity('document_warehouse')
export class DocumentWarehouse {
  @PrimaryColumn({ type: 'integer' }) warehouseId: number;
  @PrimaryColumn({ type: 'integer' }) @Index('idx_document_warehouse_document') documentId: number;
}

/** The warehouseId of a document without lines. */
export const NO_WAREHOUSE = 0;
