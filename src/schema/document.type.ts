import Decimal from 'decimal.js';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from './connection';
import { DecimalScalar } from './decimal.scalar';
import { DocumentAction, DocumentStatus, DocumentType } from './enums';

/**
 * Inventory documents as the API shows them. Relations (author, items, product,
 * warehouses), `total` and `allowedActions` are field resolvers in resolvers/inventory-document.resolver.ts.
 */
@ObjectType('InventoryDocument', {
  description: 'Visible with DOCUMENT VIEW for its type when it has no items or an item in a selectable warehouse (DESIGN §3.4).',
})
export class InventoryDocumentType {
  @Field(() => ID) id: number;
  @Field(() => DocumentType) type: DocumentType;
  @Field(() => DocumentStatus) status: DocumentStatus;
  @Field() number: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) dealRef: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Date, { nullable: true }) processedAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => Int, { description: 'Optimistic lock: pass it back with every edit.' }) version: number;
}

@ObjectType('DocumentItem', { description: 'A line of a document; lines outside the viewer\'s warehouses are hidden.' })
export class DocumentItemType {
  @Field(() => ID) id: number;
  @Field(() => DecimalScalar) quantity: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'Needs PURCHASE_PRICE_VIEW.' }) purchasePrice: Decimal | null;
}

export const InventoryDocumentConnection = Connection(InventoryDocumentType, 'InventoryDocument');

@ArgsType()
export class DocumentFilterArgs extends PageArgs {
  @Field(() => DocumentType, { nullable: true }) type?: DocumentType | null;
  @Field(() => DocumentStatus, { nullable: true }) status?: DocumentStatus | null;
  @Field(() => ID, { nullable: true, description: 'Documents with an item in this warehouse (empty when it is not selectable).' })
  warehouseId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after this moment.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created before this moment (exclusive).' }) to?: Date | null;
}

