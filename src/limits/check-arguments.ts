import Decimal from 'decimal.js';
import {
  DocumentNode, FragmentDefinitionNode, getArgumentValues, getNamedType, getNullableType, getVariableValues, GraphQLCompositeType,
  GraphQLInputType, GraphQLSchema, isCompositeType, isInputObjectType, isInterfaceType, isListType, isObjectType, isScalarType,
  OperationDefinitionNode, SelectionSetNode,
} from 'graphql';
import { DomainError } from '../errors';
import { Bound, describeBound, listBound, valueBound } from './argument-limits';
import { overLimit } from './limits';

const DAY_MS = 86_400_000;

/**
 * The first argument of the operation that is over its limit, as BAD_USER_INPUT naming the
 * argument path and the limit; undefined when all are within. Runs before execution, so an
 * operation with one oversized argument runs nothing at all: no SQL, no partial write.
 * Variables that do not coerce are left to execution, which reports them as usual.
 */
export function checkArguments(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined, now = new Date()): DomainError | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  }
  const seenFragments = new Set<string>();
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): DomainError | undefined => {
    for (const selection of selectionSet.selections) {
      let found: DomainError | undefined;
      if (selection.kind === 'Field') {
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue; // __typename, introspection
        if (field.args.length > 0) {
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(field, selection, coerced.coerced);
          } catch {
            continue; // execution reports it
          }
          for (const arg of field.args) {
            found ??= checkValue(args[arg.name], arg.type, `${parent.name}.${field.name}(${arg.name})`, arg.name, arg.name, now);
          }
        }
        const type = getNamedType(field.type);
        if (!found && selection.selectionSet && isCompositeType(type)) found = walk(selection.selectionSet, type);
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) found = walk(selection.selectionSet, type);
      } else {
        // A fragment's arguments read the same variables wherever it is spread: checking it once is enough.
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seenFragments.has(fragment.name.value)) continue;
        seenFragments.add(fragment.name.value);
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) found = walk(fragment.selectionSet, type);
      }
      if (found) return found;
    }
    return undefined;
  };
  return walk(operation.selectionSet, root);
}

function checkValue(value: unknown, type: GraphQLInputType, coordinate: string, name: string, path: string, now: Date): DomainError | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const list = value as unknown[];
    const bound = listBound(coordinate);
    if (list.length > bound.max) return refuse(path, bound, `${list.length} given`);
    for (let i = 0; i < list.length; i++) {
      const found = checkValue(list[i], nullable.ofType, coordinate, name, `${path}[${i}]`, now);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) {
      const found = checkValue(record[field.name], field.type, `${nullable.name}.${field.name}`, field.name, `${path}.${field.name}`, now);
      if (found) return found;
    }
    return undefined;
  }
  if (!isScalarType(nullable)) return undefined;
  const bound = valueBound(coordinate, name, nullable.name);
  if (!bound || bound.inService) return undefined;
  if (typeof value === 'string' && value.length > bound.max) return refuse(path, bound, `${value.length} given`);
  if (typeof value === 'number' && value > bound.max) return refuse(path, bound, `${value} given`);
  // Out of range is refused, never rounded: the Decimal scalar already refuses more decimals than the columns keep.
  if (value instanceof Decimal && value.abs().gt(bound.max)) return refuse(path, bound, `${value.toFixed()} given`);
  if (value instanceof Date && bound.unit === 'days ahead' && value.getTime() > now.getTime() + bound.max * DAY_MS) {
    return refuse(path, bound, `${value.toISOString()} given`);
  }
  return undefined;
}

const refuse = (path: string, bound: Bound, given: string) =>
  overLimit(path, bound.limit, bound.max, `${describeBound(bound)}; ${given}.`);
