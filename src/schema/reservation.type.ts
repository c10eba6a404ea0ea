import Decimal from 'decimal.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar';
import { ReservationStatus } from './enums';

/** A reservation of a product in a warehouse for a deal; `product`, `warehouse`, `createdBy` are field resolvers. */
@ObjectType('Reservation')
export class ReservationType {
  @Field(() => ID) id: number;
  @Field(() => DecimalScalar) quantity: Decimal;
  @Field() dealRef: string;
  @Field(() => Date) expiresAt: Date;
  @Field(() => ReservationStatus, { description: 'ACTIVE, RELEASED or CONSUMED; an ACTIVE one past expiresAt no longer counts.' }) status: ReservationStatus;
  @Field(() => Date) createdAt: Date;
}
