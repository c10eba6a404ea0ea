import Decimal from 'decimal.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from './connection';
import { DecimalScalar } from './decimal.scalar';
import { NodeInterface } from './node.type';

@ObjectType('ProductAttribute', { description: 'An attribute a variant differs by, e.g. colour = "powder pink".' })
export class ProductAttributeType {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType('Product', { implements: NodeInterface })
export class ProductType {
  @Field(() => ID) id: number;
  @Field() sku: string;
  @Field() name: string;
  @Field() unit: string;
  @Field() archived: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'Needs PURCHASE_PRICE_VIEW.' }) purchasePrice: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true }) salePrice: Decimal | null;
}

export const ProductConnection = Connection(ProductType, 'Product');
