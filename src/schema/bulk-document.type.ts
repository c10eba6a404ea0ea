import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { InventoryDocumentType } from './document.type';

@InputType({ description: 'A document to process, with the version the client last saw (a stale one is a CONFLICT for that item).' })
export class DocumentVersionInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
}

@ObjectType({ description: 'Why one item of a bulk request failed: the typed error the single mutation would have raised.' })
export class BulkItemError {
  @Field({ description: 'BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, INSUFFICIENT_STOCK, CONFLICT, INVALID_STATE …; NOT_APPLIED: an all-or-nothing request failed on another item.' })
  code: string;
  @Field() message: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The error\'s other extensions (field, permission, needed, available …).' })
  details: Record<string, unknown> | null;
}

@ObjectType({ description: 'The result of one item of a bulk request: its document, or its error.' })
export class BulkDocumentResult {
  @Field(() => Int, { description: 'Position of the item in the request, from 0.' }) index: number;
  @Field(() => InventoryDocumentType, { nullable: true }) document: InventoryDocumentType | null;
  @Field(() => BulkItemError, { nullable: true }) error: BulkItemError | null;
}

@ObjectType({ description: 'Per-item results of createDocuments / processDocuments.' })
export class BulkDocumentsPayload {
  @Field({ description: 'The request was all-or-nothing.' }) atomic: boolean;
  @Field({ description: 'false when an all-or-nothing request failed on some item and nothing was written.' }) applied: boolean;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
  @Field(() => [BulkDocumentResult]) results: BulkDocumentResult[];
}
