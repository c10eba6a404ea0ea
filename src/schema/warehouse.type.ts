import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Warehouse')
export class WarehouseType {
  @Field(() => ID) id: number;
  @Field() code: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field() isDefault: boolean;
  @Field() active: boolean;
}
