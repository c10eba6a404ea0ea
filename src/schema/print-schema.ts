import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './build-schema';

/** The committed SDL: sorted, so diffs show meaning rather than declaration order. */
export const printSchemaSdl = () =>
  '# Generated from the code by `npm run schema`; do not edit by hand.\n\n' +
  printSchema(lexicographicSortSchema(buildApiSchema())) + '\n';
