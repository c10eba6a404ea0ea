import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver, getNamedType, GraphQLError, GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema, responsePathAsArray,
} from 'graphql';
import { RequestContext } from '../../src/context';
import { logger } from '../../src/logger';
import { comparePaths } from '../../src/shield/denial-errors';
import { Check, Denial, GuardMap, RuleTree } from '../../src/shield/rule';
import { checkOf } from '../../src/shield/rule-checks';
import { allow } from '../../src/shield/rules';

type FieldRule = { kind: 'withParent' } | { kind: 'check'; name: string; check: Check };
type RuleMap = Record<string, Record<string, FieldRule>>;

const NO_RULE: Denial = { code: 'FORBIDDEN', message: 'This field has no authorization rule and is denied.' };
const RULE_FAILED: Denial = { code: 'FORBIDDEN', message: 'The authorization check failed; access denied.' };

/**
 * Bench only: the hand-written applicator the server ran before graphql-shield did (issue 16),
 * kept to compare with. It runs the same checks as the rule tree (the plain check registered
 * beside each graphql-shield rule) without graphql-shield or graphql-middleware: only fields
 * whose rule is more than `allow`, or whose type carries a row guard, get a wrapper, and the
 * wrapper is synchronous.
 */
export function handWrittenShieldSchema(schema: GraphQLSchema, tree: RuleTree, guards: GuardMap): GraphQLSchema {
  const rules: RuleMap = {};
  for (const [type, fields] of Object.entries(tree)) {
    rules[type] = {};
    for (const [field, rule] of Object.entries(fields)) {
      const found = checkOf(rule);
      if (!found) throw new Error(`${type}.${field}: a rule without a registered check`);
      rules[type][field] = rule === allow ? { kind: 'withParent' } : { kind: 'check', name: `${type}.${field}`, check: found.check };
    }
  }
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      if (typeName.startsWith('__')) return fieldConfig;
      const rule: FieldRule | undefined = rules[typeName]?.[fieldName];
      const guard = guards[getNamedType(fieldConfig.type).name];
      if (rule?.kind === 'withParent' && !guard) return fieldConfig;
      const coordinate = `${typeName}.${fieldName}`;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      return { ...fieldConfig, resolve: guarded(coordinate, rule, guard, resolve) };
    },
  });
}

function guarded(
  coordinate: string,
  rule: FieldRule | undefined,
  guard: GuardMap[string] | undefined,
  resolve: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext> {
  return (parent, args, ctx, info) => {
    const denial = evaluate(coordinate, rule, ctx, parent, args);
    if (denial) return deny(ctx, coordinate, denial, info);
    // The resolver runs outside the check: its own errors are never relabelled as authorization errors.
    const result = resolve(parent, args, ctx, info);
    if (!guard) return result;
    const keep = (value: unknown) => filterByGuard(value, (item) => guard(ctx.access, item));
    return isPromise(result) ? result.then(keep) : keep(result);
  };
}

function evaluate(coordinate: string, rule: FieldRule | undefined, ctx: RequestContext, parent: unknown, args: unknown): Denial | null {
  if (!rule) {
    logger.warn({ coordinate }, 'field without an authorization rule was denied');
    return NO_RULE;
  }
  if (rule.kind === 'withParent') return null;
  try {
    const denial = rule.check(ctx.access, parent, args);
    if (denial) logger.debug({ coordinate, rule: rule.name, requestId: ctx.requestId }, 'authorization denied');
    return denial;
  } catch (error) {
    logger.error({ coordinate, rule: rule.name, err: error }, 'authorization rule threw; denying');
    return RULE_FAILED;
  }
}

/** Per request: the smallest response path at which each coordinate has been reported denied. */
const reportedAt = new WeakMap<RequestContext, Map<string, ReadonlyArray<string | number>>>();

/**
 * The field is null, and the response carries one error per coordinate (DESIGN §3.5) at the
 * coordinate's smallest path, whatever order resolvers finish in: an error is raised only when a
 * denial beats the smallest path seen so far, and canonicalErrors (denial-errors.ts) keeps that one.
 */
function deny(ctx: RequestContext, coordinate: string, denial: Denial, info: GraphQLResolveInfo): null {
  ctx.deniedCoordinates.add(coordinate);
  const paths = reportedAt.get(ctx) ?? new Map<string, ReadonlyArray<string | number>>();
  reportedAt.set(ctx, paths);
  const path = responsePathAsArray(info.path);
  const smallest = paths.get(coordinate);
  if (smallest && comparePaths(path, smallest) >= 0) return null;
  paths.set(coordinate, path);
  throw new GraphQLError(denial.message, {
    extensions: { code: denial.code, coordinate, ...(denial.permission ? { permission: denial.permission } : {}) },
  });
}

function filterByGuard(value: unknown, visible: (item: unknown) => boolean): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.filter((item) => item === null || visible(item));
  return visible(value) ? value : null;
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | null)?.then === 'function';
