import { GraphQLResolveInfo } from 'graphql';
import * as gs from 'graphql-shield';
import { RequestContext } from '../context';
import { logger } from '../logger';
import { Access } from './access';
import { DocumentAction, DocumentType, Permission, ReportKind, SimplePermission } from './permission-catalog';
import { combineAll, combineAny, need, Need, needsAll, Requirement, SIGNED_IN } from './requirement';
import { Check, Denial, Guard, ShieldRule, ShieldDenial } from './rule';
import { checkOf, registerCheck, registerGuard, RuleCheck } from './rule-checks';

const RULE_DENIES: Denial = { code: 'FORBIDDEN', message: 'This field has no authorization rule that allows it; access denied.' };
const RULE_FAILED: Denial = { code: 'FORBIDDEN', message: 'The authorization check failed; access denied.' };

/**
 * The vocabulary of the rule tree: graphql-shield's `rule`, `and`, `or`, `chain`, `allow` and
 * `deny`, each registered with the plain check it runs (rule-checks.ts). Rules never use
 * graphql-shield's caches: a result never outlives its field instance (DESIGN §3, "Rule engine").
 */
export const allow = registerCheck(gs.allow, { check: () => null, accessOnly: true });
export const deny = registerCheck(gs.deny, { check: () => RULE_DENIES, accessOnly: true });
/** What `deny` (the shield's fallbackRule) answers with. */
export const DENIED_BY_DEFAULT = RULE_DENIES;

/** The field is exactly as visible as the object that carries it. */
export const withParent = allow;

/** Several fields of one type that are visible with their parent. */
export const visibleWithParent = (...fields: string[]): Record<string, ShieldRule> =>
  Object.fromEntries(fields.map((field) => [field, withParent]));

/**
 * A rule that reads the parent or the arguments. A check that throws denies, and is logged (DESIGN §3.7).
 * `requirement` is what it asks, as the schema states it (issue 18 §5): keep it true to the check.
 */
export const rule = (name: string, requirement: Requirement, check: Check): ShieldRule => build(name, check, false, requirement);

/** A rule that depends on the access object alone: the shield may decide it once per request. */
export const accessRule = (name: string, requirement: Requirement, check: (access: Access) => Denial | null): ShieldRule =>
  build(name, check, true, requirement);

function build(name: string, check: Check, accessOnly: boolean, requirement: Requirement | undefined): ShieldRule {
  const shieldRule = gs.rule(name, { cache: 'no_cache' })((parent: unknown, args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => {
    try {
      const denial = check(ctx.access, parent, args);
      if (!denial) return true;
      logger.debug({ coordinate: `${info.parentType.name}.${info.fieldName}`, rule: name, requestId: ctx.requestId }, 'authorization denied');
      return new ShieldDenial(denial);
    } catch (error) {
      logger.error({ coordinate: `${info.parentType.name}.${info.fieldName}`, rule: name, err: error }, 'authorization rule threw; denying');
      return new ShieldDenial(RULE_FAILED);
    }
  });
  return registerCheck(shieldRule, { check, accessOnly, requirement });
}

const memo = new Map<string, ShieldRule>();
const named = (name: string, make: () => ShieldRule) => memo.get(name) ?? memo.set(name, make()).get(name)!;

const checksOf = (rules: ShieldRule[]): RuleCheck[] => rules.map((r) => {
  const found = checkOf(r);
  if (!found) throw new Error('a rule of the tree was built without the constructors of src/shield/rules.ts');
  return found;
});
/** `allow` asks nothing of a combination; any other part states its requirement. */
const requirementsOf = (rules: ShieldRule[], parts: RuleCheck[]) =>
  parts.map((p, i) => (rules[i] === allow ? SIGNED_IN : p.requirement));

/** All rules, in order; the first denial is the answer (graphql-shield's `chain`: later rules do not run). */
export const chain = (...rules: ShieldRule[]): ShieldRule => {
  const parts = checksOf(rules);
  return registerCheck(gs.chain(...rules), {
    check: firstDenial(parts), accessOnly: parts.every((p) => p.accessOnly), requirement: combineAll(requirementsOf(rules, parts)),
  });
};

/** All rules; the first denial in order is the answer (graphql-shield's `and`). */
export const and = (...rules: ShieldRule[]): ShieldRule => {
  const parts = checksOf(rules);
  return registerCheck(gs.and(...rules), {
    check: firstDenial(parts), accessOnly: parts.every((p) => p.accessOnly), requirement: combineAll(requirementsOf(rules, parts)),
  });
};

/** Any rule; when none allows, the first denial in order is the answer (graphql-shield's `or`). */
export const or = (...rules: ShieldRule[]): ShieldRule => {
  const parts = checksOf(rules);
  const check: Check = (access, parent, args) => {
    const denials = parts.map((p) => p.check(access, parent, args));
    return denials.includes(null) ? null : denials[0];
  };
  return registerCheck(gs.or(...rules), { check, accessOnly: parts.every((p) => p.accessOnly), requirement: combineAny(requirementsOf(rules, parts)) });
};

const firstDenial = (parts: Array<{ check: Check }>): Check => (access, parent, args) => {
  for (const part of parts) {
    const denial = part.check(access, parent, args);
    if (denial) return denial;
  }
  return null;
};

export const missing = (permission: string, what: string): Denial => ({
  code: 'FORBIDDEN',
  permission,
  message: `Missing permission ${permission}: ${what}.`,
});

export const notAuthenticated: Denial = { code: 'UNAUTHENTICATED', message: 'A valid bearer token is required.' };

export const authenticated = accessRule('authenticated', SIGNED_IN, (access) => (access.authenticated ? null : notAuthenticated));

/** One simple permission (and a valid identity). */
const requiresOne = (permission: SimplePermission) => named(`requires(${permission})`, () =>
  accessRule(`requires(${permission})`, needsAll(need(permission)), (access) => {
    if (!access.authenticated) return notAuthenticated;
    return access.has(permission) ? null : missing(permission, 'this field needs it');
  }));

/** All the listed simple permissions; the first one missing is named. */
export const requires = (...permissions: SimplePermission[]): ShieldRule =>
  permissions.length === 1 ? requiresOne(permissions[0])
    : named(`requires(${permissions.join(',')})`, () => and(...permissions.map(requiresOne)));

export const requiresReport = (kind: ReportKind): ShieldRule => named(`report(${kind})`, () =>
  accessRule(`report(${kind})`, needsAll(need(`REPORT_VIEW:${kind}`, `REPORT_VIEW on ${kind} reports`)), (access) => {
    if (!access.authenticated) return notAuthenticated;
    return access.canReport(kind) ? null : missing(`REPORT_VIEW:${kind}`, `this report section needs it`);
  }));

/**
 * DOCUMENT type × action on the type named by the parent or the arguments; `typeIn` names where
 * the type comes from, for the schema: `input.type` is stated as DOCUMENT:<input.type>:EDIT.
 */
export const requiresDocumentAction = (action: DocumentAction, typeIn: string, typeOf: (parent: any, args: any) => DocumentType): ShieldRule =>
  rule(`document(${action})`, needsAll(need(`DOCUMENT:<${typeIn}>:${action}`, `DOCUMENT ${action} on the type in ${typeIn}`)), (access, parent, args) => {
    if (!access.authenticated) return notAuthenticated;
    const type = typeOf(parent, args);
    return access.canDocument(type, action) ? null : missing(`DOCUMENT:${type}:${action}`, 'this document action needs it');
  });

export const canSelect = (access: Access, warehouseId: number | null | undefined) => access.canSelectWarehouse(warehouseId);

/** A row guard (rule.ts) with what a row must meet to be shown, as the schema states it on the type (issue 18 §5). */
export const rowGuard = <T>(requirement: Requirement, guard: (access: Access, item: T) => boolean): Guard => registerGuard(guard, requirement);

/**
 * `base` as the shield runs it, stated together with what the service asks on top of it (e.g.
 * DOCUMENT PROCESS on the document's type through canActOnDocument, document-access.ts): the
 * schema documents the whole requirement of the field; the shield still runs `base` alone.
 */
export function alsoInService(base: ShieldRule, name: string, ...needs: Need[]): ShieldRule {
  const found = checksOf([base])[0];
  return build(name, found.check, found.accessOnly, combineAll([found.requirement, needsAll(...needs)]));
}

export { Permission };
