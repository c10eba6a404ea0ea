import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { afterStockChange } from './after-change';
import { BulkDocumentsPayload, DocumentVersionInput } from '../schema/bulk-document.type';
import { CreateDocumentInput } from '../schema/document-input.type';
import { bulkDocumentService, MAX_BULK_DOCUMENTS } from '../services/documents/bulk-document.service';

const ATOMIC = 'All-or-nothing: when any item fails, nothing is written (default false: every item stands alone).';

/** Bulk document mutations for integrations (issue 16 §5): each item under the same rules as the single mutation. */
@Resolver()
export class BulkDocumentResolver {
  @Mutation(() => BulkDocumentsPayload, {
    nullable: true,
    description: `Creates up to ${MAX_BULK_DOCUMENTS} DRAFT documents, each as createDocument would, under its rules: one result per input, a refused item failing alone (unless atomic).`,
  })
  createDocuments(
    @Ctx() ctx: RequestContext,
    @Arg('inputs', () => [CreateDocumentInput], { description: 'The documents, each as createDocument takes it.' }) inputs: CreateDocumentInput[],
    @Arg('atomic', () => Boolean, { defaultValue: false, description: ATOMIC }) atomic: boolean,
  ) {
    return bulkDocumentService.create(ctx, inputs, atomic);
  }

  @Mutation(() => BulkDocumentsPayload, {
    nullable: true,
    description: `Processes up to ${MAX_BULK_DOCUMENTS} DRAFT documents, each as processDocument would, under its rules: one result per document, a refused item failing alone (unless atomic).`,
  })
  processDocuments(
    @Ctx() ctx: RequestContext,
    @Arg('documents', () => [DocumentVersionInput], { description: 'The drafts, each with the version the client last saw.' }) documents: DocumentVersionInput[],
    @Arg('atomic', () => Boolean, { defaultValue: false, description: ATOMIC }) atomic: boolean,
  ) {
    return afterStockChange(ctx, bulkDocumentService.process(ctx, documents, atomic));
  }
}
