import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { RequestContext } from '../context';
import { createLoaders } from '../loaders';
import { buildShieldedSchema } from '../schema/build-schema';
import { canonicalErrorsPlugin } from '../shield/denial-errors';
import { authenticate } from './authenticate';
import { formatError } from './format-error';
import { createTokenVerifier } from './identity';
import { playgroundRouter } from './playground';

export interface StockgateServer {
  httpServer: http.Server;
  /** Listens on the port (0: any free one) and resolves the bound URL. */
  listen(port: number): Promise<string>;
  stop(): Promise<void>;
}

export async function createServer(config: Config, db: DataSource, schema: GraphQLSchema = buildShieldedSchema()): Promise<StockgateServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const verify = createTokenVerifier(config);

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // The default cache-control plugin walks every field and cost ~40 % on lists (issue 7).
      ApolloServerPluginCacheControlDisabled(),
      // One error per denied coordinate, in an order that does not depend on timing (DESIGN §3.5, §3.8).
      canonicalErrorsPlugin,
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/ready', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  if (config.playground) app.use(playgroundRouter());
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const access = await authenticate(db, verify, req.headers.authorization);
        return {
          db,
          access,
          loaders: createLoaders(db, access),
          deniedCoordinates: new Set(),
          requestId: (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
        };
      },
    }),
  );

  return {
    httpServer,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(`http://localhost:${typeof address === 'object' && address ? address.port : port}`);
        });
      }),
    stop: () => apollo.stop(),
  };
}
