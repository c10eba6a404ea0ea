import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { InventoryDocumentType } from './document.type';

@InputType({ description: 'A document to process, with the version the client last saw (a stale one is a CONFLICT for that item).' })
export class DocumentVersionInput {
  @Field(() => ID, { description: 'The DRAFT to process.' }) id: string;
  @Field(() => Int, { description: 'Its version as the client last read it (InventoryDocument.version).' }) version: number;
}

@ObjectType({ description: 'Why one item of a bulk request failed: the typed error the single mutation would have raised.' })
export class BulkItemError {
  @Field({ description: 'BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, INSUFFICIENT_STOCK, CONFLICT, INVALID_STATE …; NOT_APPLIED: an all-or-nothing request failed on another item.' })
  code: string;
  @Field({ description: 'What went wrong, as the single mutation would have said it.' }) message: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The error\'s other extensions (field, permission, needed, available …).' })
  details: Record<string, unknown> | null;
}

@ObjectType({ description: 'The result of one item of a bulk request: its document, or its error.' })
export class BulkDocumentResult {
  @Field(() => Int, { description: 'Position of the item in the request, from 0.' }) index: number;
  @Field(() => InventoryDocumentType, { nullable: true, description: 'The document created or processed; null when this item failed or nothing was applied.' })
  document: InventoryDocumentType | null;
  @Field(() => BulkItemError, { nullable: true, description: 'Why this item failed; null when it succeeded.' }) error: BulkItemError | null;
}

@ObjectType({ description: 'Per-item results of createDocuments / processDocuments.' })
export class BulkDocumentsPayload {
  @Field({ description: 'The request was all-or-nothing.' }) atomic: boolean;
  @Field({ description: 'false when an all-or-nothing request failed on some item and nothing was written.' }) applied: boolean;
  @Field(() => Int, { description: 'Items that have a document in their result.' }) succeeded: number;
  @Field(() => Int, { description: 'Items that have an error in their result (every item when an all-or-nothing request was not applied).' })
  failed: number;
  @Field(() => [BulkDocumentResult], { description: 'One result per item, in the order of the request.' }) results: BulkDocumentResult[];
}
