import { GraphQLError, GraphQLSchema } from 'graphql';
import { RequestContext } from '../context';
import { Access } from './access';
import { Denial } from './rule';

/**
 * A subscription's root rule, asked when it starts. graphql-middleware wraps a subscription
 * field's `resolve` (run per event, where the rule is asked again with the access of that
 * moment), not its `subscribe`: without this, a viewer the rule denies would still open the
 * stream and simply never hear anything — a refusal is the honest answer (DESIGN §3.6).
 */
export function guardSubscriptionStart(schema: GraphQLSchema, denial: (access: Access, field: string, args: Record<string, unknown>) => Denial | null): GraphQLSchema {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe = field.subscribe;
    if (!subscribe) continue;
    field.subscribe = (source, args, ctx: RequestContext, info) => {
      const denied = denial(ctx.access, field.name, args);
      if (!denied) return subscribe(source, args, ctx, info);
      throw new GraphQLError(denied.message, {
        extensions: { code: denied.code, coordinate: `Subscription.${field.name}`, ...(denied.permission ? { permission: denied.permission } : {}) },
      });
    };
  }
  return schema;
}
