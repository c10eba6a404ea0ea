import { GraphQLSchema } from 'graphql';
import { applyShield, ShieldOptions } from './apply-shield';
import { Access } from './access';
import { Denial, GuardMap, RuleTree } from './rule';
import { withInputRules } from './input-rules';
import { INPUT_RULES } from './rules/input.rules';
import { checkOf } from './rule-checks';
import { DENIED_BY_DEFAULT } from './rules';
import { guardSubscriptionStart } from './subscription-start';
import { accessRules, userAdminRules } from './rules/access.rules';
import { applicationRules } from './rules/application.rules';
import { catalogRules } from './rules/catalog.rules';
import { coreRules } from './rules/core.rules';
import { managementRules } from './rules/management.rules';
import { nodeGuard, nodeRules } from './rules/node.rules';
import { reportRules } from './rules/report.rules';
import { documentMutationRules } from './rules/document-mutation.rules';
import { inventoryGuards, inventoryRules } from './rules/inventory.rules';
import { warehouseGuards, warehouseRules } from './rules/warehouse.rules';

/** Merges per-area rule trees; a coordinate defined twice is a programming error. */
export function mergeRules(...trees: RuleTree[]): RuleTree {
  const merged: RuleTree = {};
  for (const tree of trees) {
    for (const [type, fields] of Object.entries(tree)) {
      merged[type] ??= {};
      for (const [field, rule] of Object.entries(fields)) {
        if (merged[type][field]) throw new Error(`Rule for ${type}.${field} is defined twice`);
        merged[type][field] = rule;
      }
    }
  }
  return merged;
}

/** The graphql-shield rule tree of the whole API (DESIGN §3). */
export const RULES: RuleTree = mergeRules(
  coreRules, catalogRules, warehouseRules, inventoryRules, reportRules, accessRules, userAdminRules, managementRules,
  documentMutationRules, applicationRules, nodeRules,
);
const LOCATED_GUARDS: GuardMap = { ...warehouseGuards, ...inventoryGuards };
/** Row guards by type; fields returning a Node are guarded by the found object's kind (node.rules.ts). */
export const GUARDS: GuardMap = { ...LOCATED_GUARDS, Node: nodeGuard(RULES, LOCATED_GUARDS) };

/**
 * The schema under the rule tree, each field's rule chained with the rules of its inputs (DESIGN §3.9);
 * a subscription's root rule is also asked when it starts (subscription-start.ts).
 */
export const shieldSchema = (schema: GraphQLSchema, options?: ShieldOptions) => guardSubscriptionStart(
  applyShield(schema, withInputRules(schema, RULES, INPUT_RULES), GUARDS, options), (access, field, args) => ruleDenial(access, 'Subscription', field, args));

/**
 * What the rule of `type.field` answers for these arguments: null when it allows. Bulk mutations
 * apply the rule of the single mutation to each of their items (issue 16 §5). A coordinate
 * without a rule is denied (DESIGN §3.7).
 */
export function ruleDenial(access: Access, type: string, field: string, args: Record<string, unknown>): Denial | null {
  const found = checkOf(RULES[type]?.[field]);
  return found ? found.check(access, undefined, args) : DENIED_BY_DEFAULT;
}
