import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d{1,14}(\.\d{1,4})?$/;

function parse(value: unknown): Decimal {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value.trim())) {
    throw new GraphQLError('Decimal must be a string like "12.5" (up to 14 integer and 4 fractional digits).', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Decimal(value.trim());
}

/** Exact decimals for quantities and money, serialized as strings ("12.5"), never floats (DESIGN §1). */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "12.5" or "-3": XML Schema\'s decimal, without a "+" or an exponent; '
    + 'input takes at most 14 integer and 4 fractional digits. Quantities and money, never a float; each argument states its range.',
  specifiedByURL: 'https://www.w3.org/TR/xmlschema11-2/#decimal',
  serialize: (value) => new Decimal(value as Decimal.Value).toFixed(),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Decimal literals must be strings, e.g. "12.5".', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(ast.value);
  },
});
