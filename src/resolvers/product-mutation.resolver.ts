import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { ProductImportResultType } from '../schema/product-import.type';
import { CreateProductInput, UpdateProductInput } from '../schema/product-input.type';
import { ProductType } from '../schema/product.type';
import { productAdminService } from '../services/catalog/product-admin.service';
import { productImportService } from '../services/catalog/product-import.service';

@Resolver()
export class ProductMutationResolver {
  @Mutation(() => ProductType, { nullable: true, description: 'Needs CATALOG_EDIT (and PURCHASE_PRICE_VIEW to set a purchase price).' })
  createProduct(@Ctx() ctx: RequestContext, @Arg('input', () => CreateProductInput) input: CreateProductInput) {
    return productAdminService.create(ctx, input);
  }

  @Mutation(() => ProductType, { nullable: true, description: 'Needs CATALOG_EDIT (and PURCHASE_PRICE_VIEW to set a purchase price).' })
  updateProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string,
                @Arg('input', () => UpdateProductInput) input: UpdateProductInput) {
    return productAdminService.update(ctx, id, input);
  }

  @Mutation(() => ProductType, { nullable: true, description: 'Hides the product (and its variants) from lists; history stays.' })
  archiveProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return productAdminService.setArchived(ctx, id, true);
  }

  @Mutation(() => ProductType, { nullable: true })
  unarchiveProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return productAdminService.setArchived(ctx, id, false);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description: 'Only for products without movements, document items, reservations or variants; INVALID_STATE otherwise (archive instead).',
  })
  deleteProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return productAdminService.delete(ctx, id);
  }

  @Mutation(() => ProductImportResultType, {
    nullable: true,
    description: 'Creates products from CSV (columns: sku,name,parentSku,attributes,purchasePrice,salePrice,unit,barcodes — barcodes separated by ";"); all or nothing.',
  })
  importProductsCsv(@Ctx() ctx: RequestContext, @Arg('csv') csv: string) {
    return productImportService.importCsv(ctx, csv);
  }
}
