import { getNamedType, GraphQLSchema, isObjectType } from 'graphql';
import { applyMiddleware, IMiddlewareFunction } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import { RequestContext } from '../../src/context';
import { GuardMap, RuleTree } from '../../src/shield/rule';
import { deny } from '../../src/shield/rules';

/**
 * Bench only: the same rule tree applied the stock way — graphql-shield through
 * graphql-middleware's applyMiddleware over every field, row guards as a second middleware
 * awaiting every guarded field — the peer the server's selective application is measured against.
 */
export function stockShieldSchema(schema: GraphQLSchema, tree: RuleTree, guards: GuardMap): GraphQLSchema {
  const permissions = shield(tree, { fallbackRule: deny, allowExternalErrors: true });
  const guardMiddleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const guard = guards[getNamedType(field.type).name];
      if (!guard) continue;
      guardMiddleware[type.name] ??= {};
      guardMiddleware[type.name][field.name] = async (resolve, parent, args, ctx: RequestContext, info) => {
        const value = await resolve(parent, args, ctx, info);
        if (value === null || value === undefined) return value;
        if (Array.isArray(value)) return value.filter((item) => item === null || guard(ctx.access, item));
        return guard(ctx.access, value) ? value : null;
      };
    }
  }
  return applyMiddleware(schema, permissions, guardMiddleware);
}
