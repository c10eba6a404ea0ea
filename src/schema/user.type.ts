import { Field, ID, ObjectType } from 'type-graphql';
import { NODE_ID, NodeInterface } from './node.type';

@ObjectType('User', {
  implements: NodeInterface,
  description: 'A person who signs in: what they may do is the union of their role assignments (DESIGN §2). Authors, actors and '
    + 'role holders show as users wherever they appear.',
})
export class UserType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field({ description: 'What the bearer token\'s `sub` claim names, byte-exact; fixed when the user is created.' }) login: string;
  @Field({ description: 'The name screens show, e.g. on a document\'s author.' }) name: string;
  @Field(() => String, { nullable: true, description: 'An e-mail address for the user; null when none is on file.' }) email: string | null;
  @Field({ description: 'False once deactivated: every request of the user is refused.' }) active: boolean;
}
