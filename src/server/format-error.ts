import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { fieldErrorsOf } from '../errors';
import { logger } from '../logger';
import { classifyUnexpected } from './error-mapping';

/** Codes the API sets on purpose, plus those graphql-js and Apollo produce for bad requests. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'INSUFFICIENT_STOCK', 'CONFLICT', 'INVALID_STATE',
  'SERVICE_UNAVAILABLE', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'LIMIT_EXCEEDED', 'TIMEOUT', 'FORBIDDEN_OPERATION',
]);

// graphql-js reports the token limit as a syntax error; it is a limit like the others.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more (than|that) \d+ tokens/;
// graphql-js hints ("Did you mean "sku"?", "Did you mean the enum value …?") reveal the schema.
const SUGGESTION = /\s*Did you mean .*$/s;

export interface FormatErrorOptions {
  /** Keep graphql-js "Did you mean …" hints (off in production, docs/operations.md). */
  fieldSuggestions: boolean;
}

/**
 * Errors reach clients with a typed code and never a stack trace or SQL text: anything
 * not raised on purpose becomes SERVICE_UNAVAILABLE / TIMEOUT when the database is the
 * cause, else INTERNAL_SERVER_ERROR, and is logged here instead.
 */
export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    delete extensions.stacktrace;
    let message = options.fieldSuggestions ? formatted.message : formatted.message.replace(SUGGESTION, '');
    // armor's validation rules name the limit; Apollo relabels every validation error GRAPHQL_VALIDATION_FAILED.
    // (An argument over its limit is BAD_USER_INPUT and names its limit too: src/limits/.)
    if (extensions.limit && extensions.code === 'GRAPHQL_VALIDATION_FAILED') extensions.code = 'LIMIT_EXCEEDED';
    if (extensions.code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(message)) {
      Object.assign(extensions, { code: 'LIMIT_EXCEEDED', limit: 'tokens' });
      message = message.replace(/^Syntax Error: /, '');
    }
    const code = extensions.code as string | undefined;
    const original = unwrapResolverError(error);
    const deliberate = (original instanceof GraphQLError && !(original.originalError && !(original.originalError instanceof GraphQLError))) || original === undefined;
    const where = { ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
    // Every BAD_USER_INPUT lists its fields the same way, however it was raised (issue 18 §4).
    if (code === 'BAD_USER_INPUT' && !extensions.fieldErrors) extensions.fieldErrors = fieldErrorsOf(extensions, message);
    if (code && PUBLIC_CODES.has(code) && deliberate) return { ...formatted, message, extensions };

    const known = classifyUnexpected(original);
    if (known) {
      logger.warn({ err: describe(original), path: formatted.path, code: known.code }, 'request failed on the database');
      return { message: known.message, ...where, extensions: { code: known.code, ...known.extensions } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

const describe = (error: unknown) =>
  error instanceof Error ? { type: error.name, message: error.message, code: (error as { code?: unknown }).code } : error;
