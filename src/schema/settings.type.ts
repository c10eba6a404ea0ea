import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LIMITS, SETTING_LIMITS } from '../limits/limits';
import { NodeInterface } from './node.type';
import { DateScalar } from './date.scalar';

@ObjectType('InventorySettings', { implements: NodeInterface, description: 'The company-wide rules of the inventory area: negative stock, reservation periods, the closed period.' })
export class InventorySettingsType {
  @Field({ description: 'Processing may take stock below zero (off by default).' }) allowNegativeStock: boolean;
  @Field(() => Int, { description: 'Default reservation period in days (3 by default).' }) reservationDays: number;
  @Field(() => Int, { description: `No reservation may expire more than this many days ahead (${SETTING_LIMITS.maxReservationDays} by default).` }) maxReservationDays: number;
  @Field(() => DateScalar, { nullable: true, description: 'Days before this UTC day are closed: no document dated there is created, moved there, processed or cancelled (null: none closed).' })
  closedBefore: string | null;
}

@InputType('UpdateSettingsInput', { description: 'Omitted fields stay as they are.' })
export class UpdateSettingsInput {
  @Field(() => Boolean, { nullable: true, description: 'Whether processing may take stock below zero.' }) allowNegativeStock?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'From 1 to maxReservationDays (after this change).' }) reservationDays?: number | null;
  @Field(() => Int, { nullable: true, description: `1 to ${LIMITS.reservationDays} (reservationDays): how far ahead reserveProduct(expiresAt) may be.` }) maxReservationDays?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Closes every day before it (at most today, UTC); an earlier day reopens days, null reopens all; audited like every setting.' })
  closedBefore?: string | null;
}
