import 'reflect-metadata';
import Decimal from 'decimal.js';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync, PubSub } from 'type-graphql';
import { describeArgumentLimits } from '../limits/describe-arguments';
import { RESOLVERS } from '../resolvers';
import { GUARDS, RULES, shieldSchema } from '../shield';
import { withRequirements } from '../shield/requirement-docs';
import { INPUT_RULES } from '../shield/rules/input.rules';
import { DateTimeISOScalar } from './date-time.scalar';
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

/** The root types have no class to describe them on. */
const ROOT_DESCRIPTIONS = {
  Query: 'Reads: every list and lookup, filtered to what the viewer may see (DESIGN §3). A signed-in viewer is needed for all of them.',
  Mutation: 'Changes: each runs in one transaction and changes nothing when it is refused (DESIGN §3.6).',
  Subscription: 'Live changes over graphql-ws, each event re-read under the subscriber\'s access of that moment (docs/subscriptions.md).',
};

/**
 * The schema as written in the code — type-graphql's classes and their descriptions — before any
 * generated text: what the schema-docs test holds to a description on every element.
 */
export function buildWrittenSchema(): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Decimal, scalar: DecimalScalar }, { type: Date, scalar: DateTimeISOScalar }],
    validate: false,
    pubSub: NO_TOPICS,
  });
  for (const [name, description] of Object.entries(ROOT_DESCRIPTIONS)) {
    const root = schema.getType(name);
    if (root) root.description = description;
  }
  return schema;
}

/**
 * Written, then each argument's limit (src/limits/) and each gated element's requirement
 * (src/shield/requirement-docs.ts) appended to its description, generated from the tables the
 * server enforces.
 */
const declaredSchema = () => withRequirements(describeArgumentLimits(buildWrittenSchema()), RULES, INPUT_RULES, GUARDS);

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
