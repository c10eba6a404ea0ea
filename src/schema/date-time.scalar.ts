import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/**
 * Instants (`Date` in code): graphql-scalars' DateTimeISO, which type-graphql uses by default,
 * with the specification it follows named (issue 18 §5).
 */
export const DateTimeISOScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  description: 'An instant as an RFC 3339 date-time in UTC, e.g. "2026-10-31T14:05:00.000Z"; an offset such as +02:00 is accepted '
    + 'in input and converted. Every timestamp of the API (createdAt, processedAt, expiresAt …) is one.',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time.html',
});
