import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LIMITS } from '../limits/limits';

@ObjectType('InventorySettings')
export class InventorySettingsType {
  @Field({ description: 'Processing may take stock below zero (off by default).' }) allowNegativeStock: boolean;
  @Field(() => Int, { description: 'Default reservation period in days (3 by default).' }) reservationDays: number;
}

@InputType('UpdateSettingsInput', { description: 'Omitted fields stay as they are.' })
export class UpdateSettingsInput {
  @Field(() => Boolean, { nullable: true }) allowNegativeStock?: boolean | null;
  @Field(() => Int, { nullable: true, description: `1 to ${LIMITS.reservationDays} (reservationDays); no reservation expires later than that many days ahead.` }) reservationDays?: number | null;
}
