import Decimal from 'decimal.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { Product } from '../entities/product.entity';
import { DecimalScalar } from '../schema/decimal.scalar';
import { ProductType } from '../schema/product.type';
import { StockLevelType } from '../schema/stock-level.type';
import { reservedIn, sumOf, visibleLevelsOf } from '../services/documents/stock-query.service';

/**
 * A product's stock, over the warehouses the viewer can select only (DESIGN §3.8). A parent
 * product's quantity, reserved and available add up its own stock and its variants' (issue 19
 * §5): variants are one level deep (a variant cannot have variants), so that is the whole family.
 */
@Resolver(() => ProductType)
export class ProductStockResolver {
  @FieldResolver(() => [StockLevelType], { nullable: true, description: 'Its stock level in each warehouse the viewer can select that has one.' })
  stockLevels(@Root() product: Product, @Ctx() ctx: RequestContext) {
    return ctx.loaders.productLevels.load(product.id);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'On hand in the selectable warehouses; for a parent product, its own plus all its variants\' (stockLevels stay the product\'s own).' })
  async quantity(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Decimal> {
    const family = await familyOf(ctx, product);
    const levels = await Promise.all(family.map((id) => visibleLevelsOf(ctx, id)));
    return sumOf(levels.flat().map((level) => level.quantity));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Reserved in the selectable warehouses; for a parent product, its own plus all its variants\'.' })
  async reserved(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Decimal> {
    const family = await familyOf(ctx, product);
    return sumOf(await Promise.all(family.map((id) => reservedIn(ctx, id, null))));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'quantity − reserved in the selectable warehouses; for a parent product, over it and all its variants.' })
  async available(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Decimal> {
    const [quantity, reserved] = await Promise.all([this.quantity(product, ctx), this.reserved(product, ctx)]);
    return quantity.minus(reserved);
  }
}

/** The product and, when it is a parent, its variants (through the batched loader: one statement per page). */
async function familyOf(ctx: RequestContext, product: Product): Promise<number[]> {
  if (product.parentId !== null) return [product.id];
  return [product.id, ...(await ctx.loaders.variants.load(product.id)).map((variant) => variant.id)];
}
