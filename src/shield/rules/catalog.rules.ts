import { Permission, requires, visibleWithParent } from '../rules';
import { RuleTree } from '../rule';

/** Products need CATALOG_VIEW; purchase prices need PURCHASE_PRICE_VIEW (DESIGN §2). */
export const catalogRules: RuleTree = {
  Query: {
    products: requires(Permission.CATALOG_VIEW),
    product: requires(Permission.CATALOG_VIEW),
    productByBarcode: requires(Permission.CATALOG_VIEW),
  },
  Product: {
    ...visibleWithParent('id', 'sku', 'name', 'unit', 'archived', 'salePrice', 'parent', 'variants', 'attributes', 'barcodes'),
    purchasePrice: requires(Permission.PURCHASE_PRICE_VIEW),
  },
  ProductAttribute: visibleWithParent('name', 'value'),
  ProductConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  ProductEdge: visibleWithParent('cursor', 'node'),
};
