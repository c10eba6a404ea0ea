import { getNamedType, GraphQLResolveInfo, GraphQLSchema, isAbstractType, isIntrospectionType, isObjectType } from 'graphql';
import { RequestContext } from '../context';
import { Guard, GuardMap } from './rule';

type Resolve = (parent: unknown, args: any, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;
/** A graphql-middleware field middleware; it may answer synchronously (graphql-middleware passes the value through). */
export type FieldMiddleware = (resolve: Resolve, parent: unknown, args: any, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;
export type FieldMiddlewareMap = Record<string, Record<string, FieldMiddleware>>;

/**
 * Row guards: not a graphql-shield concept (a rule allows or denies a field; a guard filters the
 * items of a list). A second, separate graphql-middleware field map, only on the fields that
 * return a located type (DESIGN §3.1). The middleware is synchronous when the resolver is:
 * graphql-middleware does not await a middleware's return value.
 */
export function rowGuardMiddleware(schema: GraphQLSchema, guards: GuardMap): FieldMiddlewareMap {
  const map: FieldMiddlewareMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const guard = guards[getNamedType(field.type).name];
      if (!guard) continue;
      map[type.name] ??= {};
      // A list of an abstract type (nodes(ids:)) answers by position: a hidden item is null, not dropped.
      map[type.name][field.name] = guarded(guard, isAbstractType(getNamedType(field.type)));
    }
  }
  return map;
}

function guarded(guard: Guard, byPosition: boolean): FieldMiddleware {
  return (resolve, parent, args, ctx, info) => {
    const keep = (value: unknown) => filterByGuard(value, (item) => guard(ctx.access, item), byPosition);
    const result = resolve(parent, args, ctx, info);
    return isPromise(result) ? result.then(keep) : keep(result);
  };
}

function filterByGuard(value: unknown, visible: (item: unknown) => boolean, byPosition: boolean): unknown {
  if (value === null || value === undefined || value instanceof Error) return value;
  if (Array.isArray(value) && byPosition) return value.map((item) => (item === null || visible(item) ? item : null));
  if (Array.isArray(value)) return value.filter((item) => item === null || visible(item));
  return visible(value) ? value : null;
}

export const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | null)?.then === 'function';
