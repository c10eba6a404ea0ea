import {
  getNullableType, GraphQLArgument, GraphQLInputType, GraphQLSchema, isInputObjectType, isIntrospectionType, isListType, isObjectType,
} from 'graphql';
import { Access } from './access';
import { Denial, InputRuleTree, RuleTree } from './rule';
import { checkOf } from './rule-checks';
import { SIGNED_IN } from './requirement';
import { allow, chain, DENIED_BY_DEFAULT, rule } from './rules';

/** `Type.field(arg)`: the coordinate of an argument in the input rule tree. */
export const argumentCoordinate = (type: string, field: string, arg: string) => `${type}.${field}(${arg})`;

/**
 * Whether a value of this type can reach a coordinate whose rule is more than `allow` (or has no
 * rule): only such arguments are walked at run time, so a field whose inputs are all `allow`
 * pays nothing. Input types may be recursive; a type being decided counts as open.
 */
function restrictedTypes(schema: GraphQLSchema, rules: InputRuleTree): Set<string> {
  const restricted = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || isIntrospectionType(type) || restricted.has(type.name)) continue;
      const open = Object.values(type.getFields()).some((field) => {
        const ruleOf = rules[`${type.name}.${field.name}`];
        if (ruleOf !== allow) return true;
        const named = namedInput(field.type);
        return named !== null && restricted.has(named);
      });
      if (open) {
        restricted.add(type.name);
        grew = true;
      }
    }
  }
  return restricted;
}

function namedInput(type: GraphQLInputType): string | null {
  let current = getNullableType(type);
  while (isListType(current)) current = getNullableType(current.ofType);
  return isInputObjectType(current) ? current.name : null;
}

/** The input's denial, naming its path and the coordinate's permission (DESIGN §3.9). */
function inputDenial(denial: Denial, path: string, coordinate: string): Denial {
  if (denial.code !== 'FORBIDDEN') return denial;
  const message = denial.permission ? `Missing permission ${denial.permission}: writing ${path} (${coordinate}) needs it.`
    : `No input rule allows writing ${path} (${coordinate}); access denied.`;
  return { ...denial, field: path, message };
}

/**
 * The first input value the viewer may not write: each value given (null included — clearing is
 * writing) is checked against the rule of its coordinate, then its list items and fields. Values
 * of types that reach only `allow` rules are not walked.
 */
function valueDenial(access: Access, value: unknown, type: GraphQLInputType, coordinate: string, path: string,
  rules: InputRuleTree, restricted: Set<string>): Denial | null {
  if (value === undefined) return null;
  const found = checkOf(rules[coordinate]);
  const denial = found ? found.check(access, undefined, value) : DENIED_BY_DEFAULT;
  if (denial) return inputDenial(denial, path, coordinate);
  return contentDenial(access, value, type, path, rules, restricted);
}

function contentDenial(access: Access, value: unknown, type: GraphQLInputType, path: string, rules: InputRuleTree, restricted: Set<string>): Denial | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const denial = contentDenial(access, items[i], nullable.ofType, `${path}[${i}]`, rules, restricted);
      if (denial) return denial;
    }
    return null;
  }
  if (!isInputObjectType(nullable) || !restricted.has(nullable.name)) return null;
  const record = value as Record<string, unknown>;
  for (const field of Object.values(nullable.getFields())) {
    const denial = valueDenial(access, record[field.name], field.type, `${nullable.name}.${field.name}`, `${path}.${field.name}`, rules, restricted);
    if (denial) return denial;
  }
  return null;
}

/**
 * Field rules on inputs, fail-closed like outputs (DESIGN §3.9): every field one of whose
 * arguments can reach an input coordinate with more than `allow` gets a graphql-shield rule that
 * walks the arguments given, chained after the field's own rule (so authentication and the
 * field's permission are asked first). Decided from the arguments alone, before the resolver runs:
 * a refused input writes nothing.
 */
export function withInputRules(schema: GraphQLSchema, tree: RuleTree, rules: InputRuleTree): RuleTree {
  const restricted = restrictedTypes(schema, rules);
  const composed: RuleTree = { ...tree };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const own = tree[type.name]?.[field.name];
      const walked = field.args.filter((arg) => argumentNeedsWalk(type.name, field.name, arg, rules, restricted));
      if (!own || walked.length === 0) continue;
      // What each input asks is stated on the input itself (requirement-docs.ts), not on this walk.
      const inputs = rule(`inputs(${type.name}.${field.name})`, SIGNED_IN, (access, _parent, args: Record<string, unknown>) => {
        for (const arg of walked) {
          const coordinate = argumentCoordinate(type.name, field.name, arg.name);
          const denial = valueDenial(access, args?.[arg.name], arg.type, coordinate, arg.name, rules, restricted);
          if (denial) return denial;
        }
        return null;
      });
      composed[type.name] = { ...composed[type.name], [field.name]: chain(own, inputs) };
    }
  }
  return composed;
}

function argumentNeedsWalk(type: string, field: string, arg: GraphQLArgument, rules: InputRuleTree, restricted: Set<string>): boolean {
  if (rules[argumentCoordinate(type, field, arg.name)] !== allow) return true;
  const named = namedInput(arg.type);
  return named !== null && restricted.has(named);
}
