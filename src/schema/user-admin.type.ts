import { Field, InputType } from 'type-graphql';
import { Connection } from './connection';
import { UserType } from './user.type';

export const UserConnection = Connection(UserType, 'User');

@InputType('CreateUserInput', { description: 'The login is the bearer token\'s `sub` and cannot be changed later.' })
export class CreateUserInput {
  @Field() login: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType('UpdateUserInput', { description: 'Omitted fields keep their value; email: null clears it.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}
