import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.type';

@ObjectType('Warehouse', { implements: NodeInterface })
export class WarehouseType {
  @Field(() => ID) id: number;
  @Field() code: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field() isDefault: boolean;
  @Field() active: boolean;
}
