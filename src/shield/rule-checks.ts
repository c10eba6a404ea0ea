import { Check, ShieldRule } from './rule';

/**
 * Beside every graphql-shield rule we build, the plain check it runs: the same function, kept
 * so the shield can decide a rule that depends on the access object alone once per request
 * (the fast path, DESIGN §3 "Rule engine") and so the benchmark can run the rules without
 * graphql-shield. `accessOnly` rules never read the parent or the arguments.
 */
export interface RuleCheck {
  check: Check;
  accessOnly: boolean;
}

const checks = new WeakMap<object, RuleCheck>();

export function registerCheck<R extends ShieldRule>(rule: R, check: RuleCheck): R {
  checks.set(rule, check);
  return rule;
}

/** The plain check behind a rule of ours, or undefined for a rule built without our constructors. */
export const checkOf = (rule: ShieldRule | undefined): RuleCheck | undefined => (rule ? checks.get(rule) : undefined);
