import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LIMITS, SETTING_LIMITS } from '../limits/limits';
import { NodeInterface } from './node.type';

@ObjectType('InventorySettings', { implements: NodeInterface })
export class InventorySettingsType {
  @Field({ description: 'Processing may take stock below zero (off by default).' }) allowNegativeStock: boolean;
  @Field(() => Int, { description: 'Default reservation period in days (3 by default).' }) reservationDays: number;
  @Field(() => Int, { description: `No reservation may expire more than this many days ahead (${SETTING_LIMITS.maxReservationDays} by default).` }) maxReservationDays: number;
}

@InputType('UpdateSettingsInput', { description: 'Omitted fields stay as they are.' })
export class UpdateSettingsInput {
  @Field(() => Boolean, { nullable: true }) allowNegativeStock?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'From 1 to maxReservationDays (after this change).' }) reservationDays?: number | null;
  @Field(() => Int, { nullable: true, description: `1 to ${LIMITS.reservationDays} (reservationDays): how far ahead reserveProduct(expiresAt) may be.` }) maxReservationDays?: number | null;
}
