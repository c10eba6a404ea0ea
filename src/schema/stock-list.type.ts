import Decimal from 'decimal.js';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateTimeRange, ORDER_DIRECTION, ORDER_FIELD, OrderDirection } from './connection';
import { DecimalScalar } from './decimal.scalar';
import { ReservationStatus } from './enums';

/** Orders and filters of the stock lists (issue 18 §1); their input rules are in input.rules.ts (DESIGN §3.9). */
export enum StockLevelOrderField {
  QUANTITY = 'QUANTITY',
  AVAILABLE = 'AVAILABLE',
  VALUE = 'VALUE',
  PRODUCT_SKU = 'PRODUCT_SKU',
  PRODUCT_NAME = 'PRODUCT_NAME',
  WAREHOUSE_NAME = 'WAREHOUSE_NAME',
}
registerEnumType(StockLevelOrderField, {
  name: 'StockLevelOrderField',
  description: 'What a list of stock levels sorts by.',
  valuesConfig: {
    QUANTITY: { description: 'The quantity on hand (today\'s; not with `at`).' },
    AVAILABLE: { description: 'Quantity − active reservations, as StockLevel.available (today\'s; not with `at`).' },
    VALUE: { description: 'The stock value (today\'s; not with `at`): sorting by it reads StockLevel.value.' },
    PRODUCT_SKU: { description: 'The product\'s SKU: sorting by it reads StockLevel.product.' },
    PRODUCT_NAME: { description: 'The product\'s name: sorting by it reads StockLevel.product.' },
    WAREHOUSE_NAME: { description: 'The name of the level\'s warehouse.' },
  },
});

@InputType({ description: 'The order of a list of stock levels; the id breaks ties. Default: by id ascending.' })
export class StockLevelOrder {
  @Field(() => StockLevelOrderField, { description: ORDER_FIELD }) field: StockLevelOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed stock level meets, all of them, also with the arguments beside it.' })
export class StockLevelFilter {
  @Field(() => ID, { nullable: true, description: 'Only this warehouse; one the viewer cannot select matches nothing.' }) warehouseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this product: filtering by it reads StockLevel.product.' }) productId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Available (quantity − active reservations) below this: low stock. Not with `at`.' })
  availableBelow?: Decimal | null;
  @Field(() => Boolean, { nullable: true, description: 'true: available below the level\'s minimum; false: the others. Not with `at`.' })
  belowMinimum?: boolean | null;
}

export enum ReservationOrderField {
  CREATED_AT = 'CREATED_AT',
  EXPIRES_AT = 'EXPIRES_AT',
  QUANTITY = 'QUANTITY',
  DEAL_REF = 'DEAL_REF',
}
registerEnumType(ReservationOrderField, {
  name: 'ReservationOrderField',
  description: 'What a list of reservations sorts by.',
  valuesConfig: {
    CREATED_AT: { description: 'When it was made.' },
    EXPIRES_AT: { description: 'When it stops holding stock.' },
    QUANTITY: { description: 'The quantity reserved.' },
    DEAL_REF: { description: 'The deal reference.' },
  },
});

@InputType({ description: 'The order of a list of reservations; the id breaks ties. Default: by id ascending (oldest first).' })
export class ReservationOrder {
  @Field(() => ReservationOrderField, { description: ORDER_FIELD }) field: ReservationOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed reservation meets, all of them, also with the arguments beside it.' })
export class ReservationFilter {
  @Field(() => ID, { nullable: true, description: 'Only this warehouse; one the viewer cannot select matches nothing.' }) warehouseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this product: filtering by it reads Reservation.product.' }) productId?: string | null;
  @Field(() => [ReservationStatus], { nullable: true, description: 'Any of these statuses.' }) statuses?: ReservationStatus[] | null;
  @Field(() => String, { nullable: true, description: 'The deal reference, exactly.' }) dealRef?: string | null;
  @Field(() => DateTimeRange, { nullable: true, description: 'Made in this range.' }) created?: DateTimeRange | null;
  @Field(() => DateTimeRange, { nullable: true, description: 'Expiring in this range.' }) expires?: DateTimeRange | null;
}
