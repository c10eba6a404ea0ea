import Decimal from 'decimal.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection';
import { DecimalScalar } from './decimal.scalar';
import { DocumentAction, DocumentStatus, DocumentType } from './enums';

/**
 * Inventory documents as the API shows them. Relations (author, items, product,
 * warehouses), `total` and `allowedActions` are field resolvers in resolvers/document.resolver.ts.
 */
@ObjectType('InventoryDocument')
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

@ObjectType('DocumentItem')
export class DocumentItemType {
  @Field(() => ID) id: number;
  @Field(() => DecimalScalar) quantity: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'Needs PURCHASE_PRICE_VIEW.' }) purchasePrice: Decimal | null;
}

export const InventoryDocumentConnection = Connection(InventoryDocumentType, 'InventoryDocument');

export { DocumentAction };
