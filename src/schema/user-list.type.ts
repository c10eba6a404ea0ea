import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from './connection';

/** The user list's order and filter (issue 18 §1); everything here is readable by whoever may list users. */
export enum UserOrderField {
  LOGIN = 'LOGIN',
  NAME = 'NAME',
}
registerEnumType(UserOrderField, {
  name: 'UserOrderField',
  description: 'What a list of users sorts by.',
  valuesConfig: { LOGIN: { description: 'The login.' }, NAME: { description: 'The name.' } },
});

@InputType({ description: 'The order of a list of users; the id breaks ties. Default: in the order users were created (id ascending).' })
export class UserOrder {
  @Field(() => UserOrderField) field: UserOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed user meets, all of them, also with the arguments beside it.' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'The login exactly, any case.' }) login?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: active users; false: deactivated ones (pass includeInactive: true too).' })
  active?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Users holding this role (any narrowing); an unknown id matches nothing.' }) roleId?: string | null;
}
