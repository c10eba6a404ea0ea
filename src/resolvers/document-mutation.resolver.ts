import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { afterStockChange } from './after-change';
import { CreateDocumentInput, UpdateDocumentInput } from '../schema/document-input.type';
import { InventoryDocumentType } from '../schema/document.type';
import { documentService } from '../services/documents/document.service';

/** Document lifecycle mutations (DESIGN §1); each needs the DOCUMENT action and authority over every item's warehouses. */
@Resolver()
export class DocumentMutationResolver {
  @Mutation(() => InventoryDocumentType, { nullable: true, description: 'Creates a DRAFT document with its lines (DOCUMENT EDIT for the type).' })
  createDocument(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDocumentInput) input: CreateDocumentInput) {
    return documentService.create(ctx, input);
  }

  @Mutation(() => InventoryDocumentType, { nullable: true, description: 'Edits a DRAFT: header and lines (add, change, remove). A stale `version` is a CONFLICT and changes nothing.' })
  updateDocument(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateDocumentInput) input: UpdateDocumentInput,
  ) {
    return documentService.update(ctx, id, version, input);
  }

  @Mutation(() => InventoryDocumentType, { nullable: true, description: 'Processes a DRAFT: writes the stock ledger and levels in one transaction.' })
  processDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return afterStockChange(ctx, documentService.process(ctx, id, version));
  }

  @Mutation(() => InventoryDocumentType, { nullable: true, description: 'Cancels a PROCESSED document: appends reversing ledger rows dated now.' })
  cancelDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return afterStockChange(ctx, documentService.cancel(ctx, id, version));
  }

  @Mutation(() => ID, { nullable: true, description: 'Deletes a DRAFT or CANCELLED document; returns its id.' })
  deleteDocument(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
  ) {
    return documentService.remove(ctx, id, version);
  }
}
