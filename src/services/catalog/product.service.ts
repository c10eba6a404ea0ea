import { Brackets } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { Page, PageArgs } from '../../schema/connection';
import { parseId } from '../platform/ids';
import { BY_ID, Ordering, paginate } from '../platform/paginate';
import { ProductOrder, ProductOrderField } from '../../schema/product-list.type';

export interface ProductFilter {
  /** Matches name or SKU, case-insensitively, or a barcode exactly; variants match by their own name too. */
  search?: string | null;
  /** Only top-level products (no variants). */
  topLevelOnly?: boolean;
  includeArchived?: boolean;
  /** The SKU exactly, any case. */
  sku?: string | null;
  skuPrefix?: string | null;
  /** Only the variants of this product. */
  parentId?: string | null;
  /** The product with this barcode, byte-exact. */
  barcode?: string | null;
}

const ORDER_COLUMNS: Record<ProductOrderField, NonNullable<Ordering<Product>['column']>> = {
  SKU: { path: 'p.sku', kind: 'text', value: (p) => p.sku },
  NAME: { path: 'p.name', kind: 'text', value: (p) => p.name },
};

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export const likePattern = (text: string) => `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;

export const productService = {
  list(ctx: RequestContext, filter: ProductFilter, page: PageArgs, order?: ProductOrder | null): Promise<Page<Product>> {
    const qb = ctx.db.getRepository(Product).createQueryBuilder('p');
    if (!filter.includeArchived) qb.andWhere('p.archived = :archived', { archived: false });
    if (filter.topLevelOnly) qb.andWhere('p.parentId IS NULL');
    const search = filter.search?.trim();
    if (search) {
      const pattern = likePattern(search);
      qb.andWhere(new Brackets((w) => {
        w.where("LOWER(p.name) LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("LOWER(p.sku) LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere('p.id IN (SELECT b.productId FROM product_barcode b WHERE b.code = :barcode)', { barcode: search });
      }));
    }
    if (filter.sku) qb.andWhere('LOWER(p.sku) = :sku', { sku: filter.sku.trim().toLowerCase() });
    if (filter.skuPrefix) qb.andWhere("LOWER(p.sku) LIKE :skuPrefix ESCAPE '!'", { skuPrefix: likePattern(filter.skuPrefix.trim()).slice(1) });
    if (filter.parentId !== undefined && filter.parentId !== null) qb.andWhere('p.parentId = :parentId', { parentId: parseId(filter.parentId) ?? -1 });
    if (filter.barcode !== undefined && filter.barcode !== null) {
      qb.andWhere('p.id IN (SELECT fb.productId FROM product_barcode fb WHERE fb.code = :filterBarcode)', { filterBarcode: filter.barcode });
    }
    return paginate(qb, 'p', page, order ? { key: order.field, direction: order.direction, column: ORDER_COLUMNS[order.field] } : BY_ID);
  },

  async byId(ctx: RequestContext, id: string): Promise<Product | null> {
    const key = parseId(id);
    return key === null ? null : ctx.loaders.product.load(key);
  },
};
