import Decimal from 'decimal.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { Product } from '../entities/product.entity';
import { DecimalScalar } from '../schema/decimal.scalar';
import { ProductType } from '../schema/product.type';
import { StockLevelType } from '../schema/stock-level.type';
import { reservedIn, sumOf, visibleLevelsOf } from '../services/documents/stock-query.service';

/** A product's stock, over the warehouses the viewer can select only (DESIGN §3.8). */
@Resolver(() => ProductType)
export class ProductStockResolver {
  @FieldResolver(() => [StockLevelType], { nullable: true, description: 'Per selectable warehouse. Needs INVENTORY_VIEW.' })
  stockLevels(@Root() product: Product, @Ctx() ctx: RequestContext) {
    return ctx.loaders.productLevels.load(product.id);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'On hand in the selectable warehouses. Needs INVENTORY_VIEW.' })
  async quantity(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return sumOf((await visibleLevelsOf(ctx, product.id)).map((level) => level.quantity));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Reserved in the selectable warehouses. Needs INVENTORY_VIEW.' })
  reserved(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return reservedIn(ctx, product.id, null);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'quantity − reserved in the selectable warehouses. Needs INVENTORY_VIEW.' })
  async available(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Decimal> {
    const [quantity, reserved] = await Promise.all([this.quantity(product, ctx), this.reserved(product, ctx)]);
    return quantity.minus(reserved);
  }
}
