import { Field, InputType } from 'type-graphql';

@InputType('CreateWarehouseInput')
export class CreateWarehouseInput {
  @Field({ description: 'Unique (case-insensitively), 1–32 characters: letters, digits, "-", "_", ".".' }) code: string;
  @Field({ description: '1–255 characters.' }) name: string;
  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' }) address?: string | null;
}

@InputType('UpdateWarehouseInput', { description: 'Omitted fields stay as they are; address: null clears it.' })
export class UpdateWarehouseInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
}
