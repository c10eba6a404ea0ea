import 'reflect-metadata';
import Decimal from 'decimal.js';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync, PubSub } from 'type-graphql';
import { describeArgumentLimits } from '../limits/describe-arguments';
import { RESOLVERS } from '../resolvers';
import { shieldSchema } from '../shield';
import { DecimalScalar } from './decimal.scalar';
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

/** The schema as declared in code, before authorization: what schema.graphql shows. */
export function buildApiSchema(): GraphQLSchema {
  cached ??= describeArgumentLimits(buildSchemaSync({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Decimal, scalar: DecimalScalar }],
    validate: false,
    pubSub: NO_TOPICS,
  }));
  return cached;
}

/** The schema the server runs: every field under its rule (fail-closed). */
export const buildShieldedSchema = (): GraphQLSchema => shieldSchema(buildApiSchema());
