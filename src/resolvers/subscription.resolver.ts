import { Arg, Args, Ctx, ID, Resolver, Root, Subscription, SubscribeResolverData } from 'type-graphql';
import { RequestContext } from '../context';
import { DomainError } from '../errors';
import { InventoryDocumentType } from '../schema/document.type';
import { StockLevelChangedArgs, StockLevelType } from '../schema/stock-level.type';
import { changeFilters } from '../services/documents/change-filters';
import { documentQueryService } from '../services/documents/document-query.service';
import { stockQueryService } from '../services/documents/stock-query.service';
import { ChangeEvent } from '../services/platform/events';

type Data = SubscribeResolverData<unknown, Record<string, string | null | undefined>, RequestContext>;

/** The change stream of a graphql-ws context; HTTP refuses subscriptions before this runs (argument-limits.plugin.ts). */
function changes(context: RequestContext, accept: (event: ChangeEvent) => boolean) {
  if (!context.changes) throw new DomainError('BAD_USER_INPUT', 'Subscriptions run over graphql-ws only.');
  return context.changes(accept);
}

/**
 * Live stock (docs/subscriptions.md): each event carries ids only and is re-read here under the
 * subscriber's access of that moment; a hidden object reads as null and is not delivered at all.
 */
@Resolver()
export class SubscriptionResolver {
  @Subscription(() => StockLevelType, {
    nullable: true,
    description: 'A stock level after each committed change that moved it: a document processed or cancelled, a reservation made or released.',
    subscribe: ({ args, context }: Data) => changes(context, changeFilters.stockLevel(args)),
  })
  stockLevelChanged(@Root() event: ChangeEvent & { kind: 'stockLevel' }, @Ctx() ctx: RequestContext, @Args() _filter: StockLevelChangedArgs) {
    return stockQueryService.levelOf(ctx, event.productId, event.warehouseId);
  }

  @Subscription(() => InventoryDocumentType, {
    nullable: true,
    description: 'The document after each committed processing or cancellation.',
    subscribe: ({ args, context }: Data) => changes(context, changeFilters.document(args as { id: string })),
  })
  documentChanged(@Root() event: ChangeEvent & { kind: 'document' }, @Ctx() ctx: RequestContext,
                  @Arg('id', () => ID, { description: 'The document to follow; one the viewer cannot see sends nothing.' }) _id: string) {
    return documentQueryService.byId(ctx, String(event.id));
  }
}
