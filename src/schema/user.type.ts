import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.type';

@ObjectType('User', { implements: NodeInterface })
export class UserType {
  @Field(() => ID) id: number;
  @Field() login: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field() active: boolean;
}
