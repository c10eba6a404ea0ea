import { OperationDefinitionNode, parse } from 'graphql';

/**
 * True when the request is a single `query` operation — the only kind whose reads may go to a
 * replica (issue 20): mutations and whatever follows them in a request read from the primary.
 * Anything unexpected (batches, syntax errors, subscriptions) answers false: the primary is always right.
 */
export function isReadOnlyRequest(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const operations = parse(query, { noLocation: true }).definitions
      .filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    const chosen = typeof operationName === 'string' ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    return chosen?.operation === 'query';
  } catch {
    return false;
  }
}
