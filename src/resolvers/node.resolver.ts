import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { NodeInterface } from '../schema/node.type';
import { nodeService } from '../services/platform/nodes.service';

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'The object with this global id, under the same rules as its own lookup: null when it does not exist, is hidden, or its lookup needs a permission the viewer lacks (docs/frontend.md).',
  })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Any id the API showed (Node.id).' }) id: string) {
    return nodeService.byId(ctx, id);
  }

  @Query(() => [NodeInterface], {
    nullable: 'itemsAndList',
    description: 'The objects with these global ids, in the order given; each null exactly when node(id:) would be.',
  })
  nodes(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { description: 'Ids the API showed, any kinds mixed.' }) ids: string[]) {
    return nodeService.byIds(ctx, ids);
  }
}
