import Decimal from 'decimal.js';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from './connection';
import { DecimalScalar } from './decimal.scalar';
import { ReservationStatus } from './enums';
import { ReservationFilter, ReservationOrder } from './stock-list.type';
import { NODE_ID, NodeInterface } from './node.type';

/** A reservation of a product in a warehouse for a deal; `product`, `warehouse`, `createdBy` are field resolvers. */
@ObjectType('Reservation', {
  implements: NodeInterface,
  description: 'Stock of a product held in a warehouse for a deal until it expires: it lowers what is available to every other '
    + 'outgoing document (DESIGN §1).',
})
export class ReservationType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field(() => DecimalScalar, { description: 'How much is held, in the product\'s unit; what a partly shipped reservation still holds.' }) quantity: Decimal;
  @Field({ description: 'The deal it is held for: that deal\'s sales orders may take it.' }) dealRef: string;
  @Field(() => Date, { description: 'When it stops holding stock (by default the settings\' reservation period after it was made).' }) expiresAt: Date;
  @Field(() => ReservationStatus, { description: 'ACTIVE, RELEASED or CONSUMED; an ACTIVE one past expiresAt no longer counts.' }) status: ReservationStatus;
  @Field(() => Date, { description: 'When it was made.' }) createdAt: Date;
}

export const ReservationConnection = Connection(ReservationType, 'Reservation');

@ArgsType()
export class ReservationFilterArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only reservations of this product.' }) productId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this warehouse (empty when it is not selectable).' }) warehouseId?: string | null;
  @Field(() => ReservationStatus, { nullable: true, description: 'Only reservations in this status.' }) status?: ReservationStatus | null;
  @Field(() => ReservationFilter, { nullable: true, description: 'Combines with the arguments above (all must hold).' }) filter?: ReservationFilter | null;
  @Field(() => ReservationOrder, { nullable: true, description: 'The order of the list; default: oldest first.' }) orderBy?: ReservationOrder | null;
}
