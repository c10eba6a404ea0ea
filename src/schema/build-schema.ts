import 'reflect-metadata';
import Decimal from 'decimal.js';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync, PubSub } from 'type-graphql';
import { describeArgumentLimits } from '../limits/describe-arguments';
import { RESOLVERS } from '../resolvers';
import { shieldSchema } from '../shield';
import { DecimalScalar } from './decimal.scalar';
import { withOpaqueIds } from './opaque-id-boundary';
import './enums';

let cached: GraphQLSchema | undefined;

/**
 * type-graphql insists on a PubSub once a resolver has a @Subscription, but ours declare their own
 * `subscribe` (change events, src/server/subscriptions/): no topic ever reaches this one.
 */
const NO_TOPICS: PubSub = {
  publish: () => { throw new Error('subscriptions use their own change streams, not type-graphql topics'); },
  subscribe: () => { throw new Error('subscriptions use their own change streams, not type-graphql topics'); },
};

const declaredSchema = () => describeArgumentLimits(buildSchemaSync({
  resolvers: RESOLVERS,
  scalarsMap: [{ type: Decimal, scalar: DecimalScalar }],
  validate: false,
  pubSub: NO_TOPICS,
}));

/** The schema as declared in code, before authorization: what schema.graphql shows. */
export function buildApiSchema(): GraphQLSchema {
  cached ??= declaredSchema();
  return cached;
}

/** Benchmarks only: a fresh schema without rules, with the id boundary every mode has (never served). */
export const buildUnshieldedSchema = (): GraphQLSchema => withOpaqueIds(declaredSchema());

/**
 * The schema the server runs: every field under its rule (fail-closed), and ids opaque at the
 * boundary, decoded before the rules see them (opaque-id-boundary.ts).
 */
export const buildShieldedSchema = (): GraphQLSchema => withOpaqueIds(shieldSchema(buildApiSchema()));
