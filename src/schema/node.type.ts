import { Field, ID, InterfaceType } from 'type-graphql';
import { nodeKindOf } from '../services/platform/node-kinds';

/**
 * Global object identification (issue 18 §2): every entity type implements Node, and
 * `node(id:)` / `nodes(ids:)` refetch any of them by its opaque id (docs/design.md "Ids").
 * The GraphQL type of a found object is the kind its id names (the kinds are named like the types).
 */
/** The description of every Node's `id`. */
export const NODE_ID = 'Global id (Node): opaque and stable, the same in every response; node(id:) finds the object by it.';

@InterfaceType('Node', {
  description: 'An object with a global id: stable, opaque, unique across all types (docs/frontend.md).',
  resolveType: (value: object) => nodeKindOf(value),
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'The global id: opaque, stable, the same in every response.' })
  id: unknown;
}
