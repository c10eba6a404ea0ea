import { GraphQLSchema, isIntrospectionType, isObjectType } from 'graphql';
import { applyMiddleware, IMiddlewareTypeMap } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import { RequestContext } from '../context';
import { logger } from '../logger';
import { reportDenial } from './denial-report';
import { FieldMiddleware, FieldMiddlewareMap, rowGuardMiddleware } from './row-guards';
import { Check, GuardMap, RuleTree, ShieldDenial } from './rule';
import { checkOf } from './rule-checks';
import { allow, DENIED_BY_DEFAULT, deny } from './rules';

export interface ShieldOptions {
  /** Decide rules that depend on the access object alone once per request (DESIGN §3, "Rule engine"). */
  fastPath: boolean;
}

/**
 * The rule tree as the server runs it: graphql-shield's middleware, generated from the tree with
 * `fallbackRule: deny` (fail-closed, DESIGN §3.7) and `allowExternalErrors` (a resolver's own
 * error is returned as it is, never relabelled), applied through graphql-middleware only to the
 * fields whose rule is more than `allow`: graphql-shield generates a middleware for every field,
 * and every wrapped field costs a promise (DESIGN §3, "Rule engine"). Row guards are a second,
 * separate field map inside it (row-guards.ts). No graphql-shield cache is used.
 */
export function applyShield(schema: GraphQLSchema, tree: RuleTree, guards: GuardMap, options: ShieldOptions = { fastPath: true }): GraphQLSchema {
  const generated = shield(tree, {
    fallbackRule: deny,
    fallbackError: (_error, _parent, _args, ctx, info) => {
      logger.warn({ coordinate: `${info.parentType.name}.${info.fieldName}`, requestId: (ctx as unknown as RequestContext).requestId },
        'field without a rule that allows it was denied');
      return new ShieldDenial(DENIED_BY_DEFAULT);
    },
    allowExternalErrors: true,
  }).generate(schema) as Record<string, Record<string, GeneratedMiddleware>>;

  const checked: FieldMiddlewareMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.keys(type.getFields())) {
      const rule = tree[type.name]?.[field];
      if (rule === allow) continue;
      const entry = generated[type.name][field];
      const viaShield = typeof entry === 'function' ? entry : entry.resolve;
      const found = checkOf(rule);
      checked[type.name] ??= {};
      checked[type.name][field] = fieldMiddleware(viaShield, options.fastPath && found?.accessOnly ? found.check : undefined);
    }
  }
  return applyMiddleware(schema, checked as unknown as IMiddlewareTypeMap, rowGuardMiddleware(schema, guards) as unknown as IMiddlewareTypeMap);
}

type GeneratedResolve = (...args: Parameters<FieldMiddleware>) => Promise<unknown>;
type GeneratedMiddleware = GeneratedResolve | { resolve: GeneratedResolve };

/**
 * graphql-shield's middleware for one field, and what it answers turned into at most one error
 * per coordinate (denial-report.ts). With a fast check: when the access object alone allows, the
 * resolver runs directly, without graphql-shield's promise; a denial always goes through the shield.
 */
function fieldMiddleware(viaShield: GeneratedResolve, fast: Check | undefined): FieldMiddleware {
  const shielded: FieldMiddleware = (resolve, parent, args, ctx, info) =>
    viaShield(resolve, parent, args, ctx, info).then((value) => (value instanceof ShieldDenial ? reportDenial(ctx, info, value.denial) : value));
  if (!fast) return shielded;
  return (resolve, parent, args, ctx, info) =>
    (allowsForRequest(ctx, fast) ? resolve(parent, args, ctx, info) : shielded(resolve, parent, args, ctx, info));
}

/** Per request (never across requests or viewers): the answer of each access-only check. */
const decided = new WeakMap<RequestContext, Map<Check, boolean>>();

function allowsForRequest(ctx: RequestContext, check: Check): boolean {
  let answers = decided.get(ctx);
  if (!answers) decided.set(ctx, (answers = new Map()));
  let allows = answers.get(check);
  if (allows === undefined) {
    try {
      allows = check(ctx.access, undefined, undefined) === null;
    } catch {
      allows = false; // the shield runs it again, logs the failure and denies
    }
    answers.set(check, allows);
  }
  return allows;
}
