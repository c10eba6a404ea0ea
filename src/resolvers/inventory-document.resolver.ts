import Decimal from 'decimal.js';
import { StockLevelType } from '../schema/stock-level.type';
import { levelsMovedBy } from '../services/documents/stock-query.service';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { DecimalScalar } from '../schema/decimal.scalar';
import { DocumentFilterArgs, DocumentItemType, InventoryDocumentConnection, InventoryDocumentType } from '../schema/document.type';
import { DocumentAction } from '../schema/enums';
import { UserType } from '../schema/user.type';
import { DocumentView, documentQueryService } from '../services/documents/document-query.service';
import { allowedActions } from '../shield/document-access';

@Resolver(() => InventoryDocumentType)
export class InventoryDocumentResolver {
  @Query(() => InventoryDocumentConnection, { nullable: true, description: 'Documents the viewer may see, oldest first.' })
  documents(@Ctx() ctx: RequestContext, @Args() args: DocumentFilterArgs) {
    return documentQueryService.list(ctx, args);
  }

  @Query(() => InventoryDocumentType, { nullable: true, description: 'One document; null when missing or not visible to the viewer.' })
  document(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The document\'s id.' }) id: string) {
    return documentQueryService.byId(ctx, id);
  }

  @FieldResolver(() => [DocumentItemType], { description: 'The items in the viewer\'s warehouses only.' })
  items(@Root() doc: DocumentView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.documentItems.load(doc.id);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Σ lineTotal over the items the viewer can see: quantity × purchase price (an INVENTORY_COUNT line: difference × purchase price, what the count changed the stock value by; a line without a price counts 0).',
  })
  total(@Root() doc: DocumentView, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return documentQueryService.visibleTotal(ctx, doc.id);
  }

  @FieldResolver(() => [DocumentAction], { description: 'What this viewer may do with this document now (DESIGN §3.9).' })
  allowedActions(@Root() doc: DocumentView, @Ctx() ctx: RequestContext): DocumentAction[] {
    return allowedActions(ctx.access, doc);
  }

  @FieldResolver(() => [StockLevelType], {
    description: 'The stock levels this document\'s lines move, as they stand now, in the warehouses the viewer can select: what processDocument or cancelDocument changed, so a client cache stays true (docs/frontend.md).',
  })
  changedStockLevels(@Root() doc: DocumentView, @Ctx() ctx: RequestContext) {
    return levelsMovedBy(ctx, doc.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who created it.' })
  author(@Root() doc: DocumentView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(doc.authorId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who processed it; null while it is a draft.' })
  processedBy(@Root() doc: DocumentView, @Ctx() ctx: RequestContext) {
    return doc.processedById === null ? null : ctx.loaders.user.load(doc.processedById);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who cancelled it; null unless CANCELLED.' })
  cancelledBy(@Root() doc: DocumentView, @Ctx() ctx: RequestContext) {
    return doc.cancelledById === null ? null : ctx.loaders.user.load(doc.cancelledById);
  }
}
