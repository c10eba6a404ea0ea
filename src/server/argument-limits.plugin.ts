import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { RequestContext } from '../context';
import { checkArguments } from '../limits/check-arguments';

/**
 * Refuses, before execution starts, what HTTP cannot serve: subscriptions (they run over graphql-ws
 * on the same path, docs/subscriptions.md; graphql-js would fail on them here as an internal error)
 * and any argument over its limit
 * (src/limits/, docs/operations.md). Nothing runs, so nothing is written and no SQL is sent.
 */
export const argumentLimitsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request, schema }) {
        if (!operation) return;
        if (operation.operation === 'subscription') {
          throw new GraphQLError('Subscriptions are not served over HTTP: use graphql-ws on this path (docs/subscriptions.md).', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        const error = checkArguments(schema, document, operation, request.variables);
        if (error) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
      },
    };
  },
};
