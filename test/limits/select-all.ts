import { getNamedType, GraphQLNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { buildApiSchema } from '../../src/schema/build-schema';

/**
 * A selection of every field of a type that needs no argument, objects `depth` levels deep:
 * "a page with every nested field", generated from the schema so a new field is included.
 * Objects beyond the depth are left out (the query-depth limit bounds what a client may ask).
 */
export function selectAll(typeName: string, depth: number): string {
  const type: GraphQLNamedType | undefined | null = buildApiSchema().getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const fields: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) fields.push(field.name);
    else if (depth > 0 && isObjectType(named)) fields.push(`${field.name} { ${selectAll(named.name, depth - 1)} }`);
  }
  return fields.length ? fields.join(' ') : '__typename';
}
