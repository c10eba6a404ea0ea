import Decimal from 'decimal.js';
import {
  DocumentNode, FragmentDefinitionNode, getArgumentValues, getNamedType, getNullableType, getVariableValues, GraphQLCompositeType,
  GraphQLInputType, GraphQLSchema, isCompositeType, isInputObjectType, isInterfaceType, isListType, isObjectType, isScalarType,
  OperationDefinitionNode, SelectionSetNode,
} from 'graphql';
import { DomainError, InputErrors } from '../errors';
import { Bound, describeBound, listBound, valueBound } from './argument-limits';
import { overLimit } from './limits';

const DAY_MS = 86_400_000;

/**
 * Every argument of the operation that is over its limit (issue 18 §4: all input errors at once),
 * as one BAD_USER_INPUT whose `fieldErrors` name each path from its argument (`input.name`,
 * `input.items[1].toWarehouseId`) and whose `field`, `limit` and `max` are the first's; undefined
 * when all are within. Runs before execution, so an operation with an oversized argument runs
 * nothing at all: no SQL, no partial write. A list over its length is named once, its entries are
 * not walked. Variables that do not coerce are left to execution, which reports them as usual.
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
  const errors = new InputErrors();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') {
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue; // __typename, introspection
        if (field.args.length > 0) {
          let args: Record<string, unknown> | undefined;
          try {
            args = getArgumentValues(field, selection, coerced.coerced);
          } catch {
            args = undefined; // execution reports it
          }
          for (const arg of args ? field.args : []) {
            checkValue(args![arg.name], arg.type, `${parent.name}.${field.name}(${arg.name})`, arg.name, arg.name, now, errors);
          }
        }
        const type = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(type)) walk(selection.selectionSet, type);
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type);
      } else {
        // A fragment's arguments read the same variables wherever it is spread: checking it once is enough.
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seenFragments.has(fragment.name.value)) continue;
        seenFragments.add(fragment.name.value);
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) walk(fragment.selectionSet, type);
      }
    }
  };
  walk(operation.selectionSet, root);
  return errors.combined();
}

function checkValue(value: unknown, type: GraphQLInputType, coordinate: string, name: string, path: string, now: Date, errors: InputErrors): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const list = value as unknown[];
    const bound = listBound(coordinate);
    if (list.length > bound.max) return refuse(errors, path, bound, `${list.length} given`);
    for (let i = 0; i < list.length; i++) checkValue(list[i], nullable.ofType, coordinate, name, `${path}[${i}]`, now, errors);
    return;
  }
  if (isInputObjectType(nullable)) {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) {
      checkValue(record[field.name], field.type, `${nullable.name}.${field.name}`, field.name, `${path}.${field.name}`, now, errors);
    }
    return;
  }
  if (!isScalarType(nullable)) return;
  const bound = valueBound(coordinate, name, nullable.name);
  if (!bound || bound.inService) return;
  if (typeof value === 'string' && value.length > bound.max) return refuse(errors, path, bound, `${value.length} given`);
  if (typeof value === 'number' && value > bound.max) return refuse(errors, path, bound, `${value} given`);
  // Out of range is refused, never rounded: the Decimal scalar already refuses more decimals than the columns keep.
  if (value instanceof Decimal && value.abs().gt(bound.max)) return refuse(errors, path, bound, `${value.toFixed()} given`);
  if (value instanceof Date && bound.unit === 'days ahead' && value.getTime() > now.getTime() + bound.max * DAY_MS) {
    refuse(errors, path, bound, `${value.toISOString()} given`);
  }
}

const refuse = (errors: InputErrors, path: string, bound: Bound, given: string) =>
  errors.addError(overLimit(path, bound.limit, bound.max, `${describeBound(bound)}; ${given}.`));
