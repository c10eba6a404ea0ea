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
    @Arg('search', () => String, { nullable: true, description: 'Part of a name or SKU in any case, or a whole barcode.' }) search: string | null,
    @Arg('topLevelOnly', { defaultValue: false, description: 'true: products only, without their variants.' }) topLevelOnly: boolean,
    @Arg('includeArchived', { defaultValue: false, description: 'true: archived products too.' }) includeArchived: boolean,
    @Arg('filter', () => ProductListFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' })
    filter: ProductListFilter | null,
    @Arg('orderBy', () => ProductOrder, { nullable: true, description: 'The order of the list; default: as they were created.' }) orderBy: ProductOrder | null,
  ) {
    return productService.list(ctx, { search, topLevelOnly, includeArchived, ...filter }, page, orderBy);
  }

  @Query(() => ProductType, { nullable: true, description: 'One product or variant, archived ones too; null when there is none with this id.' })
  product(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The product\'s id.' }) id: string) {
    return productService.byId(ctx, id);
  }

  @Query(() => [UnitType], { nullable: true, description: 'The units of measure a product may have.' })
  units(): UnitType[] {
    return UNITS.map((unit) => ({ ...unit }));
  }

  @Query(() => ProductType, { nullable: true, description: 'The product with exactly this barcode (archived ones too), or null.' })
  async productByBarcode(@Ctx() ctx: RequestContext, @Arg('code', { description: 'The barcode, byte-exact, as a scanner reads it.' }) code: string) {
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

  @FieldResolver(() => [ProductType], { description: 'Its variants, when it is a parent product; empty for a variant.' })
  variants(@Root() product: Product, @Ctx() ctx: RequestContext) {
    return ctx.loaders.variants.load(product.id);
  }

  @FieldResolver(() => [ProductAttributeType], { description: 'What a variant differs by from its siblings; empty for most top-level products.' })
  attributes(@Root() product: Product): ProductAttributeType[] {
    return Object.entries(product.attributes ?? {}).map(([name, value]) => ({ name, value }));
  }
}
