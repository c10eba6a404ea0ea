import { getDocumentNodeFromSchema } from '@graphql-tools/utils';
import { Kind, lexicographicSortSchema, print } from 'graphql';
import { buildApiSchema } from './build-schema';

/**
 * graphql-js's printSchema leaves out applied directives, so the SDL is printed from the schema's
 * document (with @requires, requirement-docs.ts) and given printSchema's layout back: a blank
 * line before each described field, argument or enum value that is not the first of its block.
 */
function withBlankLines(sdl: string): string {
  const out: string[] = [];
  let inBlock = false;
  for (const line of sdl.split('\n')) {
    const text = line.trim();
    const opens = !inBlock && text.startsWith('"""');
    if (opens && line.startsWith(' ')) {
      const previous = out[out.length - 1] ?? '';
      if (!previous.endsWith('{') && !previous.endsWith('(')) out.push('');
    }
    if (opens) inBlock = text === '"""' || !text.endsWith('"""') || text.length < 6;
    else if (inBlock && text.endsWith('"""')) inBlock = false;
    out.push(line);
  }
  return out.join('\n');
}

/** The committed SDL: sorted, so diffs show meaning rather than declaration order. */
export function printSchemaSdl(): string {
  const document = getDocumentNodeFromSchema(lexicographicSortSchema(buildApiSchema()));
  // The root types have their default names: graphql-js prints no schema definition for them either.
  const definitions = document.definitions.filter((definition) => definition.kind !== Kind.SCHEMA_DEFINITION);
  return '# Generated from the code by `npm run schema`; do not edit by hand.\n\n'
    + withBlankLines(print({ ...document, definitions })) + '\n';
}
