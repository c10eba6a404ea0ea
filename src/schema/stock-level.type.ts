import Decimal from 'decimal.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar';

/** Balance of one product in one warehouse; `product`, `warehouse`, `reserved`, `available` are field resolvers. */
@ObjectType('StockLevel')
export class StockLevelType {
  @Field(() => ID) id: number;
  @Field(() => DecimalScalar) quantity: Decimal;
}
