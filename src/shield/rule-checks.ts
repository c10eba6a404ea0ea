import { Requirement } from './requirement';
import { Check, Guard, ShieldRule } from './rule';

/**
 * Beside every graphql-shield rule we build, the plain check it runs: the same function, kept
 * so the shield can decide a rule that depends on the access object alone once per request
 * (the fast path, DESIGN §3 "Rule engine") and so the benchmark can run the rules without
 * graphql-shield. `accessOnly` rules never read the parent or the arguments.
 */
export interface RuleCheck {
  check: Check;
  accessOnly: boolean;
  /**
   * What the rule asks of the viewer, which the schema states (requirement-docs.ts); undefined for
   * `allow` and `deny`, and for a combination the requirement model cannot state.
   */
  requirement?: Requirement;
}

const checks = new WeakMap<object, RuleCheck>();

export function registerCheck<R extends ShieldRule>(rule: R, check: RuleCheck): R {
  checks.set(rule, check);
  return rule;
}

/** The plain check behind a rule of ours, or undefined for a rule built without our constructors. */
export const checkOf = (rule: ShieldRule | undefined): RuleCheck | undefined => (rule ? checks.get(rule) : undefined);

/** What a rule of ours asks of the viewer (undefined: `allow`, `deny`, or not stated). */
export const requirementOf = (rule: ShieldRule | undefined): Requirement | undefined => checkOf(rule)?.requirement;

const guardRequirements = new WeakMap<Guard, Requirement>();

/** Beside a row guard, what a row must meet to be shown, which the schema states on its type. */
export function registerGuard(guard: Guard, requirement: Requirement): Guard {
  guardRequirements.set(guard, requirement);
  return guard;
}

export const guardRequirementOf = (guard: Guard | undefined): Requirement | undefined => (guard ? guardRequirements.get(guard) : undefined);
