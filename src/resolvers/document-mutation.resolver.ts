import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { afterStockChange } from './after-change';
import { CreateDocumentInput, UpdateDocumentInput } from '../schema/document-input.type';
import { InventoryDocumentType } from '../schema/document.type';
import { documentService } from '../services/documents/document.service';

const VERSION = 'The version the client last read (InventoryDocument.version): a stale one is a CONFLICT, and nothing changes.';

/** Document lifecycle mutations (DESIGN §1); each needs the DOCUMENT action and authority over every item's warehouses. */
@Resolver()
export class DocumentMutationResolver {
  @Mutation(() => InventoryDocumentType, { nullable: true, description: 'Creates a DRAFT document with its lines, numbered in its type\'s sequence.' })
  createDocument(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDocumentInput, { description: 'The document: type, header and lines.' }) input: CreateDocumentInput) {
    return documentService.create(ctx, input);
  }

  @Mutation(() => InventoryDocumentType, { nullable: true, description: 'Edits a DRAFT: header and lines (add, change, remove). A stale `version` is a CONFLICT and changes nothing.' })
  updateDocument(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The DRAFT to edit.' }) id: string,
    @Arg('version', () => Int, { description: VERSION }) version: number,
    @Arg('input', () => UpdateDocumentInput, { description: 'What to change.' }) input: UpdateDocumentInput,
  ) {
    return documentService.update(ctx, id, version, input);
  }

  @Mutation(() => InventoryDocumentType, {
    nullable: true,
    description: 'Processes a DRAFT: writes the stock ledger and levels in one transaction; INSUFFICIENT_STOCK when a line would take more than is available.',
  })
  processDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The DRAFT to process.' }) id: string,
                  @Arg('version', () => Int, { description: VERSION }) version: number) {
    return afterStockChange(ctx, documentService.process(ctx, id, version));
  }

  @Mutation(() => InventoryDocumentType, {
    nullable: true,
    description: 'Cancels a PROCESSED document: appends ledger rows that reverse its own, dated like them (DESIGN §1); refused with INVALID_STATE when stock it brought in has left since.',
  })
  cancelDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The PROCESSED document to cancel.' }) id: string,
                 @Arg('version', () => Int, { description: VERSION }) version: number) {
    return afterStockChange(ctx, documentService.cancel(ctx, id, version));
  }

  @Mutation(() => ID, { nullable: true, description: 'Deletes a DRAFT or CANCELLED document; returns its id.' })
  deleteDocument(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The DRAFT or CANCELLED document to delete.' }) id: string,
    @Arg('version', () => Int, { nullable: true, description: `${VERSION} Omitted: deleted whatever its version.` }) version: number | null,
  ) {
    return documentService.remove(ctx, id, version);
  }
}
