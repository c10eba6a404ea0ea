import { mapSchema, MapperKind } from '@graphql-tools/utils';
import {
  DirectiveLocation, getNamedType, GraphQLDirective, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, isEnumType,
  isInputObjectType, isIntrospectionType, isObjectType,
} from 'graphql';
import { argumentCoordinate } from './input-rules';
import { combineAll, Requirement } from './requirement';
import { GuardMap, InputRuleTree, RuleTree, ShieldRule } from './rule';
import { guardRequirementOf, requirementOf } from './rule-checks';
import { allow } from './rules';

const tokens = { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) };

/** The machine-readable form of a gated element's requirement (issue 18 §5), declared in the SDL. */
export const RequiresDirective = new GraphQLDirective({
  name: 'requires',
  description: 'What the viewer needs to read this field, to give this argument, input field or enum value, or to be shown an object '
    + 'of this type: generated from the authorization rules (src/shield/rules), like the sentence that ends the description. '
    + 'Without it a field is null with one FORBIDDEN error naming the permission, a mutation or an input is refused with FORBIDDEN '
    + 'and changes nothing, and an object is left out of lists and null elsewhere, without an error. An element without '
    + '@requires needs nothing beyond what its parent needs (docs/frontend.md).',
  locations: [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.ARGUMENT_DEFINITION,
    DirectiveLocation.INPUT_FIELD_DEFINITION, DirectiveLocation.ENUM_VALUE],
  args: {
    allOf: {
      ...tokens,
      description: 'Permissions all needed, named as a FORBIDDEN error\'s extensions.permission names them: CATALOG_VIEW, '
        + 'REPORT_VIEW (any report kind), REPORT_VIEW:SALES, DOCUMENT:SALES_ORDER:VIEW. A part in angle brackets comes from the '
        + 'request or the object (DOCUMENT:<input.type>:EDIT: on the type given in input.type); SELF: the viewer is this user.',
    },
    anyOf: { ...tokens, description: 'Permissions of which one is needed as well (same names as allOf).' },
    when: { type: GraphQLString, description: 'The requirement applies only when this holds.' },
  },
});

/** Where an element is, which says what a refusal looks like. */
type Place = 'query' | 'mutation' | 'subscription' | 'field' | 'input' | 'type';

const OTHERWISE: Record<Place, string> = {
  query: 'null and FORBIDDEN otherwise',
  mutation: 'FORBIDDEN otherwise, and nothing changes',
  subscription: 'without it the subscription is refused with FORBIDDEN, and no event is delivered',
  field: 'null otherwise',
  input: 'FORBIDDEN otherwise',
  type: 'other objects are left out of lists and null elsewhere, without an error',
};

const listed = (items: string[], word: string) =>
  (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`);

function phrase(r: Requirement): string {
  const all = listed(r.allOf.map((n) => n.text), 'and');
  const any = listed(r.anyOf.map((n) => n.text), 'or');
  return [all, any && all ? `one of ${any}` : any].filter(Boolean).join(' and ');
}

/** The sentence that ends a gated element's description, e.g. "Requires PURCHASE_PRICE_VIEW; null otherwise." */
export function requirementSentence(r: Requirement, place: Place): string {
  const parts: string[] = [];
  if (r.allOf.length > 0 || r.anyOf.length > 0) {
    const subject = place === 'input' ? 'Giving it requires' : place === 'type' ? 'Shown only with' : 'Requires';
    parts.push(`${subject} ${phrase(r)}${r.when ? ` when ${r.when}` : ''}; ${OTHERWISE[place]}.`);
  } else if (!r.values) {
    parts.push(place === 'input' ? 'Giving it needs no permission.' : 'Any signed-in viewer; no permission needed.');
  }
  if (r.values) {
    const byPhrase = new Map<string, string[]>();
    for (const [value, needs] of Object.entries(r.values)) byPhrase.set(phrase(needs), [...(byPhrase.get(phrase(needs)) ?? []), value]);
    const clauses = [...byPhrase].map(([needs, values]) => `${listed(values, 'or')} requires ${needs}`);
    parts.push(`Giving ${clauses.join('; ')}; ${OTHERWISE.input}.`);
  }
  return parts.join(' ');
}

/** The @requires arguments of a requirement, or null when it names no permission. */
export function requiresArguments(r: Requirement): Record<string, unknown> | null {
  if (r.allOf.length === 0 && r.anyOf.length === 0) return null;
  return {
    ...r.allOf.length ? { allOf: r.allOf.map((n) => n.token) } : {},
    ...r.anyOf.length ? { anyOf: r.anyOf.map((n) => n.token) } : {},
    ...r.when ? { when: r.when } : {},
  };
}

export interface StatedElement {
  place: Place;
  /** undefined: the rule states no requirement (built without one, or not statable) — the schema-docs test fails. */
  requirement: Requirement | undefined;
}

const gated = (rule: ShieldRule | undefined) => rule !== undefined && rule !== allow;

/**
 * Every gated element of the schema — a type with a row guard, a field whose rule is more than
 * `allow`, an argument or input field whose input rule is, an argument a field's rule reads when
 * given, an enum value an input rule reads — with the requirement its rule states, by coordinate
 * (`Type`, `Type.field`, `Type.field(arg)`, `Input.field`, `Enum.VALUE`).
 */
export function gatedElements(schema: GraphQLSchema, tree: RuleTree, inputRules: InputRuleTree, guards: GuardMap): Map<string, StatedElement> {
  const found = new Map<string, StatedElement>();
  for (const [type, guard] of Object.entries(guards)) {
    if (isObjectType(schema.getType(type))) found.set(type, { place: 'type', requirement: guardRequirementOf(guard) });
  }
  const roots: Record<string, Place> = {};
  for (const [type, place] of [[schema.getQueryType(), 'query'], [schema.getMutationType(), 'mutation'],
    [schema.getSubscriptionType(), 'subscription']] as const) if (type) roots[type.name] = place;
  const addInput = (coordinate: string, inputRule: ShieldRule | undefined, fromField: Requirement | undefined, enumName: string | null) => {
    if (!gated(inputRule) && !fromField) return;
    const requirement = gated(inputRule) ? combineAll([requirementOf(inputRule), ...fromField ? [fromField] : []]) : fromField;
    found.set(coordinate, { place: 'input', requirement });
    for (const [value, needs] of Object.entries(requirement?.values ?? {})) {
      const key = `${enumName}.${value}`;
      const before = found.get(key)?.requirement;
      found.set(key, { place: 'input', requirement: before ? (phrase(before) === phrase(needs) ? before : undefined) : needs });
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const rule = tree[type.name]?.[field.name];
        const requirement = requirementOf(rule);
        if (gated(rule)) found.set(`${type.name}.${field.name}`, { place: roots[type.name] ?? 'field', requirement });
        for (const arg of field.args) {
          const coordinate = argumentCoordinate(type.name, field.name, arg.name);
          addInput(coordinate, inputRules[coordinate], requirement?.args?.[arg.name], enumOf(arg.type));
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        addInput(coordinate, inputRules[coordinate], undefined, enumOf(field.type));
      }
    }
  }
  return found;
}

const enumOf = (type: Parameters<typeof getNamedType>[0]) => {
  const named = getNamedType(type);
  return isEnumType(named) ? named.name : null;
};

function stated<T extends { description?: string | null; extensions?: unknown }>(config: T, element: StatedElement | undefined): T {
  if (!element?.requirement) return config;
  const sentence = requirementSentence(element.requirement, element.place);
  const args = requiresArguments(element.requirement);
  const extensions = { ...(config.extensions as Record<string, unknown> | undefined) };
  if (args) extensions.directives = { ...(extensions.directives as object | undefined), requires: args };
  return { ...config, description: [config.description, sentence].filter(Boolean).join(' '), extensions };
}

/**
 * The schema with every gated element's requirement stated, generated from the rule tree (issue
 * 18 §5): a sentence at the end of its description, and `@requires` (declared in the schema) for
 * the machine-readable form that schema.graphql shows.
 */
export function withRequirements(schema: GraphQLSchema, tree: RuleTree, inputRules: InputRuleTree, guards: GuardMap): GraphQLSchema {
  const elements = gatedElements(schema, tree, inputRules, guards);
  const mapped = mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const element = elements.get(type.name);
      return element ? new GraphQLObjectType(stated(type.toConfig(), element)) : type;
    },
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const args = Object.fromEntries(Object.entries(config.args ?? {}).map(([name, arg]) =>
        [name, stated(arg, elements.get(argumentCoordinate(typeName, fieldName, name)))]));
      return stated({ ...config, args }, elements.get(`${typeName}.${fieldName}`));
    },
    [MapperKind.INPUT_OBJECT_FIELD]: (config, fieldName, typeName) => stated(config, elements.get(`${typeName}.${fieldName}`)),
    [MapperKind.ENUM_VALUE]: (config, typeName, _schema, value) => stated(config, elements.get(`${typeName}.${value}`)),
  });
  return new GraphQLSchema({ ...mapped.toConfig(), directives: [...mapped.getDirectives(), RequiresDirective] });
}
