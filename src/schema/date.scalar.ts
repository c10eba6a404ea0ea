import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' when it names a real calendar day (no 2025-02-30), else null. */
export function calendarDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = DAY.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value ? value : null;
}

function parse(value: unknown): string {
  const day = calendarDay(value);
  if (day === null) {
    throw new GraphQLError('Date must be an ISO calendar day like "2026-10-31".', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return day;
}

/**
 * An ISO 8601 calendar day, 'YYYY-MM-DD', without time or zone; code sees it as that string.
 * Instants (Date objects) serialize as their UTC day. Report periods count whole UTC days (DESIGN §4).
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day as an RFC 3339 full-date, "YYYY-MM-DD", e.g. "2026-10-31": no time, no zone; a day that does not '
    + 'exist (2026-02-30) is BAD_USER_INPUT. Report periods, document dates and closed periods count whole UTC days.',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/local-date.html',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parse(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date literals must be strings, e.g. "2026-10-31".', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(ast.value);
  },
});
