import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { InventoryDocumentType } from '../schema/document.type';
import { ProductType } from '../schema/product.type';
import { MovementHistoryArgs, StockMovementConnection, StockMovementType } from '../schema/stock-movement.type';
import { WarehouseType } from '../schema/warehouse.type';
import { MovementView, movementHistory } from '../services/documents/movement-history.service';
import { visibleDocumentLoader } from '../services/documents/document-query.service';

@Resolver(() => StockMovementType)
export class StockMovementResolver {
  @Query(() => StockMovementConnection, {
    nullable: true,
    description: 'A product\'s stock ledger in the selectable warehouses, oldest first, with the running balance after each row.',
  })
  movements(@Ctx() ctx: RequestContext, @Args() args: MovementHistoryArgs) {
    return movementHistory(ctx, args);
  }

  @FieldResolver(() => ProductType, { nullable: true, description: 'The product moved.' })
  product(@Root() row: MovementView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.product.load(row.productId);
  }

  @FieldResolver(() => WarehouseType, { nullable: true, description: 'The warehouse the stock moved into or out of.' })
  warehouse(@Root() row: MovementView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.warehouse.load(row.warehouseId);
  }

  @FieldResolver(() => InventoryDocumentType, { nullable: true, description: 'The document that posted the row; null when the viewer may not see it (DESIGN §3.2).' })
  document(@Root() row: MovementView, @Ctx() ctx: RequestContext) {
    return visibleDocumentLoader(ctx).load(row.documentId);
  }
}
