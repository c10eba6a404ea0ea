import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { DocumentItem } from '../entities/document-item.entity';
import { DecimalScalar } from '../schema/decimal.scalar';
import { DocumentItemType } from '../schema/document.type';
import { DocumentType } from '../schema/enums';
import { ProductType } from '../schema/product.type';
import { WarehouseType } from '../schema/warehouse.type';
import { lineTotal } from '../services/documents/document-query.service';

@Resolver(() => DocumentItemType)
export class DocumentItemResolver {
  @FieldResolver(() => ProductType, { nullable: true, description: 'The product the line moves.' })
  product(@Root() item: DocumentItem, @Ctx() ctx: RequestContext) {
    return ctx.loaders.product.load(item.productId);
  }

  @FieldResolver(() => WarehouseType, { nullable: true, description: 'null when the type has no source side or the viewer cannot select it.' })
  fromWarehouse(@Root() item: DocumentItem, @Ctx() ctx: RequestContext) {
    return item.fromWarehouseId === null ? null : ctx.loaders.warehouse.load(item.fromWarehouseId);
  }

  @FieldResolver(() => WarehouseType, { nullable: true, description: 'null when the type has no target side or the viewer cannot select it.' })
  toWarehouse(@Root() item: DocumentItem, @Ctx() ctx: RequestContext) {
    return item.toWarehouseId === null ? null : ctx.loaders.warehouse.load(item.toWarehouseId);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'quantity × purchasePrice (0 without a price); on a processed INVENTORY_COUNT line difference × purchasePrice, negative for a shortage.',
  })
  lineTotal(@Root() item: DocumentItem) {
    return lineTotal(item);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'INVENTORY_COUNT lines: the quantity counted (the line\'s quantity); null on other lines.' })
  async countedQuantity(@Root() item: DocumentItem, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.documentType.load(item.documentId)) === DocumentType.INVENTORY_COUNT ? item.quantity : null;
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'INVENTORY_COUNT lines: countedQuantity − bookQuantity, what processing posted (positive: a surplus, negative: a shortage); null until processed and on other lines.',
  })
  difference(@Root() item: DocumentItem) {
    return item.bookQuantity == null ? null : item.quantity.minus(item.bookQuantity);
  }
}
