import { DocumentNode, getOperationAST, GraphQLError, GraphQLSchema, OperationDefinitionNode, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import { checkArguments } from '../../limits/check-arguments';
import { operationHash } from '../trusted-operations';

export interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export interface OperationChecks {
  schema: GraphQLSchema;
  /** graphql-armor's rules (depth, aliases, cost, directives) and the parser's token limit, as over HTTP. */
  validationRules: ValidationRule[];
  maxTokens: number;
  /** Trusted-operations mode: the allowed sha256 digests. */
  trusted?: Set<string>;
}

const typed = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

/**
 * What a graphql-ws `subscribe` message must pass before anything runs — the same checks as an
 * HTTP request (trusted operations, token limit, validation limits, argument limits), and it must
 * be a subscription: queries and mutations go over HTTP POST, where the time budget, batching and
 * the other request limits apply. Answers the parsed operation, or the typed errors to send.
 */
export function checkOperation(checks: OperationChecks, payload: SubscribePayload): { document: DocumentNode; operation: OperationDefinitionNode } | GraphQLError[] {
  if (typeof payload.query !== 'string') return typed('The subscribe message has no query.', 'BAD_REQUEST');
  if (checks.trusted && !checks.trusted.has(operationHash(payload.query))) {
    return typed('Only trusted operations may run on this server.', 'FORBIDDEN_OPERATION');
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: checks.maxTokens });
  } catch (error) {
    // format-error.ts turns the parser's token limit into LIMIT_EXCEEDED, as over HTTP.
    return typed(error instanceof Error ? error.message : 'Syntax error', 'GRAPHQL_PARSE_FAILED');
  }
  const invalid = validate(checks.schema, document, [...specifiedRules, ...checks.validationRules]);
  if (invalid.length > 0) {
    return invalid.map((error) => new GraphQLError(error.message, {
      nodes: error.nodes, extensions: { ...error.extensions, code: error.extensions.limit ? 'LIMIT_EXCEEDED' : 'GRAPHQL_VALIDATION_FAILED' },
    }));
  }
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (!operation) return typed('The document has no operation of that name, or several without operationName.', 'BAD_REQUEST');
  if (operation.operation !== 'subscription') {
    return typed(`Only subscriptions run over graphql-ws; send this ${operation.operation} by HTTP POST to the same path.`, 'BAD_REQUEST');
  }
  const overLimit = checkArguments(checks.schema, document, operation, payload.variables ?? undefined);
  if (overLimit) return [overLimit];
  return { document, operation };
}
