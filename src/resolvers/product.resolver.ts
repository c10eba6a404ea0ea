import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { Product } from '../entities/product.entity';
import { PageArgs } from '../schema/connection';
import { ProductAttributeType, ProductConnection, ProductType } from '../schema/product.type';
import { productService } from '../services/catalog/product.service';

@Resolver(() => ProductType)
export class ProductResolver {
  @Query(() => ProductConnection, { nullable: true, description: 'Products and variants; search matches name or SKU.' })
  products(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('topLevelOnly', { defaultValue: false }) topLevelOnly: boolean,
    @Arg('includeArchived', { defaultValue: false }) includeArchived: boolean,
  ) {
    return productService.list(ctx, { search, topLevelOnly, includeArchived }, page);
  }

  @Query(() => ProductType, { nullable: true })
  product(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return productService.byId(ctx, id);
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
