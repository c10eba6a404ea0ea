import { Field, InputType } from 'type-graphql';
import { Connection } from './connection';
import { UserType } from './user.type';

export const UserConnection = Connection(UserType, 'User');

@InputType('CreateUserInput', { description: 'The login is the bearer token\'s `sub` and cannot be changed later.' })
export class CreateUserInput {
  @Field({ description: 'What the user\'s tokens carry as `sub`, byte-exact: unique, and no two logins may differ only in case.' }) login: string;
  @Field({ description: 'The name screens show.' }) name: string;
  @Field(() => String, { nullable: true, description: 'An e-mail address (default: none).' }) email?: string | null;
}

@InputType('UpdateUserInput', { description: 'Omitted fields keep their value; email: null clears it.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'A new name.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'A new e-mail address; null clears it.' }) email?: string | null;
}
