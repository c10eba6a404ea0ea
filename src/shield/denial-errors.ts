import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';

type Path = ReadonlyArray<string | number>;

/** Orders response paths segment by segment (list indexes numerically): a total order independent of timing. */
export function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const coordinateOf = (error: GraphQLFormattedError) =>
  error.extensions?.code === 'FORBIDDEN' && typeof error.extensions.coordinate === 'string' ? error.extensions.coordinate : null;

/**
 * Field errors arrive in the order resolvers happened to finish, which depends on database
 * timing; a response must not (DESIGN §3.8: byte-identical). Errors are put in path order and
 * each denied coordinate keeps one error, at its smallest path (DESIGN §3.5).
 */
export function canonicalErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const sorted = errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => comparePaths(a.error.path ?? [], b.error.path ?? []) || a.index - b.index)
    .map(({ error }) => error);
  const seen = new Set<string>();
  return sorted.filter((error) => {
    const coordinate = coordinateOf(error);
    if (coordinate === null) return true;
    if (seen.has(coordinate)) return false;
    seen.add(coordinate);
    return true;
  });
}

export const canonicalErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          response.body.singleResult.errors = canonicalErrors(response.body.singleResult.errors);
        }
      },
    };
  },
};
