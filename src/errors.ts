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

/** BAD_USER_INPUT on one input field, named by its path from the argument (`input.sku`, issue 18 §4). */
export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field, fieldErrors: [{ field, code: 'BAD_USER_INPUT', message }] });

/** One invalid input field: its path from the argument (`input.items[1].quantity`), the code, the reason. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

const isBadInput = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT';

/**
 * The fields a BAD_USER_INPUT names (issue 18 §4): its own `fieldErrors`, else the one `field`
 * it carries, with the message stripped of the `field: ` prefix that badInput adds. Errors of
 * no field (a malformed variable, say) name none.
 */
export function fieldErrorsOf(extensions: Record<string, unknown>, message: string): FieldError[] {
  if (Array.isArray(extensions.fieldErrors)) return extensions.fieldErrors as FieldError[];
  const field = extensions.field;
  if (typeof field !== 'string') return [];
  const reason = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return [{ field, code: String(extensions.code), message: reason }];
}

/**
 * Collects the invalid fields of one input so a form learns all of them at once (issue 18 §4):
 * each `check` runs one field's validation, keeps its BAD_USER_INPUT and lets the next check
 * run; `throwIfAny` then throws one BAD_USER_INPUT whose `fieldErrors` list every field and
 * whose `field` (and message start) is the first. Any other error (FORBIDDEN, NOT_FOUND …)
 * escapes at once, as before. A value a failed check answers is `undefined`: use values only
 * after `throwIfAny`.
 */
export class InputErrors {
  private readonly errors: GraphQLError[] = [];

  check<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      return this.keep(error);
    }
  }

  async checkAsync<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      return this.keep(error);
    }
  }

  add(field: string, message: string): void {
    this.errors.push(badInput(field, message));
  }

  /** Keeps a BAD_USER_INPUT built elsewhere (an argument over its limit names `limit` and `max` too). */
  addError(error: GraphQLError): void {
    this.keep(error);
  }

  /** How many fields failed so far (a caller skips work that needs the earlier ones valid). */
  get count(): number {
    return this.errors.length;
  }

  throwIfAny(): void {
    const error = this.combined();
    if (error) throw error;
  }

  /** The one BAD_USER_INPUT that throwIfAny throws, or undefined when every check passed. */
  combined(): DomainError | undefined {
    if (this.errors.length === 0) return undefined;
    const [first] = this.errors;
    const fieldErrors = this.errors.flatMap((e) => fieldErrorsOf(e.extensions, e.message));
    const message = this.errors.map((e) => e.message).join(' ');
    return new DomainError('BAD_USER_INPUT', message, { ...first.extensions, fieldErrors });
  }

  private keep<T>(error: unknown): T {
    if (!isBadInput(error)) throw error;
    this.errors.push(error);
    return undefined as T;
  }
}

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('FORBIDDEN', message, details);

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, details);

export const invalidState = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('INVALID_STATE', message, details);
