import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { ProductImportResultType } from '../schema/product-import.type';
import { CreateProductInput, UpdateProductInput } from '../schema/product-input.type';
import { ProductType } from '../schema/product.type';
import { productAdminService } from '../services/catalog/product-admin.service';
import { productImportService } from '../services/catalog/product-import.service';

@Resolver()
export class ProductMutationResolver {
  @Mutation(() => ProductType, { nullable: true, description: 'Creates a product, or with parentId a variant of one.' })
  createProduct(@Ctx() ctx: RequestContext, @Arg('input', () => CreateProductInput, { description: 'SKU, name, unit, prices and barcodes; for a variant, its parent and attributes.' }) input: CreateProductInput) {
    return productAdminService.create(ctx, input);
  }

  @Mutation(() => ProductType, { nullable: true, description: 'Changes a product\'s SKU, name, attributes, prices, unit or barcodes.' })
  updateProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The product to change.' }) id: string,
                @Arg('input', () => UpdateProductInput, { description: 'What to change.' }) input: UpdateProductInput) {
    return productAdminService.update(ctx, id, input);
  }

  @Mutation(() => ProductType, { nullable: true, description: 'Hides the product (and its variants) from lists; history stays.' })
  archiveProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The product to archive.' }) id: string) {
    return productAdminService.setArchived(ctx, id, true);
  }

  @Mutation(() => ProductType, {
    nullable: true,
    description: 'Shows an archived product (a parent with its variants) in lists again; a variant whose parent is archived is INVALID_STATE.',
  })
  unarchiveProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The product to restore.' }) id: string) {
    return productAdminService.setArchived(ctx, id, false);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description: 'Only for products without movements, document items, reservations or variants; INVALID_STATE otherwise (archive instead).',
  })
  deleteProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The product to delete.' }) id: string) {
    return productAdminService.delete(ctx, id);
  }

  @Mutation(() => ProductImportResultType, {
    nullable: true,
    description: 'Creates products from CSV (columns: sku,name,parentSku,attributes,purchasePrice,salePrice,unit,barcodes — barcodes separated by ";"); all or nothing.',
  })
  importProductsCsv(@Ctx() ctx: RequestContext, @Arg('csv', { description: 'The file\'s text, header line first.' }) csv: string) {
    return productImportService.importCsv(ctx, csv);
  }
}
