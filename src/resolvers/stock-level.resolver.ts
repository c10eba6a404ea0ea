import Decimal from 'decimal.js';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { StockLevel } from '../entities/stock-level.entity';
import { DecimalScalar } from '../schema/decimal.scalar';
import { ProductType } from '../schema/product.type';
import { StockLevelConnection, StockLevelFilterArgs, StockLevelType } from '../schema/stock-level.type';
import { WarehouseType } from '../schema/warehouse.type';
import { reservedIn, stockQueryService } from '../services/documents/stock-query.service';
import { LevelAsOf } from '../services/documents/stock-at-date';

/** Reserved now, or — for a level of `stockLevels(at:)` — as it was at the end of that day. */
const reservedOf = (ctx: RequestContext, level: StockLevel | LevelAsOf): Promise<Decimal> =>
  ('reservedAsOf' in level ? Promise.resolve(level.reservedAsOf) : reservedIn(ctx, level.productId, level.warehouseId));
import { setStockMinimum } from '../services/documents/stock-minimum.service';

@Resolver(() => StockLevelType)
export class StockLevelResolver {
  @Query(() => StockLevelConnection, { nullable: true, description: 'Stock levels in the selectable warehouses, by warehouse and/or product.' })
  stockLevels(@Ctx() ctx: RequestContext, @Args() args: StockLevelFilterArgs) {
    return stockQueryService.levels(ctx, args);
  }

  @FieldResolver(() => ProductType, { nullable: true, description: 'The product in stock.' })
  product(@Root() level: StockLevel, @Ctx() ctx: RequestContext) {
    return ctx.loaders.product.load(level.productId);
  }

  @FieldResolver(() => WarehouseType, { nullable: true, description: 'The warehouse it is kept in.' })
  warehouse(@Root() level: StockLevel, @Ctx() ctx: RequestContext) {
    return ctx.loaders.warehouse.load(level.warehouseId);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Active, unexpired reservations.' })
  reserved(@Root() level: StockLevel, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return reservedOf(ctx, level);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'value / quantity, 4 places: the unit cost the next outgoing line leaves at; null when quantity ≤ 0.',
  })
  averageCost(@Root() level: StockLevel): Decimal | null {
    return level.quantity.greaterThan(0) ? level.value.div(level.quantity).toDecimalPlaces(4, Decimal.ROUND_HALF_UP) : null;
  }

  @FieldResolver(() => Boolean, { description: 'A minimum is set and available (quantity − reserved) is below it.' })
  async belowMinimum(@Root() level: StockLevel, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (level.minimumQuantity === null || level.minimumQuantity === undefined) return false;
    return level.quantity.minus(await reservedOf(ctx, level)).lessThan(level.minimumQuantity);
  }

  @Mutation(() => StockLevelType, {
    nullable: true,
    description: 'Sets (or with null clears) the minimum stock and reorder quantity of a product in a warehouse: belowMinimum and the low-stock filter compare against them.',
  })
  setStockMinimum(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID, { description: 'The product whose minimum to set.' }) productId: string,
    @Arg('warehouseId', () => ID, { description: 'The warehouse the minimum applies in.' }) warehouseId: string,
    @Arg('minimum', () => DecimalScalar, { nullable: true, description: 'The stock to keep at least, ≥ 0; null clears it.' }) minimum: Decimal | null,
    @Arg('reorderQuantity', () => DecimalScalar, { nullable: true, description: 'How much to reorder when below the minimum, ≥ 0; null clears it.' })
    reorderQuantity: Decimal | null,
  ) {
    return setStockMinimum(ctx, { productId, warehouseId, minimum, reorderQuantity });
  }

  @FieldResolver(() => DecimalScalar, { description: 'quantity − reserved: what outgoing documents and new reservations may still take.' })
  async available(@Root() level: StockLevel, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return level.quantity.minus(await reservedOf(ctx, level));
  }
}
