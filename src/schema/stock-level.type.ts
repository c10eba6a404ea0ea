import Decimal from 'decimal.js';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from './connection';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { StockLevelFilter, StockLevelOrder } from './stock-list.type';
import { NODE_ID, NodeInterface } from './node.type';

/** Balance of one product in one warehouse; `product`, `warehouse`, `reserved`, `available`, `averageCost` are field resolvers. */
@ObjectType('StockLevel', {
  implements: NodeInterface,
  description: 'The stock of one product in one warehouse: the balance of its ledger rows, which it always equals (DESIGN §1).',
})
export class StockLevelType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field(() => DecimalScalar, { description: 'On hand, in the product\'s unit: the sum of the ledger rows; negative only when the settings allow it.' })
  quantity: Decimal;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'What the stock cost, at moving-average cost (DESIGN §1): 0 when quantity is 0.',
  }) value: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, name: 'minimum', description: 'Minimum stock set for this product in this warehouse (setStockMinimum); null: none.' })
  minimumQuantity: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'How much to reorder when below the minimum; null: not set.' })
  reorderQuantity: Decimal | null;
}

export const StockLevelConnection = Connection(StockLevelType, 'StockLevel');

@ArgsType()
export class StockLevelFilterArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this warehouse (empty when it is not selectable).' }) warehouseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only levels of this product.' }) productId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only levels whose available quantity is below their minimum; false: only the others.' })
  belowMinimum?: boolean | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Only levels whose available quantity (quantity − active reservations) is below this: low stock.' })
  availableBelow?: Decimal | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Stock at the end of this UTC day: the levels that existed then, with the quantity, value and reserved quantity they had (from the ledger and the reservations then active). Minimums are today\'s.',
  })
  at?: string | null;
  @Field(() => StockLevelFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' }) filter?: StockLevelFilter | null;
  @Field(() => StockLevelOrder, { nullable: true, description: 'The order of the list; default: by id, as levels were first stocked.' }) orderBy?: StockLevelOrder | null;
}

@ArgsType()
export class StockLevelChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only levels in this warehouse (none when it is not selectable); omitted: every selectable warehouse.' })
  warehouseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only levels of this product.' }) productId?: string | null;
}
