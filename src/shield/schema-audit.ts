import { GraphQLSchema, isNonNullType, isObjectType } from 'graphql';
import { RuleMap } from './rule';

export interface SchemaAudit {
  /** Field coordinates with no rule: the shield denies them (fail-closed), and the walk test fails. */
  missingRules: string[];
  /** Fields whose rule can deny but whose type is non-null: denial could not show as `null` (DESIGN §3.5). */
  protectedNonNull: string[];
  /** Rules naming fields the schema does not have (stale rules). */
  unknownRules: string[];
}

/** Walks every field of every object type of the schema against the rule map. */
export function auditSchema(schema: GraphQLSchema, rules: RuleMap): SchemaAudit {
  const audit: SchemaAudit = { missingRules: [], protectedNonNull: [], unknownRules: [] };
  const seen = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      seen.add(coordinate);
      const rule = rules[type.name]?.[field.name];
      if (!rule) audit.missingRules.push(coordinate);
      else if (rule.kind === 'check' && isNonNullType(field.type)) audit.protectedNonNull.push(coordinate);
    }
  }
  for (const [type, fields] of Object.entries(rules)) {
    for (const field of Object.keys(fields)) if (!seen.has(`${type}.${field}`)) audit.unknownRules.push(`${type}.${field}`);
  }
  return audit;
}
