import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { Limits } from '../config';
import { LimitName, limitError } from './error-mapping';
import { logger } from '../logger';

/**
 * Static limits checked before any resolver runs: armor's validation rules (depth, aliases,
 * cost, directives) and graphql-js' own token limit in the parser. Each rejection carries
 * `extensions.code = LIMIT_EXCEEDED` and `extensions.limit` (see format-error.ts).
 */
export function queryLimits(limits: Limits): { validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const reject = (limit: LimitName) => ({
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, '')))],
  });
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...reject('depth') },
    maxAliases: { n: limits.maxAliases, ...reject('aliases') },
    costLimit: { maxCost: limits.maxCost, ...reject('cost') },
    maxDirectives: { n: limits.maxDirectives, ...reject('directives') },
    // graphql-js enforces the token limit while parsing (armor's Apollo token plugin answers HTTP 500).
    maxTokens: { enabled: false },
    // format-error.ts strips every "Did you mean" (armor's regex misses enum-value hints).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** A GraphQL-shaped error response written outside Apollo (before it runs), recorded for the log line. */
export function sendError(res: express.Response, status: number, error: GraphQLError): void {
  const record = res.locals.record as { codes: string[] } | undefined;
  const code = String(error.extensions.code);
  record?.codes.push(code);
  const { http: _http, ...extensions } = error.extensions;
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}

/** JSON bodies up to maxBodyBytes; bigger ones are refused with 413 before they are parsed. */
export const jsonBody = (limits: Limits): RequestHandler => express.json({ limit: limits.maxBodyBytes });

/** Malformed or oversized bodies answer with a GraphQL error, never Express' HTML error page. */
export function bodyErrors(limits: Limits): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      return sendError(res, 413, limitError('bodySize', `The request body exceeds ${limits.maxBodyBytes} bytes.`, 413));
    }
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(res, status, new GraphQLError('The request body is not valid JSON.', { extensions: { code: 'BAD_REQUEST' } }));
    }
    next(err);
  };
}

/** Batched HTTP requests (a JSON array of operations) only when LIMIT_BATCH_SIZE > 0, and at most that many. */
export function batchLimit(limits: Limits): RequestHandler {
  return (req, res, next) => {
    if (!Array.isArray(req.body)) return next();
    if (limits.maxBatchSize === 0) return sendError(res, 400, limitError('batch', 'Batched requests are disabled.'));
    if (req.body.length > limits.maxBatchSize) {
      return sendError(res, 400, limitError('batch', `A batch may hold at most ${limits.maxBatchSize} operations.`));
    }
    next();
  };
}

/** Anything that escaped the handlers above: a typed 500 without details (the log has them). */
export const lastResort: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  logger.error({ err }, 'unexpected error outside GraphQL');
  sendError(res, 500, new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
};
