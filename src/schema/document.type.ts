import Decimal from 'decimal.js';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, DateTimeRange, OrderDirection, PageArgs } from './connection';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { DocumentAction, DocumentStatus, DocumentType } from './enums';
import { NodeInterface } from './node.type';

/**
 * Inventory documents as the API shows them. Relations (author, items, product,
 * warehouses), `total` and `allowedActions` are field resolvers in resolvers/inventory-document.resolver.ts.
 */
@ObjectType('InventoryDocument', {
  implements: NodeInterface,
  description: 'Visible with DOCUMENT VIEW for its type when it has no items or an item in a selectable warehouse (DESIGN §3.4).',
})
export class InventoryDocumentType {
  @Field(() => ID) id: number;
  @Field(() => DocumentType) type: DocumentType;
  @Field(() => DocumentStatus) status: DocumentStatus;
  @Field() number: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) dealRef: string | null;
  @Field(() => DateScalar, { description: 'The UTC day its ledger rows count on: reports, stock at a date and movements date them by it (processedAt is when it was processed).' })
  documentDate: string;
  @Field(() => String, { nullable: true, description: 'Receipts: who delivered.' }) supplier: string | null;
  @Field(() => String, { nullable: true, description: 'Receipts: the number of the supplier\'s document.' }) incomingNumber: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Receipts: the date of the supplier\'s document.' }) incomingDate: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Date, { nullable: true }) processedAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => Int, { description: 'Optimistic lock: pass it back with every edit.' }) version: number;
}

@ObjectType('DocumentItem', { implements: NodeInterface, description: 'A line of a document; lines outside the viewer\'s warehouses are hidden.' })
export class DocumentItemType {
  @Field(() => ID) id: number;
  @Field(() => DecimalScalar) quantity: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'Needs PURCHASE_PRICE_VIEW.' }) purchasePrice: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Sale price of a SALES_ORDER line (null on other lines; the product\'s is captured at processing). Needs SALES_VIEW.' })
  salePrice: Decimal | null;
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
  @Field(() => DocumentOrderField) field: DocumentOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
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
  @Field(() => DocumentFilter, { nullable: true }) filter?: DocumentFilter | null;
  @Field(() => DocumentOrder, { nullable: true }) orderBy?: DocumentOrder | null;
  @Field(() => DocumentType, { nullable: true }) type?: DocumentType | null;
  @Field(() => DocumentStatus, { nullable: true }) status?: DocumentStatus | null;
  @Field(() => ID, { nullable: true, description: 'Documents with an item in this warehouse (empty when it is not selectable).' })
  warehouseId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after this moment.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created before this moment (exclusive).' }) to?: Date | null;
}

