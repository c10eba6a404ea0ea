import { Field, InputType } from 'type-graphql';

@InputType('CreateWarehouseInput', { description: 'A new warehouse, active and not the default.' })
export class CreateWarehouseInput {
  @Field({ description: 'Unique (case-insensitively), 1–32 characters: letters, digits, "-", "_", ".".' }) code: string;
  @Field({ description: 'What screens call it, 1–255 characters.' }) name: string;
  @Field(() => String, { nullable: true, description: 'Where it is, free text.' }) address?: string | null;
}

@InputType('UpdateWarehouseInput', { description: 'Omitted fields stay as they are; address: null clears it.' })
export class UpdateWarehouseInput {
  @Field(() => String, { nullable: true, description: 'A new code: unique (case-insensitively), 1–32 characters: letters, digits, "-", "_", ".".' })
  code?: string | null;
  @Field(() => String, { nullable: true, description: 'A new name, 1–255 characters.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'A new address; null clears it.' }) address?: string | null;
}
