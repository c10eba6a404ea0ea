import { Brackets } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { Page, PageArgs } from '../../schema/connection';
import { parseId } from '../platform/ids';
import { paginate } from '../platform/paginate';

export interface ProductFilter {
  /** Matches name or SKU, case-insensitively, or a barcode exactly; variants match by their own name too. */
  search?: string | null;
  /** Only top-level products (no variants). */
  topLevelOnly?: boolean;
  includeArchived?: boolean;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export const likePattern = (text: string) => `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;

export const productService = {
  list(ctx: RequestContext, filter: ProductFilter, page: PageArgs): Promise<Page<Product>> {
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
    return paginate(qb, 'p', page);
  },

  async byId(ctx: RequestContext, id: string): Promise<Product | null> {
    const key = parseId(id);
    return key === null ? null : ctx.loaders.product.load(key);
  },
};
