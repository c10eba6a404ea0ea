import Decimal from 'decimal.js';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, DateTimeRange, ORDER_DIRECTION, ORDER_FIELD, OrderDirection, PageArgs } from './connection';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { DocumentAction, DocumentStatus, DocumentType } from './enums';
import { NODE_ID, NodeInterface } from './node.type';

/**
 * Inventory documents as the API shows them. Relations (author, items, product,
 * warehouses), `total` and `allowedActions` are field resolvers in resolvers/inventory-document.resolver.ts.
 */
@ObjectType('InventoryDocument', {
  implements: NodeInterface,
  description: 'A stock document — receipt, adjustment, transfer, write-off or sales order — with its lines: a DRAFT until it is '
    + 'processed into the stock ledger (DESIGN §1). Lines in warehouses the viewer cannot select are left out, and its totals count '
    + 'the lines shown (DESIGN §3.4).',
})
export class InventoryDocumentType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field(() => DocumentType, { description: 'What it does to stock; fixed when it is created.' }) type: DocumentType;
  @Field(() => DocumentStatus, { description: 'Where it is in its lifecycle: DRAFT, PROCESSED or CANCELLED.' }) status: DocumentStatus;
  @Field({ description: 'Its number in the sequence of its type and of the warehouse of its first line, e.g. RC-MAIN-000012 (DESIGN §3.8 b).' })
  number: string;
  @Field({ description: 'Free text given by its author; empty when none was.' }) title: string;
  @Field(() => String, { nullable: true, description: 'The deal it belongs to, e.g. an order number: processing a sales order consumes the deal\'s reservations.' })
  dealRef: string | null;
  @Field(() => DateScalar, { description: 'The UTC day its ledger rows count on: reports, stock at a date and movements date them by it (processedAt is when it was processed).' })
  documentDate: string;
  @Field(() => String, { nullable: true, description: 'Receipts: who delivered.' }) supplier: string | null;
  @Field(() => String, { nullable: true, description: 'Receipts: the number of the supplier\'s document.' }) incomingNumber: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Receipts: the date of the supplier\'s document.' }) incomingDate: string | null;
  @Field(() => Date, { description: 'When it was created.' }) createdAt: Date;
  @Field(() => Date, { description: 'When it last changed: edited, processed or cancelled.' }) updatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was processed into the ledger; null while it is a draft.' }) processedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was cancelled; null unless CANCELLED.' }) cancelledAt: Date | null;
  @Field(() => Int, { description: 'Optimistic lock: pass it back with every edit.' }) version: number;
}

@ObjectType('DocumentItem', {
  implements: NodeInterface,
  description: 'A line of a document: a quantity of one product out of a warehouse, into one, or both (a transfer); a side the viewer cannot select reads as null.',
})
export class DocumentItemType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field(() => DecimalScalar, { description: 'How much the line moves, in the product\'s unit; always positive.' }) quantity: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'The unit cost the line is posted at: for stock from outside the price given, else the '
    + 'product\'s, captured at processing; for outgoing lines and transfers the source\'s average cost, written at processing. null on a '
    + 'draft line without a price.' }) purchasePrice: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Sale price of a SALES_ORDER line (null on other lines; the product\'s is captured at processing).' })
  salePrice: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'INVENTORY_COUNT lines: the stock the ledger held in the line\'s warehouse at the end of the document date (at the processing instant when processed on that day), fixed when the count is processed — null before (a blind count) and on other lines.' })
  bookQuantity: Decimal | null;
}

export const InventoryDocumentConnection = Connection(InventoryDocumentType, 'InventoryDocument');

export enum DocumentOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  NUMBER = 'NUMBER',
}
registerEnumType(DocumentOrderField, {
  name: 'DocumentOrderField',
  description: 'What a document list sorts by.',
  valuesConfig: {
    CREATED_AT: { description: 'When the document was created.' },
    UPDATED_AT: { description: 'When it last changed (edited, processed, cancelled).' },
    NUMBER: { description: 'Its number, as text (per type and warehouse: RC-MAIN-000001, SO-…).' },
  },
});

@InputType({ description: 'The order of a document list; the id breaks ties. Default: oldest first (id ascending).' })
export class DocumentOrder {
  @Field(() => DocumentOrderField, { description: ORDER_FIELD }) field: DocumentOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed document meets, all of them; among the documents the viewer may see only.' })
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'Part of the number, any case (e.g. "so-main-" or "SO-MAIN-000001").' }) number?: string | null;
  @Field(() => String, { nullable: true, description: 'The deal reference, exactly.' }) dealRef?: string | null;
  @Field(() => [DocumentType], { nullable: true, description: 'Any of these types.' }) types?: DocumentType[] | null;
  @Field(() => [DocumentStatus], { nullable: true, description: 'Any of these statuses.' }) statuses?: DocumentStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'With an item in this warehouse; a warehouse the viewer cannot select matches nothing.' })
  warehouseId?: string | null;
  @Field(() => DateTimeRange, { nullable: true, description: 'Created in this range.' }) created?: DateTimeRange | null;
  @Field(() => DateTimeRange, { nullable: true, description: 'Processed in this range (drafts and never-processed documents do not match).' })
  processed?: DateTimeRange | null;
}

@ArgsType()
export class DocumentFilterArgs extends PageArgs {
  @Field(() => DocumentFilter, { nullable: true, description: 'Conditions the documents meet, combined with the arguments beside it (all must hold).' })
  filter?: DocumentFilter | null;
  @Field(() => DocumentOrder, { nullable: true, description: 'The order of the list; default: oldest first.' }) orderBy?: DocumentOrder | null;
  @Field(() => DocumentType, { nullable: true, description: 'Only documents of this type.' }) type?: DocumentType | null;
  @Field(() => DocumentStatus, { nullable: true, description: 'Only documents in this status.' }) status?: DocumentStatus | null;
  @Field(() => ID, { nullable: true, description: 'Documents with an item in this warehouse (empty when it is not selectable).' })
  warehouseId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after this moment.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created before this moment (exclusive).' }) to?: Date | null;
}

