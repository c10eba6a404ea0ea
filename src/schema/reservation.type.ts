import Decimal from 'decimal.js';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from './connection';
import { DecimalScalar } from './decimal.scalar';
import { ReservationStatus } from './enums';
import { ReservationFilter, ReservationOrder } from './stock-list.type';
import { NodeInterface } from './node.type';

/** A reservation of a product in a warehouse for a deal; `product`, `warehouse`, `createdBy` are field resolvers. */
@ObjectType('Reservation', { implements: NodeInterface })
export class ReservationType {
  @Field(() => ID) id: number;
  @Field(() => DecimalScalar) quantity: Decimal;
  @Field() dealRef: string;
  @Field(() => Date) expiresAt: Date;
  @Field(() => ReservationStatus, { description: 'ACTIVE, RELEASED or CONSUMED; an ACTIVE one past expiresAt no longer counts.' }) status: ReservationStatus;
  @Field(() => Date) createdAt: Date;
}

export const ReservationConnection = Connection(ReservationType, 'Reservation');

@ArgsType()
export class ReservationFilterArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) productId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this warehouse (empty when it is not selectable).' }) warehouseId?: string | null;
  @Field(() => ReservationStatus, { nullable: true }) status?: ReservationStatus | null;
  @Field(() => ReservationFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' }) filter?: ReservationFilter | null;
  @Field(() => ReservationOrder, { nullable: true }) orderBy?: ReservationOrder | null;
}
