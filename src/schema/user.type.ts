import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: number;
  @Field() login: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field() active: boolean;
}
