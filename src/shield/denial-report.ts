import { GraphQLError, GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import { RequestContext } from '../context';
import { comparePaths } from './denial-errors';
import { Denial } from './rule';

/** Per request: the smallest response path at which each coordinate has been reported denied. */
const reportedAt = new WeakMap<RequestContext, Map<string, ReadonlyArray<string | number>>>();

/**
 * A denied field is null, and the response carries one error per coordinate (DESIGN §3.5) at the
 * coordinate's smallest path, whatever order resolvers finish in: an error is made only when a
 * denial beats the smallest path seen so far, and canonicalErrors (denial-errors.ts) keeps that one.
 * Answers the error to return as the field's value, or null for a silent denial.
 */
export function reportDenial(ctx: RequestContext, info: GraphQLResolveInfo, denial: Denial): GraphQLError | null {
  const coordinate = `${info.parentType.name}.${info.fieldName}`;
  ctx.deniedCoordinates.add(coordinate);
  let paths = reportedAt.get(ctx);
  if (!paths) reportedAt.set(ctx, (paths = new Map()));
  const path = responsePathAsArray(info.path);
  const smallest = paths.get(coordinate);
  if (smallest && comparePaths(path, smallest) >= 0) return null;
  paths.set(coordinate, path);
  return new GraphQLError(denial.message, {
    extensions: { code: denial.code, coordinate, ...(denial.permission ? { permission: denial.permission } : {}),
      ...(denial.field ? { field: denial.field } : {}) },
  });
}
