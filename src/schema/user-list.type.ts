import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ORDER_DIRECTION, ORDER_FIELD, OrderDirection } from './connection';

/** The user list's order and filter (issue 18 §1); everything here is readable by whoever may list users. */
export enum UserOrderField {
  LOGIN = 'LOGIN',
  NAME = 'NAME',
}
registerEnumType(UserOrderField, {
  name: 'UserOrderField',
  description: 'What a list of users sorts by.',
  valuesConfig: {
    LOGIN: { description: 'By login, upper and lower case together (Zoe after victor).' },
    NAME: { description: 'By name, upper and lower case together.' },
  },
});

@InputType({ description: 'The order of a list of users; the id breaks ties. Default: in the order users were created (id ascending).' })
export class UserOrder {
  @Field(() => UserOrderField, { description: ORDER_FIELD }) field: UserOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed user meets, all of them, also with the arguments beside it.' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'The login exactly, any case.' }) login?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: active users; false: deactivated ones (pass includeInactive: true too).' })
  active?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Users holding this role (any narrowing); an unknown id matches nothing.' }) roleId?: string | null;
}
