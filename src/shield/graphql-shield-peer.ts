import { getNamedType, GraphQLError, GraphQLSchema, isObjectType } from 'graphql';
import { applyMiddleware, IMiddlewareFunction } from 'graphql-middleware';
import { allow, deny, rule as shieldRule, shield } from 'graphql-shield';
import { RequestContext } from '../context';
import { GuardMap, RuleMap } from './rule';

/**
 * The same policy applied the stock way — graphql-shield through graphql-middleware's
 * applyMiddleware over every field — used only as the benchmark's peer (issue 7). The
 * server never runs this: it costs a promise per field of every response.
 */
export function stockShieldSchema(schema: GraphQLSchema, rules: RuleMap, guards: GuardMap): GraphQLSchema {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(rules)) {
    tree[type] = {};
    for (const [field, fieldRule] of Object.entries(fields)) {
      tree[type][field] = fieldRule.kind === 'withParent'
        ? allow
        : shieldRule(`${type}.${field}`, { cache: 'no_cache' })((parent, args, ctx: RequestContext) => {
          const denial = fieldRule.check(ctx.access, parent, args);
          return denial ? new GraphQLError(denial.message, { extensions: { code: denial.code, permission: denial.permission } }) : true;
        });
    }
  }
  const permissions = shield(tree as never, { fallbackRule: deny, allowExternalErrors: true });

  // Row guards as a second middleware on the fields returning guarded types, like a stock setup would add them.
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
