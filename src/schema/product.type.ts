import Decimal from 'decimal.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from './connection';
import { DecimalScalar } from './decimal.scalar';
import { NODE_ID, NodeInterface } from './node.type';

@ObjectType('ProductAttribute', { description: 'An attribute a variant differs by, e.g. colour = "powder pink".' })
export class ProductAttributeType {
  @Field({ description: 'What the variants differ by, e.g. "colour".' }) name: string;
  @Field({ description: 'This variant\'s value of it, e.g. "powder pink".' }) value: string;
}

@ObjectType('Product', {
  implements: NodeInterface,
  description: 'An article of the catalog, or a variant of one (parent set, e.g. a colour of a dress); its stock figures count the '
    + 'warehouses the viewer can select only (docs/catalog-and-warehouses.md).',
})
export class ProductType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field({ description: 'Stock-keeping unit: unique in the catalog, case-insensitively.' }) sku: string;
  @Field({ description: 'What it is called on screens and documents.' }) name: string;
  @Field({ description: 'Its unit of measure: a code of the units query, e.g. "pcs" or "kg".' }) unit: string;
  @Field({ description: 'Archived products are left out of lists (unless asked for) and cannot be put on new lines; their history stays.' })
  archived: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'What it is bought at: the price a receipt line without one is valued at; null when not set.' })
  purchasePrice: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'What it is sold at: captured on a sales order line without a sale price; null when not set.' })
  salePrice: Decimal | null;
}

export const ProductConnection = Connection(ProductType, 'Product');
