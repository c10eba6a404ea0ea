import { GraphQLSchema, isInputObjectType, isIntrospectionType, isNonNullType, isObjectType } from 'graphql';
import { argumentCoordinate } from './input-rules';
import { InputRuleTree, RuleTree } from './rule';
import { allow } from './rules';

export interface SchemaAudit {
  /** Field coordinates with no rule: the shield's fallbackRule denies them (fail-closed), and the walk test fails. */
  missingRules: string[];
  /** Fields whose rule can deny (anything but `allow`) but whose type is non-null: denial could not show as `null` (DESIGN §3.5). */
  protectedNonNull: string[];
  /** Rules naming fields the schema does not have (stale rules). */
  unknownRules: string[];
  /** Input coordinates (input type fields `Type.field`, arguments `Type.field(arg)`) with no input rule: denied when given (DESIGN §3.9). */
  missingInputRules: string[];
  /** Input rules naming coordinates the schema does not have. */
  unknownInputRules: string[];
}

/**
 * Walks every field of every object type of the schema against the graphql-shield rule tree
 * (DESIGN §3.7), and every argument and every field of every input type against the input rules
 * (DESIGN §3.9).
 */
export function auditSchema(schema: GraphQLSchema, tree: RuleTree, inputRules: InputRuleTree): SchemaAudit {
  const audit: SchemaAudit = { missingRules: [], protectedNonNull: [], unknownRules: [], missingInputRules: [], unknownInputRules: [] };
  const seen = new Set<string>();
  const inputs = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      seen.add(coordinate);
      const rule = tree[type.name]?.[field.name];
      if (!rule) audit.missingRules.push(coordinate);
      else if (rule !== allow && isNonNullType(field.type)) audit.protectedNonNull.push(coordinate);
      for (const arg of field.args) inputs.add(argumentCoordinate(type.name, field.name, arg.name));
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.keys(type.getFields())) inputs.add(`${type.name}.${field}`);
  }
  for (const coordinate of inputs) if (!inputRules[coordinate]) audit.missingInputRules.push(coordinate);
  for (const coordinate of Object.keys(inputRules)) if (!inputs.has(coordinate)) audit.unknownInputRules.push(coordinate);
  for (const [type, fields] of Object.entries(tree)) {
    for (const field of Object.keys(fields)) if (!seen.has(`${type}.${field}`)) audit.unknownRules.push(`${type}.${field}`);
  }
  return audit;
}
