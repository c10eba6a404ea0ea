import { Field, ID, ObjectType } from 'type-graphql';
import { NODE_ID, NodeInterface } from './node.type';

@ObjectType('Warehouse', {
  implements: NodeInterface,
  description: 'A place stock is kept. A row that refers to a warehouse the viewer cannot see is still shown, with that reference '
    + 'null (DESIGN §3.1–3.3).',
})
export class WarehouseType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field({ description: 'Short unique code, e.g. "MAIN". Document numbers of the warehouse carry its first code in upper case (RC-MAIN-000012), also after a rename.' }) code: string;
  @Field({ description: 'What screens call it.' }) name: string;
  @Field(() => String, { nullable: true, description: 'Where it is, free text; null when not given.' }) address: string | null;
  @Field({ description: 'The one default warehouse (exactly one is).' }) isDefault: boolean;
  @Field({ description: 'False once deactivated: it is left out of lists unless asked for and takes no new lines.' }) active: boolean;
}
