import { GraphQLSchema } from 'graphql';
import { applyShield } from './apply-shield';
import { GuardMap, RuleMap } from './rule';
import { accessRules, userAdminRules } from './rules/access.rules';
import { applicationRules } from './rules/application.rules';
import { catalogRules } from './rules/catalog.rules';
import { coreRules } from './rules/core.rules';
import { managementRules } from './rules/management.rules';
import { reportRules } from './rules/report.rules';
import { documentMutationRules } from './rules/document-mutation.rules';
import { inventoryGuards, inventoryRules } from './rules/inventory.rules';
import { warehouseGuards, warehouseRules } from './rules/warehouse.rules';

/** Merges per-area rule maps; a coordinate defined twice is a programming error. */
export function mergeRules(...maps: RuleMap[]): RuleMap {
  const merged: RuleMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] ??= {};
      for (const [field, rule] of Object.entries(fields)) {
        if (merged[type][field]) throw new Error(`Rule for ${type}.${field} is defined twice`);
        merged[type][field] = rule;
      }
    }
  }
  return merged;
}

export const RULES: RuleMap = mergeRules(
  coreRules, catalogRules, warehouseRules, inventoryRules, reportRules, accessRules, userAdminRules, managementRules,
  documentMutationRules, applicationRules,
);
export const GUARDS: GuardMap = { ...warehouseGuards, ...inventoryGuards };

export const shieldSchema = (schema: GraphQLSchema) => applyShield(schema, RULES, GUARDS);
