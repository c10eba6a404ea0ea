import {
  getNullableType, GraphQLInputType, GraphQLSchema, isInputObjectType, isInterfaceType, isListType, isObjectType, isScalarType,
} from 'graphql';
import { Bound, describeBound, listBound, valueBound } from './argument-limits';

/** "Limit: at most 1000 lines (documentLines), each at most 64 characters (stringLength)." or null when unbounded. */
export function limitSentence(type: GraphQLInputType, coordinate: string, name: string): string | null {
  const parts: Bound[] = [];
  let current = getNullableType(type);
  if (isListType(current)) {
    parts.push(listBound(coordinate));
    current = getNullableType(current.ofType);
  }
  const value = isScalarType(current) ? valueBound(coordinate, name, current.name) : undefined;
  if (value) parts.push(value);
  if (parts.length === 0) return null;
  return `Limit: ${parts.map(describeBound).join(', each ')}.`;
}

const withSentence = (description: string | null | undefined, sentence: string | null): string | undefined =>
  (sentence === null ? description : [description, sentence].filter(Boolean).join(' ')) ?? undefined;

/**
 * States each argument's and input field's limit in its schema description, generated from the
 * same table the argument check enforces (src/limits/), so the two cannot drift (issue 22).
 * Runs once on the freshly built schema (build-schema.ts); descriptions are plain properties.
 */
export function describeArgumentLimits(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          arg.description = withSentence(arg.description, limitSentence(arg.type, `${type.name}.${field.name}(${arg.name})`, arg.name));
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        field.description = withSentence(field.description, limitSentence(field.type, `${type.name}.${field.name}`, field.name));
      }
    }
  }
  return schema;
}
