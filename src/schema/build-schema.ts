import 'reflect-metadata';
import Decimal from 'decimal.js';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { describeArgumentLimits } from '../limits/describe-arguments';
import { RESOLVERS } from '../resolvers';
import { shieldSchema } from '../shield';
import { DecimalScalar } from './decimal.scalar';
import './enums';

let cached: GraphQLSchema | undefined;

/** The schema as declared in code, before authorization: what schema.graphql shows. */
export function buildApiSchema(): GraphQLSchema {
  cached ??= describeArgumentLimits(buildSchemaSync({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Decimal, scalar: DecimalScalar }],
    validate: false,
  }));
  return cached;
}

/** The schema the server runs: every field under its rule (fail-closed). */
export const buildShieldedSchema = (): GraphQLSchema => shieldSchema(buildApiSchema());
