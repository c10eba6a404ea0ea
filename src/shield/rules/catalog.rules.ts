import { authenticated, Permission, requires, visibleWithParent } from '../rules';
import { RuleTree } from '../rule';

/** Products need CATALOG_VIEW; purchase prices need PURCHASE_PRICE_VIEW (DESIGN §2). */
export const catalogRules: RuleTree = {
  Query: {
    products: requires(Permission.CATALOG_VIEW),
    product: requires(Permission.CATALOG_VIEW),
    productByBarcode: requires(Permission.CATALOG_VIEW),
    // A fixed reference list, like an enum of the schema: any signed-in viewer.
    units: authenticated,
  },
  Product: {
    ...visibleWithParent('id', 'sku', 'name', 'unit', 'archived', 'salePrice', 'parent', 'variants', 'attributes', 'barcodes'),
    purchasePrice: requires(Permission.PURCHASE_PRICE_VIEW),
  },
  ProductAttribute: visibleWithParent('name', 'value'),
  Unit: visibleWithParent('code', 'name', 'wholeNumbersOnly'),
  ProductConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  ProductEdge: visibleWithParent('cursor', 'node'),
};
