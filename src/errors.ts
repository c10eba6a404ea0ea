import { GraphQLError } from 'graphql';

/**
 * Typed errors the API returns on purpose. Anything else that escapes a resolver
 * is reported to clients as INTERNAL_SERVER_ERROR with no detail (see server/format-error.ts).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'INSUFFICIENT_STOCK'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'SERVICE_UNAVAILABLE';

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('FORBIDDEN', message, details);

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, details);

export const invalidState = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('INVALID_STATE', message, details);
