import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { Product } from '../entities/product.entity';
import { PageArgs } from '../schema/connection';
import { ProductAttributeType, ProductConnection, ProductType } from '../schema/product.type';
import { ProductListFilter, ProductOrder } from '../schema/product-list.type';
import { productService } from '../services/catalog/product.service';
import { productIdByBarcode } from '../services/catalog/product-barcodes';
import { UNITS } from '../services/catalog/units';
import { UnitType } from '../schema/unit.type';

@Resolver(() => ProductType)
export class ProductResolver {
  @Query(() => ProductConnection, { nullable: true, description: 'Products and variants; search matches name or SKU (case-insensitively, in part) or a barcode (exactly).' })
  products(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('topLevelOnly', { defaultValue: false }) topLevelOnly: boolean,
    @Arg('includeArchived', { defaultValue: false }) includeArchived: boolean,
    @Arg('filter', () => ProductListFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' })
    filter: ProductListFilter | null,
    @Arg('orderBy', () => ProductOrder, { nullable: true }) orderBy: ProductOrder | null,
  ) {
    return productService.list(ctx, { search, topLevelOnly, includeArchived, ...filter }, page, orderBy);
  }

  @Query(() => ProductType, { nullable: true })
  product(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return productService.byId(ctx, id);
  }

  @Query(() => [UnitType], { nullable: true, description: 'The units of measure a product may have (any signed-in viewer).' })
  units(): UnitType[] {
    return UNITS.map((unit) => ({ ...unit }));
  }

  @Query(() => ProductType, { nullable: true, description: 'The product with exactly this barcode (archived ones too), or null.' })
  async productByBarcode(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    const id = await productIdByBarcode(ctx, code);
    return id === null ? null : ctx.loaders.product.load(id);
  }

  @FieldResolver(() => [String], { description: 'Its barcodes, in the order they were set.' })
  async barcodes(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await ctx.loaders.barcodes.load(product.id)).map((b) => b.code);
  }

  @FieldResolver(() => ProductType, { nullable: true, description: 'The product this one is a variant of.' })
  parent(@Root() product: Product, @Ctx() ctx: RequestContext) {
    return product.parentId === null ? null : ctx.loaders.product.load(product.parentId);
  }

  @FieldResolver(() => [ProductType])
  variants(@Root() product: Product, @Ctx() ctx: RequestContext) {
    return ctx.loaders.variants.load(product.id);
  }

  @FieldResolver(() => [ProductAttributeType])
  attributes(@Root() product: Product): ProductAttributeType[] {
    return Object.entries(product.attributes ?? {}).map(([name, value]) => ({ name, value }));
  }
}
